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
    throw new ActionError(
      `Input '${inputName}' must be an https URL (plain http is allowed only for localhost); it is '${url.origin}'.`,
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

/** Adds `api-version` unless the URL carries one already (operation URLs from the service do). */
export function withApiVersion(url: URL, apiVersion: string): URL {
  const out = new URL(url.href)
  if (!out.searchParams.has('api-version')) out.searchParams.set('api-version', apiVersion)
  return out
}
