/**
 * Cloud Partner Portal, target live: decided from the submissions list (a go-live running is
 * followed, a preview still certifying refuses, nothing published since the last go-live starts
 * nothing), then the go-live POST, written at most once, and the operation it names.
 */
import { formatDuration } from '../duration.js'
import { ActionError } from '../errors.js'
import { errorDetail, header } from '../answer.js'
import type { Operation } from '../operation.js'
import type { Stage } from '../stages.js'
import {
  lookAgain,
  lookBudget,
  reviewedRefusal,
  type Decision,
  type MarketplaceService,
  type PlannedRequest,
  type ServiceDeps,
  type Done,
  type Tracked,
} from '../service.js'
import { writeOnce } from '../write-once.js'
import { confirmLive, goLiveRefusal, type PlanView } from '../image.js'
import { Offer } from './offer.js'
import { slotView } from './technical.js'
import {
  changedAt,
  chooseBySlot,
  chooseGoLive,
  describeSubmissions,
  goLiveSince,
  inSlot,
  isRunning,
  normaliseStatus,
  operationId,
  resolveOperationUrl,
  UnusableLocation,
  type Submission,
} from './parse.js'

export class GoLive implements MarketplaceService {
  private readonly offer: Offer
  /** When this run began: a go-live that changed since is a sibling run's (the same step run twice). */
  private readonly began: number

  constructor(private readonly deps: ServiceDeps) {
    this.offer = new Offer(deps)
    this.began = deps.clock.now()
  }

  /**
   * From the submissions list: a go-live running is followed; a preview publish that runs is
   * gone live only once it waits for the publisher's sign-off (read from its operation and the
   * offer status), else the run is refused; a last go-live that succeeded after the last publish
   * means nothing new to put live. A 409 to the POST still finds a go-live the list did not show.
   */
  async decide(): Promise<Decision> {
    const { offerId, image } = this.deps.settings
    if (image) {
      const refusal = goLiveRefusal(await this.views(), image)
      if (refusal) return { kind: 'refuse', line: refusal }
    }
    const list = await this.offer.submissions()
    const { running, other, latest } = chooseGoLive(list)
    if (running) {
      return {
        kind: 'follow',
        tracked: { location: this.offer.operationUrl(running.id), how: 'attached' },
        what: `follow the go-live already running (operation ${running.id}) instead of starting another`,
        line: `Attaching to the go-live already running (operation ${running.id}) instead of starting another.`,
      }
    }
    const sibling = goLiveSince(list, this.began)
    if (sibling) {
      return {
        kind: 'follow',
        tracked: { location: this.offer.operationUrl(sibling.id), how: 'attached' },
        what: `follow the go-live that started since this run began (operation ${sibling.id}) instead of starting another`,
        line: `Following the go-live that was started since this run began and has ended since (operation ${sibling.id}, ${sibling.state || 'state not given'}) instead of starting another.`,
      }
    }
    if (other && !(inSlot('staging')(other) && (await this.awaitsSignoff(other)))) {
      return { kind: 'refuse', line: this.busy(other) }
    }
    const published = chooseBySlot(list, 'staging').latest
    // With preview-id: the preview a go-live puts live now (the newest publish) is the one reviewed.
    const reviewed = reviewedRefusal(this.deps.settings, published?.id)
    if (reviewed) return { kind: 'refuse', line: reviewed }
    const liveSince = latest && normaliseStatus(latest.state).status === 'succeeded' ? latest : undefined
    if (!other && liveSince && published && changedAt(published) < changedAt(liveSince)) {
      return {
        kind: 'follow',
        tracked: { location: this.offer.operationUrl(liveSince.id), how: 'already-live' },
        what: `start nothing: the offer is already live, and nothing was published to preview since its last go-live (operation ${liveSince.id})`,
        line: `Offer '${offerId}' is already live: nothing was published to preview since its last go-live (operation ${liveSince.id}, ${liveSince.state}), so no go-live was started.`,
      }
    }
    return {
      kind: 'send',
      what: other
        ? `start the go-live of the preview waiting for the publisher's sign-off (operation ${other.id})`
        : 'start the go-live',
      request: this.offer.session.planned({ url: this.offer.url('/golive') }),
      send: () => this.start(),
      // A re-run of a release that went live: the preview published since is what goes live now.
      notice:
        liveSince && published
          ? `Offer '${offerId}' went live before (operation ${liveSince.id}); a preview was published since (operation ${published.id}), so this run starts a new go-live to put it live.`
          : undefined,
    }
  }

  /** With image-version: the Production slot's plan lists it, or the step fails saying what it lists. */
  async confirm(): Promise<string> {
    const { image } = this.deps.settings
    return image ? confirmLive((await this.views()).live, image) : ''
  }

  /** The plan in the Preview and Production slots, as the image rules read them. */
  private async views(): Promise<{ preview?: PlanView; live?: PlanView }> {
    const planId = this.deps.settings.image!.planId
    return {
      preview: slotView((await this.offer.document('Preview'))?.doc, planId),
      live: slotView((await this.offer.document('Production'))?.doc, planId),
    }
  }

  /** The refusal while another operation holds the offer: a preview publish still certifying, or another. */
  private busy(other: Submission): string {
    const { offerId } = this.deps.settings
    const at = this.offer.operationUrl(other.id).href
    if (inSlot('staging')(other)) {
      return `Cannot start the go-live yet: the preview publish of offer '${offerId}' (${at}) is not ready to go live (it has not reached the publisher's sign-off). Wait until it is ready to go live (target: preview with wait: true follows it until then), then re-run this step.`
    }
    return `Cannot start the go-live: a ${other.type || 'different'} operation is already running on offer '${offerId}' (${at}). Wait for it to end, then re-run this step.`
  }

  /** A running preview publish that waits for the publisher's sign-off: what a go-live puts live. */
  private async awaitsSignoff(publish: Submission): Promise<boolean> {
    const op = await this.offer.previewRead(this.offer.operationUrl(publish.id))
    return op.preview === 'ready'
  }

  cancelRequest(): PlannedRequest {
    return this.offer.cancelRequest()
  }

  cancel(location: URL): Promise<Operation> {
    return this.offer.cancel(location, 'go-live')
  }

  stagesOf(location: URL): Promise<Stage[] | undefined> {
    return this.offer.stagesOf(location)
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
   * The go-live POST, written at most once (writeOnce): before it goes again, a go-live listed
   * (running, or changed since this run began) is the one this run or a sibling run started. A
   * 409, or a 202 that names no operation, is resolved from the list.
   */
  private async start(): Promise<Tracked | Done> {
    const { settings, log, clock } = this.deps
    const since = clock.now()
    const purpose = 'start the go-live'
    const url = this.offer.url('/golive')
    const written = await writeOnce(this.deps, {
      purpose,
      // No body is documented; real clients send none.
      send: () => this.offer.session.send({ method: 'POST', url, purpose, body: '', repeatable: false }),
      look: async ({ throttled, reason }) => {
        const goLive = goLiveSince(await this.offer.submissions(), since)
        if (!goLive) return undefined
        log(
          `The go-live request ${throttled ? 'was throttled' : 'may have reached the service'} (${reason}): a go-live of offer '${settings.offerId}' is listed (operation ${goLive.id}, ${goLive.state || 'state not given'}); following it instead of sending the request again.`,
        )
        return { location: this.offer.operationUrl(goLive.id), how: throttled ? 'attached' : 'started' }
      },
    })
    if (written.kind === 'found') return written.tracked
    const { response } = written
    let why: string
    if (response.status === 409) {
      why = `The service answered 409 Conflict${errorDetail(response.json)}: an operation is already running on offer '${settings.offerId}'.`
    } else {
      this.offer.session.check(response, purpose)
      const location = this.accepted(
        header(response.headers, 'operation-location') ?? header(response.headers, 'location'),
      )
      if (location) {
        log(`Started the go-live of offer '${settings.offerId}': operation ${operationId(location)}.`)
        return { location, how: 'started' }
      }
      why = 'The service accepted the go-live but named no operation (no Operation-Location or Location header).'
    }
    log(`${why} Looking for it among the offer's submissions.`)
    return this.lookFor(since, why, response.status === 409 ? 'attached' : 'started')
  }

  /** The operation a 202 names; undefined for none, or one in a form no operation has. */
  private accepted(value: string | undefined): URL | undefined {
    if (!value) return undefined
    try {
      return resolveOperationUrl(value, this.deps.settings.baseUrl, 'operation location the service returned')
    } catch (error) {
      if (!(error instanceof UnusableLocation)) throw error
      return undefined
    }
  }

  /** The go-live may be listed only a while after the POST: looked for before giving up. */
  private async lookFor(since: number, why: string, how: 'attached' | 'started'): Promise<Tracked> {
    const { settings, log } = this.deps
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
      return { location: this.offer.operationUrl(found.id), how }
    }
    if (found) {
      throw new ActionError(this.busy(found))
    }
    throw new ActionError(
      `${why} No running go-live was listed on offer '${settings.offerId}' within ${formatDuration(budget.forMs)} (${describeSubmissions(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last go-live.`,
    )
  }
}
