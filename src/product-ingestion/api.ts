/**
 * Partner Center's Product Ingestion API, through which every other Marketplace offer is
 * published: what settings need of it, and its stages (live.ts, preview.ts, draft.ts).
 */
import { ActionError } from '../errors.js'
import { PARTNER_CENTER, type MarketplaceApi } from '../service.js'
import { resolveUnder } from '../url.js'
import { DraftChange } from './draft.js'
import { GoLive } from './live.js'
import { PreviewPublish } from './preview.js'
import { DEFAULT_VERSION, parseFollowed, productPage, RESOURCE } from './urls.js'

export const productIngestion: MarketplaceApi = {
  name: 'product-ingestion',
  title: 'Product Ingestion',
  defaults: { 'base-url': `${RESOURCE}/rp/product-ingestion`, 'api-version': DEFAULT_VERSION },
  tokenResource: RESOURCE,
  needsPublisher: false,
  galleries: true,
  // The schema's form of identity.externalId; the service matches it without regard to case.
  normaliseOfferId: (offerId) => {
    if (!/^[a-z0-9][a-z0-9-_]{2,49}$/i.test(offerId)) {
      throw new ActionError(
        `Input 'offer-id' is '${offerId}', which cannot be a Partner Center offer id: those are 3 to 50 letters, digits, '-' and '_', starting with a letter or a digit (the offer id shown in Partner Center).`,
      )
    }
    return offerId.toLowerCase()
  },
  operationUrl: followedUrl,
  operationId: (url) => {
    const followed = parseFollowed(url.pathname)
    return followed?.kind === 'job' ? followed.jobId : (followed?.id ?? '')
  },
  // A configure job does not name its product: the list of offers, unless the run knew the product.
  portalUrl: (url) => {
    const followed = parseFollowed(url.pathname)
    return followed?.kind === 'submission' ? productPage(followed.productGuid) : `${PARTNER_CENTER}/overview`
  },
  stages: {
    live: (deps) => new GoLive(deps),
    preview: (deps) => new PreviewPublish(deps),
    draft: (deps) => new DraftChange(deps),
  },
}

/** `{base}/configure/{jobId}/status` or `{base}/submission/{productGuid}/{id}`, on base-url's origin. */
function followedUrl(value: string, baseUrl: URL, source: string): URL {
  const url = resolveUnder(value, baseUrl, source)
  if (!parseFollowed(url.pathname)) {
    throw new ActionError(
      `The ${source} ${url.pathname} is not a go-live of the Product Ingestion API: it should end in /configure/{jobId}/status or /submission/{productId}/{submissionId}.`,
    )
  }
  return url
}
