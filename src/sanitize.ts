/**
 * The one sanitiser. Text from the network (and anything built from it) is hostile until it has
 * been through here: `forLog` makes it inert for the runner, which parses every stdout line for
 * workflow commands; `forMarkdown` makes it inert for the job summary; `linkTarget` admits only
 * URLs the action validated. Every step is linear in the length of the text, which is cut first.
 */

/** Longest line of service text the log shows: longer text is cut before anything processes it. */
export const MAX_LINE = 2000

/**
 * An e-mail address, with `@` in its common encodings. Bounded quantifiers keep the search linear:
 * a local part of at most 64 characters, at most 8 domain labels of at most 63. No `i` flag:
 * `\p{L}` has both cases already, and case-folding it makes the pattern slow to compile.
 */
const EMAIL =
  /[\p{L}\p{N}._%+-]{1,64}(?:@|＠|%40|&#0*64;|&#[xX]0*40;|&commat;|\\u0040|\\x40|\s?[([{]\s?[aA][tT]\s?[)\]}]\s?)(?:[\p{L}\p{N}-]{1,63}(?:\.|\s?[([{]\s?[dD][oO][tT]\s?[)\]}]\s?)){1,8}\p{L}{2,63}/gu

/** Whatever could be the `@` of an address: a cheap test, so most text never meets EMAIL. */
const AT = /[@＠]|%40|&#|&commat;|\\u0040|\\x40|[([{]\s?[aA][tT]\s?[)\]}]/

export function redactEmails(text: string): string {
  return AT.test(text) ? text.replace(EMAIL, '[e-mail redacted]') : text
}

/** Line breaks the runner splits on, other C0/C1 controls, and Unicode line and paragraph separators. */
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/**
 * One line, safe to print: bounded, no line breaks or control characters, no e-mail address, no
 * `##[` anywhere (the runner's legacy parser finds it mid-line) and no `::` at its start (where
 * the current parser looks, after leading white space).
 */
export function forLog(text: string, max = MAX_LINE): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text
  return redactEmails(cut.replace(BREAKS, ' '))
    .replace(/##\[/g, '## [')
    .replace(/^(\s*):(?=:)/, '$1: ')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** Plain, single-line, redacted and bounded text from the service's `messageHtml`. */
export function clean(html: string): string {
  const text = html
    .slice(0, MAX_LINE * 2)
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim()
  const redacted = redactEmails(text)
  return redacted.length > 500 ? `${redacted.slice(0, 497)}...` : redacted
}

/**
 * Inert Markdown for a table cell or a line of the summary: every character that could start a
 * link, an image, emphasis, a heading, HTML, math (`$`) or an autolink (`:` of `https://`, `.` of
 * `www.`) is written as an HTML entity, which GitHub shows as the character itself.
 */
export function forMarkdown(text: string, max = MAX_LINE): string {
  return forLog(text, max)
    .replace(/[\\`*_[\]()<>#!|~:&@$]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/(www)\./gi, '$1&#46;')
}

/**
 * A URL the summary may link to: absolute http(s) only, no credentials, no e-mail address, and
 * encoded so that it cannot end the Markdown link early; with `hosts`, only on those domains.
 * Undefined for anything else.
 */
export function linkTarget(text: string, hosts?: readonly string[]): string | undefined {
  if (text.length > MAX_LINE || !/^https?:\/\//i.test(text)) return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.username || url.password || redactEmails(decodeSafely(url.href)) !== decodeSafely(url.href)) return undefined
  if (
    hosts &&
    (url.protocol !== 'https:' || !hosts.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`)))
  ) {
    return undefined
  }
  return url.href.replace(/[()<>"'\s\\`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/**
 * Every escape that decodes, decoded, even beside one that does not: a malformed `%` elsewhere must
 * not leave an encoded address unread.
 */
function decodeSafely(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}
