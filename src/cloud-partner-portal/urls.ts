/** The Cloud Partner Portal's operation URLs: what settings and the adapters accept to follow. */
import { ActionError } from '../errors.js'
import { isUsableId } from '../ids.js'
import { resolveUnder } from '../url.js'

export const RESOURCE = 'https://cloudpartner.azure.com'

/**
 * The operation URL from a 202 or an input, followed as the service gave it (the non-migrated
 * `/api/operations/{p}${o}$2$preview` form included), on base-url's origin only.
 */
export function resolveOperationUrl(value: string, baseUrl: URL, source: string): URL {
  const url = resolveUnder(value, baseUrl, source)
  if (!/\/operations\/[^/]+$/.test(url.pathname)) {
    throw new ActionError(
      `The ${source} ${url.pathname} is not an operation URL: it should end in /operations/{operationId}.`,
    )
  }
  // The id becomes the operation-id output, written exactly: it must be one that needs no cleaning.
  const id = operationId(url)
  if (!isUsableId(id)) {
    throw new UnusableLocation(
      `The ${source} names an operation id that no operation has (line breaks, spaces, an address or over 500 characters).`,
    )
  }
  return url
}

/** An operation URL on the right origin whose id cannot be one: the operation is found another way. */
export class UnusableLocation extends ActionError {
  override name = 'UnusableLocation'
}

/** The last path segment: a GUID, or a `$`-separated id for offers not yet migrated. */
export function operationId(url: URL): string {
  const last = url.pathname.split('/').pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}
