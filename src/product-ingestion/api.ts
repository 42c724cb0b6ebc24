/** Partner Center's Product Ingestion API, through which every other Marketplace offer goes live. */
import { formatDuration } from '../duration.js'
import { ActionError, MaybeSent, NotFound, Throttled } from '../errors.js'
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
import { describeShape } from '../json.js'
import {
  chooseLive,
  holder,
  inProgressRefusal,
  jobId,
  jobOperation,
  nextLink,
  parseFollowed,
  parseSubmissions,
  planGoLive,
  productGuid,
  startedGoLive,
  submissionNumber,
  submissionOperation,
  type Plan,
  type Submission,
} from './parse.js'

export const RESOURCE = 'https://graph.microsoft.com'
const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema'
/** Later submission schemas made `sources` required; the go-live body does not carry it. */
const SUBMISSION_SCHEMA = `${SCHEMA_HOST}/submission/2022-03-01-preview2`
/** A go-live POST that may have reached the service is sent this often at most. */
const MAX_POSTS = 3
/** Pages of one list the action reads at most (`@nextLink`): far more than an offer has. */
export const MAX_PAGES = 20

export const productIngestion: MarketplaceApi = {
  name: 'product-ingestion',
  title: 'Product Ingestion',
  defaults: { 'base-url': `${RESOURCE}/rp/product-ingestion`, 'api-version': '2022-07-01' },
  tokenResource: RESOURCE,
  needsPublisher: false,
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
  /** The submission this run asked to put live, once it sent the request. */
  private promoting?: string

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
    const guid = await this.product()
    return this.carryOut(guid, planGoLive(await this.submissions(guid), this.deps.settings.offerId))
  }

  private carryOut(guid: string, plan: Plan): Promise<Tracked> | Tracked {
    const { settings, log } = this.deps
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
      const op = jobOperation(response.json)
      const refusedFor = inProgressRefusal(op)
      return refusedFor ? this.heldBy(refusedFor, followed.jobId) : op
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
    this.promoting = submissionNumber(preview.id)
    const since = this.deps.clock.now()
    const throttled: string[] = []
    let unanswered = 0
    for (;;) {
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
        if (error instanceof Throttled) {
          // Not acted on. Meanwhile another run may have put the same preview live: decide again.
          throttled.push(error.message)
          const wait = this.deps.http.retryWait(throttled, error.retryAfterMs, since, purpose)
          await this.deps.clock.sleep(wait, this.deps.signal)
          const plan = planGoLive(await this.submissions(guid), settings.offerId)
          if (plan.kind !== 'promote' || plan.preview.id !== preview.id) return this.carryOut(guid, plan)
          continue
        }
        if (!(error instanceof MaybeSent)) throw error
        unanswered++
        log(
          `The go-live request may have reached the service (${error.message}); looking for the go-live before sending it again.`,
        )
        const live = await this.lookForGoLive(guid, preview)
        if (live) return live
        if (unanswered >= MAX_POSTS) {
          throw new ActionError(
            `Could not ${purpose}: ${unanswered} requests failed before an answer (${error.message}), and no go-live was listed within ${formatDuration(lookBudget(settings).forMs)}. Re-run this step; it will not start a second go-live.`,
          )
        }
        continue
      }
      this.session.check(response, purpose)
      const id = jobId(response.json)
      if (id) {
        log(
          `Started the go-live of offer '${settings.offerId}' (submission ${submissionNumber(preview.id)}): job ${id}.`,
        )
        return {
          location: under(settings.baseUrl, `/configure/${id}/status`),
          how: 'started',
          portal: productPage(guid),
        }
      }
      // The service accepted it: never sent again. The job cannot be followed; its go-live can.
      log(
        `The service accepted the go-live (HTTP ${response.status}) but named no job in the form of one (${describeShape(response.json)}); looking for the go-live among the offer's submissions.`,
      )
      const live = await this.lookForGoLive(guid, preview)
      if (live) return live
      throw new ActionError(
        `The service accepted the go-live of offer '${settings.offerId}' but named no job, and no go-live was listed within ${formatDuration(lookBudget(settings).forMs)}. It was not sent again: run this action with start: false later to follow the offer's go-live.`,
      )
    }
  }

  /** Looks, for a while, for the go-live of `preview` that a request of this run started. */
  private async lookForGoLive(guid: string, preview: Submission): Promise<Tracked | undefined> {
    const live = await lookAgain(async () => startedGoLive(await this.submissions(guid), preview), {
      clock: this.deps.clock,
      signal: this.deps.signal,
      ...lookBudget(this.deps.settings),
    })
    if (!live) return undefined
    this.deps.log(`Following the go-live that request started (submission ${submissionNumber(live.id)}).`)
    return { location: this.submissionUrl(live), how: 'started', portal: productPage(guid) }
  }

  /**
   * The service refused job `job` because submission `n` is being published. When that is the
   * go-live of the same submission (the one this run asked for, or any go-live for a job this run
   * only follows), it is this run's go-live: follow it. Any other publish fails the step.
   */
  private async heldBy(n: string, job: string): Promise<Operation> {
    const { settings, log } = this.deps
    const guid = await this.product()
    const found = await lookAgain(async () => holder(await this.submissions(guid), n), {
      clock: this.deps.clock,
      signal: this.deps.signal,
      ...lookBudget(settings),
    })
    const sameSubmission = this.promoting === undefined || this.promoting === n
    if (found?.kind === 'go-live' && sameSubmission) {
      log(
        `Job ${job} was refused because the go-live of submission ${n} is already in progress on offer '${settings.offerId}'; following that go-live instead.`,
      )
      return { ...submissionOperation(found.live), movedTo: this.submissionUrl(found.live) }
    }
    const what =
      found?.kind === 'go-live'
        ? `a go-live of submission ${n}`
        : found?.kind === 'other'
          ? `a ${found.publish.target || 'publish'} publish of submission ${n}`
          : `a publish of submission ${n}`
    throw new ActionError(
      `Cannot go live: the service refused job ${job} because ${what} is already in progress on offer '${settings.offerId}'. Wait for it to end (start: false follows the offer's go-live), then re-run this step.`,
    )
  }

  private async product(): Promise<string> {
    if (this.guid) return this.guid
    const { offerId, baseUrl } = this.deps.settings
    const url = under(baseUrl, '/product')
    url.searchParams.set('externalId', offerId)
    let guid: string | undefined
    await this.pages(url, `find offer '${offerId}'`, (body) => (guid = productGuid(body, offerId)) !== undefined)
    if (!guid) {
      throw new ActionError(
        `No offer with the id '${offerId}' in the Partner Center account of this app: check offer-id (the offer id shown in Partner Center). Offers still served by the Cloud Partner Portal need api: cloud-partner-portal.`,
      )
    }
    return (this.guid = guid)
  }

  private async submissions(guid: string): Promise<Submission[]> {
    const list: Submission[] = []
    await this.pages(
      under(this.deps.settings.baseUrl, `/submission/${guid}`),
      "list the offer's submissions",
      (body) => {
        list.push(...parseSubmissions(body))
        return false
      },
    )
    return list
  }

  /**
   * Reads a list page by page through `@nextLink` (on base-url's origin only, so the token goes
   * nowhere else) until `take` says it has what it wants, or the list ends; at most MAX_PAGES.
   */
  private async pages(first: URL, purpose: string, take: (body: unknown) => boolean): Promise<void> {
    let url = first
    for (let page = 1; ; page++) {
      const response = await this.session.ok({ method: 'GET', url, purpose, expectJson: true })
      if (take(response.json)) return
      const next = nextLink(response.json)
      if (!next) return
      if (page >= MAX_PAGES) {
        throw new ActionError(
          `Could not ${purpose}: the list goes on past ${MAX_PAGES} pages, more than any offer has. Check base-url; re-run if the service was in trouble.`,
        )
      }
      url = resolveUnder(next, this.deps.settings.baseUrl, 'next page link the service returned')
    }
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
