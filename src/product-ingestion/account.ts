/** What both Product Ingestion stages read of an offer: its product, its submissions, their URLs. */
import { formatDuration } from '../duration.js'
import { ActionError } from '../errors.js'
import { errorDetail } from '../answer.js'
import type { HttpResponse } from '../http.js'
import { writeOnce } from '../write-once.js'
import { describeShape, isRecord } from '../json.js'
import {
  lookAgain,
  lookBudget,
  TooLate,
  type Done,
  type PlannedRequest,
  type ServiceDeps,
  type StartFacts,
  type Tracked,
} from '../service.js'
import { DEFAULT_VERSION, parseFollowed, RESOURCE } from './urls.js'
import { Session } from '../session.js'
import { resolveUnder, under, withQuery } from '../url.js'
import { isTerminal, type Operation } from '../operation.js'
import { choosePlan, parsePlans, pickConfiguration, TECH_TYPES, type PlanRef } from './technical.js'
import {
  holder,
  jobId,
  jobOperation,
  jobStage,
  listedStages,
  nextLink,
  parseSubmissions,
  productGuid,
  sameContent,
  type Submission,
} from './parse.js'
import type { Stage } from '../stages.js'

const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema'
/** Later submission schemas made `sources` required; the configure bodies do not carry it. */
const SUBMISSION_SCHEMA = `${SCHEMA_HOST}/submission/2022-03-01-preview2`
/** A configure POST that may have reached the service is sent this often at most. */
const MAX_POSTS = 3
/** Pages of one list the action reads at most (`@nextLink`): far more than an offer has. */
const MAX_PAGES = 20

/** The offer's account on the service: one session, the product lookup and its lists. */
export class Account {
  readonly session: Session
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

  /** The product GUID of offer-id: the product whose identity.externalId it is. */
  async product(): Promise<string> {
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

  async submissions(guid: string): Promise<Submission[]> {
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
   * What holds the offer when the service refused a job with "An In Progress submission N already
   * exists.": looked for a while, as the list may lag behind the service's own guard.
   */
  holderOf(guid: string, n: string): Promise<ReturnType<typeof holder>> {
    return lookAgain(async () => holder(await this.submissions(guid), n), {
      clock: this.deps.clock,
      signal: this.deps.signal,
      ...lookBudget(this.deps.settings),
    })
  }

  /**
   * Reads a list page by page through `@nextLink` (on base-url's origin only, so the token goes
   * nowhere else) until `take` says it has what it wants, or the list ends; at most MAX_PAGES.
   */
  async pages(first: URL, purpose: string, take: (body: unknown) => boolean): Promise<void> {
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

  /** `POST configure` with one submission resource, as it would be sent: what a dry run prints. */
  configureRequest(resource: Record<string, unknown>): PlannedRequest {
    return this.resourcesRequest([{ $schema: SUBMISSION_SCHEMA, ...resource }])
  }

  /** `POST configure` with these resources (no submission: a change of the draft only). */
  resourcesRequest(resources: Record<string, unknown>[]): PlannedRequest {
    const { settings } = this.deps
    return this.session.planned({
      url: under(settings.baseUrl, '/configure'),
      body: JSON.stringify({ $schema: `${SCHEMA_HOST}/configure/${settings.apiVersion}`, resources }),
    })
  }

  /** `POST configure` with one submission resource, never repeated by the client itself. */
  configure(resource: Record<string, unknown>, purpose: string): Promise<HttpResponse> {
    return this.post(this.configureRequest(resource), purpose)
  }

  /** A planned configure request sent, never repeated by the client itself. */
  post({ url, body }: PlannedRequest, purpose: string): Promise<HttpResponse> {
    return this.session.send({ method: 'POST', url, purpose, body, expectJson: true, repeatable: false })
  }

  /**
   * The product's resources for `targetType` (`GET resource-tree`). Undefined when the service
   * does not serve it: a target never published answers 400, and a service may not serve trees.
   */
  async tree(guid: string, targetType: string): Promise<unknown> {
    const url = under(this.deps.settings.baseUrl, `/resource-tree/product/${guid}`)
    url.searchParams.set('targetType', targetType)
    const response = await this.session.send({
      method: 'GET',
      url,
      purpose: `read the offer's ${targetType} resources`,
      expectJson: true,
    })
    return response.status === 200 ? response.json : undefined
  }

  /**
   * Whether the draft holds the same content as the preview (the resource trees compared, the
   * submission resources aside); undefined when the service does not serve both, so it cannot tell.
   */
  async draftLikePreview(guid: string): Promise<boolean | undefined> {
    return sameContent(await this.tree(guid, 'draft'), await this.tree(guid, 'preview'))
  }

  /** The product's plan that Partner Center shows as `planId`; one that is not there lists those that are. */
  async plan(guid: string, planId: string): Promise<PlanRef> {
    const url = under(this.deps.settings.baseUrl, '/plan')
    url.searchParams.set('product', `product/${guid}`)
    const plans: PlanRef[] = []
    await this.pages(url, "list the offer's plans", (body) => {
      plans.push(...parsePlans(body))
      return plans.some((p) => p.externalId.toLowerCase() === planId.toLowerCase())
    })
    return choosePlan(plans, planId, this.deps.settings.offerId)
  }

  /**
   * The plan's VM technical configuration in `targetType` (draft, preview, live), if it has one
   * there: from the resource tree; for the draft, else by its durable id (either resource type).
   */
  async configuration(guid: string, plan: PlanRef, targetType: string): Promise<Record<string, unknown> | undefined> {
    const found = pickConfiguration(await this.tree(guid, targetType), plan)
    if (found || targetType !== 'draft') return found
    for (const type of TECH_TYPES) {
      const response = await this.session.send({
        method: 'GET',
        url: under(this.deps.settings.baseUrl, `/${type}/${guid}/${plan.id.split('/')[2]}`),
        purpose: "read the plan's technical configuration",
        expectJson: true,
      })
      if (response.status === 404) continue
      this.session.check(response, "read the plan's technical configuration")
      if (isRecord(response.json)) return response.json
    }
    return undefined
  }

  /**
   * `POST configure` written at most once (writeOnce). After a 429 the stage decides again
   * (`replan`: what to follow instead, else undefined to send again); after an answer that may
   * have reached the service, or an accepted one that names no job, it looks for what the request
   * may have started (`lookFor`) before anything else, and sends it MAX_POSTS times at most.
   */
  async configureOnce(
    resource: Record<string, unknown>,
    how: {
      /** "go-live", "preview publish". */
      noun: string
      replan: () => Promise<Tracked | Done | undefined>
      lookFor: () => Promise<Tracked | undefined>
      started: (jobId: string) => string
      /** How to follow it later: the end of the line for a request accepted without a job. */
      later: string
      portal: string
      /** What the job's later reads need to know of this start. */
      facts?: StartFacts
    },
  ): Promise<Tracked | Done> {
    const { settings, log } = this.deps
    const purpose = `start the ${how.noun}`
    const written = await writeOnce(this.deps, {
      purpose,
      send: () => this.configure(resource, purpose),
      look: async ({ throttled, reason }) => {
        // Not acted on; meanwhile another run may have done the same: decide again.
        if (throttled) return how.replan()
        log(
          `The ${how.noun} request may have reached the service (${reason}); looking for the ${how.noun} before sending it again.`,
        )
        return how.lookFor()
      },
      maxUnanswered: MAX_POSTS,
      exhausted: (count, reason) =>
        `Could not ${purpose}: ${count} requests failed before an answer (${reason}), and no ${how.noun} was listed within ${formatDuration(lookBudget(settings).forMs)}. Re-run this step; it will not start a second ${how.noun}.`,
    })
    if (written.kind === 'found') return written.tracked
    const { response } = written
    this.session.check(response, purpose)
    const id = jobId(response.json)
    if (id) {
      log(how.started(id))
      return { location: this.jobUrl(id), how: 'started', portal: how.portal, started: how.facts }
    }
    // The service accepted it: never sent again. The job cannot be followed; what it started can.
    log(
      `The service accepted the ${how.noun} (HTTP ${response.status}) but named no job in the form of one (${describeShape(response.json)}); looking for the ${how.noun} among the offer's submissions.`,
    )
    const found = await how.lookFor()
    if (found) return found
    throw new ActionError(
      `The service accepted the ${how.noun} of offer '${settings.offerId}' but named no job, and no ${how.noun} was listed within ${formatDuration(lookBudget(settings).forMs)}. It was not sent again: ${how.later}.`,
    )
  }

  /**
   * `POST configure/{jobId}/cancel` for the job at `location`. A submission found without its job
   * cannot be cancelled: the service lists no jobs.
   */
  cancelRequest(location: URL, noun: string): PlannedRequest {
    const followed = parseFollowed(location.pathname)
    if (followed?.kind !== 'job') {
      throw new ActionError(
        `Cannot cancel the ${noun} of offer '${this.deps.settings.offerId}' from its submission${followed ? ` ${followed.id}` : ''}: the service cancels configure jobs and lists none, so cancelling needs the operation-location the starting run printed (…/configure/{jobId}/status). Run this action with cancel: true and that operation-location.`,
      )
    }
    return this.session.planned({ url: under(this.deps.settings.baseUrl, `/configure/${followed.jobId}/cancel`) })
  }

  /** Cancels the job at `location`: its answer is the job, `completed`/`cancelled` when it took. */
  async cancel(location: URL, noun: string): Promise<Operation> {
    const { url } = this.cancelRequest(location, noun)
    const purpose = `cancel the ${noun}`
    // A second cancel of one job changes nothing: the client may send it again.
    const response = await this.session.send({ method: 'POST', url, purpose, body: '', expectJson: true })
    if (response.status === 400 && /already completed/i.test(errorDetail(response.json))) {
      const op = await this.job(location, jobOf(location), noun)
      throw new TooLate(
        `Too late to cancel the ${noun}: the service refused the cancel${errorDetail(response.json)}; the job reads ${op.rawStatus}.`,
        op,
      )
    }
    this.session.check(response, purpose)
    return isRecord(response.json) && typeof response.json.jobStatus === 'string'
      ? jobOperation(response.json)
      : this.job(location, jobOf(location), noun)
  }

  /** One read of a configure job's status, in the normalised model. */
  async job(location: URL, id: string, what: string): Promise<Operation> {
    const response = await this.session.ok({
      method: 'GET',
      url: location,
      purpose: `read the ${what} job status`,
      expectJson: true,
      missing: `job ${id}`,
    })
    return jobOperation(response.json)
  }

  /**
   * The stages the operation at `location` is of, when the service tells: a completed job by its
   * resources (`GET configure/{jobId}`), a running one or a submission by the submissions list.
   */
  async stagesOf(location: URL, noun: string): Promise<Stage[] | undefined> {
    const followed = parseFollowed(location.pathname)
    if (!followed) return undefined
    if (followed.kind === 'job') {
      const op = await this.job(location, followed.jobId, noun)
      if (isTerminal(op.status)) {
        const response = await this.session.send({
          method: 'GET',
          url: under(this.deps.settings.baseUrl, `/configure/${followed.jobId}`),
          purpose: 'read what the job was for',
          expectJson: true,
        })
        const stage = response.status === 200 ? jobStage(response.json) : undefined
        return stage && [stage]
      }
    }
    const guid = followed.kind === 'submission' ? followed.productGuid : await this.product()
    return listedStages(await this.submissions(guid), followed, guid)
  }

  submissionUrl(submission: Submission): URL {
    return under(this.deps.settings.baseUrl, `/${submission.id}`)
  }

  jobUrl(id: string): URL {
    return under(this.deps.settings.baseUrl, `/configure/${id}/status`)
  }
}

const jobOf = (location: URL): string => {
  const followed = parseFollowed(location.pathname)
  return followed?.kind === 'job' ? followed.jobId : ''
}

export function explainStatus(status: number, detail: string, purpose: string): string {
  const failed = `Could not ${purpose}: HTTP ${status}${detail}`
  switch (status) {
    case 400:
      return /deprecated schema/i.test(detail)
        ? `${failed}. Set api-version to a version the service still serves, such as ${DEFAULT_VERSION}.`
        : `${failed}. The service refused the request (not retried).`
    case 403:
      return `${failed}. The app has no access to this Partner Center account: add it in Partner Center (Account settings > User management > Azure AD applications) with the Manager role.`
    case 404:
      return `${failed}. The service knows no such resource: check offer-id and base-url.`
    default:
      return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`
  }
}
