/** Product Ingestion, target live: promote the newest succeeded preview, at most once, and follow it. */
import { formatDuration } from '../duration.js'
import { ActionError, MaybeSent, NotFound, Throttled } from '../errors.js'
import type { HttpResponse } from '../http.js'
import { describeShape } from '../json.js'
import type { Operation } from '../operation.js'
import {
  lookAgain,
  lookBudget,
  type Decision,
  type MarketplaceService,
  type PlannedRequest,
  type ServiceDeps,
  type Tracked,
} from '../service.js'
import { Account, MAX_POSTS } from './account.js'
import { productPage } from './urls.js'
import {
  chooseLive,
  describeHolder,
  inProgressRefusal,
  jobId,
  parseFollowed,
  planGoLive,
  startedGoLive,
  submissionNumber,
  submissionOperation,
  type Plan,
  type Submission,
} from './parse.js'

export class GoLive implements MarketplaceService {
  private readonly account: Account
  /** The submission this run asked to put live, once it sent the request. */
  private promoting?: string

  constructor(private readonly deps: ServiceDeps) {
    this.account = new Account(deps)
  }

  async decide(): Promise<Decision> {
    const guid = await this.account.product()
    return this.decision(guid, planGoLive(await this.account.submissions(guid), this.deps.settings.offerId))
  }

  async start(): Promise<Tracked> {
    const guid = await this.account.product()
    return this.carryOut(guid, planGoLive(await this.account.submissions(guid), this.deps.settings.offerId))
  }

  /** The plan as a decision: the request a promotion sends, or the go-live to follow. */
  private decision(guid: string, plan: Plan): Decision {
    switch (plan.kind) {
      case 'refuse':
        throw new ActionError(plan.reason)
      case 'attach':
        return {
          kind: 'follow',
          tracked: { location: this.account.submissionUrl(plan.live), how: 'attached' },
          what: `follow the go-live already in progress (submission ${submissionNumber(plan.live.id)}) instead of starting another`,
        }
      case 'already-live':
        return {
          kind: 'follow',
          tracked: { location: this.account.submissionUrl(plan.live), how: 'already-live' },
          what: `start nothing: the offer is already live with its newest preview (submission ${submissionNumber(plan.live.id)})`,
        }
      case 'promote':
        return {
          kind: 'send',
          request: this.account.configureRequest(goLiveResource(guid, plan.preview)),
          what: `put the newest preview live (submission ${submissionNumber(plan.preview.id)})`,
        }
    }
  }

  /** What a real run does with the decision: sends the request it names, or follows. */
  private carryOut(guid: string, plan: Plan): Promise<Tracked> | Tracked {
    const { settings, log } = this.deps
    const decision = this.decision(guid, plan)
    switch (plan.kind) {
      case 'promote':
        return this.promote(guid, plan.preview)
      case 'attach':
        log(
          `A go-live of offer '${settings.offerId}' is already in progress (submission ${submissionNumber(plan.live.id)}); following it instead of starting another.`,
        )
        break
      case 'already-live':
        log(
          `Offer '${settings.offerId}' is already live with submission ${submissionNumber(plan.live.id)}; no go-live was started.`,
        )
    }
    return (decision as Extract<Decision, { kind: 'follow' }>).tracked
  }

  cancelRequest(location: URL): PlannedRequest {
    return this.account.cancelRequest(location, 'go-live')
  }

  cancel(location: URL): Promise<Operation> {
    return this.account.cancel(location, 'go-live')
  }

  async find(): Promise<Tracked | undefined> {
    const guid = await this.account.product()
    const live = chooseLive(await this.account.submissions(guid))
    if (!live) return undefined
    this.deps.log(`Following the offer's live submission ${submissionNumber(live.id)} (${live.status || 'no status'}).`)
    return { location: this.account.submissionUrl(live), how: 'found' }
  }

  async read(location: URL): Promise<Operation> {
    const followed = parseFollowed(location.pathname)
    if (followed?.kind === 'job') {
      const op = await this.account.job(location, followed.jobId, 'go-live')
      const refusedFor = inProgressRefusal(op)
      return refusedFor ? this.heldBy(refusedFor, followed.jobId) : op
    }
    if (!followed) throw new ActionError(`Cannot read ${location.pathname}: not a Product Ingestion go-live.`)
    // A submission id is shared by its preview and live entries: the live one is read from the list.
    const durableId = `submission/${followed.productGuid}/${followed.id}`
    const live = chooseLive((await this.account.submissions(followed.productGuid)).filter((s) => s.id === durableId))
    if (!live) throw new NotFound(`Submission ${followed.id} has no live entry in the product's submissions.`)
    return submissionOperation(live)
  }

  /** POST configure; a POST that may have reached the service is not repeated before looking. */
  private async promote(guid: string, preview: Submission): Promise<Tracked> {
    const { settings, log } = this.deps
    const purpose = 'start the go-live'
    this.promoting = submissionNumber(preview.id)
    const since = this.deps.clock.now()
    const throttled: string[] = []
    let unanswered = 0
    for (;;) {
      let response: HttpResponse
      try {
        response = await this.account.configure(goLiveResource(guid, preview), purpose)
      } catch (error) {
        if (error instanceof Throttled) {
          // Not acted on. Meanwhile another run may have put the same preview live: decide again.
          throttled.push(error.message)
          const wait = this.deps.http.retryWait(throttled, error.retryAfterMs, since, purpose)
          await this.deps.clock.sleep(wait, this.deps.signal)
          const plan = planGoLive(await this.account.submissions(guid), settings.offerId)
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
      this.account.session.check(response, purpose)
      const id = jobId(response.json)
      if (id) {
        log(
          `Started the go-live of offer '${settings.offerId}' (submission ${submissionNumber(preview.id)}): job ${id}.`,
        )
        return { location: this.account.jobUrl(id), how: 'started', portal: productPage(guid) }
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
    const live = await lookAgain(async () => startedGoLive(await this.account.submissions(guid), preview), {
      clock: this.deps.clock,
      signal: this.deps.signal,
      ...lookBudget(this.deps.settings),
    })
    if (!live) return undefined
    this.deps.log(`Following the go-live that request started (submission ${submissionNumber(live.id)}).`)
    return { location: this.account.submissionUrl(live), how: 'started', portal: productPage(guid) }
  }

  /**
   * The service refused job `job` because submission `n` is being published. When that is the
   * go-live of the same submission (the one this run asked for, or any go-live for a job this run
   * only follows), it is this run's go-live: follow it. Any other publish fails the step.
   */
  private async heldBy(n: string, job: string): Promise<Operation> {
    const { settings, log } = this.deps
    const found = await this.account.holderOf(await this.account.product(), n)
    const sameSubmission = this.promoting === undefined || this.promoting === n
    if (found?.kind === 'go-live' && sameSubmission) {
      log(
        `Job ${job} was refused because the go-live of submission ${n} is already in progress on offer '${settings.offerId}'; following that go-live instead.`,
      )
      return { ...submissionOperation(found.live), movedTo: this.account.submissionUrl(found.live) }
    }
    throw new ActionError(
      `Cannot go live: the service refused job ${job} because ${describeHolder(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end (start: false follows the offer's go-live), then re-run this step.`,
    )
  }
}

/** The submission resource of a go-live: the preview to promote, by its id. */
const goLiveResource = (guid: string, preview: Submission): Record<string, unknown> => ({
  id: preview.id,
  product: `product/${guid}`,
  target: { targetType: 'live' },
})
