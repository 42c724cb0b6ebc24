/** Cloud Partner Portal, target live: the go-live POST, never sent twice blindly, and the operation it names. */
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
  chooseGoLive,
  describeSubmissions,
  goLiveSince,
  isRunning,
  operationId,
  resolveOperationUrl,
  UnusableLocation,
  type Submission,
} from './parse.js'

type GoLiveAnswer =
  | { kind: 'accepted'; location?: URL }
  | { kind: 'conflict'; detail: string }
  /** Found before sending the POST again: the go-live a POST of this run may have started, or another run's. */
  | { kind: 'listed'; goLive: Submission; after: string; how: 'started' | 'attached' }

export class GoLive implements MarketplaceService {
  private readonly offer: Offer

  constructor(private readonly deps: ServiceDeps) {
    this.offer = new Offer(deps)
  }

  async start(): Promise<Tracked> {
    const { settings, log } = this.deps
    const since = this.deps.clock.now()
    const answer = await this.goLive(since)
    if (answer.kind === 'accepted' && answer.location) {
      log(`Started the go-live of offer '${settings.offerId}': operation ${operationId(answer.location)}.`)
      return { location: answer.location, how: 'started' }
    }
    if (answer.kind === 'listed') {
      log(
        `${answer.after}: a go-live of offer '${settings.offerId}' is listed (operation ${answer.goLive.id}, ${answer.goLive.state || 'state not given'}); following it instead of sending the request again.`,
      )
      return { location: this.offer.operationUrl(answer.goLive.id), how: answer.how }
    }
    const why =
      answer.kind === 'conflict'
        ? `The service answered 409 Conflict${answer.detail}: an operation is already running on offer '${settings.offerId}'.`
        : 'The service accepted the go-live but named no operation (no Operation-Location or Location header).'
    log(`${why} Looking for it among the offer's submissions.`)

    // The go-live may be listed only a while after the POST: keep looking before giving up.
    let seen: Submission[] = []
    const budget = lookBudget(settings)
    const found = await lookAgain(
      async () => {
        seen = await this.offer.submissions()
        // The go-live that answered 409 may have ended by the time it is listed: one since this run began is it.
        return goLiveSince(seen, since) ?? chooseGoLive(seen).other
      },
      { clock: this.deps.clock, signal: this.deps.signal, ...budget },
    )
    if (found?.slot?.toLowerCase() === 'production') {
      log(
        isRunning(found)
          ? `Attaching to the go-live already running (operation ${found.id}) instead of starting another.`
          : `Following the go-live that was running then and has ended since (operation ${found.id}, ${found.state || 'state not given'}) instead of starting another.`,
      )
      return { location: this.offer.operationUrl(found.id), how: answer.kind === 'conflict' ? 'attached' : 'started' }
    }
    if (found) {
      throw new ActionError(
        `Cannot start the go-live: a ${found.type || 'different'} operation is already running on offer '${settings.offerId}' (${this.offer.operationUrl(found.id).href}). Wait for it to end, then re-run this step.`,
      )
    }
    throw new ActionError(
      `${why} No running go-live was listed on offer '${settings.offerId}' within ${formatDuration(budget.forMs)} (${describeSubmissions(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last go-live.`,
    )
  }

  /**
   * What `start` would do, from the submissions list: a real run sends the POST first and meets a
   * running operation as a 409, which this predicts (a dry run reads more than a real run).
   */
  async decide(): Promise<Decision> {
    const { settings } = this.deps
    const { running, other } = chooseGoLive(await this.offer.submissions())
    if (running) {
      return {
        kind: 'follow',
        tracked: { location: this.offer.operationUrl(running.id), how: 'attached' },
        what: `follow the go-live already running (operation ${running.id}) instead of starting another: the service would answer the request with 409 Conflict`,
      }
    }
    if (other) {
      throw new ActionError(
        `Cannot start the go-live: a ${other.type || 'different'} operation is already running on offer '${settings.offerId}' (${this.offer.operationUrl(other.id).href}). Wait for it to end, then re-run this step.`,
      )
    }
    return {
      kind: 'send',
      request: this.offer.session.planned({ url: this.offer.url('/golive') }),
      what: 'start the go-live',
    }
  }

  cancelRequest(): PlannedRequest {
    return this.offer.cancelRequest()
  }

  cancel(location: URL): Promise<Operation> {
    return this.offer.cancel(location, 'go-live')
  }

  async find(): Promise<Tracked | undefined> {
    const { running, latest } = chooseGoLive(await this.offer.submissions())
    const goLive = running ?? latest
    if (!goLive) return undefined
    this.deps.log(
      `Following the offer's ${running ? 'running' : 'last'} go-live (operation ${goLive.id}, ${goLive.state || 'state not given'}).`,
    )
    return { location: this.offer.operationUrl(goLive.id), how: 'found' }
  }

  read(location: URL): Promise<Operation> {
    return this.offer.operation(location)
  }

  /**
   * The go-live POST, never sent twice blindly: after an answer that may mean the service acted
   * (a cut connection, a gateway's 5xx) or one that asks to slow down (429), the submissions are
   * looked at first. A go-live listed there (running, or changed since this run began) is the one
   * this run or a sibling run started; else the POST goes again, within the retry budget (a POST
   * that meets a go-live the list did not show yet is answered 409, and attaches).
   */
  private async goLive(since: number): Promise<GoLiveAnswer> {
    const purpose = 'start the go-live'
    const url = this.offer.url('/golive')
    const { clock, signal, http } = this.deps
    const failed: string[] = []
    for (;;) {
      let response: HttpResponse
      try {
        // No body is documented; real clients send none.
        response = await this.offer.session.send({ method: 'POST', url, purpose, body: '', repeatable: false })
      } catch (error) {
        if (!(error instanceof MaybeSent || error instanceof Throttled)) throw error
        const throttled = error instanceof Throttled
        failed.push(error.message)
        const wait = http.retryWait(failed, throttled ? error.retryAfterMs : undefined, since, purpose)
        // A throttled request is looked after only once the wait asked for has passed.
        if (throttled) await clock.sleep(wait, signal)
        const goLive = goLiveSince(await this.offer.submissions(), since)
        if (goLive) {
          const after = throttled
            ? `The go-live request was throttled (${error.message})`
            : `The go-live request may have reached the service (${error.message})`
          return { kind: 'listed', goLive, after, how: throttled ? 'attached' : 'started' }
        }
        if (!throttled) await clock.sleep(wait, signal)
        continue
      }
      if (response.status === 409) return { kind: 'conflict', detail: errorDetail(response.json) }
      this.offer.session.check(response, purpose)
      const value = header(response.headers, 'operation-location') ?? header(response.headers, 'location')
      try {
        return {
          kind: 'accepted',
          location: value
            ? resolveOperationUrl(value, this.deps.settings.baseUrl, 'operation location the service returned')
            : undefined,
        }
      } catch (error) {
        // Accepted, but named in a form no operation has: found in the list, as with no header.
        if (!(error instanceof UnusableLocation)) throw error
        return { kind: 'accepted', location: undefined }
      }
    }
  }
}
