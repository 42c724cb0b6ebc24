/** Product Ingestion, target live: promote the newest succeeded preview, at most once, and follow it. */
import { ActionError, NotFound, Refused } from '../errors.js'
import type { Operation } from '../operation.js'
import type { Stage } from '../stages.js'
import {
  act,
  lookAgain,
  lookBudget,
  reviewedRefusal,
  type Decision,
  type MarketplaceService,
  type PlannedRequest,
  type ServiceDeps,
  type StartFacts,
  type Done,
  type Tracked,
} from '../service.js'
import { confirmLive, goLiveRefusal, type PlanView } from '../image.js'
import { Account } from './account.js'
import { viewOf } from './technical.js'
import { productPage } from './urls.js'
import {
  chooseLive,
  describeHolder,
  followedLive,
  inProgressRefusal,
  serviceWords,
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

  constructor(private readonly deps: ServiceDeps) {
    this.account = new Account(deps)
  }

  async decide(): Promise<Decision> {
    const guid = await this.account.product()
    const { image } = this.deps.settings
    if (image) {
      const views = await this.views(guid)
      const refusal = goLiveRefusal(views, image)
      if (refusal) return { kind: 'refuse', line: refusal }
    }
    // A go-live puts the newest preview live, not the draft: whether the draft holds changes that
    // preview lacks (a forgotten target: preview), as a preview publish compares them. Read before
    // the list, so that the plan is made from the list read last before the POST.
    const draftAhead = (await this.account.draftLikePreview(guid)) === false
    const plan = planGoLive(await this.account.submissions(guid), this.deps.settings.offerId)
    // The submission this go-live puts (or has put) live: with preview-id, the one reviewed.
    const newest =
      plan.kind === 'refuse' ? undefined : submissionNumber((plan.kind === 'promote' ? plan.preview : plan.live).id)
    const reviewed = newest !== undefined && reviewedRefusal(this.deps.settings, newest)
    if (reviewed) return { kind: 'refuse', line: reviewed }
    const decision = this.decision(guid, plan)
    if (draftAhead && plan.kind !== 'attach' && (decision.kind === 'send' || decision.kind === 'follow')) {
      decision.notice = `The draft of offer '${this.deps.settings.offerId}' holds changes that its newest preview (submission ${newest}) lacks; a go-live puts that preview live without them. To release them, publish the draft first with target: preview, then go live.`
    }
    return decision
  }

  /** With image-version: the live configuration of the plan lists it, or the step fails saying what it lists. */
  async confirm(): Promise<string> {
    const { image } = this.deps.settings
    if (!image) return ''
    return confirmLive((await this.views(await this.account.product())).live, image)
  }

  /** The plan's preview and live configurations, as the image rules read them. */
  private async views(guid: string): Promise<{ preview?: PlanView; live?: PlanView }> {
    const plan = await this.account.plan(guid, this.deps.settings.image!.planId)
    const view = async (target: string): Promise<PlanView | undefined> => {
      const config = await this.account.configuration(guid, plan, target)
      return config && viewOf(config)
    }
    return { preview: await view('preview'), live: await view('live') }
  }

  /** The plan as a decision: the request a promotion sends, the go-live to follow, or the refusal. */
  private decision(guid: string, plan: Plan): Decision {
    const { offerId } = this.deps.settings
    switch (plan.kind) {
      case 'refuse':
        return { kind: 'refuse', line: plan.reason }
      case 'attach':
        return {
          kind: 'follow',
          tracked: { location: this.account.submissionUrl(plan.live), how: 'attached' },
          what: `follow the go-live already in progress (submission ${submissionNumber(plan.live.id)}) instead of starting another`,
          line: `A go-live of offer '${offerId}' is already in progress (submission ${submissionNumber(plan.live.id)}); following it instead of starting another.`,
        }
      case 'already-live':
        return {
          kind: 'follow',
          tracked: { location: this.account.submissionUrl(plan.live), how: 'already-live' },
          what: `start nothing: the offer is already live with its newest preview (submission ${submissionNumber(plan.live.id)})`,
          line: `Offer '${offerId}' is already live with submission ${submissionNumber(plan.live.id)}; no go-live was started.`,
        }
      case 'promote':
        return {
          kind: 'send',
          what: `put the newest preview live (submission ${submissionNumber(plan.preview.id)})`,
          request: this.account.configureRequest(goLiveResource(guid, plan.preview)),
          send: () => this.promote(guid, plan.preview),
        }
    }
  }

  cancelRequest(location: URL): PlannedRequest {
    return this.account.cancelRequest(location, 'go-live')
  }

  cancel(location: URL): Promise<Operation> {
    return this.account.cancel(location, 'go-live')
  }

  stagesOf(location: URL): Promise<Stage[] | undefined> {
    return this.account.stagesOf(location, 'go-live')
  }

  async find(purpose: 'outcome' | 'current' = 'current'): Promise<Tracked | undefined> {
    const guid = await this.account.product()
    if (purpose === 'current') return this.following(chooseLive(await this.account.submissions(guid)))
    let olderThan: Submission | undefined
    // Looked at again only while the list shows an older go-live than the newest preview's.
    const found = await lookAgain(
      async () => {
        const followed = followedLive(await this.account.submissions(guid))
        olderThan = followed.olderThan
        return olderThan ? undefined : followed
      },
      { clock: this.deps.clock, signal: this.deps.signal, ...lookBudget(this.deps.settings) },
    )
    if (olderThan) {
      this.deps.log(
        `The newest preview of offer '${this.deps.settings.offerId}' (submission ${submissionNumber(olderThan.id)}) has no go-live listed, and the live submission is older: that is not the outcome of its go-live, so nothing is followed yet.`,
      )
    }
    return this.following(found?.live)
  }

  private following(live: Submission | undefined): Tracked | undefined {
    if (!live) return undefined
    this.deps.log(`Following the offer's live submission ${submissionNumber(live.id)} (${live.status || 'no status'}).`)
    return { location: this.account.submissionUrl(live), how: 'found' }
  }

  async read(location: URL, started?: StartFacts): Promise<Operation> {
    const followed = parseFollowed(location.pathname)
    if (followed?.kind === 'job') {
      const op = await this.account.job(location, followed.jobId, 'go-live')
      const refusedFor = inProgressRefusal(op)
      return refusedFor ? this.heldBy(refusedFor, followed.jobId, op, started?.submission) : op
    }
    if (!followed) throw new ActionError(`Cannot read ${location.pathname}: not a Product Ingestion go-live.`)
    // A submission id is shared by its preview and live entries: the live one is read from the list.
    const durableId = `submission/${followed.productGuid}/${followed.id}`
    const live = chooseLive((await this.account.submissions(followed.productGuid)).filter((s) => s.id === durableId))
    if (!live) throw new NotFound(`Submission ${followed.id} has no live entry in the product's submissions.`)
    return submissionOperation(live)
  }

  /** POST configure for target live, acting at most once (Account.configureOnce). */
  private promote(guid: string, preview: Submission): Promise<Tracked | Done> {
    const { settings } = this.deps
    return this.account.configureOnce(goLiveResource(guid, preview), {
      noun: 'go-live',
      // Another run may have put the same preview live meanwhile.
      replan: async () => {
        const plan = planGoLive(await this.account.submissions(guid), settings.offerId)
        const same = plan.kind === 'promote' && plan.preview.id === preview.id
        return same ? undefined : act(this.decision(guid, plan), this.deps.log)
      },
      lookFor: () => this.lookForGoLive(guid, preview),
      started: (id) =>
        `Started the go-live of offer '${settings.offerId}' (submission ${submissionNumber(preview.id)}): job ${id}.`,
      later: "run this action with start: false later to follow the offer's go-live",
      portal: productPage(guid),
      facts: { submission: submissionNumber(preview.id) },
    })
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
  private async heldBy(n: string, job: string, op: Operation, promoting?: string): Promise<Operation> {
    const { settings, log } = this.deps
    const found = await this.account.holderOf(await this.account.product(), n)
    const sameSubmission = promoting === undefined || promoting === n
    if (found?.kind === 'go-live' && sameSubmission) {
      log(
        `Job ${job} was refused because the go-live of submission ${n} is already in progress on offer '${settings.offerId}'; following that go-live instead.`,
      )
      return { ...submissionOperation(found.live), movedTo: this.account.submissionUrl(found.live) }
    }
    throw new Refused(
      `Cannot go live: the service refused job ${job} because ${describeHolder(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end (start: false follows the offer's go-live), then re-run this step. The service said: ${serviceWords(op)}`,
      op,
    )
  }
}

/** The submission resource of a go-live: the preview to promote, by its id. */
const goLiveResource = (guid: string, preview: Submission): Record<string, unknown> => ({
  id: preview.id,
  product: `product/${guid}`,
  target: { targetType: 'live' },
})
