/** Partner Center's Product Ingestion API, through which every other Marketplace offer goes live. */
import { formatDuration } from '../duration.js'
import { ActionError, MaybeSent, NotFound } from '../errors.js'
import type { HttpResponse } from '../http.js'
import type { Operation } from '../operation.js'
import {
  lookAgain,
  lookBudget,
  PARTNER_CENTER,
  type MarketplaceApi,
  type MarketplaceService,
  type ServiceDeps,
  type Tracked,
} from '../service.js'
import { Session } from '../session.js'
import { resolveUnder, under, withQuery } from '../url.js'
import {
  chooseLive,
  jobId,
  jobOperation,
  liveInProgress,
  parseFollowed,
  parseSubmissions,
  planGoLive,
  productGuid,
  submissionNumber,
  submissionOperation,
  type Submission,
} from './parse.js'

export const RESOURCE = 'https://graph.microsoft.com'
const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema'
/** Later submission schemas made `sources` required; the go-live body does not carry it. */
const SUBMISSION_SCHEMA = `${SCHEMA_HOST}/submission/2022-03-01-preview2`
/** A go-live POST that may have reached the service is sent again at most this often. */
const MAX_POSTS = 3

export const productIngestion: MarketplaceApi = {
  name: 'product-ingestion',
  title: 'Product Ingestion',
  defaults: { 'base-url': `${RESOURCE}/rp/product-ingestion`, 'api-version': '2022-07-01' },
  tokenResource: RESOURCE,
  needsPublisher: false,
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
  connect: (deps) => new ProductIngestion(deps),
}

const productPage = (guid: string): string => `${PARTNER_CENTER}/offers/${guid}/overview`

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

class ProductIngestion implements MarketplaceService {
  private readonly session: Session
  private guid?: string

  constructor(private readonly deps: ServiceDeps) {
    const { settings } = deps
    this.session = new Session(deps.http, deps.credentials, {
      origin: settings.baseUrl.origin,
      versioned: (url) => withQuery(url, '$version', settings.apiVersion),
      explain401: (purpose, detail, renewed) =>
        `Could not ${purpose}: HTTP 401${detail}. ${
          renewed
            ? `A token just issued to ${deps.credentials.source} was refused: check that it is issued for ${RESOURCE} and that the app is added in Partner Center (Account settings > User management > Azure AD applications).`
            : `The token must be issued for ${RESOURCE} (scope ${RESOURCE}/.default) and unexpired: pass a fresh one, or sign in with tenant-id and client-id so the action gets and renews it.`
        }`,
      explain: explainStatus,
    })
  }

  async start(): Promise<Tracked> {
    const { settings, log } = this.deps
    const guid = await this.product()
    const plan = planGoLive(await this.submissions(guid), settings.offerId)
    switch (plan.kind) {
      case 'refuse':
        throw new ActionError(plan.reason)
      case 'attach':
        log(
          `A go-live of offer '${settings.offerId}' is already in progress (submission ${submissionNumber(plan.live.id)}); following it instead of starting another.`,
        )
        return { location: this.submissionUrl(plan.live), how: 'attached' }
      case 'already-live':
        log(
          `Offer '${settings.offerId}' is already live with submission ${submissionNumber(plan.live.id)}; no go-live was started.`,
        )
        return { location: this.submissionUrl(plan.live), how: 'already-live' }
      case 'promote':
        return this.promote(guid, plan.preview)
    }
  }

  async find(): Promise<Tracked | undefined> {
    const guid = await this.product()
    const live = chooseLive(await this.submissions(guid))
    if (!live) return undefined
    this.deps.log(`Following the offer's live submission ${submissionNumber(live.id)} (${live.status || 'no status'}).`)
    return { location: this.submissionUrl(live), how: 'found' }
  }

  async read(location: URL): Promise<Operation> {
    const followed = parseFollowed(location.pathname)
    if (followed?.kind === 'job') {
      const response = await this.session.ok({
        method: 'GET',
        url: location,
        purpose: 'read the go-live job status',
        expectJson: true,
        missing: `job ${followed.jobId}`,
      })
      return jobOperation(response.json)
    }
    if (!followed) throw new ActionError(`Cannot read ${location.pathname}: not a Product Ingestion go-live.`)
    // A submission id is shared by its preview and live entries: the live one is read from the list.
    const durableId = `submission/${followed.productGuid}/${followed.id}`
    const live = chooseLive((await this.submissions(followed.productGuid)).filter((s) => s.id === durableId))
    if (!live) throw new NotFound(`Submission ${followed.id} has no live entry in the product's submissions.`)
    return submissionOperation(live)
  }

  /** POST configure; a POST that may have reached the service is not repeated before looking. */
  private async promote(guid: string, preview: Submission): Promise<Tracked> {
    const { settings, log } = this.deps
    const body = JSON.stringify({
      $schema: `${SCHEMA_HOST}/configure/${settings.apiVersion}`,
      resources: [
        { $schema: SUBMISSION_SCHEMA, id: preview.id, product: `product/${guid}`, target: { targetType: 'live' } },
      ],
    })
    const purpose = 'start the go-live'
    for (let post = 1; ; post++) {
      let response: HttpResponse
      try {
        response = await this.session.send({
          method: 'POST',
          url: under(settings.baseUrl, '/configure'),
          purpose,
          body,
          expectJson: true,
          repeatable: false,
        })
      } catch (error) {
        if (!(error instanceof MaybeSent)) throw error
        log(
          `The go-live request may have reached the service (${error.message}); looking for the go-live before sending it again.`,
        )
        const budget = lookBudget(settings)
        const live = await lookAgain(async () => liveInProgress(await this.submissions(guid), preview), {
          clock: this.deps.clock,
          signal: this.deps.signal,
          ...budget,
        })
        if (live) {
          log(`Following the go-live that request started (submission ${submissionNumber(live.id)}).`)
          return { location: this.submissionUrl(live), how: 'started' }
        }
        if (post >= MAX_POSTS) {
          throw new ActionError(
            `Could not ${purpose}: ${post} requests failed before an answer (${error.message}), and no go-live was listed within ${formatDuration(budget.forMs)}. Re-run this step; it will not start a second go-live.`,
          )
        }
        continue
      }
      this.session.check(response, purpose)
      const id = jobId(response.json)
      log(`Started the go-live of offer '${settings.offerId}' (submission ${submissionNumber(preview.id)}): job ${id}.`)
      return {
        location: under(settings.baseUrl, `/configure/${id}/status`),
        how: 'started',
        portal: productPage(guid),
      }
    }
  }

  private async product(): Promise<string> {
    if (this.guid) return this.guid
    const { offerId, baseUrl } = this.deps.settings
    const purpose = `find offer '${offerId}'`
    const url = under(baseUrl, '/product')
    url.searchParams.set('externalId', offerId)
    const response = await this.session.ok({ method: 'GET', url, purpose, expectJson: true })
    const guid = productGuid(response.json)
    if (!guid) {
      throw new ActionError(
        `No offer with the id '${offerId}' in the Partner Center account of this app: check offer-id (the offer id shown in Partner Center). Offers still served by the Cloud Partner Portal need api: cloud-partner-portal.`,
      )
    }
    return (this.guid = guid)
  }

  private async submissions(guid: string): Promise<Submission[]> {
    const purpose = "list the offer's submissions"
    const url = under(this.deps.settings.baseUrl, `/submission/${guid}`)
    const response = await this.session.ok({ method: 'GET', url, purpose, expectJson: true })
    return parseSubmissions(response.json)
  }

  private submissionUrl(submission: Submission): URL {
    return under(this.deps.settings.baseUrl, `/${submission.id}`)
  }
}

export function explainStatus(status: number, detail: string, purpose: string): string {
  const failed = `Could not ${purpose}: HTTP ${status}${detail}`
  switch (status) {
    case 400:
      return /deprecated schema/i.test(detail)
        ? `${failed}. Set api-version to a version the service still serves, such as ${productIngestion.defaults['api-version']}.`
        : `${failed}. The service refused the request (not retried).`
    case 403:
      return `${failed}. The app has no access to this Partner Center account: add it in Partner Center (Account settings > User management > Azure AD applications) with the Manager role.`
    case 404:
      return `${failed}. The service knows no such resource: check offer-id and base-url.`
    default:
      return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`
  }
}
