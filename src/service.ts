import type { Clock } from './clock.js'
import { ActionError } from './errors.js'
import type { Credentials } from './credentials.js'
import type { Http } from './http.js'
import type { Operation } from './operation.js'
import type { Stage } from './stages.js'
import type { ImageRequest } from './image.js'

/** The go-live a run follows, however it came to follow it. */
export interface Tracked {
  /** The absolute URL the action reads: the `operation-location` output. */
  location: URL
  /**
   * started: this step started it; attached: it was already running; resumed: from
   * operation-location; found: looked up with `start: false`; already-live: nothing to start;
   * unchanged: a preview publish was not needed, nothing changed since the last preview.
   */
  how: 'started' | 'attached' | 'resumed' | 'found' | 'already-live' | 'unchanged'
  /** The offer's page in Partner Center, when the adapter knows it (else the API's portalUrl). */
  portal?: string
  /** What the run that started it knew, that its reads need: carried with it, not kept in the stage. */
  started?: StartFacts
}

/** Facts of the write that started an operation, for its later reads (Product Ingestion jobs). */
export interface StartFacts {
  /** The submission a go-live job promotes. */
  submission?: string
  /** The previews listed before a preview publish job was sent: a new one is its outcome. */
  previewsBefore?: string[]
}

/** Where a person can open the offer: its page in Partner Center (the API URLs need a token). */
export const PARTNER_CENTER = 'https://partner.microsoft.com/dashboard/commercial-marketplace'

/** A write the action would send: what a dry run prints (never the token). */
export interface PlannedRequest {
  method: 'POST' | 'PUT'
  /** Headers a dry run shows besides the token (If-Match). */
  headers?: Record<string, string>
  /** With the API's version parameter, as it would be sent. */
  url: URL
  /** Empty when the request has none. */
  body: string
}

/**
 * What this run should do on its stage, decided from reads only: send one request (`send` carries
 * it out, at most once), follow an operation already there (one in progress, or the one that
 * shows there is nothing to do), do nothing (the stage holds what was asked for, and there is no
 * operation to follow), or refuse with the line the step fails with. A dry run prints it; a real
 * run carries it out (`act`); both report it. `notice`: what the user should know of it (a
 * go-live that leaves changes of the draft behind, a second go-live), shown on the run page.
 */
export type Decision =
  | {
      kind: 'send'
      what: string
      request: PlannedRequest
      send: () => Promise<Tracked | Done>
      image?: ImageNote
      notice?: string
    }
  | { kind: 'follow'; what: string; tracked: Tracked; line: string; notice?: string }
  | { kind: 'none'; what: string; line: string; image?: ImageNote }
  | { kind: 'refuse'; line: string }

/** What a draft decision says of the image, for the summary: "x64Gen2 from a VHD (SAS URL)", "added to the draft". */
export interface ImageNote {
  images: string
  state: string
}

/** A stage that ended with the request that carried it out (a CPP draft PUT), or that had nothing to do. */
export interface Done {
  done: string
}

export const isDone = (value: Tracked | Done): value is Done => 'done' in value

/** A real run carries the decision out: the refusal fails the step, a follow is said, a send is sent. */
export async function act(decision: Decision, log: (line: string) => void): Promise<Tracked | Done> {
  switch (decision.kind) {
    case 'refuse':
      throw new ActionError(decision.line)
    case 'follow':
      log(decision.line)
      return decision.tracked
    case 'none':
      return { done: decision.line }
    case 'send':
      return decision.send()
  }
}

/** "The marketplace service": all that main.ts, the wait and the report know of one stage of an API. */
export interface MarketplaceService {
  /** What this run should do on the stage now, with reads only. */
  decide(): Promise<Decision>
  /**
   * The offer's operation of this stage (the running one, else the last one) without starting
   * anything. `outcome`: the one whose end is the outcome of this release (start: false follows
   * it), looked for a while when the list shows only an older one; else the offer's current one.
   */
  find(purpose?: 'outcome' | 'current'): Promise<Tracked | undefined>
  /**
   * The stages the operation at `location` (an input) is of, when the service tells: a run of one
   * stage refuses another stage's operation. Undefined when it cannot tell.
   */
  stagesOf?(location: URL): Promise<Stage[] | undefined>
  /** One read of the operation at `location`, in the normalised model (`started`: what its start knew). */
  read(location: URL, started?: StartFacts): Promise<Operation>
  /** The request that cancels the operation at `location` (or why it cannot be cancelled). */
  cancelRequest(location: URL): PlannedRequest
  /**
   * Sends the cancel of the operation at `location` and returns the first read after it; it may
   * still read running (the service cancels asynchronously). A cancel the service refuses because
   * the operation has ended throws TooLate, with that operation's last read.
   */
  cancel(location: URL): Promise<Operation>
  /**
   * After the stage succeeded, with image-version: checks that what the stage was for holds the
   * version (the live configuration lists it) and returns the line that says so; throws if not.
   */
  confirm?(): Promise<string>
}

/** A cancel that came after the operation ended, or that the service no longer accepts. */
export class TooLate extends ActionError {
  override name = 'TooLate'
  constructor(
    message: string,
    readonly op: Operation,
  ) {
    super(message)
  }
}

/** What an adapter is told of the run: the offer, where the API is, and how long to look. */
export interface Target {
  offerId: string
  /** Empty for APIs that take no publisher. */
  publisherId: string
  /** The API was chosen by whether publisher-id is given (the api input is not set). */
  apiAssumed?: boolean
  baseUrl: URL
  apiVersion: string
  timeoutMs: number
  pollIntervalMs: number
  /** What the run takes the offer to: live (the go-live), or preview (the publish before it). */
  target: Stage
  /** CPP preview publishes: who the service mails about its progress (personal data, never printed). */
  notificationEmails: string[]
  /** The image version to add to the draft (target draft or preview) or to confirm live (target live). */
  image?: ImageRequest
  /** target live: the preview that was reviewed; the go-live is refused if the newest preview is another. */
  previewId?: string
}

export { NOUN, type Stage } from './stages.js'

export interface ServiceDeps {
  http: Http
  credentials: Credentials
  settings: Target
  clock: Clock
  signal?: AbortSignal
  log: (line: string) => void
}

/** One API the action can drive: its defaults, its URL forms and a way to connect to it. */
export interface MarketplaceApi {
  /** The value of the `api` input. */
  readonly name: string
  /** For messages: "Cloud Partner Portal". */
  readonly title: string
  readonly defaults: { 'base-url': string; 'api-version': string }
  /** What Azure AD issues the token for (v2 scope `{resource}/.default`). */
  readonly tokenResource: string
  readonly needsPublisher: boolean
  /** Whether image-source may name an Azure Compute Gallery image (and one source per image type). */
  readonly galleries: boolean
  /** Stages whose change is one request here, done when the step ends: no operation to follow later. */
  readonly oneRequest?: Stage[]
  /** The offer id as this API knows it; refuses, before any request, one that cannot be one. */
  normaliseOfferId?(offerId: string): string
  /** Checks an operation URL (an input, or an answer of the service) and returns the URL to follow. */
  operationUrl(value: string, baseUrl: URL, source: string): URL
  /** The `operation-id` output for a followed URL. */
  operationId(url: URL): string
  /** The Partner Center page of the offer followed at `url`, for people to open. */
  portalUrl(url: URL): string
  /** The adapter of each stage: one file of this API's folder per stage. */
  readonly stages: Record<Stage, (deps: ServiceDeps) => MarketplaceService>
}

/** The adapter of the run's stage on its API. */
export const connect = (
  api: MarketplaceApi,
  deps: ServiceDeps,
  stage: Stage = deps.settings.target,
): MarketplaceService => api.stages[stage](deps)

/**
 * Right after a go-live starts, the service may list it only after a while: look again every
 * `everyMs` until `look` finds it or `forMs` has passed. Undefined when it never did.
 */
export async function lookAgain<T>(
  look: () => Promise<T | undefined>,
  { clock, signal, forMs, everyMs }: { clock: Clock; signal?: AbortSignal; forMs: number; everyMs: number },
): Promise<T | undefined> {
  const until = clock.now() + forMs
  for (;;) {
    const found = await look()
    if (found !== undefined) return found
    const left = until - clock.now()
    if (left <= 0) return undefined
    await clock.sleep(Math.min(everyMs, left), signal)
  }
}

/** How long to keep looking for a go-live the service has not listed yet: two minutes, within `timeout`. */
export function lookBudget(settings: Pick<Target, 'timeoutMs' | 'pollIntervalMs'>): {
  forMs: number
  everyMs: number
} {
  return { forMs: Math.min(120_000, settings.timeoutMs), everyMs: Math.min(10_000, settings.pollIntervalMs) }
}

/**
 * With preview-id: the refusal when the preview a go-live would put live (`newest`, undefined when
 * the offer has none) is not the one that was reviewed; undefined when it is.
 */
export function reviewedRefusal(
  settings: Pick<Target, 'previewId' | 'offerId'>,
  newest: string | undefined,
): string | undefined {
  const { previewId, offerId } = settings
  if (previewId === undefined || previewId === newest) return undefined
  return newest === undefined
    ? `Cannot go live with preview-id ${previewId}: offer '${offerId}' lists no such preview. Pass the preview-id output of the target: preview run that was reviewed.`
    : `Cannot go live with preview-id ${previewId}: the newest preview of offer '${offerId}' is ${newest}, published after the one reviewed. Review that preview (its target: preview run gives its preview-id), then go live with it.`
}
