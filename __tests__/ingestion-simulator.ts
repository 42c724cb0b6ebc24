/**
 * A local Product Ingestion API (Partner Center), faithful to ingestion-api.md: the product lookup by
 * external id (the query key in any case), the product's submissions (draft `…/0`, preview and live
 * entries with 19-digit ids), `POST configure` with the service's own 400s (old `$schema` host,
 * deprecated `$version`, a missing or `/0` submission id, a submission schema that wants `sources`),
 * configure jobs that go notStarted -> running -> completed, failed jobs with nested errors, the
 * service's own guards (an older preview is "not the latest submission"; a second publish while one
 * runs is "An In Progress submission … already exists"), a 401 for a token of another audience and a
 * 403 for an app that is not in the Partner Center account. Sign-in and faults come from SimServer.
 */
import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import { type Answer, type BaseScenario, SimServer, type TlsOptions } from './sim-base.js'

export type IngestionRoute =
  'product' | 'submissions' | 'configure' | 'job' | 'job-detail' | 'cancel' | 'tree' | 'plans' | 'tech-config' | 'other'

export const PREFIX = '/rp/product-ingestion'
export const PRODUCT_GUID = '5f3b0b52-0c7e-4a8e-9d3e-2a0f5d7c9b11'
const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema/'

/** Where the offer stands when the test begins. */
export type OfferState =
  | 'ready' // a succeeded preview newer than what is live
  | 'never-live' // a succeeded preview, nothing live yet
  | 'already-live' // the newest preview is live already
  | 'live-running' // a go-live of the newest preview is in progress
  | 'preview-running' // the newest preview is still in certification
  | 'preview-failed' // the newest preview failed
  | 'older-preview-succeeded' // the newest preview failed; an older one had succeeded
  | 'no-preview' // only the draft

export interface JobScript {
  /** Status reads until the job ends (when `durationMs` is not set). */
  reads?: number
  durationMs?: number
  outcome?: 'succeeded' | 'failed' | 'cancelled'
  /** The `errors` of a failed job; certification failure by default. */
  errors?: unknown[]
  /** How the job id key is spelled in answers. */
  spelling?: 'jobId' | 'jobID'
  /** A jobStatus word the action does not know, sent while the job runs. */
  unknownStatus?: string
}

/** A preview publish job (`POST configure` with target preview): validation and certification. */
export interface PreviewScript {
  reads?: number
  durationMs?: number
  outcome?: 'succeeded' | 'failed'
  /** The `errors` of a failed preview; certification failure by default. */
  errors?: unknown[]
  /** The preview entry reads running this many list reads after its job completed (no source; inferred 0). */
  entryLagReads?: number
  /**
   * A preview of a draft that holds nothing new since the last preview (no source says): a new
   * submission (default, inferred), a job that succeeds and publishes nothing, or a failed job.
   */
  unchanged?: 'new-submission' | 'no-op' | 'failed'
}

export interface IngestionScenario extends BaseScenario {
  offerId: string
  offer: OfferState
  job: JobScript
  /** `$version` values the service calls deprecated. */
  deprecatedVersions: string[]
  /** The app is not in the Partner Center account: every call answers 403. */
  forbidden?: boolean
  /** The list shows a new live submission only this long after its job started. */
  listingDelayMs?: number
  /** Lists come in pages of this many entries, each linked to the next by an absolute `@nextLink`. */
  pageSize?: number
  /** Other offers of the account, listed before this one by a lookup that ignores its filter. */
  otherOffers?: string[]
  /** The `@nextLink` points to this origin instead of the simulator's. */
  nextLinkOrigin?: string
  /** Every page links to another: a list that never ends. */
  endlessPages?: boolean
  preview: PreviewScript
  /** The draft differs from the newest preview when the test begins (default true). */
  draftChanged?: boolean
  /** The resource-tree endpoint is not served (404): the action cannot compare draft and preview. */
  noResourceTree?: boolean
  /**
   * A running job is "far enough along" from this many status reads on: its cancel is refused as
   * if it had completed (preview-api.md §2.7). Undefined: cancellable until it completes.
   */
  cancelUntilRead?: number
  /** A virtual machine offer: its plan's technical configuration in draft, preview and live (draft-api.md §1). */
  vm?: VmScenario
}

/** A VM plan as the service holds it when the test begins. */
export interface VmScenario {
  /** The plan id Partner Center shows (identity.externalId). */
  planId: string
  /** The core VM resource type (core-virtual-machine-plan-technical-configuration). */
  core?: boolean
  /** How the configuration names its plan: durable id (default), `plan/{L}` alone, or `{externalId}`. */
  planForm?: 'durable' | 'short' | 'externalId'
  /** The resource tree writes `$schema` on the old host, as exports may (draft-api.md §1.1). */
  oldSchemaHost?: boolean
  /** Image types with a sku (default x64Gen1 and x64Gen2). */
  types?: string[]
  /** Versions published (in preview and live): number and VHD URL. */
  published: { version: string; uri: string }[]
  /** Versions in the draft only, not yet published. */
  draftOnly?: { version: string; uri: string }[]
  /** Draft configure jobs fail with these errors (a recorded answer), whatever they carry. */
  draftJobErrors?: unknown[]
  /** The live resource tree goes on showing what was live when the test began (a stale read). */
  staleLive?: boolean
  /** Versions in the newest preview (and the draft), not yet live. */
  previewOnly?: { version: string; uri: string }[]
  /** The resource-tree GET of the draft serves no technical configuration (only the durable-id GET has it). */
  draftOnlyByDurableId?: boolean
}

export const PLAN_GUID = '8c2f4e61-1a2b-4c3d-9e8f-0a1b2c3d4e5f'
const OLD_SCHEMA_HOST = 'https://product-ingestion.azureedge.net/schema/'

/** The R1 answer (draft-api.md §7): a configure that drops or edits a published version. */
export const DELETE_PUBLISHED_ERRORS = (version: string, type: string, resource: string) => [
  {
    code: 'badRequest',
    message: `Cannot delete image '${version}' of type '${type.replace(/^x/, 'X')}' as it is already published.`,
    details: [{ code: 'invalidResource', message: `Failure for resource: ${resource}-0, schema: ${resource}` }],
  },
]

interface SimSubmission {
  n: string
  target: 'draft' | 'preview' | 'live'
  status?: 'notStarted' | 'running' | 'completed'
  result?: 'pending' | 'succeeded' | 'failed'
  created: number
  /** The version of the draft's content a preview holds. */
  content?: number
}

interface SimJob {
  id: string
  /** The submission number it puts live; undefined when the service refused it at once. */
  n: string
  startedAt: number
  reads: number
  outcome: 'succeeded' | 'failed' | 'cancelled'
  errors: unknown[]
  /** Set by a cancel. */
  cancelled?: boolean
  /** A job that the test began with (the go-live in progress), listed at once. */
  preexisting?: boolean
  /** A preview publish job, or a draft change (else a go-live); `n` undefined when it publishes nothing new. */
  target?: 'preview' | 'draft'
  /** The draft's content version it publishes. */
  content?: number
}

export const CERTIFICATION_ERRORS = [
  {
    code: 'internalServerError',
    message: 'Operation failed',
    details: [
      {
        code: 'invalidState',
        message: 'Issues found during Certification. Contact jondoe@contoso.com for the report.',
      },
    ],
  },
]

export const NOT_LATEST_ERRORS = (n: string) => [
  {
    resourceId: `submission/${PRODUCT_GUID}/${n}`,
    code: 'conflict',
    message: 'The submission cannot be pushed to live as its not the latest submission.',
    details: [{ code: 'invalidResource', message: 'Failure for resource' }],
  },
]

/** No source shows what the service answers a preview of nothing new: the knob's failed form (inferred). */
export const NOTHING_TO_PUBLISH_ERRORS = [
  { code: 'invalidRequest', message: 'There are no changes in the draft to publish.' },
]

export const IN_PROGRESS_ERRORS = (n: string) => [
  { code: 'internalServerError', message: `An In Progress submission ${n} already exists.` },
]

const DAY = 86_400_000
let serial = 0
/** A 19-digit submission id, as the service writes them. */
const nextId = (): string => String(1152921505697416353n + BigInt(++serial * 1000 + Math.floor(Math.random() * 1000)))

export class IngestionSimulator extends SimServer<IngestionScenario> {
  readonly submissions: SimSubmission[] = []
  readonly jobs = new Map<string, SimJob>()
  /** The draft's content: a test edits the offer by raising it. */
  draftVersion = 1

  private constructor(scenario: Partial<IngestionScenario>) {
    super(
      {
        offerId: 'contoso-saas',
        offer: 'ready',
        job: {},
        preview: {},
        deprecatedVersions: ['2022-03-01-preview3'],
        token: 'pasted-graph-token-456',
        faults: [],
        ...scenario,
      },
      'https://graph.microsoft.com',
    )
    this.seed()
  }

  static async start(scenario: Partial<IngestionScenario> = {}, tls?: TlsOptions): Promise<IngestionSimulator> {
    const sim = new IngestionSimulator(scenario)
    await sim.listenAll(tls, PREFIX)
    return sim
  }

  /** Go-live jobs the test's requests created that the service accepted to run. */
  get goLivesStarted(): number {
    return [...this.jobs.values()].filter((j) => !j.preexisting && j.target === undefined).length
  }

  /** Draft changes (configure jobs of a technical configuration) the service accepted. */
  get draftChanges(): number {
    return [...this.jobs.values(), ...this.refused.values()].filter((j) => j.target === 'draft').length
  }

  /** The plan's technical configuration of each content version: the draft's is `draftVersion`'s. */
  readonly configs = new Map<number, Record<string, unknown>>()
  /** The configure bodies of draft changes, as sent. */
  readonly draftBodies: string[] = []

  /** The technical configuration a target shows now (draft, preview, live), if any. */
  configOf(targetType: string): Record<string, unknown> | undefined {
    const content = this.contentOf(targetType)
    return content === undefined ? undefined : this.configs.get(content)
  }

  /** The version numbers a target's configuration lists. */
  versionsOf(targetType: string): string[] {
    const versions = (this.configOf(targetType)?.vmImageVersions ?? []) as { versionNumber: string }[]
    return versions.map((v) => v.versionNumber)
  }

  private contentOf(targetType: string): number | undefined {
    if (targetType === 'draft') return this.draftVersion
    if (targetType === 'live' && this.scenario.vm?.staleLive) return 0
    return this.listed(false)
      .filter((s) => s.target === targetType && s.status === 'completed' && s.result === 'succeeded')
      .sort((a, b) => b.created - a.created)[0]?.content
  }

  /** Preview publish jobs the service accepted to run (a certification each). */
  get previewsStarted(): number {
    return [...this.jobs.values()].filter((j) => j.target === 'preview').length
  }

  /** The newest preview: what a go-live must promote. */
  get preview(): SimSubmission | undefined {
    return this.listed(false)
      .filter((s) => s.target === 'preview')
      .sort((a, b) => b.created - a.created)[0]
  }

  private seed(): void {
    const now = Date.now()
    const add = (
      target: SimSubmission['target'],
      ageDays: number,
      status?: SimSubmission['status'],
      result?: SimSubmission['result'],
    ): SimSubmission => {
      const s: SimSubmission = {
        n: target === 'draft' ? '0' : nextId(),
        target,
        status,
        result,
        created: now - ageDays * DAY,
      }
      this.submissions.push(s)
      return s
    }
    add('draft', 30)
    const state = this.scenario.offer
    this.draftVersion = this.scenario.draftChanged === false ? 1 : 2
    this.seedVm()
    if (state === 'no-preview') return
    if (state !== 'never-live') add('live', 20, 'completed', 'succeeded').content = 0
    switch (state) {
      case 'ready':
      case 'never-live':
        add('preview', 2, 'completed', 'succeeded').content = 1
        return
      case 'already-live': {
        const p = add('preview', 2, 'completed', 'succeeded')
        p.content = 1
        this.submissions.push({ ...p, target: 'live', created: now - DAY })
        return
      }
      case 'live-running': {
        const p = add('preview', 2, 'completed', 'succeeded')
        p.content = 1
        const job = this.addJob(p.n, true)
        job.startedAt = now - 60_000
        return
      }
      case 'preview-running':
        add('preview', 0.1, 'running', 'pending')
        return
      case 'preview-failed':
        add('preview', 1, 'completed', 'failed')
        return
      case 'older-preview-succeeded':
        add('preview', 3, 'completed', 'succeeded')
        add('preview', 1, 'completed', 'failed')
        return
    }
  }

  /** The VM plan's configurations: content 0 and 1 (live and preview) hold the published versions. */
  private seedVm(): void {
    const vm = this.scenario.vm
    if (!vm) return
    const type = vm.core
      ? 'core-virtual-machine-plan-technical-configuration'
      : 'virtual-machine-plan-technical-configuration'
    const host = vm.oldSchemaHost ? OLD_SCHEMA_HOST : SCHEMA_HOST
    const types = vm.types ?? ['x64Gen1', 'x64Gen2']
    const entry = (v: { version: string; uri: string }) => ({
      versionNumber: v.version,
      lifecycleState: 'generallyAvailable',
      vmImages: types.map((imageType) => ({
        imageType,
        source: { sourceType: 'sasUri', osDisk: { uri: v.uri }, dataDisks: [] },
      })),
    })
    const plan =
      vm.planForm === 'short'
        ? `plan/${PLAN_GUID}`
        : vm.planForm === 'externalId'
          ? { externalId: vm.planId }
          : `plan/${PRODUCT_GUID}/${PLAN_GUID}`
    const base = {
      $schema: `${host}${type}/2022-03-01-preview5`,
      id: `${type}/${PRODUCT_GUID}/${PLAN_GUID}`,
      product: `product/${PRODUCT_GUID}`,
      plan,
      operatingSystem: { family: 'linux', friendlyName: 'Linux', type: 'redHat' },
      ...(vm.core ? { softwareType: 'operatingSystem' } : {}),
      recommendedVmSizes: [],
      openPorts: [],
      // A field of a newer schema that the action does not know: it must come back as it was.
      futureField: { kept: true },
      vmProperties: { supportsExtensions: true, supportsNVMe: true, supportsRemoteConnection: true },
      skus: types.map((imageType, i) => ({ imageType, skuId: i ? `${vm.planId}-gen${i + 1}` : vm.planId })),
      vmImageVersions: vm.published.map(entry),
      validations: [{ level: 'informational', message: 'read-only' }],
    }
    this.configs.set(0, structuredClone(base))
    const previewed = [...vm.published, ...(vm.previewOnly ?? [])]
    this.configs.set(1, { ...structuredClone(base), vmImageVersions: previewed.map(entry) })
    this.configs.set(2, {
      ...structuredClone(base),
      vmImageVersions: [...previewed, ...(vm.draftOnly ?? [])].map(entry),
    })
  }

  private addJob(n: string, preexisting = false): SimJob {
    const job: SimJob = {
      id: randomUUID(),
      n,
      startedAt: Date.now(),
      reads: 0,
      outcome: this.scenario.job.outcome ?? 'succeeded',
      errors: this.scenario.job.errors ?? CERTIFICATION_ERRORS,
      preexisting,
    }
    this.jobs.set(job.id, job)
    return job
  }

  /**
   * The job's place: notStarted on its first read, completed on its (reads + 1)th, or by the clock;
   * `lag` reads later for a preview entry that catches up with its job.
   */
  private progress(
    job: SimJob,
    lag = 0,
  ): {
    jobStatus: 'notStarted' | 'running' | 'completed'
    jobResult: 'pending' | SimJob['outcome']
  } {
    if (job.cancelled) return { jobStatus: 'completed', jobResult: 'cancelled' }
    // The service's guards fail a job as it starts (inferred: no source times them).
    if (this.refused.has(job.id)) return { jobStatus: 'completed', jobResult: 'failed' }
    const script =
      job.target === 'preview' ? this.scenario.preview : job.target === 'draft' ? { reads: 1 } : this.scenario.job
    const fraction =
      script.durationMs !== undefined
        ? (Date.now() - job.startedAt) / script.durationMs
        : Math.max(0, job.reads - 1 - lag) / (script.reads ?? 3)
    if (fraction >= 1) return { jobStatus: 'completed', jobResult: job.outcome }
    return { jobStatus: fraction <= 0 ? 'notStarted' : 'running', jobResult: 'pending' }
  }

  /**
   * The live entries jobs add: running while their job runs; on success they replace the old live
   * one. The list may lag behind a new job (`listingDelayMs`); the service's own guards do not.
   */
  private listed(lagging = true): SimSubmission[] {
    const out = [...this.submissions]
    for (const job of this.jobs.values()) {
      if (job.target === 'draft') continue
      const delay = lagging && !job.preexisting ? (this.scenario.listingDelayMs ?? 0) : 0
      if (Date.now() - job.startedAt < delay) continue
      if (job.target === 'preview') {
        if (!job.n) continue
        const { jobStatus, jobResult } = this.progress(job, this.scenario.preview.entryLagReads ?? 0)
        out.push({
          n: job.n,
          target: 'preview',
          status: jobStatus,
          // No source shows a cancelled preview's entry: inferred completed/failed.
          result: jobStatus === 'completed' ? (jobResult === 'succeeded' ? 'succeeded' : 'failed') : 'pending',
          created: job.startedAt,
          content: job.content,
        })
        continue
      }
      const { jobStatus, jobResult } = this.progress(job)
      const entry: SimSubmission = {
        n: job.n,
        target: 'live',
        status: jobStatus,
        result: jobStatus === 'completed' ? (jobResult === 'succeeded' ? 'succeeded' : 'failed') : 'pending',
        created: job.startedAt,
        // What goes live is what the preview of that submission holds.
        content:
          this.submissions.find((s) => s.n === job.n && s.target === 'preview')?.content ??
          [...this.jobs.values()].find((j) => j.target === 'preview' && j.n === job.n)?.content,
      }
      if (entry.result === 'succeeded') {
        for (let i = out.length - 1; i >= 0; i--) if (out[i].target === 'live') out.splice(i, 1)
      }
      if (jobResult !== 'cancelled') out.push(entry)
    }
    return out
  }

  private busy(): SimSubmission | undefined {
    return this.listed(false).find((s) => s.status !== undefined && s.status !== 'completed')
  }

  protected route(method: string, fullPath: string): IngestionRoute {
    if (!fullPath.startsWith(`${PREFIX}/`)) return 'other'
    const path = fullPath.slice(PREFIX.length)
    if (method === 'GET' && path === '/product') return 'product'
    if (method === 'GET' && /^\/submission\/[^/]+$/.test(path)) return 'submissions'
    if (method === 'POST' && path === '/configure') return 'configure'
    if (method === 'GET' && /^\/configure\/[^/]+\/status$/.test(path)) return 'job'
    if (method === 'GET' && /^\/configure\/[^/]+$/.test(path)) return 'job-detail'
    if (method === 'POST' && /^\/configure\/[^/]+\/cancel$/.test(path)) return 'cancel'
    if (method === 'GET' && /^\/resource-tree\/product\/[^/]+$/.test(path) && !this.scenario.noResourceTree)
      return 'tree'
    if (method === 'GET' && path === '/plan' && this.scenario.vm) return 'plans'
    if (method === 'GET' && /^\/(core-)?virtual-machine-plan-technical-configuration\/[^/]+\/[^/]+$/.test(path))
      return 'tech-config'
    return 'other'
  }

  protected accept(route: string, _req: http.IncomingMessage, url: URL, body: string): void {
    if (route === 'configure') this.configure(url, body, () => undefined)
  }

  protected api(route: string, req: http.IncomingMessage, url: URL, body: string, answer: Answer): void {
    const auth = this.authorisation(req)
    if (auth !== 'ok') {
      return answer(401, {
        error: {
          code: 'InvalidAuthenticationToken',
          message:
            auth === 'audience'
              ? 'Access token validation failure. Invalid audience.'
              : 'Access token has expired or is not yet valid.',
          innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
        },
      })
    }
    if (this.scenario.forbidden) {
      return answer(403, {
        error: { code: 'forbidden', message: 'The caller is not authorized to perform this action.', details: [] },
      })
    }
    const version = url.searchParams.get('$version')
    if (version && this.scenario.deprecatedVersions.includes(version)) {
      return answer(400, { error: { code: 'badRequest', message: `"${version} is a deprecated schema"` } })
    }
    switch (route) {
      case 'product': {
        const key = [...url.searchParams.keys()].find((k) => k.toLowerCase() === 'externalid')
        const wanted = (key ? url.searchParams.get(key) : undefined)?.toLowerCase()
        const product = (externalId: string, guid: string) => ({
          $schema: `${SCHEMA_HOST}product/2022-03-01-preview3`,
          id: `product/${guid}`,
          identity: { externalId },
          type: 'softwareAsAService',
          alias: externalId,
        })
        // The service matches the external id without regard to case; with otherOffers it ignores
        // the filter and lists every offer of the account, another one first.
        const others = (this.scenario.otherOffers ?? []).map((id, i) =>
          product(id, `${i + 1}`.padStart(8, '0') + PRODUCT_GUID.slice(8)),
        )
        const own = product(this.scenario.offerId, PRODUCT_GUID)
        const listed = this.scenario.otherOffers ? [...others, own] : wanted === this.scenario.offerId ? [own] : []
        return this.page(url, listed, answer)
      }
      case 'submissions': {
        const guid = url.pathname.split('/').pop()
        if (guid !== PRODUCT_GUID) return answer(404, { error: { code: 'notFound', message: 'Resource not found.' } })
        // A go-live followed through its live submission moves on with each read, as its job would.
        if (!url.searchParams.has('continuationToken')) for (const job of this.jobs.values()) job.reads++
        return this.page(
          url,
          this.listed().map((s) => this.entry(s)),
          answer,
        )
      }
      case 'configure':
        return this.configure(url, body, answer)
      case 'tree': {
        if (url.pathname.split('/').pop() !== PRODUCT_GUID) {
          return answer(404, { error: { code: 'notFound', message: 'Resource not found.' } })
        }
        const targetType = url.searchParams.get('targetType') ?? 'draft'
        const content = this.contentOf(targetType)
        // inferred: 400 when the product has no such target yet (ingestion-api.md §7, 8)
        if (content === undefined) {
          return answer(400, { error: { code: 'badRequest', message: `The product has no ${targetType} resources.` } })
        }
        return answer(200, this.tree(targetType, content))
      }
      case 'plans': {
        if (url.searchParams.get('product') !== `product/${PRODUCT_GUID}`) return this.page(url, [], answer)
        const vm = this.scenario.vm!
        const plan = (externalId: string, guid: string) => ({
          $schema: `${SCHEMA_HOST}plan/2022-03-01-preview2`,
          id: `plan/${PRODUCT_GUID}/${guid}`,
          identity: { externalId },
          alias: externalId,
        })
        return this.page(url, [plan('other-plan', `0${PLAN_GUID.slice(1)}`), plan(vm.planId, PLAN_GUID)], answer)
      }
      case 'tech-config': {
        // The durable-id GET serves the draft only (draft-api.md §1.4).
        const [type, product, planGuid] = url.pathname.slice(PREFIX.length + 1).split('/')
        const config = this.configOf('draft')
        if (
          !config ||
          product !== PRODUCT_GUID ||
          planGuid !== PLAN_GUID ||
          !String(config.id).startsWith(`${type}/`)
        ) {
          return answer(404, { error: { code: 'notFound', message: 'Technical configuration not found for plan.' } })
        }
        return answer(200, config)
      }
      case 'job': {
        const id = url.pathname.split('/').at(-2) ?? ''
        const job = this.jobs.get(id) ?? this.refused.get(id)
        if (!job) return answer(404, { error: { code: 'notFound', message: 'Resource not found.' } })
        job.reads++
        return answer(200, this.status(job))
      }
      case 'job-detail': {
        // ingestion-api.md §4.3: the resources a job configured, once it completed (the early call fails).
        const job = this.jobs.get(url.pathname.split('/').at(-1) ?? '')
        if (!job) return answer(404, { error: { code: 'notFound', message: 'Resource not found.' } })
        const { jobStatus, jobResult } = this.progress(job)
        if (jobStatus !== 'completed') {
          return answer(400, { error: { code: 'badRequest', message: 'The job has not completed.', details: [] } })
        }
        return answer(200, {
          $schema: `${SCHEMA_HOST}configure-detail/2022-03-01-preview2`,
          resources: jobResult === 'succeeded' ? [this.detailResource(job)] : [],
        })
      }
      case 'cancel': {
        const job = this.jobs.get(url.pathname.split('/').at(-2) ?? '')
        if (!job) return answer(404, { error: { code: 'notFound', message: 'Resource not found.' } })
        const farAlong = this.scenario.cancelUntilRead !== undefined && job.reads >= this.scenario.cancelUntilRead
        if (this.progress(job).jobStatus === 'completed' || farAlong) {
          return answer(400, {
            error: { code: 'badRequest', message: 'Cannot cancel job, job has already completed.', details: [] },
          })
        }
        job.cancelled = true
        return answer(200, this.status(job))
      }
      default:
        return answer(404, { error: { code: 'notFound', message: 'Resource not found.' } })
    }
  }

  /** What a completed job configured: its submission (a publish or go-live), or the plan's technical configuration. */
  private detailResource(job: SimJob): Record<string, unknown> {
    if (job.target === 'draft') {
      return {
        $schema: `${SCHEMA_HOST}virtual-machine-plan-technical-configuration/2022-03-01-preview3`,
        product: `product/${PRODUCT_GUID}`,
      }
    }
    return {
      $schema: `${SCHEMA_HOST}submission/2022-03-01-preview2`,
      id: `submission/${PRODUCT_GUID}/${job.n}`,
      product: `product/${PRODUCT_GUID}`,
      target: { targetType: job.target ?? 'live' },
    }
  }

  /** The product's resources for a target, as `GET resource-tree` lists them. */
  private tree(targetType: string, content: number): Record<string, unknown> {
    return {
      $schema: `${SCHEMA_HOST}resource-tree/2022-03-01-preview5`,
      root: `product/${PRODUCT_GUID}`,
      target: { targetType },
      resources: [
        {
          $schema: `${SCHEMA_HOST}product/2022-03-01-preview3`,
          id: `product/${PRODUCT_GUID}`,
          identity: { externalId: this.scenario.offerId },
        },
        {
          $schema: `${SCHEMA_HOST}listing/2022-03-01-preview3`,
          id: `listing/${PRODUCT_GUID}/public/main/default/en-us`,
          title: 'Contoso SaaS',
          description: `Release ${content}`,
        },
        {
          $schema: `${SCHEMA_HOST}submission/2022-03-01-preview2`,
          id: `submission/${PRODUCT_GUID}/${targetType === 'draft' ? 0 : 1}`,
          target: { targetType },
        },
        ...this.vmResources(targetType, content),
      ],
    }
  }

  /** The plan and its technical configuration, as a resource tree lists them. */
  private vmResources(targetType: string, content: number): Record<string, unknown>[] {
    const vm = this.scenario.vm
    const config = this.configs.get(content)
    if (!vm || !config || (targetType === 'draft' && vm.draftOnlyByDurableId)) return []
    return [
      {
        $schema: `${SCHEMA_HOST}plan/2022-03-01-preview2`,
        id: `plan/${PRODUCT_GUID}/${PLAN_GUID}`,
        identity: { externalId: vm.planId },
      },
      config,
    ]
  }

  /** One page of a list: `pageSize` entries from `continuationToken`, and an `@nextLink` while more follow. */
  private page(url: URL, all: unknown[], answer: Answer): void {
    const size = this.scenario.pageSize ?? Infinity
    const from = Number(url.searchParams.get('continuationToken') ?? 0)
    const value = all.slice(from, from + size)
    const more = this.scenario.endlessPages || from + size < all.length
    const next = new URL(`${this.scenario.nextLinkOrigin ?? this.url.replace(PREFIX, '')}${url.pathname}`)
    for (const [k, v] of url.searchParams) if (k !== 'continuationToken') next.searchParams.set(k, v)
    next.searchParams.set('continuationToken', String(this.scenario.endlessPages ? from + 1 : from + size))
    answer(200, more ? { value, '@nextLink': next.href } : { value })
  }

  private entry(s: SimSubmission): Record<string, unknown> {
    return {
      $schema: `${SCHEMA_HOST}submission/2022-03-01-preview2`,
      id: `submission/${PRODUCT_GUID}/${s.n}`,
      product: `product/${PRODUCT_GUID}`,
      target: { targetType: s.target },
      ...(s.status
        ? {
            lifecycleState: 'generallyAvailable',
            status: s.status,
            result: s.result,
            created: new Date(s.created).toISOString(),
          }
        : {}),
    }
  }

  private status(job: SimJob): Record<string, unknown> {
    const { jobStatus, jobResult } = this.progress(job)
    const word =
      jobStatus === 'running' && this.scenario.job.unknownStatus ? this.scenario.job.unknownStatus : jobStatus
    return {
      $schema: `${SCHEMA_HOST}configure-status/2022-07-01`,
      [this.scenario.job.spelling ?? 'jobId']: job.id,
      jobStatus: word,
      jobResult,
      jobStart: new Date(job.startedAt).toISOString(),
      jobEnd: jobStatus === 'completed' ? new Date().toISOString() : '0001-01-01T00:00:00',
      errors: jobStatus === 'completed' && jobResult === 'failed' ? job.errors : [],
    }
  }

  /** POST configure: the checks the service makes before it accepts a job, then a 202. */
  private configure(_url: URL, body: string, answer: Answer): void {
    const bad = (message: string, details: unknown[] = []): void =>
      answer(400, { error: { code: 'badRequest', message, details } })
    let doc: { $schema?: unknown; resources?: unknown }
    try {
      doc = JSON.parse(body) as typeof doc
    } catch {
      return bad('The request body is not valid JSON.')
    }
    const schema = String(doc.$schema ?? '')
    if (!schema.startsWith(`${SCHEMA_HOST}configure/`)) return bad(`Schema ${schema} could not be accessed`)
    const only =
      Array.isArray(doc.resources) && doc.resources.length === 1
        ? (doc.resources[0] as Record<string, unknown>)
        : undefined
    if (only && /plan-technical-configuration\//.test(String(only.$schema ?? '')))
      return this.changeDraft(only, body, answer)
    if (!Array.isArray(doc.resources) || doc.resources.length !== 1) {
      return bad('Invalid configuration: live publishing takes exactly one submission resource.')
    }
    const r = doc.resources[0] as {
      $schema?: unknown
      id?: unknown
      product?: unknown
      target?: { targetType?: unknown }
    }
    const subSchema = String(r.$schema ?? '')
    if (!subSchema.startsWith(`${SCHEMA_HOST}submission/`)) return bad(`Schema ${subSchema} could not be accessed`)
    if (!subSchema.endsWith('/2022-03-01-preview2')) {
      return bad('Invalid configuration: schema validation failed', [
        {
          code: 'schemaValidationError',
          message: `Schema validation failed for schema ${subSchema}: Required properties ["sources"] were not present #`,
        },
      ])
    }
    if (r.target?.targetType === 'preview') return this.publishPreview(r, answer)
    if (r.target?.targetType !== 'live') return bad('Invalid configuration: target.targetType must be preview or live.')
    const id = typeof r.id === 'string' ? r.id : ''
    const n = id.split('/').pop() ?? ''
    if (!id || n === '0') return bad("Expected a submission id that isn't null or 0 since target type is Live")
    if (r.product !== `product/${PRODUCT_GUID}` || id !== `submission/${PRODUCT_GUID}/${n}`) {
      return bad('Invalid configuration: the submission does not belong to the product.', [
        { code: 'invalidId', message: `Unknown submission ${id}` },
      ])
    }
    // Accepted; the service's own guards then fail the job, as it does.
    const busy = this.busy()
    const job = this.addJob(n)
    if (busy) this.refuse(job, IN_PROGRESS_ERRORS(busy.n), busy.n)
    else if (n !== this.preview?.n) this.refuse(job, NOT_LATEST_ERRORS(n))
    answer(202, this.status(job))
  }

  /**
   * A configure of the plan's technical configuration alone: a change of the draft. The service
   * refuses the old schema host (400) and ids of another product or plan, and fails the job when
   * the configuration drops or edits a published version (R1); else the draft becomes it.
   */
  private changeDraft(r: Record<string, unknown>, body: string, answer: Answer): void {
    const bad = (message: string, details: unknown[] = []): void =>
      answer(400, { error: { code: 'badRequest', message, details } })
    const vm = this.scenario.vm
    const schema = String(r.$schema)
    if (!schema.startsWith(SCHEMA_HOST)) return bad(`Schema ${schema} could not be accessed`)
    const type = vm?.core
      ? 'core-virtual-machine-plan-technical-configuration'
      : 'virtual-machine-plan-technical-configuration'
    if (!vm || !schema.startsWith(`${SCHEMA_HOST}${type}/`)) {
      return bad('Invalid configuration: Technical configuration not found for plan.')
    }
    if (
      r.product !== `product/${PRODUCT_GUID}` ||
      r.plan !== `plan/${PRODUCT_GUID}/${PLAN_GUID}` ||
      r.id !== `${type}/${PRODUCT_GUID}/${PLAN_GUID}`
    ) {
      return bad('Invalid configuration: the resource does not belong to the product.', [
        { code: 'notFound', message: `Resource ${String(r.id)} not found.` },
      ])
    }
    this.draftBodies.push(body)
    const job = this.addJob('')
    job.target = 'draft'
    job.outcome = 'succeeded'
    const published = new Map<string, string>()
    for (const target of ['preview', 'live']) {
      for (const v of (this.configOf(target)?.vmImageVersions ?? []) as Record<string, unknown>[]) {
        for (const image of v.vmImages as { imageType: string; source: { osDisk?: { uri: string } } }[]) {
          published.set(`${String(v.versionNumber)}|${image.imageType}`, image.source.osDisk?.uri ?? '')
        }
      }
    }
    const sent = new Map<string, string>()
    for (const v of (Array.isArray(r.vmImageVersions) ? r.vmImageVersions : []) as Record<string, unknown>[]) {
      if (v.lifecycleState === 'deleted') continue
      for (const image of (v.vmImages ?? []) as { imageType: string; source: { osDisk?: { uri: string } } }[]) {
        sent.set(`${String(v.versionNumber)}|${image.imageType}`, image.source.osDisk?.uri ?? '')
      }
    }
    const lost = [...published].find(([key, uri]) => sent.get(key) !== uri)
    if (vm.draftJobErrors) {
      job.outcome = 'failed'
      job.errors = vm.draftJobErrors
    } else if (lost) {
      const [version, imageType] = lost[0].split('|')
      job.outcome = 'failed'
      job.errors = DELETE_PUBLISHED_ERRORS(version, imageType, type)
    } else {
      const { validations: _v, ...kept } = r
      this.draftVersion = Math.max(...this.configs.keys(), this.draftVersion) + 1
      this.configs.set(this.draftVersion, { ...kept, validations: [] })
    }
    answer(202, this.status(job))
  }

  /** A job the service accepted and failed on its own guards at once: it publishes nothing. */
  private refuse(job: SimJob, errors: unknown[], n = job.n): void {
    job.outcome = 'failed'
    job.errors = errors
    job.n = n
    this.jobs.delete(job.id)
    this.refused.set(job.id, job)
  }

  /**
   * Method 1, "publish all draft resources": the submission without an id (or null, or the draft's
   * `…/0`), its product by durable id or `{externalId}`; a new preview submission with a fresh id.
   */
  private publishPreview(r: { id?: unknown; product?: unknown }, answer: Answer): void {
    const bad = (message: string): void => answer(400, { error: { code: 'badRequest', message, details: [] } })
    if (r.id !== undefined && r.id !== null && r.id !== `submission/${PRODUCT_GUID}/0`) {
      return bad(`Invalid configuration: submission id ${String(r.id)} cannot be published to preview.`)
    }
    const product = r.product
    const externalId =
      product && typeof product === 'object'
        ? Object.entries(product).find(([k]) => k.toLowerCase() === 'externalid')?.[1]
        : undefined
    if (product !== `product/${PRODUCT_GUID}` && String(externalId).toLowerCase() !== this.scenario.offerId) {
      return bad('Invalid configuration: unknown product.')
    }
    const script = this.scenario.preview
    const busy = this.busy()
    const unchanged = this.draftVersion === this.preview?.content
    const job = this.addJob(nextId())
    job.target = 'preview'
    job.content = this.draftVersion
    job.outcome = script.outcome ?? 'succeeded'
    job.errors = script.errors ?? CERTIFICATION_ERRORS
    if (busy) this.refuse(job, IN_PROGRESS_ERRORS(busy.n), busy.n)
    else if (unchanged && script.unchanged === 'no-op') job.n = ''
    else if (unchanged && script.unchanged === 'failed') {
      job.outcome = 'failed'
      job.errors = NOTHING_TO_PUBLISH_ERRORS
    }
    answer(202, this.status(job))
  }

  /** Jobs the service accepted but failed on its own guards: they put nothing live. */
  readonly refused = new Map<string, SimJob>()
}

/** A configure request of another tool (the test itself) with one submission resource: the job id. */
async function configureRequest(sim: IngestionSimulator, submission: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${sim.url}/configure?$version=2022-07-01`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sim.scenario.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      $schema: 'https://schema.mp.microsoft.com/schema/configure/2022-07-01',
      resources: [
        {
          $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
          product: `product/${PRODUCT_GUID}`,
          ...submission,
        },
      ],
    }),
  })
  return ((await response.json()) as { jobId: string }).jobId
}

/** A go-live request of another tool (the test itself), as the action would send it: the job id. */
export function goLiveRequest(sim: IngestionSimulator, n: string): Promise<string> {
  return configureRequest(sim, { id: `submission/${PRODUCT_GUID}/${n}`, target: { targetType: 'live' } })
}

/** A preview publish request of another tool, as the action sends it (no submission id): the job id. */
export function previewRequest(sim: IngestionSimulator): Promise<string> {
  return configureRequest(sim, { target: { targetType: 'preview' } })
}
