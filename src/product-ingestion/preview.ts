/** Product Ingestion, target preview: publish the draft to preview at most once, and follow it to ready. */
import { ActionError, NotFound, Refused } from '../errors.js'
import type { Operation } from '../operation.js'
import type { Stage } from '../stages.js'
import {
  act,
  lookAgain,
  lookBudget,
  type Decision,
  type MarketplaceService,
  type PlannedRequest,
  type ServiceDeps,
  type StartFacts,
  type Done,
  type Tracked,
} from '../service.js'
import { Account } from './account.js'
import { productPage } from './urls.js'
import {
  choosePreview,
  confirmPreview,
  describeHolder,
  inProgressRefusal,
  serviceWords,
  parseFollowed,
  planPreview,
  previewOperation,
  submissionNumber,
  type PreviewPlan,
  type Submission,
} from './parse.js'

export class PreviewPublish implements MarketplaceService {
  private readonly account: Account

  constructor(private readonly deps: ServiceDeps) {
    this.account = new Account(deps)
  }

  async decide(): Promise<Decision> {
    const guid = await this.account.product()
    return this.decision(guid, planPreview(await this.account.submissions(guid), this.deps.settings.offerId))
  }

  /** The plan as a decision: the publish request, the preview to follow (the trees read first), or the refusal. */
  private async decision(guid: string, plan: PreviewPlan): Promise<Decision> {
    const { offerId } = this.deps.settings
    switch (plan.kind) {
      case 'refuse':
        return { kind: 'refuse', line: plan.reason }
      case 'attach':
        return {
          kind: 'follow',
          tracked: { location: this.account.submissionUrl(plan.preview), how: 'attached', portal: productPage(guid) },
          what: `follow the preview publish already in progress (submission ${submissionNumber(plan.preview.id)}) instead of starting another`,
          line: `A preview publish of offer '${offerId}' is already in progress (submission ${submissionNumber(plan.preview.id)}); following it instead of starting another.`,
        }
      case 'publish':
        if (plan.latest && (await this.unchangedSince(guid, plan.latest))) {
          return {
            kind: 'follow',
            tracked: { location: this.account.submissionUrl(plan.latest), how: 'unchanged', portal: productPage(guid) },
            what: `start nothing: nothing changed since the preview (submission ${submissionNumber(plan.latest.id)})`,
            line: `Nothing changed in offer '${offerId}' since its preview (submission ${submissionNumber(plan.latest.id)}): the draft and the preview hold the same resources, so no preview publish was started (it would certify the same content again).`,
          }
        }
        return {
          kind: 'send',
          what: "publish the offer's draft to preview",
          request: this.account.configureRequest(previewResource(guid)),
          send: () => this.publish(guid, plan.known),
        }
    }
  }

  cancelRequest(location: URL): PlannedRequest {
    return this.account.cancelRequest(location, 'preview publish')
  }

  cancel(location: URL): Promise<Operation> {
    return this.account.cancel(location, 'preview publish')
  }

  /**
   * Whether the draft holds nothing new since preview `latest`: the draft and preview resource
   * trees compared. A service that does not serve them (or a tree the action cannot read) cannot
   * tell: the preview is published.
   */
  private async unchangedSince(guid: string, latest: Submission): Promise<boolean> {
    const same = await this.account.draftLikePreview(guid)
    if (same === undefined) {
      this.deps.log(
        `Could not compare the draft with the preview (submission ${submissionNumber(latest.id)}): the service did not serve both resource trees, so the draft is published to preview.`,
      )
    }
    return same === true
  }

  stagesOf(location: URL): Promise<Stage[] | undefined> {
    return this.account.stagesOf(location, 'preview publish')
  }

  async find(): Promise<Tracked | undefined> {
    const guid = await this.account.product()
    const preview = choosePreview(await this.account.submissions(guid))
    if (!preview) return undefined
    this.deps.log(
      `Following the offer's preview submission ${submissionNumber(preview.id)} (${preview.status || 'no status'}).`,
    )
    return { location: this.account.submissionUrl(preview), how: 'found', portal: productPage(guid) }
  }

  async read(location: URL, started?: StartFacts): Promise<Operation> {
    const followed = parseFollowed(location.pathname)
    if (!followed) throw new ActionError(`Cannot read ${location.pathname}: not a Product Ingestion preview publish.`)
    if (followed.kind === 'submission') {
      const list = await this.account.submissions(followed.productGuid)
      const durableId = `submission/${followed.productGuid}/${followed.id}`
      const preview = list.find((s) => s.id === durableId && s.target === 'preview')
      if (!preview) throw new NotFound(`Submission ${followed.id} has no preview entry in the product's submissions.`)
      return previewOperation(list, preview)
    }
    const job = await this.account.job(location, followed.jobId, 'preview publish')
    const refusedFor = inProgressRefusal(job)
    if (refusedFor) return this.heldBy(refusedFor, followed.jobId, job)
    if (job.status !== 'succeeded') return job
    const guid = await this.account.product()
    const { op, preview, unchanged } = confirmPreview(
      job,
      await this.account.submissions(guid),
      started?.previewsBefore,
    )
    if (unchanged && preview) {
      this.deps.log(
        `The preview job succeeded without a new preview: nothing new was published. Reporting the existing preview (submission ${submissionNumber(preview.id)}).`,
      )
    }
    return op
  }

  /** POST configure for target preview, acting at most once (Account.configureOnce). */
  private publish(guid: string, known: string[]): Promise<Tracked | Done> {
    const { settings } = this.deps
    return this.account.configureOnce(previewResource(guid), {
      noun: 'preview publish',
      // A sibling run may have started the same publish meanwhile.
      replan: async () => {
        const plan = planPreview(await this.account.submissions(guid), settings.offerId)
        return plan.kind !== 'publish' ? act(await this.decision(guid, plan), this.deps.log) : undefined
      },
      lookFor: () => this.lookForPublish(guid, known),
      started: (id) => `Started the preview publish of offer '${settings.offerId}': job ${id}.`,
      later: "run this action with target: preview and start: false later to follow the offer's preview",
      portal: productPage(guid),
      facts: { previewsBefore: known },
    })
  }

  /** A preview publish a request of this run may have started: one in progress, or a preview listed since. */
  private async lookForPublish(guid: string, known: string[]): Promise<Tracked | undefined> {
    const preview = await lookAgain(
      async () => {
        const list = await this.account.submissions(guid)
        const plan = planPreview(list, this.deps.settings.offerId)
        if (plan.kind === 'attach') return plan.preview
        return list.find((s) => s.target === 'preview' && !known.includes(s.id))
      },
      { clock: this.deps.clock, signal: this.deps.signal, ...lookBudget(this.deps.settings) },
    )
    if (!preview) return undefined
    this.deps.log(`Following the preview publish that request started (submission ${submissionNumber(preview.id)}).`)
    return { location: this.account.submissionUrl(preview), how: 'started', portal: productPage(guid) }
  }

  /**
   * The service refused job `job` because submission `n` is being published: another run's
   * preview publish of this offer is followed instead; a go-live in progress fails the step.
   */
  private async heldBy(n: string, job: string, op: Operation): Promise<Operation> {
    const { settings, log } = this.deps
    const guid = await this.account.product()
    const found = await this.account.holderOf(guid, n)
    if (found?.kind === 'other' && found.publish.target === 'preview') {
      log(
        `Job ${job} was refused because a preview publish of offer '${settings.offerId}' is already in progress (submission ${n}); following that one instead.`,
      )
      const list = await this.account.submissions(guid)
      return { ...previewOperation(list, found.publish), movedTo: this.account.submissionUrl(found.publish) }
    }
    throw new Refused(
      `Cannot publish to preview: the service refused job ${job} because ${describeHolder(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end, then re-run this step. The service said: ${serviceWords(op)}`,
      op,
    )
  }
}

/** Method 1, "publish all draft resources": the submission resource without an id. */
const previewResource = (guid: string): Record<string, unknown> => ({
  product: `product/${guid}`,
  target: { targetType: 'preview' },
})
