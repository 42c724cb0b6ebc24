import { ActionError } from './errors.js'

/** Loopback hosts are the only ones where plain http and very short poll intervals are allowed. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Checks a service root given as an input (`base-url`, `authority-host`): https, or http on a
 * loopback host; no credentials, query or fragment. Returns it without a trailing slash.
 */
export function parseServiceUrl(text: string, inputName: string): URL {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new ActionError(
      `Input '${inputName}' is '${text}', which is not a URL: give one such as https://cloudpartner.azure.com.`,
    )
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    const fixed = url.host ? `https://${url.host}${url.pathname.replace(/\/+$/, '')}` : 'an https URL'
    throw new ActionError(
      `Input '${inputName}' is '${text.trim()}', which is not https: use ${fixed} (plain http is allowed only for localhost).`,
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(`Input '${inputName}' must be a plain host URL without credentials, query or fragment.`)
  }
  url.pathname = url.pathname.replace(/\/+$/, '')
  return url
}

/** The URL of `path` under a service root, with the root's own path prefix kept. */
export function under(root: URL, path: string): URL {
  const url = new URL(root.href)
  url.pathname = `${root.pathname.replace(/\/+$/, '')}${path}`
  return url
}

/** Adds a query parameter unless the URL carries it already (operation URLs from the service do). */
export function withQuery(url: URL, name: string, value: string): URL {
  const out = new URL(url.href)
  if (out.searchParams.has(name)) return out
  // Written as the APIs document it: `$version`, not `%24version`.
  const pair = `${encodeURIComponent(name).replace(/%24/g, '$')}=${encodeURIComponent(value)}`
  out.search = out.search ? `${out.search}&${pair}` : `?${pair}`
  return out
}

/**
 * A URL the service or the user gave, on base-url's origin only (the token goes wherever it
 * points). A path relative to the host keeps base-url's own path prefix (a gateway's, say).
 */
export function resolveUnder(value: string, baseUrl: URL, source: string): URL {
  const text = value.trim()
  let url: URL
  try {
    url = new URL(text, baseUrl.origin)
  } catch {
    throw new ActionError(`The ${source} '${value}' is not a URL.`)
  }
  if (url.origin !== baseUrl.origin) {
    throw new ActionError(
      `Refused the ${source} ${url.origin}${url.pathname}: it is not on base-url's origin ${baseUrl.origin}, and the token is sent to that origin only.`,
    )
  }
  // The origin leaves user:password@ out: checked apart, and never printed.
  if (url.username || url.password) {
    throw new ActionError(
      `Refused the ${source} ${url.origin}${url.pathname}: it carries credentials (user:password@ before the host), which the action never sends or prints.`,
    )
  }
  const prefix = baseUrl.pathname.replace(/\/+$/, '')
  if (prefix && !/^[a-z][a-z0-9+.-]*:/i.test(text) && !url.pathname.startsWith(`${prefix}/`)) {
    url.pathname = `${prefix}${url.pathname}`
  }
  url.hash = ''
  return url
}
