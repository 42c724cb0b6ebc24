/**
 * Cloud Partner Portal, target preview: `POST …/publish` at most once, and its operation followed
 * until the preview waits for the publisher's sign-off (ready to go live).
 */
import { formatDuration } from '../duration.js'
import { ActionError, MaybeSent, Throttled } from '../errors.js'
import { errorDetail, header } from '../answer.js'
import type { HttpResponse } from '../http.js'
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
import { Offer } from './offer.js'
import {
  chooseBySlot,
  describeSubmissions,
  parseOfferStatus,
  planPublish,
  previewStatus,
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

  async start(): Promise<Tracked> {
    const since = this.deps.clock.now()
    const plan = planPublish(await this.offer.submissions(), this.deps.settings.offerId)
    return plan.kind === 'publish' ? this.publish(since) : this.carryOut(plan)
  }

  /** The plan as a decision: the publish request (its addresses in it), or the publish to follow. */
  private decision(plan: PublishPlan): Decision {
    if (plan.kind === 'refuse') throw new ActionError(plan.reason)
    if (plan.kind === 'attach') {
      return {
        kind: 'follow',
        tracked: { location: this.offer.operationUrl(plan.publish.id), how: 'attached' },
        what: `follow the preview publish already running (operation ${plan.publish.id}) instead of starting another`,
      }
    }
    return {
      kind: 'send',
      request: this.offer.session.planned({ url: this.offer.url('/publish'), body: this.body() }),
      what: 'publish the offer to preview',
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

  /** A real run's follow of the decision a dry run prints (a refusal is thrown there). */
  private carryOut(plan: Exclude<PublishPlan, { kind: 'publish' }>): Tracked {
    const { tracked } = this.decision(plan) as Extract<Decision, { kind: 'follow' }>
    this.deps.log(
      `A preview publish of offer '${this.deps.settings.offerId}' is already running (operation ${operationId(tracked.location)}); following it instead of starting another.`,
    )
    return tracked
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

  /** The operation, read with the offer status: readiness shows in its steps or in the offer's status. */
  async read(location: URL): Promise<Operation> {
    const op = await this.offer.operation(location)
    if (op.status === 'failed' || op.status === 'canceled') return previewStatus(op)
    const answer = await this.offer.session.send({
      method: 'GET',
      url: this.offer.url('/status'),
      purpose: 'read the offer status',
      expectJson: true,
    })
    return previewStatus(op, answer.status === 200 ? parseOfferStatus(answer.json) : undefined)
  }

  /**
   * The publish POST. After an answer that may mean the service acted (a cut connection, a
   * gateway's 5xx) or a 429, the submissions are looked at before it is sent again; a 409 is
   * resolved from them: a publish running is followed, a go-live running refuses.
   */
  private async publish(since: number): Promise<Tracked> {
    const { settings, clock, signal, http, log } = this.deps
    const purpose = 'start the preview publish'
    const body = this.body()
    const failed: string[] = []
    for (;;) {
      let response: HttpResponse
      try {
        response = await this.offer.session.send({
          method: 'POST',
          url: this.offer.url('/publish'),
          purpose,
          body,
          repeatable: false,
        })
      } catch (error) {
        if (!(error instanceof MaybeSent || error instanceof Throttled)) throw error
        const throttled = error instanceof Throttled
        failed.push(error.message)
        const wait = http.retryWait(failed, throttled ? error.retryAfterMs : undefined, since, purpose)
        if (throttled) await clock.sleep(wait, signal)
        const list = await this.offer.submissions()
        const publish = startedSince(list, since, 'staging')
        if (publish) {
          log(
            `The preview publish request ${throttled ? 'was throttled' : 'may have reached the service'} (${error.message}): a preview publish is listed (operation ${publish.id}); following it instead of sending the request again.`,
          )
          return { location: this.offer.operationUrl(publish.id), how: throttled ? 'attached' : 'started' }
        }
        const plan = planPublish(list, settings.offerId)
        if (plan.kind === 'refuse') throw new ActionError(plan.reason)
        if (!throttled) await clock.sleep(wait, signal)
        continue
      }
      if (response.status === 409) return this.afterConflict(errorDetail(response.json))
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
        log(
          `Started the preview publish of offer '${settings.offerId}': operation ${location.pathname.split('/').pop()}.`,
        )
        return { location, how: 'started' }
      }
      log(
        "The service accepted the preview publish but named no usable operation; looking for it among the offer's submissions.",
      )
      return this.lookFor(since, 'accepted')
    }
  }

  private async afterConflict(detail: string): Promise<Tracked> {
    this.deps.log(
      `The service answered 409 Conflict${detail}: an operation is already running on offer '${this.deps.settings.offerId}'. Looking for it among the offer's submissions.`,
    )
    return this.lookFor(this.deps.clock.now(), 'conflict')
  }

  /** The publish a 409 or an answer without a location left to find, for a while. */
  private async lookFor(since: number, after: 'conflict' | 'accepted'): Promise<Tracked> {
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
    if (plan) return this.carryOut(plan)
    throw new ActionError(
      `${after === 'conflict' ? 'The service answered 409 Conflict to the preview publish' : 'The service accepted the preview publish but named no operation'}, and no running operation was listed on offer '${settings.offerId}' within ${formatDuration(budget.forMs)} (${describeSubmissions(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last preview publish.`,
    )
  }
}
