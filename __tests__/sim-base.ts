/**
 * What both local services share: real HTTP (or HTTPS) servers on loopback that record every
 * request, scripted and seeded random faults, and a second origin that plays Azure AD (v1 and v2
 * token endpoints) and GitHub's ID-token endpoint. Tokens carry the audience they were issued
 * for, so each API can refuse a token meant for the other, as the real services do.
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export type FaultKind =
  | 'reset' // the connection drops before any answer
  | 'reset-after-accept' // the go-live is started, then the connection drops before the answer
  | 'hang' // the connection stays open and silent
  | 'slow' // the usual answer, after `delayMs`
  | 'not-json' // 200 with an HTML page, as a proxy might send
  | 'huge' // 200 with a body of several MiB
  | 'truncated' // the body stops half-way
  | 'odd-shape' // 200 with JSON of an unexpected shape
  | 'redirect' // 302 to another origin
  | 'status' // any status, headers and body
  | 'after-accept' // the service does what the request asks; a gateway answers `status`/`body` instead
  | 'together' // held until all `times` matching requests have come (or `delayMs`), then answered at once

export interface Fault {
  on: string
  kind: FaultKind
  /** Which matching request gets it first (1-based); the next `times - 1` matching ones too. */
  nth?: number
  times?: number
  status?: number
  headers?: Record<string, string>
  body?: string
  delayMs?: number
}

/** A fault answering `status` with the error body both services send: `{"error":{"code","message"}}`. */
export function errorAnswer(
  on: string,
  status: number,
  code: string,
  message: string,
  more: Partial<Fault> = {},
): Fault {
  return {
    on,
    kind: 'status',
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ error: { code, message } }),
    ...more,
  }
}

export interface AadConfig {
  tenantId: string
  clientId: string
  /** Omit to accept only federated (client assertion) sign-in. */
  clientSecret?: string
  /** Lifetime of each access token the endpoint issues. */
  tokenLifetimeMs: number
  /** The subjects of the app's federated credentials (one per GitHub environment it trusts). */
  federatedSubject?: string | string[]
}

export interface BaseScenario {
  /** The pasted token the API side accepts, besides unexpired tokens the AAD side issued for it. */
  token: string
  faults: Fault[]
  /** Random faults with a fixed seed: each request on `on` fails with probability `rate`. */
  randomFaults?: { seed: number; rate: number; kinds: FaultKind[]; on: string[] }
  aad?: AadConfig
  /** GitHub's ID-token endpoint: the request token it accepts, and the subject it issues. */
  /**
   * `jobs`: more request tokens, one per job, each with the subject of its job's environment (a
   * workflow whose jobs run in two environments).
   */
  github?: { requestToken: string; subject: string; jobs?: Record<string, string> }
  /** The loopback address the API side listens on. */
  host?: '127.0.0.1' | '::1'
  /** A throttle in front of the API side, shared by every simulator given the same one. */
  throttle?: FixedWindowThrottle
}

/**
 * A fixed-window throttle, as an account-wide limit behaves: at most `limit` requests in each
 * window of `windowMs`; past it, 429 with Retry-After in whole seconds until the window ends.
 */
export class FixedWindowThrottle {
  private windowStart = 0
  private count = 0
  throttled = 0

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Undefined when the request may go on; else the seconds to put in Retry-After. */
  admit(now = Date.now()): number | undefined {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now - ((now - this.windowStart) % this.windowMs)
      this.count = 0
    }
    if (++this.count <= this.limit) return undefined
    this.throttled++
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000))
  }
}

export interface RecordedRequest {
  server: 'api' | 'login'
  route: string
  method: string
  path: string
  query: URLSearchParams
  authorization?: string
  headers: http.IncomingHttpHeaders
  body: string
  at: number
  /** Which connection it came on (numbered per simulator): one run keeps one connection alive. */
  connection: number
  fault?: FaultKind
  status?: number
}

export interface TlsOptions {
  key: string
  cert: string
}

/** Resources the AAD side issues tokens for. */
export const RESOURCES = ['https://cloudpartner.azure.com', 'https://graph.microsoft.com']

export type Answer = (status: number, json?: unknown, headers?: Record<string, string>) => void

export abstract class SimServer<S extends BaseScenario> {
  readonly requests: RecordedRequest[] = []
  /** Requests that reached the API side (not the sign-in side). */
  get apiRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.server === 'api')
  }
  url = ''
  loginUrl = ''
  /** Connections opened to each origin. */
  readonly connections = { api: 0, login: 0 }
  private readonly issuedTokens = new Map<string, { expires: number; resource: string }>()
  private readonly issuedIdTokens = new Set<string>()
  private readonly sockets = new Set<Socket>()
  private readonly servers: http.Server[] = []
  private readonly seen = new Map<string, number>()
  private readonly held = new Map<Fault, (() => void)[]>()
  private readonly socketIds = new WeakMap<Socket, number>()
  private socketSerial = 0
  private readonly random: () => number

  protected constructor(
    readonly scenario: S,
    /** The audience the API side accepts. */
    protected readonly resource: string,
  ) {
    this.random = mulberry32(scenario.randomFaults?.seed ?? 1)
  }

  /** Starts both origins; `prefix` is the API's path under its host (`/rp/product-ingestion`). */
  protected async listenAll(tls?: TlsOptions, prefix = ''): Promise<void> {
    this.url = `${await this.listen('api', tls, this.scenario.host)}${prefix}`
    this.loginUrl = await this.listen('login', tls)
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await Promise.all(this.servers.map((s) => new Promise((resolve) => s.close(resolve))))
  }

  /** Tokens the AAD side issued, in order. */
  get issued(): string[] {
    return [...this.issuedTokens.keys()]
  }

  /** Which route of the API a request is on ('other' when none). */
  protected abstract route(method: string, path: string): string
  /** The API's own answer to a request that no fault took. */
  protected abstract api(route: string, req: http.IncomingMessage, url: URL, body: string, answer: Answer): void
  /** For 'reset-after-accept': do what the request asks, without answering. */
  protected abstract accept(route: string, req: http.IncomingMessage, url: URL, body: string): void

  /** 'ok', or why the bearer token is refused: none, unknown or expired, or for another API. */
  protected authorisation(req: http.IncomingMessage): 'ok' | 'invalid' | 'audience' {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    if (!match) return 'invalid'
    if (match[1] === this.scenario.token) return 'ok'
    const issued = this.issuedTokens.get(match[1])
    if (!issued || Date.now() >= issued.expires) return 'invalid'
    return issued.resource === this.resource ? 'ok' : 'audience'
  }

  private async listen(server: 'api' | 'login', tls?: TlsOptions, host = '127.0.0.1'): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      req.on('end', () => this.handle(server, req, res, body))
    }
    const s = tls ? https.createServer(tls, handler) : http.createServer(handler)
    s.on(tls ? 'secureConnection' : 'connection', () => this.connections[server]++)
    s.on('connection', (socket: Socket) => {
      this.socketIds.set(socket, this.socketIds.get(socket) ?? ++this.socketSerial)
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    this.servers.push(s)
    await new Promise<void>((resolve) => s.listen(0, host, resolve))
    const { port } = s.address() as AddressInfo
    return `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
  }

  private loginRoute(method: string, path: string): string {
    if (method === 'POST' && /^\/[^/]+\/oauth2\/(v2\.0\/)?token$/.test(path)) return 'token'
    if (method === 'GET' && path === '/idtoken') return 'idtoken'
    return 'other'
  }

  private pickFault(route: string): Fault | undefined {
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

  private handle(server: 'api' | 'login', req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://sim')
    const method = req.method ?? 'GET'
    const route = server === 'login' ? this.loginRoute(method, url.pathname) : this.route(method, url.pathname)
    const record: RecordedRequest = {
      server,
      route,
      method,
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      headers: req.headers,
      body,
      at: Date.now(),
      connection: this.socketIds.get(req.socket) ?? 0,
    }
    this.requests.push(record)
    const answer: Answer = (status, json, headers = {}) => {
      record.status = status
      const text = json === undefined ? '' : JSON.stringify(json)
      res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), ...headers })
      res.end(text)
    }
    const respond = (): void => {
      try {
        if (server === 'login') return this.login(route, req, url, body, answer)
        this.api(route, req, url, body, answer)
      } catch (error) {
        answer(500, { error: { code: 'SimulatorBug', message: String(error) } })
      }
    }
    const wait = server === 'api' ? this.scenario.throttle?.admit() : undefined
    if (wait !== undefined) {
      return answer(
        429,
        { error: { code: 'TooManyRequests', message: 'Rate limit is exceeded. Try again later.' } },
        { 'Retry-After': String(wait) },
      )
    }
    const fault = this.pickFault(route)
    if (fault) {
      record.fault = fault.kind
      if (fault.kind === 'status') record.status = fault.status ?? 503
      if (fault.kind === 'slow') return void setTimeout(respond, fault.delayMs ?? 1000)
      if (fault.kind === 'together') return this.together(fault, respond)
      if (this.applyFault(fault, route, req, res, url, body)) return
    }
    respond()
  }

  /** Two runs that meet at the same instant: the answers wait for each other, then go out together. */
  private together(fault: Fault, respond: () => void): void {
    const waiting = this.held.get(fault) ?? []
    this.held.set(fault, waiting)
    waiting.push(respond)
    const release = (): void => {
      for (const go of waiting.splice(0)) go()
    }
    if (waiting.length >= (fault.times ?? 1)) release()
    else if (waiting.length === 1) setTimeout(release, fault.delayMs ?? 5000)
  }

  /** Returns true when the fault took the whole answer; false when the request goes on as usual. */
  private applyFault(
    fault: Fault,
    route: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: string,
  ): boolean {
    switch (fault.kind) {
      case 'reset':
        req.socket.destroy()
        return true
      case 'reset-after-accept':
        if (this.authorisation(req) === 'ok') this.accept(route, req, url, body)
        req.socket.destroy()
        return true
      case 'after-accept':
        if (this.authorisation(req) === 'ok') this.accept(route, req, url, body)
        res.writeHead(fault.status ?? 504, { 'Content-Type': 'text/html', ...fault.headers })
        res.end(fault.body ?? '<html><body><h1>504 Gateway Time-out</h1></body></html>')
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
      case 'slow':
      case 'together':
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

  private login(route: string, req: http.IncomingMessage, url: URL, body: string, answer: Answer): void {
    const gh = this.scenario.github
    if (route === 'idtoken') {
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      const subject = bearer === gh?.requestToken ? gh.subject : gh?.jobs?.[bearer]
      if (!gh || subject === undefined) return answer(401, { message: 'Bad credentials' })
      const audience = url.searchParams.get('audience') ?? ''
      const payload = {
        iss: 'https://token.actions.githubusercontent.com',
        sub: subject,
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
    // v1 names the resource (with or without a trailing slash), v2 a scope on it.
    const asked = (v2 ? (form.get('scope') ?? '').replace(/\/\.default$/, '') : (form.get('resource') ?? '')).replace(
      /\/$/,
      '',
    )
    const resource = RESOURCES.find((r) => r === asked)
    if (!resource)
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
      if (![aad.federatedSubject].flat().includes(claims.sub)) {
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
    this.issuedTokens.set(token, { expires: Date.now() + aad.tokenLifetimeMs, resource })
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
            resource,
          }),
    })
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
