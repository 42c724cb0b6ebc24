/** The summary as a person reads it: the character references GitHub shows as characters, decoded. */
export function shown(markdown: string): string {
  return markdown
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(lt|gt|amp|quot);/g, (_, n: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"' })[n]!)
}

/** The Markdown summary's facts table, as a map. */
export function facts(summary: string): Record<string, string> {
  return Object.fromEntries([...summary.matchAll(/^\| ([A-Za-z ]+) \| (.*) \|$/gm)].map((m) => [m[1], m[2]]))
}
