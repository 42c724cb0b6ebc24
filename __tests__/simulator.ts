/**
 * A local Cloud Partner Portal, faithful to the service as cpp-api.md describes it, including where
 * the service and its documentation disagree, and where the evidence of production clients
 * overrides the documentation: go-live, operation status (both URL forms), the submissions list
 * (unfiltered, with ended go-lives too, and lagging behind a new go-live when asked), cancel.
 * Sign-in, recording and faults come from SimServer.
 */
import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import { type Answer, type BaseScenario, SimServer, type TlsOptions } from './sim-base.js'

export type { Fault, FaultKind, RecordedRequest } from './sim-base.js'

export type Route =
  'golive' | 'publish' | 'operation' | 'submissions' | 'status' | 'cancel' | 'offer' | 'slot' | 'put-offer' | 'other'

/** A VM offer's plan as the service holds it when the test begins (draft-api.md §3). */
export interface CppVmScenario {
  planId: string
  /** A core VM offer: `microsoft-azure-corevm.vmImagesPublicAzure`, disk generations, read-only legacy keys. */
  core?: boolean
  /** Versions in the draft, Preview and Production slots: number and VHD URL. */
  published: { version: string; uri: string }[]
  /** Versions in the draft only, not yet published. */
  draftOnly?: { version: string; uri: string }[]
  /** The GET answers no ETag (as pub#22 saw it): the PUT then sends If-Match: *. */
  noEtag?: boolean
  /** Someone else changes the draft between the action's GET and its first PUT: that PUT gets 412. */
  editedBeforePut?: boolean
}

export interface OperationScript {
  /** Status reads until the operation ends (when `durationMs` is not set). */
  reads?: number
  /** Time until the operation ends, from its start: progress then follows the clock. */
  durationMs?: number
  outcome?: 'succeeded' | 'failed' | 'canceled'
  /** documented: "not started", "completed"; clients: notStarted, succeeded (and canceled). */
  vocabulary?: 'documented' | 'clients'
  /** The documentation's example wraps the operation in an array. */
  shape?: 'object' | 'array'
  previewLinks?: unknown[]
  liveLinks?: unknown[]
  /** A status word the action does not know, sent while the operation runs. */
  unknownStatus?: string
}

/**
 * A preview publish (`POST …/publish`): steps 1-3 advance with each read, then the sign-off step
 * waits for the publisher while the operation stays running (preview-api.md §1.3-1.5).
 */
export interface PublishScript {
  /** Status reads until it waits for sign-off (or fails); 3 by default. */
  reads?: number
  /** Time until it waits for sign-off (or fails), from its start, instead of reads. */
  durationMs?: number
  /** ready: it waits for the publisher's sign-off; failed: certification blocks it. */
  outcome?: 'ready' | 'failed'
  /** A failure as documented (the step blocked, the operation still running) or as clients saw it (failed). */
  failure?: 'blocked-running' | 'failed'
  /**
   * How readiness shows: the sign-off step by its id (documented), by its step name (SUSE's
   * tools), or only in the offer status `WaitingForPublisherReview` (documented table).
   */
  readySignal?: 'step-id' | 'step-name' | 'offer-status'
  /** Answer 400 to a publish with no body (SUSE's tools insist on one; inferred). */
  requireBody?: boolean
  /** A fixed answer instead of starting the publish (422 on validation, ...). */
  answer?: { status: number; body?: unknown }
  previewLinks?: unknown[]
}

export interface Scenario extends BaseScenario {
  publisherId: string
  offerId: string
  /** The header and URL form the 202 names the operation with. */
  location: 'operation-location' | 'location' | 'location-legacy' | 'none'
  /** A Location on another origin: a hostile or broken answer. */
  hostileLocation?: string
  operation: OperationScript
  /** A fixed answer to the go-live POST instead of starting one (400, 403, 404, 422, ...). */
  goLiveAnswer?: { status: number; body?: unknown }
  /** An operation already running on the offer when the test begins. */
  running?: 'publish' | 'goLive'
  /** How long before the test it started, and last changed: by default it starts as the test does. */
  runningSinceMs?: number
  /** Go-lives that ended before the test begins, oldest first. */
  ended?: ('succeeded' | 'failed' | 'canceled')[]
  /** A new operation shows in the submissions list only this long after it started. */
  listingDelayMs?: number
  /** The submissions list shows no operation to its first this many reads (lag counted in reads, not time). */
  listingDelayReads?: number
  publish: PublishScript
  /** A preview publish waiting for the publisher's sign-off when the test begins. */
  awaitingSignoff?: boolean
  /**
   * The preview publish that the `ended` go-lives put live, listed before them (signed off):
   * nothing was published to preview since the last go-live.
   */
  publishedBefore?: boolean
  /** The running operation is listed under this id instead of its own: a broken or hostile list. */
  listedId?: string
  /**
   * `POST …/cancel` (cpp-api.md, preview-api.md §1.7): answered 202 whether or not it cancels
   * (200 with `status`); the operation reads canceled `reads` reads later (2 by default: it takes
   * the service one to three minutes); with `goesOn` it is never cancelled (too far along).
   */
  cancel?: { reads?: number; goesOn?: boolean; status?: 200 | 202 }
  /** A virtual machine offer with its documents (draft and slots), PUT with ETag and If-Match. */
  vm?: CppVmScenario
}

interface SimOperation {
  id: string
  type: 'GoLive' | 'Publish'
  startedAt: number
  reads: number
  /** Set once the script ends it; canceled by the cancel API. */
  canceled?: boolean
  /** An operation that ended before the test began. */
  ended?: 'succeeded' | 'failed' | 'canceled'
  /** When the simulator first saw it ended: its submission's changedTime from then on. */
  endedAt?: number
  /** A preview publish the publisher signed off: a go-live of it started. */
  signedOff?: boolean
  /** A cancel was accepted: the operation reads canceled from this many reads on. */
  cancelAtRead?: number
  /** The body the publish was sent with (its addresses: personal data the action must never print). */
  body?: string
  /** A publish: the offer's draft as it took it. A go-live: the publish it put live. */
  doc?: Record<string, unknown>
  puts?: SimOperation
}

/** The steps of a go-live, with the ids and names the documentation shows. */
export const STEPS = [
  {
    id: 'displaydummycertify',
    stepName: 'Validate Pre-Requisites',
    description: 'Offer settings provided are validated',
    estimatedTimeFrame: '< 15 min',
  },
  {
    id: 'displaycertify',
    stepName: 'Certification',
    description: 'Your offer is analyzed by our certification systems for issues.',
    estimatedTimeFrame: '< 5 day',
  },
  {
    id: 'displaypackage',
    stepName: 'Packaging and Lead Generation Registration',
    description: 'Your offer is packaged and registered for lead generation.',
    estimatedTimeFrame: '< 1 day',
  },
  {
    id: 'publisher-signoff',
    stepName: 'Publisher signoff',
    description: 'The publisher reviews the offer before it goes live.',
  },
  {
    id: 'live',
    stepName: 'Live',
    description: 'Offer is publicly visible and is available for purchase.',
    estimatedTimeFrame: '~2-5 days',
  },
]
/** The failing step's message in a failed scenario; it quotes the notification address, as the service may. */
export const FAILURE_MESSAGE =
  'No virtual machine image was found for the plan contoso-plan. Contact jondoe@contoso.com.'
export const WARNING_MESSAGE = 'The plan contoso-plan has no test drive; continuing.'
export const NOTIFICATION_EMAILS = 'jondoe@contoso.com;release-team@contoso.com'
export const CERTIFICATION_MESSAGE =
  'The image failed certification: the VHD has no provisioning agent. Report sent to jondoe@contoso.com.'
/** The steps of a preview publish, as the documentation lists them up to the publisher's sign-off. */
export const PUBLISH_STEPS = STEPS.slice(0, 4)

const API_VERSION = '2017-10-31'

export class Simulator extends SimServer<Scenario> {
  private readonly operations = new Map<string, SimOperation>()
  private listReads = 0
  /** The offer's draft document, and its ETag serial (each PUT raises it). */
  draft?: Record<string, unknown>
  private etagSerial = 0
  /** What the Preview and Production slots held when the test began. */
  private seeded?: Record<string, unknown>
  /** The draft when the test began. */
  get draftBefore(): Record<string, unknown> | undefined {
    return this.seeded
  }
  /** The bodies and If-Match headers of the PUTs the service took or refused. */
  readonly puts: { ifMatch?: string; status: number }[] = []

  private constructor(scenario: Partial<Scenario>) {
    super(
      {
        publisherId: 'contoso',
        offerId: 'contoso-offer',
        location: 'operation-location',
        operation: {},
        publish: {},
        token: 'pasted-cpp-token-123',
        faults: [],
        ...scenario,
      },
      'https://cloudpartner.azure.com',
    )
    const day = 86_400_000
    for (const [i, outcome] of (this.scenario.ended ?? []).entries()) {
      const op = this.addOperation('GoLive')
      op.ended = outcome
      op.startedAt = Date.now() - (10 - i) * day
    }
    if (this.scenario.publishedBefore) {
      const op = this.addOperation('Publish')
      op.ended = 'succeeded'
      op.signedOff = true
      op.startedAt = Date.now() - 12 * day
    }
    if (this.scenario.running) {
      const type = this.scenario.running === 'publish' ? 'Publish' : 'GoLive'
      const op = this.addOperation(type)
      op.startedAt -= this.scenario.runningSinceMs ?? 0
    }
    if (this.scenario.awaitingSignoff) {
      const op = this.addOperation('Publish')
      op.startedAt = Date.now() - day
      op.reads = 1_000
    }
    if (this.scenario.vm) {
      const { vm } = this.scenario
      this.seeded = this.vmOffer(vm)
      this.draft = this.vmOffer({ ...vm, published: [...vm.published, ...(vm.draftOnly ?? [])] })
    }
  }

  /** An offer document as the service writes one (R5), the plan among another. */
  private vmOffer(vm: CppVmScenario): Record<string, unknown> {
    const key = vm.core ? 'microsoft-azure-corevm.vmImagesPublicAzure' : 'microsoft-azure-virtualmachines.vmImages'
    const images = (suffix: string) =>
      Object.fromEntries(
        vm.published.map((v) => [
          v.version,
          vm.core
            ? {
                osVhdUrl: v.uri,
                label: v.version,
                mediaName: `${vm.planId}${suffix}-${v.version}`,
                publishedDate: '01/15/2026',
                description: v.version,
                showInGui: true,
              }
            : { osVhdUrl: v.uri, lunVhdDetails: [] },
        ]),
      )
    const plan: Record<string, unknown> = {
      planId: vm.planId,
      'microsoft-azure-virtualmachines.skuTitle': 'Contoso VM',
      regions: ['DZ', 'AR'],
      [key]: images(''),
    }
    if (vm.core) {
      plan['microsoft-azure-corevm.legacyOfferId'] = 'contoso-legacy'
      plan.diskGenerations = [
        { planId: `${vm.planId}-gen2`, 'microsoft-azure-corevm.generation': '2', [key]: images('-gen2') },
      ]
    }
    return {
      offerTypeId: vm.core ? 'microsoft-azure-corevm' : 'microsoft-azure-virtualmachines',
      publisherId: this.scenario.publisherId,
      status: 'succeeded',
      id: '059afc24-07de-4126-b004-4e42a51816fe',
      version: 5,
      definition: {
        displayText: 'Contoso VM',
        offer: { 'microsoft-azure-marketplace.title': 'Contoso VM' },
        plans: [{ planId: 'other-plan', regions: ['DZ'] }, plan],
      },
      changedTime: '2026-01-15T06:15:39.7349221Z',
    }
  }

  private get etag(): string {
    return `W/"datetime'2026-12-07T10%3A00%3A${String(this.etagSerial).padStart(2, '0')}Z'"`
  }

  /** What a slot shows now: the preview ready (or put live) last, the publish the last go-live put live. */
  slotDoc(slot: 'Preview' | 'Production'): Record<string, unknown> | undefined {
    const ops = [...this.operations.values()]
    if (slot === 'Preview') {
      const ready = ops.filter((op) => op.type === 'Publish' && op.doc && (op.signedOff || this.awaiting(op))).at(-1)
      return ready?.doc ?? this.seeded
    }
    const live = ops
      .filter((op) => op.type === 'GoLive' && op.puts?.doc && this.progress(op).status === 'succeeded')
      .at(-1)
    return live?.puts?.doc ?? this.seeded
  }

  /** The version numbers a plan lists in the draft or a slot. */
  versionsOf(where: 'draft' | 'Preview' | 'Production', planId = this.scenario.vm?.planId ?? ''): string[] {
    const doc = where === 'draft' ? this.draft : this.slotDoc(where)
    const plans = ((doc?.definition as { plans?: Record<string, unknown>[] })?.plans ?? []) as Record<string, unknown>[]
    const generations = plans.flatMap((p) =>
      Array.isArray(p.diskGenerations) ? (p.diskGenerations as Record<string, unknown>[]) : [],
    )
    const plan = [...plans, ...generations].find((p) => p.planId === planId)
    const map = (plan?.['microsoft-azure-virtualmachines.vmImages'] ??
      plan?.['microsoft-azure-corevm.vmImagesPublicAzure'] ??
      {}) as object
    return Object.keys(map)
  }

  /** Preview publishes this simulator started. */
  get publishesStarted(): number {
    return (
      [...this.operations.values()].filter((o) => o.type === 'Publish').length -
      (this.scenario.running === 'publish' ? 1 : 0) -
      (this.scenario.awaitingSignoff ? 1 : 0) -
      (this.scenario.publishedBefore ? 1 : 0)
    )
  }

  /** The bodies the publishes were sent with. */
  get publishBodies(): string[] {
    return [...this.operations.values()].flatMap((o) => (o.body !== undefined ? [o.body] : []))
  }

  static async start(scenario: Partial<Scenario> = {}, tls?: TlsOptions): Promise<Simulator> {
    const sim = new Simulator(scenario)
    await sim.listenAll(tls)
    return sim
  }

  /** Go-lives this simulator started (a 409 or a refused request starts none). */
  get goLivesStarted(): number {
    return [...this.operations.values()].filter((o) => o.type === 'GoLive').length - this.preexisting
  }

  /** The ids of the go-live operations the simulator knows (not those of preview publishes). */
  get goLiveIds(): string[] {
    return [...this.operations.values()].filter((o) => o.type === 'GoLive').map((o) => o.id)
  }

  private get preexisting(): number {
    return (this.scenario.ended?.length ?? 0) + (this.scenario.running === 'goLive' ? 1 : 0)
  }

  /** The running or last operation of this offer. */
  get operation(): SimOperation | undefined {
    return [...this.operations.values()].at(-1)
  }

  operationPath(op: SimOperation): string {
    const { publisherId, offerId } = this.scenario
    return `/api/publishers/${publisherId}/offers/${offerId}/operations/${op.id}`
  }

  protected route(method: string, path: string): Route {
    const offer = /^\/api\/publishers\/[^/]+\/offers\/[^/]+/
    if (method === 'POST' && new RegExp(`${offer.source}/golive$`).test(path)) return 'golive'
    if (method === 'POST' && new RegExp(`${offer.source}/publish$`).test(path)) return 'publish'
    if (method === 'GET' && new RegExp(`${offer.source}/status$`).test(path)) return 'status'
    if (method === 'POST' && new RegExp(`${offer.source}/cancel$`).test(path)) return 'cancel'
    if (method === 'GET' && new RegExp(`${offer.source}/submissions/?$`).test(path)) return 'submissions'
    if (this.scenario.vm && method === 'GET' && new RegExp(`${offer.source}$`).test(path)) return 'offer'
    if (this.scenario.vm && method === 'GET' && new RegExp(`${offer.source}/slot/[^/]+$`).test(path)) return 'slot'
    if (this.scenario.vm && method === 'PUT' && new RegExp(`${offer.source}$`).test(path)) return 'put-offer'
    if (
      method === 'GET' &&
      (new RegExp(`${offer.source}/operations/[^/]+$`).test(path) || /^\/api\/operations\/[^/]+$/.test(path))
    )
      return 'operation'
    return 'other'
  }

  /** The operation that holds the offer: one running, except a preview waiting for its sign-off. */
  private busy(): SimOperation | undefined {
    return [...this.operations.values()].find((op) => this.progress(op).status === 'running' && !this.awaiting(op))
  }

  /** A preview publish waiting for the publisher: a go-live may start (and signs it off). */
  private awaiting(op: SimOperation): boolean {
    if (op.type !== 'Publish' || op.signedOff || op.canceled || this.scenario.running === 'publish') return false
    return this.publishFraction(op) >= 1 && (this.scenario.publish.outcome ?? 'ready') === 'ready'
  }

  private publishFraction(op: SimOperation): number {
    const { durationMs, reads } = this.scenario.publish
    if (durationMs !== undefined) return (Date.now() - op.startedAt) / durationMs
    return Math.max(0, op.reads - 1) / (reads ?? 3)
  }

  private addOperation(type: SimOperation['type']): SimOperation {
    const op = { id: randomUUID(), type, startedAt: Date.now(), reads: 0 }
    this.operations.set(op.id, op)
    return op
  }

  protected accept(route: string, _req: http.IncomingMessage, _url: URL, body: string): void {
    if (route === 'golive' && !this.busy()) this.goLive()
    if (route === 'publish' && !this.running()) this.addOperation('Publish').body = body
    if (route === 'put-offer') this.draft = JSON.parse(body) as Record<string, unknown>
  }

  private running(): SimOperation | undefined {
    return [...this.operations.values()].find((op) => this.progress(op).status === 'running')
  }

  /** A go-live signs off the preview waiting for it. */
  private goLive(): SimOperation {
    let puts: SimOperation | undefined
    for (const op of this.operations.values()) {
      if (!this.awaiting(op)) continue
      op.signedOff = true
      puts = op
    }
    const op = this.addOperation('GoLive')
    op.puts = puts
    return op
  }

  protected api(route: string, req: http.IncomingMessage, url: URL, body: string, answer: Answer): void {
    const { publisherId, offerId } = this.scenario
    if (url.searchParams.get('api-version') !== API_VERSION) {
      return answer(400, {
        error: { code: 'InvalidAPIVersion', message: 'Invalid api version. Allowed values are [2017-10-31]' },
      })
    }
    if (this.authorisation(req) !== 'ok') {
      return answer(401, {
        error: {
          code: 'Unauthorized',
          message: 'Authentication failed. The access token is missing, invalid or expired.',
        },
      })
    }
    const offerMatch = /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)/.exec(url.pathname)
    if (offerMatch && decodeURIComponent(offerMatch[1]) !== publisherId) {
      return answer(403, { error: { code: 'Forbidden', message: 'User does not have the required permissions' } })
    }
    if (offerMatch && decodeURIComponent(offerMatch[2]) !== offerId) {
      return answer(404, {
        error: { code: 'NotFound', message: `Offer '${decodeURIComponent(offerMatch[2])}' was not found.` },
      })
    }
    switch (route) {
      case 'golive': {
        if (this.scenario.goLiveAnswer)
          return answer(this.scenario.goLiveAnswer.status, this.scenario.goLiveAnswer.body)
        if (this.busy()) {
          return answer(409, {
            error: { code: 'Conflict', message: 'An operation is already in progress on this offer.' },
          })
        }
        const op = this.goLive()
        return answer(202, undefined, this.locationHeader(op))
      }
      case 'publish': {
        const script = this.scenario.publish
        if (script.answer) return answer(script.answer.status, script.answer.body)
        if (script.requireBody && !body.trim()) {
          return answer(400, { error: { code: 'BadRequest', message: 'The request body is required.' } })
        }
        if (body.trim()) {
          try {
            JSON.parse(body)
          } catch {
            return answer(400, { error: { code: 'BadRequest', message: 'The request body is not valid JSON.' } })
          }
        }
        // "Only one operation can have status running at a time": a preview waiting for sign-off too.
        if (this.running()) {
          return answer(409, {
            error: { code: 'Conflict', message: 'An operation is already in progress on this offer.' },
          })
        }
        const op = this.addOperation('Publish')
        op.body = body
        // What the publish certifies is the draft as it is now.
        if (this.draft) op.doc = structuredClone(this.draft)
        return answer(202, undefined, this.locationHeader(op))
      }
      case 'status':
        return answer(200, this.offerStatus())
      case 'operation': {
        const id = decodeURIComponent(url.pathname.split('/').pop() ?? '')
        const op = this.operations.get(id) ?? [...this.operations.values()].find((o) => this.legacyId(o) === id)
        if (!op) return answer(404, { error: { code: 'NotFound', message: `Operation '${id}' was not found.` } })
        op.reads++
        const body = this.operationBody(op)
        return answer(200, this.scenario.operation.shape === 'array' ? [body] : body)
      }
      case 'submissions': {
        this.listReads++
        // Unfiltered, as the service answers: a status= or submissionState= filter is not honoured.
        const listed = [...this.operations.values()].filter(
          (op) =>
            Date.now() - op.startedAt >= (this.scenario.listingDelayMs ?? 0) &&
            this.listReads > (this.scenario.listingDelayReads ?? 0),
        )
        return answer(
          200,
          listed.map((op) => ({
            id: this.scenario.listedId && this.progress(op).status === 'running' ? this.scenario.listedId : op.id,
            offerId,
            offerVersion: 1,
            offerTypeId: 'microsoft-azure-virtualmachines',
            publisherId,
            submissionType: op.type === 'GoLive' ? 'goLive' : 'publish',
            submissionState: this.progress(op).status,
            ...(op.type === 'Publish' ? { definition: { metadata: { emails: NOTIFICATION_EMAILS } } } : {}),
            publishingVersion: 2,
            slot: op.type === 'GoLive' ? 'production' : 'staging',
            version: 636576975611768314,
            definition: { metadata: { emails: NOTIFICATION_EMAILS } },
            // The time of the last change of state: the start, or the end once it has ended.
            changedTime: new Date(
              op.ended ? op.startedAt + 3_600_000 : (this.endedAt(op) ?? op.startedAt),
            ).toISOString(),
          })),
        )
      }
      case 'offer':
        return answer(200, this.draft, this.scenario.vm?.noEtag ? {} : { ETag: this.etag })
      case 'slot': {
        const slot = url.pathname.split('/').pop() ?? ''
        const doc = slot === 'Preview' || slot === 'Production' ? this.slotDoc(slot) : undefined
        if (!doc) return answer(404, { error: { code: 'NotFound', message: `Offer slot '${slot}' was not found.` } })
        return answer(200, doc)
      }
      case 'put-offer': {
        const ifMatch = req.headers['if-match']
        const record = (status: number) => this.puts.push({ ifMatch, status })
        if (this.scenario.vm?.editedBeforePut && this.puts.length === 0 && this.draft) {
          ;(this.draft.definition as { offer: Record<string, unknown> }).offer['microsoft-azure-marketplace.summary'] =
            'Edited by a person meanwhile'
          this.etagSerial++
        }
        if (!ifMatch) {
          record(409)
          return answer(409, {
            error: {
              code: 'InvalidResourceId',
              message:
                'Offer ID already exists. If you wanted to update an existing offer, please ensure If-Match header is specified as per documentation.',
            },
          })
        }
        if (ifMatch !== '*' && ifMatch !== this.etag) {
          record(412)
          return answer(412, {
            error: { code: 'PreconditionFailed', message: 'The offer has been modified since it was read.' },
          })
        }
        let doc: Record<string, unknown>
        try {
          doc = JSON.parse(body) as Record<string, unknown>
        } catch {
          record(400)
          return answer(400, { error: { code: 'BadRequest', message: 'The request body is not valid JSON.' } })
        }
        // Debian's tools: "can't write these key" (inferred answer).
        if (body.includes('microsoft-azure-corevm.legacyOfferId')) {
          record(400)
          return answer(400, {
            error: { code: 'BadRequest', message: "The property 'microsoft-azure-corevm.legacyOfferId' is read-only." },
          })
        }
        record(200)
        this.draft = doc
        this.etagSerial++
        return answer(200, doc, { ETag: this.etag })
      }
      case 'cancel': {
        const op = this.running()
        const script = this.scenario.cancel ?? {}
        if (op && !script.goesOn) op.cancelAtRead ??= op.reads + (script.reads ?? 2)
        if (script.status === 200) return answer(200, undefined)
        return answer(202, undefined, {
          Location: `/api/publishers/${publisherId}/offers/${offerId}/operations/${randomUUID()}?api-version=${API_VERSION}`,
        })
      }
      default:
        return answer(404, { error: { code: 'NotFound', message: 'No such resource.' } })
    }
  }

  private legacyId(op: SimOperation): string {
    return `${this.scenario.publisherId}$${this.scenario.offerId}$2$preview-${op.id.slice(0, 8)}`
  }

  private locationHeader(op: SimOperation): Record<string, string> {
    if (this.scenario.hostileLocation) return { 'Operation-Location': this.scenario.hostileLocation }
    switch (this.scenario.location) {
      case 'operation-location':
        return { 'Operation-Location': `${this.url}${this.operationPath(op)}` }
      case 'location':
        return { Location: `${this.operationPath(op)}?api-version=${API_VERSION}` }
      case 'location-legacy':
        return { Location: `/api/operations/${this.legacyId(op)}?api-version=${API_VERSION}` }
      case 'none':
        return {}
    }
  }

  /** When an operation that ran in the test ended (by its clock, or when it was first seen ended). */
  private endedAt(op: SimOperation): number | undefined {
    if (this.progress(op).status === 'running') return undefined
    const script = this.scenario.operation
    op.endedAt ??= script.durationMs !== undefined && !op.canceled ? op.startedAt + script.durationMs : Date.now()
    return op.endedAt
  }

  /** Where an operation is: a fraction of its script, and its status once it has ended. */
  private progress(op: SimOperation): { fraction: number; status: 'running' | 'succeeded' | 'failed' | 'canceled' } {
    if (op.canceled || (op.cancelAtRead !== undefined && op.reads >= op.cancelAtRead)) {
      return { fraction: 1, status: 'canceled' }
    }
    if (op.ended) return { fraction: 1, status: op.ended }
    const script = this.scenario.operation
    if (op.type === 'Publish' && this.scenario.running === 'publish') return { fraction: 0.5, status: 'running' }
    if (op.type === 'Publish') {
      const publish = this.scenario.publish
      if (op.signedOff) return { fraction: 1, status: 'succeeded' }
      const fraction = this.publishFraction(op)
      if (fraction < 1) return { fraction, status: 'running' }
      const failed = (publish.outcome ?? 'ready') === 'failed' && publish.failure === 'failed'
      return { fraction: 1, status: failed ? 'failed' : 'running' }
    }
    // The first read finds it not started; the (reads + 1)th finds it ended.
    const fraction =
      script.durationMs !== undefined
        ? (Date.now() - op.startedAt) / script.durationMs
        : Math.max(0, op.reads - 1) / (script.reads ?? 3)
    if (fraction < 1) return { fraction: Math.max(0, fraction), status: 'running' }
    return { fraction: 1, status: script.outcome ?? 'succeeded' }
  }

  /** The offer status (`GET …/offers/{o}/status`), from its newest operation. */
  private offerStatus(): Record<string, unknown> {
    const op = [...this.operations.values()].at(-1)
    const publish = this.scenario.publish
    let status = 'NeverPublished'
    if (op?.type === 'GoLive') status = this.progress(op).status
    else if (op) {
      const { status: s } = this.progress(op)
      status =
        s !== 'running'
          ? s
          : this.awaiting(op) && publish.readySignal === 'offer-status'
            ? 'WaitingForPublisherReview'
            : 'running'
      if (s === 'running' && this.publishFraction(op) >= 1 && publish.outcome === 'failed') status = 'failed'
    }
    const body = op ? this.operationBody(op) : { steps: [], previewLinks: [] }
    return {
      status,
      messages: [],
      steps: body.steps,
      previewLinks: body.previewLinks,
      liveLinks: [],
      notificationEmails: NOTIFICATION_EMAILS,
    }
  }

  /** A preview publish: steps 1-3 move with the reads; then the sign-off waits, or certification blocks. */
  private publishBody(op: SimOperation): Record<string, unknown> {
    const { status } = this.progress(op)
    const script = this.scenario.publish
    const fraction = op.signedOff ? 1 : Math.min(1, this.publishFraction(op))
    const failed = (script.outcome ?? 'ready') === 'failed' && fraction >= 1
    const signal = script.readySignal ?? 'step-id'
    const steps = PUBLISH_STEPS.map((step, i) => {
      const signoff = step.id === 'publisher-signoff'
      const named = signoff && signal === 'step-name' ? { id: 'displaysignoff', stepName: 'publisher-signoff' } : {}
      let stepStatus: string
      const messages: unknown[] = []
      if (op.signedOff) stepStatus = 'complete'
      else if (signoff)
        stepStatus = fraction >= 1 && !failed && signal !== 'offer-status' ? 'waitingForPublisherReview' : 'notStarted'
      else if (failed && i === 1) {
        stepStatus = 'blocked'
        messages.push({ messageHtml: CERTIFICATION_MESSAGE, level: 'error', timestamp: new Date().toISOString() })
      } else if (failed && i > 1) stepStatus = 'notStarted'
      else stepStatus = fraction >= (i + 1) / 3 ? 'complete' : fraction > i / 3 ? 'inProgress' : 'notStarted'
      return {
        ...step,
        ...named,
        status: stepStatus,
        messages,
        progressPercentage: stepStatus === 'complete' ? 100 : 0,
      }
    })
    return {
      status: status === 'succeeded' ? 'completed' : status,
      messages: [],
      publishingVersion: 2,
      offerVersion: 1,
      cancellationRequestState: status === 'running' ? 'canCancel' : 'cannotCancel',
      steps,
      previewLinks: fraction >= 1 && !failed ? (script.previewLinks ?? []) : [],
      liveLinks: [],
      notificationEmails: NOTIFICATION_EMAILS,
    }
  }

  operationBody(op: SimOperation): Record<string, unknown> {
    if (op.type === 'Publish' && this.scenario.running !== 'publish') return this.publishBody(op)
    const { fraction, status } = this.progress(op)
    const documented = this.scenario.operation.vocabulary === 'documented'
    const failingStep = 1
    const at = (ms: number): string => new Date(op.startedAt + ms).toISOString()
    const steps = STEPS.map((step, i) => {
      const start = i / STEPS.length
      const end = (i + 1) / STEPS.length
      const working = step.id === 'publisher-signoff' ? 'waitingForPublisherReview' : 'inProgress'
      let stepStatus = fraction >= end ? 'complete' : fraction > start ? working : 'notStarted'
      let progressPercentage =
        stepStatus === 'complete'
          ? 100
          : stepStatus === working
            ? Math.round(((fraction - start) / (end - start)) * 100)
            : 0
      const messages: unknown[] = []
      if (stepStatus === 'complete')
        messages.push({ messageHtml: '<b>Step</b> completed.', level: 'information', timestamp: at(1000 * (i + 1)) })
      if (i === 2 && stepStatus !== 'notStarted')
        messages.push({ messageHtml: WARNING_MESSAGE, level: 'warning', timestamp: at(2500) })
      if (status === 'failed' || status === 'canceled') {
        if (i === failingStep) {
          stepStatus = status === 'failed' ? 'blocked' : 'canceled'
          progressPercentage = 0
          if (status === 'failed') messages.push({ messageHtml: FAILURE_MESSAGE, level: 'error', timestamp: at(3000) })
        } else if (i > failingStep) {
          stepStatus = 'notStarted'
          progressPercentage = 0
          messages.length = 0
        }
      }
      return { ...step, status: stepStatus, messages, progressPercentage }
    })
    const word = {
      running:
        fraction === 0
          ? documented
            ? 'not started'
            : 'notStarted'
          : (this.scenario.operation.unknownStatus ?? 'running'),
      succeeded: documented ? 'completed' : 'succeeded',
      failed: 'failed',
      canceled: 'canceled',
    }[status]
    // Real operation bodies carry neither `id` nor `submissionType`: nothing may depend on them.
    return {
      status: word,
      messages: [],
      publishingVersion: 2,
      offerVersion: 1,
      cancellationRequestState: status === 'running' ? 'canCancel' : 'cannotCancel',
      steps,
      previewLinks: this.scenario.operation.previewLinks ?? [],
      liveLinks: status === 'succeeded' ? (this.scenario.operation.liveLinks ?? []) : [],
      notificationEmails: NOTIFICATION_EMAILS,
    }
  }
}
