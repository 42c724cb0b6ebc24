/** Text from the service may quote notification addresses: they never reach a log or a summary. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu

export function redactEmails(text: string): string {
  return text.replace(EMAIL, '[e-mail redacted]')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** Plain, single-line, redacted and bounded text from the service's `messageHtml`. */
export function clean(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim()
  const redacted = redactEmails(text)
  return redacted.length > 500 ? `${redacted.slice(0, 497)}...` : redacted
}
