/**
 * The Cloud Partner Portal API, for offers integrated with it before the move to Partner Center:
 * what settings need of it, and its two stages, each loaded only by a run that uses it.
 */
import { PARTNER_CENTER, type MarketplaceApi } from '../service.js'
import { operationId, resolveOperationUrl } from './urls.js'

export const RESOURCE = 'https://cloudpartner.azure.com'

export const cloudPartnerPortal: MarketplaceApi = {
  name: 'cloud-partner-portal',
  title: 'Cloud Partner Portal',
  defaults: { 'base-url': RESOURCE, 'api-version': '2017-10-31' },
  tokenResource: RESOURCE,
  needsPublisher: true,
  operationUrl: resolveOperationUrl,
  operationId,
  // CPP operations do not name the offer's Partner Center id: the list of offers it is in.
  portalUrl: () => `${PARTNER_CENTER}/overview`,
  connect: async (deps) =>
    deps.settings.target === 'preview'
      ? new (await import('./preview.js')).PreviewPublish(deps)
      : new (await import('./live.js')).GoLive(deps),
}

export function explainStatus(
  status: number,
  detail: string,
  purpose: string,
  target: { publisherId: string; offerId: string },
): string {
  const failed = `Could not ${purpose}: HTTP ${status}${detail}`
  const { publisherId, offerId } = target
  switch (status) {
    case 400:
      return `${failed}. The service found the request malformed; fix the inputs named in the message (not retried).`
    case 403:
      return `${failed}. The service principal has no access to publisher '${publisherId}': add the application as a user of the account in Partner Center (Account settings > User management), or check publisher-id.`
    case 404:
      return `${failed}. Publisher '${publisherId}' or offer '${offerId}' does not exist: check publisher-id and offer-id.`
    case 409:
      return `${failed}. Another operation is running on offer '${offerId}'; wait for it to end, then re-run.`
    case 422:
      return `${failed}. The offer failed validation: fix it, publish it again, then go live.`
    default:
      return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`
  }
}
