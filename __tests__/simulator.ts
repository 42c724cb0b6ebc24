/**
 * A local Cloud Partner Portal, faithful to the service as cpp-api.md describes it, including where
 * the service and its documentation disagree. It serves over real HTTP (or HTTPS) on loopback:
 *
 * - the CPP API: go-live, operation status (both URL forms), the running-submissions list, cancel;
 * - an Azure AD token endpoint (v1 and v2) and GitHub's ID-token endpoint, on a second origin;
 *
 * and it records every request, so a test can say how many go-lives were started, which requests
 * carried which token, and how retries were spaced. Faults are scripted per request.
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export type Route = 'golive' | 'operation' | 'submissions' | 'cancel' | 'token' | 'idtoken' | 'other'

export type FaultKind =
  | 'reset' // the connection drops before any answer
  | 'reset-after-accept' // the go-live is started, then the connection drops before the 202
  | 'hang' // the connection stays open and silent
  | 'not-json' // 200 with an HTML page, as a proxy might send
  | 'huge' // 200 with a body of several MiB
  | 'truncated' // the body stops half-way
  | 'odd-shape' // 200 with JSON of an unexpected shape
  | 'redirect' // 302 to another origin
  | 'status' // any status, headers and body

export interface Fault {
  on: Route
  kind: FaultKind
  /** Which matching request gets it first (1-based); the next `times - 1` matching ones too. */
  nth?: number
  times?: number
  status?: number
  headers?: Record<string, string>
  body?: string
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
}

export interface AadConfig {
  tenantId: string
  clientId: string
  /** Omit to accept only federated (client assertion) sign-in. */
  clientSecret?: string
  /** Lifetime of each access token the endpoint issues. */
  tokenLifetimeMs: number
  /** The subject a GitHub ID token must carry to be exchanged. */
  federatedSubject?: string
}

export interface Scenario {
  publisherId: string
  offerId: string
  /** The header and URL form the 202 names the operation with. */
  location: 'operation-location' | 'location' | 'location-legacy' | 'none'
  /** A Location on another origin: a hostile or broken answer. */
  hostileLocation?: string
  operation: OperationScript
  /** The pasted token the CPP side accepts, besides unexpired tokens the AAD side issued. */
  token: string
  /** A fixed answer to the go-live POST instead of starting one (400, 403, 404, 422, ...). */
  goLiveAnswer?: { status: number; body?: unknown }
  /** An operation already running on the offer when the test begins. */
  running?: 'publish' | 'goLive'
  faults: Fault[]
  /** Random faults with a fixed seed: each request on `on` fails with probability `rate`. */
  randomFaults?: { seed: number; rate: number; kinds: FaultKind[]; on: Route[] }
  aad?: AadConfig
  /** GitHub's ID-token endpoint: the request token it accepts, and the subject it issues. */
  github?: { requestToken: string; subject: string }
}

export interface RecordedRequest {
  server: 'cpp' | 'login'
  route: Route
  method: string
  path: string
  query: URLSearchParams
  authorization?: string
  headers: http.IncomingHttpHeaders
  body: string
  at: number
  fault?: FaultKind
  status?: number
}

interface SimOperation {
  id: string
  type: 'GoLive' | 'Publish'
  startedAt: number
  reads: number
  /** Set once the script ends it; canceled by the cancel API. */
  canceled?: boolean
}

export const STEPS = [
  {
    id: 'validate',
    stepName: 'Validate Pre-Requisites',
    description: 'Offer settings provided are validated',
    estimatedTimeFrame: '< 15 min',
  },
  {
    id: 'certification',
    stepName: 'Certification',
    description: 'Your offer is analyzed by our certification systems for issues.',
    estimatedTimeFrame: '< 5 day',
  },
  {
    id: 'packaging',
    stepName: 'Packaging',
    description: 'Your offer is packaged for publication.',
    estimatedTimeFrame: '< 1 day',
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

const API_VERSION = '2017-10-31'

export interface TlsOptions {
  key: string
  cert: string
}

export class Simulator {
  readonly requests: RecordedRequest[] = []
  readonly scenario: Scenario
  private readonly operations = new Map<string, SimOperation>()
  private readonly issuedTokens = new Map<string, number>()
  private readonly issuedIdTokens = new Set<string>()
  private readonly sockets = new Set<Socket>()
  private readonly servers: http.Server[] = []
  private readonly seen = new Map<Route, number>()
  private random: () => number
  url = ''
  loginUrl = ''

  private constructor(scenario: Partial<Scenario>) {
    this.scenario = {
      publisherId: 'contoso',
      offerId: 'contoso-offer',
      location: 'operation-location',
      operation: {},
      token: 'pasted-cpp-token-123',
      faults: [],
      ...scenario,
    }
    this.random = mulberry32(this.scenario.randomFaults?.seed ?? 1)
    if (this.scenario.running) {
      const type = this.scenario.running === 'publish' ? 'Publish' : 'GoLive'
      this.addOperation(type)
    }
  }

  static async start(scenario: Partial<Scenario> = {}, tls?: TlsOptions): Promise<Simulator> {
    const sim = new Simulator(scenario)
    sim.url = await sim.listen('cpp', tls)
    sim.loginUrl = await sim.listen('login', tls)
    return sim
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await Promise.all(this.servers.map((s) => new Promise((resolve) => s.close(resolve))))
  }

  /** Go-lives this simulator started (a 409 or a refused request starts none). */
  get goLivesStarted(): number {
    return (
      [...this.operations.values()].filter((o) => o.type === 'GoLive').length -
      (this.scenario.running === 'goLive' ? 1 : 0)
    )
  }

  /** The running or last operation of this offer. */
  get operation(): SimOperation | undefined {
    return [...this.operations.values()].at(-1)
  }

  operationPath(op: SimOperation): string {
    const { publisherId, offerId } = this.scenario
    return `/api/publishers/${publisherId}/offers/${offerId}/operations/${op.id}`
  }

  private async listen(server: 'cpp' | 'login', tls?: TlsOptions): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      req.on('end', () => this.handle(server, req, res, body))
    }
    const s = tls ? https.createServer(tls, handler) : http.createServer(handler)
    s.on('connection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    this.servers.push(s)
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
    const { port } = s.address() as AddressInfo
    return `${tls ? 'https' : 'http'}://127.0.0.1:${port}`
  }

  private route(server: 'cpp' | 'login', method: string, path: string): Route {
    if (server === 'login') {
      if (method === 'POST' && /^\/[^/]+\/oauth2\/(v2\.0\/)?token$/.test(path)) return 'token'
      if (method === 'GET' && path === '/idtoken') return 'idtoken'
      return 'other'
    }
    const offer = /^\/api\/publishers\/[^/]+\/offers\/[^/]+/
    if (method === 'POST' && new RegExp(`${offer.source}/golive$`).test(path)) return 'golive'
    if (method === 'POST' && new RegExp(`${offer.source}/cancel$`).test(path)) return 'cancel'
    if (method === 'GET' && new RegExp(`${offer.source}/submissions/?$`).test(path)) return 'submissions'
    if (
      method === 'GET' &&
      (new RegExp(`${offer.source}/operations/[^/]+$`).test(path) || /^\/api\/operations\/[^/]+$/.test(path))
    )
      return 'operation'
    return 'other'
  }

  private pickFault(route: Route): Fault | undefined {
    const n = (this.seen.get(route) ?? 0) + 1
    this.seen.set(route, n)
    const scripted = this.scenario.faults.find(
      (f) => f.on === route && n >= (f.nth ?? 1) && n < (f.nth ?? 1) + (f.times ?? 1),
    )
    if (scripted) return scripted
    const r = this.scenario.randomFaults
    if (r && r.on.includes(route) && this.random() < r.rate) {
      const kind = r.kinds[Math.floor(this.random() * r.kinds.length)]
      return kind === 'status' ? { on: route, kind, status: 503 } : { on: route, kind }
    }
    return undefined
  }

  private handle(server: 'cpp' | 'login', req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://sim')
    const route = this.route(server, req.method ?? 'GET', url.pathname)
    const record: RecordedRequest = {
      server,
      route,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      headers: req.headers,
      body,
      at: Date.now(),
    }
    this.requests.push(record)
    const fault = this.pickFault(route)
    if (fault) {
      record.fault = fault.kind
      if (fault.kind === 'status') record.status = fault.status ?? 503
      if (this.applyFault(fault, route, req, res, url)) return
    }
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status
      const text = json === undefined ? '' : JSON.stringify(json)
      res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), ...headers })
      res.end(text)
    }
    try {
      if (server === 'login') return this.login(route, req, url, body, answer)
      this.cpp(route, req, url, answer)
    } catch (error) {
      answer(500, { error: { code: 'SimulatorBug', message: String(error) } })
    }
  }

  /** Returns true when the fault took the whole answer; false when the request goes on as usual. */
  private applyFault(
    fault: Fault,
    route: Route,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): boolean {
    switch (fault.kind) {
      case 'reset':
        req.socket.destroy()
        return true
      case 'reset-after-accept':
        if (route === 'golive' && this.authorised(req) && !this.busy()) this.addOperation('GoLive')
        req.socket.destroy()
        return true
      case 'hang':
        return true
      case 'not-json':
        res.writeHead(200, { 'Content-Type': 'text/html' })
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
        return true
      case 'huge': {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        const chunk = `[${'"x",'.repeat(16_383)}"x"]`.slice(0, 65_536)
        let sent = 0
        const pump = (): void => {
          while (sent < 8 * 1024 * 1024) {
            sent += chunk.length
            if (!res.write(chunk)) return void res.once('drain', pump)
          }
          res.end()
        }
        res.on('error', () => undefined)
        pump()
        return true
      }
      case 'truncated':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4000' })
        res.write('{"id":"56615b67","status":"running","steps":[{"id":"validate","stepName":"Valid')
        setTimeout(() => req.socket.destroy(), 20)
        return true
      case 'odd-shape':
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ value: 'unexpected', count: 3 }))
        return true
      case 'redirect':
        res.writeHead(302, { Location: `http://127.0.0.2:9${url.pathname}${url.search}` })
        res.end()
        return true
      case 'status':
        res.writeHead(fault.status ?? 503, { 'Content-Type': 'application/json', ...fault.headers })
        res.end(
          fault.body ??
            JSON.stringify({
              error: {
                code: 'InternalServerError',
                message: 'We cannot complete the request now, please try again later.',
              },
            }),
        )
        return true
    }
  }

  private authorised(req: http.IncomingMessage): boolean {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    if (!match) return false
    if (match[1] === this.scenario.token) return true
    const expires = this.issuedTokens.get(match[1])
    return expires !== undefined && Date.now() < expires
  }

  private busy(): SimOperation | undefined {
    return [...this.operations.values()].find((op) => this.progress(op).status === 'running')
  }

  private addOperation(type: SimOperation['type']): SimOperation {
    const op = { id: randomUUID(), type, startedAt: Date.now(), reads: 0 }
    this.operations.set(op.id, op)
    return op
  }

  private cpp(
    route: Route,
    req: http.IncomingMessage,
    url: URL,
    answer: (s: number, j?: unknown, h?: Record<string, string>) => void,
  ): void {
    const { publisherId, offerId } = this.scenario
    if (url.searchParams.get('api-version') !== API_VERSION) {
      return answer(400, {
        error: { code: 'InvalidAPIVersion', message: 'Invalid api version. Allowed values are [2017-10-31]' },
      })
    }
    if (!this.authorised(req)) {
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
        const op = this.addOperation('GoLive')
        return answer(202, undefined, this.locationHeader(op))
      }
      case 'operation': {
        const id = decodeURIComponent(url.pathname.split('/').pop() ?? '')
        const op = this.operations.get(id) ?? [...this.operations.values()].find((o) => this.legacyId(o) === id)
        if (!op) return answer(404, { error: { code: 'NotFound', message: `Operation '${id}' was not found.` } })
        op.reads++
        const body = this.operationBody(op)
        return answer(200, this.scenario.operation.shape === 'array' ? [body] : body)
      }
      case 'submissions': {
        const running = [...this.operations.values()].filter((op) => this.progress(op).status === 'running')
        return answer(
          200,
          running.map((op) => ({
            id: op.id,
            offerId,
            offerVersion: 1,
            offerTypeId: 'microsoft-azure-virtualmachines',
            publisherId,
            submissionType: op.type === 'GoLive' ? 'goLive' : 'publish',
            submissionState: 'running',
            publishingVersion: 2,
            slot: op.type === 'GoLive' ? 'production' : 'staging',
            version: 636576975611768314,
            definition: { metadata: { emails: NOTIFICATION_EMAILS } },
            changedTime: new Date(op.startedAt).toISOString(),
          })),
        )
      }
      case 'cancel': {
        const op = this.busy()
        if (op) op.canceled = true
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

  /** Where an operation is: a fraction of its script, and its status once it has ended. */
  private progress(op: SimOperation): { fraction: number; status: 'running' | 'succeeded' | 'failed' | 'canceled' } {
    if (op.canceled) return { fraction: 1, status: 'canceled' }
    const script = this.scenario.operation
    if (op.type === 'Publish' && this.scenario.running === 'publish') return { fraction: 0.5, status: 'running' }
    // The first read finds it not started; the (reads + 1)th finds it ended.
    const fraction =
      script.durationMs !== undefined
        ? (Date.now() - op.startedAt) / script.durationMs
        : Math.max(0, op.reads - 1) / (script.reads ?? 3)
    if (fraction < 1) return { fraction: Math.max(0, fraction), status: 'running' }
    return { fraction: 1, status: script.outcome ?? 'succeeded' }
  }

  operationBody(op: SimOperation): Record<string, unknown> {
    const { fraction, status } = this.progress(op)
    const documented = this.scenario.operation.vocabulary === 'documented'
    const failingStep = 1
    const at = (ms: number): string => new Date(op.startedAt + ms).toISOString()
    const steps = STEPS.map((step, i) => {
      const start = i / STEPS.length
      const end = (i + 1) / STEPS.length
      let stepStatus = fraction >= end ? 'complete' : fraction > start ? 'inProgress' : 'notStarted'
      let progressPercentage =
        stepStatus === 'complete'
          ? 100
          : stepStatus === 'inProgress'
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
      running: fraction === 0 ? (documented ? 'not started' : 'notStarted') : 'running',
      succeeded: documented ? 'completed' : 'succeeded',
      failed: 'failed',
      canceled: 'canceled',
    }[status]
    return {
      id: op.id,
      submissionType: op.type,
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

  private login(
    route: Route,
    req: http.IncomingMessage,
    url: URL,
    body: string,
    answer: (s: number, j?: unknown) => void,
  ): void {
    const gh = this.scenario.github
    if (route === 'idtoken') {
      if (!gh || req.headers.authorization !== `Bearer ${gh.requestToken}`)
        return answer(401, { message: 'Bad credentials' })
      const audience = url.searchParams.get('audience') ?? ''
      const payload = {
        iss: 'https://token.actions.githubusercontent.com',
        sub: gh.subject,
        aud: audience,
        exp: Math.floor(Date.now() / 1000) + 300,
        jti: randomUUID(),
      }
      const jwt =
        [{ alg: 'RS256', typ: 'JWT' }, payload]
          .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
          .join('.') + '.c2lnbmF0dXJl'
      this.issuedIdTokens.add(jwt)
      return answer(200, { value: jwt, count: 1 })
    }
    const aad = this.scenario.aad
    const tenant = decodeURIComponent(url.pathname.split('/')[1])
    const form = new URLSearchParams(body)
    const aadError = (status: number, error: string, code: string, text: string): void =>
      answer(status, {
        error,
        error_description: `${code}: ${text}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
        error_codes: [Number(code.slice(6))],
      })
    if (route !== 'token' || !aad) return answer(404, { error: 'not_found' })
    if (tenant !== aad.tenantId)
      return aadError(
        400,
        'invalid_request',
        'AADSTS90002',
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`,
      )
    if (form.get('grant_type') !== 'client_credentials')
      return aadError(400, 'unsupported_grant_type', 'AADSTS70003', 'The app requested an unsupported grant type.')
    const v2 = url.pathname.endsWith('/v2.0/token')
    const resourceOk = v2
      ? form.get('scope') === 'https://cloudpartner.azure.com/.default'
      : form.get('resource') === 'https://cloudpartner.azure.com'
    if (!resourceOk)
      return aadError(400, 'invalid_resource', 'AADSTS500011', 'The resource principal was not found in the tenant.')
    if (form.get('client_id') !== aad.clientId)
      return aadError(
        400,
        'unauthorized_client',
        'AADSTS700016',
        `Application with identifier '${form.get('client_id')}' was not found in the directory '${tenant}'.`,
      )
    const assertion = form.get('client_assertion')
    if (assertion) {
      const claims = this.issuedIdTokens.has(assertion)
        ? (JSON.parse(Buffer.from(assertion.split('.')[1], 'base64url').toString()) as { sub: string; aud: string })
        : undefined
      if (!claims || claims.aud !== 'api://AzureADTokenExchange')
        return aadError(
          400,
          'invalid_client',
          'AADSTS700024',
          'Client assertion is not within its valid time range or is not valid.',
        )
      if (claims.sub !== aad.federatedSubject) {
        return aadError(
          400,
          'invalid_client',
          'AADSTS700213',
          `No matching federated identity record found for presented assertion subject '${claims.sub}'.`,
        )
      }
    } else if (!aad.clientSecret || form.get('client_secret') !== aad.clientSecret) {
      return aadError(
        401,
        'invalid_client',
        'AADSTS7000215',
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      )
    }
    const token = `aad-${randomUUID()}`
    this.issuedTokens.set(token, Date.now() + aad.tokenLifetimeMs)
    const expiresIn = Math.max(1, Math.round(aad.tokenLifetimeMs / 1000))
    answer(200, {
      token_type: 'Bearer',
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: token,
      ...(v2
        ? {}
        : {
            expires_on: String(Math.floor(Date.now() / 1000) + expiresIn),
            resource: 'https://cloudpartner.azure.com',
          }),
    })
  }

  /** Tokens the AAD side issued, in order. */
  get issued(): string[] {
    return [...this.issuedTokens.keys()]
  }
}

/** A small seeded PRNG, so a "random" fault mix is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
