/**
 * Cloud Partner Portal, target preview: decided from the submissions list (a publish running is
 * followed, a go-live running refuses), then `POST …/publish` written at most once, and its
 * operation followed until the preview waits for the publisher's sign-off (ready to go live).
 */
import { formatDuration } from '../duration.js'
import { ActionError } from '../errors.js'
import { errorDetail, header } from '../answer.js'
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
  type Done,
  type Tracked,
} from '../service.js'
import { writeOnce } from '../write-once.js'
import { Offer } from './offer.js'
import {
  chooseBySlot,
  describeSubmissions,
  planPublish,
  operationId,
  resolveOperationUrl,
  startedSince,
  UnusableLocation,
  type PublishPlan,
  type Submission,
} from './parse.js'

export class PreviewPublish implements MarketplaceService {
  private readonly offer: Offer

  constructor(private readonly deps: ServiceDeps) {
    this.offer = new Offer(deps)
  }

  async decide(): Promise<Decision> {
    return this.decision(planPublish(await this.offer.submissions(), this.deps.settings.offerId))
  }

  /** The plan as a decision: the publish request (its addresses in it), the publish to follow, or the refusal. */
  private decision(plan: PublishPlan): Decision {
    if (plan.kind === 'refuse') return { kind: 'refuse', line: plan.reason }
    if (plan.kind === 'attach') {
      return {
        kind: 'follow',
        tracked: { location: this.offer.operationUrl(plan.publish.id), how: 'attached' },
        what: `follow the preview publish already running (operation ${plan.publish.id}) instead of starting another`,
        line: `A preview publish of offer '${this.deps.settings.offerId}' is already running (operation ${plan.publish.id}); following it instead of starting another.`,
      }
    }
    return {
      kind: 'send',
      what: 'publish the offer to preview',
      request: this.offer.session.planned({ url: this.offer.url('/publish'), body: this.body() }),
      send: () => this.publish(),
    }
  }

  /** `{"metadata":{}}` without addresses, as clients send it; the addresses are never logged. */
  private body(): string {
    const emails = this.deps.settings.notificationEmails
    return JSON.stringify({ metadata: emails.length ? { 'notification-emails': emails.join(',') } : {} })
  }

  cancelRequest(): PlannedRequest {
    return this.offer.cancelRequest()
  }

  cancel(location: URL): Promise<Operation> {
    return this.offer.cancel(location, 'preview publish')
  }

  stagesOf(location: URL): Promise<Stage[] | undefined> {
    return this.offer.stagesOf(location)
  }

  async find(): Promise<Tracked | undefined> {
    const { running, latest } = chooseBySlot(await this.offer.submissions(), 'staging')
    const publish = running ?? latest
    if (!publish) return undefined
    this.deps.log(
      `Following the offer's ${running ? 'running' : 'last'} preview publish (operation ${publish.id}, ${publish.state || 'state not given'}).`,
    )
    return { location: this.offer.operationUrl(publish.id), how: 'found' }
  }

  async read(location: URL): Promise<Operation> {
    return { ...(await this.offer.previewRead(location)), previewId: operationId(location) }
  }

  /**
   * The publish POST, written at most once (writeOnce): before it goes again, a publish listed
   * since this run began is followed, and a go-live running refuses. A 409 is resolved from the list.
   */
  private async publish(): Promise<Tracked | Done> {
    const { settings, clock, log } = this.deps
    const since = clock.now()
    const purpose = 'start the preview publish'
    const body = this.body()
    const url = this.offer.url('/publish')
    const written = await writeOnce(this.deps, {
      purpose,
      send: () => this.offer.session.send({ method: 'POST', url, purpose, body, repeatable: false }),
      look: async ({ throttled, reason }) => {
        const list = await this.offer.submissions()
        const publish = startedSince(list, since, 'staging')
        if (publish) {
          log(
            `The preview publish request ${throttled ? 'was throttled' : 'may have reached the service'} (${reason}): a preview publish is listed (operation ${publish.id}); following it instead of sending the request again.`,
          )
          return { location: this.offer.operationUrl(publish.id), how: throttled ? 'attached' : 'started' }
        }
        const plan = planPublish(list, settings.offerId)
        if (plan.kind === 'refuse') throw new ActionError(plan.reason)
        return undefined
      },
    })
    if (written.kind === 'found') return written.tracked
    const { response } = written
    if (response.status === 409) {
      this.deps.log(
        `The service answered 409 Conflict${errorDetail(response.json)}: an operation is already running on offer '${settings.offerId}'. Looking for it among the offer's submissions.`,
      )
      return this.lookFor(clock.now(), 'conflict')
    }
    this.offer.session.check(response, purpose)
    const value = header(response.headers, 'operation-location') ?? header(response.headers, 'location')
    let location: URL | undefined
    try {
      location = value
        ? resolveOperationUrl(value, settings.baseUrl, 'operation location the service returned')
        : undefined
    } catch (error) {
      if (!(error instanceof UnusableLocation)) throw error
    }
    if (location) {
      log(`Started the preview publish of offer '${settings.offerId}': operation ${operationId(location)}.`)
      return { location, how: 'started' }
    }
    log(
      "The service accepted the preview publish but named no usable operation; looking for it among the offer's submissions.",
    )
    return this.lookFor(since, 'accepted')
  }

  /** The publish a 409 or an answer without a location left to find, for a while. */
  private async lookFor(since: number, after: 'conflict' | 'accepted'): Promise<Tracked | Done> {
    const { settings, clock, signal } = this.deps
    let seen: Submission[] = []
    const budget = lookBudget(settings)
    const plan = await lookAgain(
      async () => {
        seen = await this.offer.submissions()
        if (after === 'accepted') {
          const publish = startedSince(seen, since, 'staging')
          if (publish) return { kind: 'attach', publish } as const
        }
        const plan = planPublish(seen, settings.offerId)
        return plan.kind === 'publish' ? undefined : plan
      },
      { clock, signal, ...budget },
    )
    if (plan?.kind === 'attach' && after === 'accepted') {
      this.deps.log(`Following the preview publish that request started (operation ${plan.publish.id}).`)
      return { location: this.offer.operationUrl(plan.publish.id), how: 'started' }
    }
    if (plan) return act(this.decision(plan), this.deps.log)
    throw new ActionError(
      `${after === 'conflict' ? 'The service answered 409 Conflict to the preview publish' : 'The service accepted the preview publish but named no operation'}, and no running operation was listed on offer '${settings.offerId}' within ${formatDuration(budget.forMs)} (${describeSubmissions(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last preview publish.`,
    )
  }
}
