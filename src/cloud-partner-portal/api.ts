/**
 * The Cloud Partner Portal API, for offers integrated with it before the move to Partner Center:
 * what settings need of it, and its stages (live.ts, preview.ts, draft.ts).
 */
import { PARTNER_CENTER, type MarketplaceApi } from '../service.js'
import { DraftChange } from './draft.js'
import { GoLive } from './live.js'
import { PreviewPublish } from './preview.js'
import { operationId, resolveOperationUrl, RESOURCE } from './urls.js'

export { explainStatus } from './offer.js'

export const cloudPartnerPortal: MarketplaceApi = {
  name: 'cloud-partner-portal',
  title: 'Cloud Partner Portal',
  defaults: { 'base-url': RESOURCE, 'api-version': '2017-10-31' },
  tokenResource: RESOURCE,
  needsPublisher: true,
  galleries: false,
  // The draft change is the offer PUT itself (draft.ts).
  oneRequest: ['draft'],
  operationUrl: resolveOperationUrl,
  operationId,
  // CPP operations do not name the offer's Partner Center id: the list of offers it is in.
  portalUrl: () => `${PARTNER_CENTER}/overview`,
  stages: {
    live: (deps) => new GoLive(deps),
    preview: (deps) => new PreviewPublish(deps),
    draft: (deps) => new DraftChange(deps),
  },
}
