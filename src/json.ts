/** Reading JSON answers of unknown shape: every adapter's parser goes through these. */

/** Longest string kept from any field of an answer: longer text is cut before anything processes it. */
export const MAX_FIELD = 4000

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A string or number field as text, cut to MAX_FIELD; anything else is empty. */
export function str(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
  return text.length > MAX_FIELD ? text.slice(0, MAX_FIELD) : text
}

/** For messages about an answer of the wrong shape: what it was, without quoting its content. */
export function describeShape(body: unknown): string {
  if (Array.isArray(body)) return `an array of ${body.length}`
  if (body === null) return 'null'
  if (isRecord(body)) {
    const keys = Object.keys(body)
      .slice(0, 5)
      .map((k) => (/^[\w$@.-]{1,40}$/.test(k) ? k : '?'))
    return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object'
  }
  return `a ${typeof body}`
}
