import type { IncomingHttpHeaders } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { cancellable, type Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { ActionError, Cancelled, GaveUp, MaybeSent, Throttled, TransientError } from './errors.js'
import { errorDetail, header } from './answer.js'
export { errorDetail, header } from './answer.js'
import { isRetryableStatus, nextDelayMs, parseRetryAfter, retryFor, type RetryPolicy } from './retry.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD'
  url: URL
  headers?: Record<string, string>
  body?: string
  /** What the request does, for messages: "start the go-live", "read the operation status". */
  purpose: string
  /** A 2xx body that is not JSON is then a transient fault (a proxy's page, a cut-off answer). */
  expectJson?: boolean
  /**
   * False for a request that must not run twice (a go-live POST): anything after which the service
   * may have acted on it (a network fault, a 5xx or 408 from a gateway, a 2xx without a readable
   * body) ends in MaybeSent instead of a retry; a 429, the service refusing to act, in Throttled,
   * so that the caller looks again before it sends the request again (retryWait says when).
   */
  repeatable?: boolean
  /** What to check when the answer is a redirect: the input that named the host. */
  check?: string
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown
}

export interface HttpOptions {
  userAgent: string
  clock: Clock
  signal?: AbortSignal
  requestTimeoutMs: number
  retry?: RetryPolicy
  random?: () => number
  maxBodyBytes?: number
  /** Where request lines go (method, path, status, duration); never headers or bodies. */
  debug?: (line: string) => void
  /** A visible line, for a request that has kept failing for a while (at most one a minute). */
  info?: (line: string) => void
}

/** A host that has not answered once in this run is given up on after this long: it is likely mistyped. */
export const UNREACHED_BUDGET_MS = 60_000
/** Retries of one request are shown (not only in the debug log) once they have gone on this long… */
const SHOW_AFTER_MS = 30_000
/** …and then at most this often. */
const SHOW_EVERY_MS = 60_000

const REDIRECT = new Set([301, 302, 303, 307, 308])
/** A fault before the host answered anything: no such name, nothing listening, no TLS handshake. */
class Unreached extends TransientError {
  override name = 'Unreached'
}

/** Errors of Node's own checks on a request, before anything is sent. */
const LOCAL = new Set([
  'ERR_INVALID_CHAR',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_HTTP_INVALID_HEADER_VALUE',
  'ERR_INVALID_URL',
])
/** Network errors raised before any byte of the request could leave: no host, no listener. */
const NEVER_CONNECTED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'])

/**
 * The client passes a URL's hostname to Node as it is, so an IPv6 literal arrives as `[::1]` and
 * goes to DNS; Node wants it without the brackets.
 */
const IPV6_LITERAL = {
  prepareRequest: (options: { host?: string | null }): void => {
    if (options.host?.startsWith('[')) options.host = options.host.slice(1, -1)
  },
  canHandleAuthentication: (): boolean => false,
  handleAuthentication: (): Promise<never> => Promise.reject(new Error('not an authentication handler')),
}

/**
 * The one HTTP client. Each request is retried on transient faults within its budget; the answer
 * of any other status is returned for the caller to explain. Redirects are never followed, so a
 * request and its credentials cannot be moved to another origin.
 */
export class Http {
  private readonly client: HttpClient
  private readonly retry: RetryPolicy
  private readonly random: () => number
  private readonly maxBodyBytes: number
  /** Requests that must not run twice (a go-live POST) this client has sent: for what a cancel says. */
  writesSent = 0
  /** Origins that have given an HTTP answer in this run: past that, the long retry budget applies. */
  private readonly answered = new Set<string>()

  constructor(private readonly options: HttpOptions) {
    this.client = new HttpClient(options.userAgent, [IPV6_LITERAL], {
      allowRedirects: false,
      allowRetries: false,
      // One connection per origin, reused: no second TLS handshake for the read after a start, or
      // the poll after a token renewal. Node unrefs idle kept-alive sockets, so the process still
      // exits as soon as the action is done.
      keepAlive: true,
      socketTimeout: options.requestTimeoutMs,
    })
    this.retry = options.retry ?? retryFor(options.requestTimeoutMs)
    this.random = options.random ?? Math.random
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const { clock, signal } = this.options
    const started = clock.now()
    const reasons: string[] = []
    let shownAt: number | undefined
    for (;;) {
      let fault: TransientError
      try {
        return await this.attempt(request)
      } catch (error) {
        if (!(error instanceof TransientError) || error instanceof Throttled) throw error
        fault = error
      }
      reasons.push(fault.message)
      const wait = this.retryWait(reasons, fault.retryAfterMs, started, request.purpose)
      // A host that never answered (no DNS name, nothing listening, no TLS) is most often mistyped.
      if (fault instanceof Unreached && !this.answered.has(request.url.origin)) {
        const elapsed = clock.now() - started
        if (elapsed + wait > UNREACHED_BUDGET_MS) {
          throw new GaveUp(
            `Could not ${request.purpose}: ${request.url.host} has not answered in ${formatDuration(elapsed)} (${attempts(reasons)}: ${summarise(reasons)}). Check ${request.check ?? 'base-url'}: is the host name right, and can the runner reach it?`,
          )
        }
      }
      const failingFor = clock.now() - started
      if (failingFor + wait >= SHOW_AFTER_MS && (shownAt === undefined || clock.now() - shownAt >= SHOW_EVERY_MS)) {
        shownAt = clock.now()
        const budget = this.answered.has(request.url.origin) ? this.retry.budgetMs : UNREACHED_BUDGET_MS
        this.options.info?.(
          `Still trying to ${request.purpose} (${reasons.length} attempts over ${formatDuration(failingFor)}, last: ${fault.message}); the action keeps trying for up to ${formatDuration(Math.max(0, budget - failingFor))} more.`,
        )
      }
      await clock.sleep(wait, signal)
    }
  }

  /**
   * The wait before the next attempt of a request whose `reasons.length` attempts since `started`
   * failed: backoff with jitter, Retry-After honoured; GaveUp past the retry budget. Also for a
   * caller that sends again, itself, a request that must not run twice.
   */
  retryWait(reasons: string[], retryAfterMs: number | undefined, started: number, purpose: string): number {
    const delay = nextDelayMs(reasons.length - 1, retryAfterMs, this.retry, this.random)
    const elapsed = this.options.clock.now() - started
    if (elapsed + delay > this.retry.budgetMs) {
      throw new GaveUp(
        `Could not ${purpose}: ${attempts(reasons)} failed over ${formatDuration(elapsed)} (${summarise(reasons)}).`,
      )
    }
    this.options.debug?.(`retrying in ${formatDuration(delay)} to ${purpose}: ${reasons.at(-1) ?? ''}`)
    return delay
  }

  /** One attempt: a TransientError for anything worth retrying, the response otherwise. */
  private async attempt(request: HttpRequest): Promise<HttpResponse> {
    const { clock, signal } = this.options
    const started = clock.now()
    const line = `${request.method} ${request.url.pathname}`
    let response: HttpResponse
    if (request.repeatable === false) this.writesSent++
    try {
      response = await cancellable(this.exchange(request), signal)
    } catch (error) {
      if (error instanceof Cancelled || error instanceof ActionError) throw error
      // Node refused to build the request (a header value it cannot send): a local error, never
      // worth a retry. Credentials are checked before they get here; this is the last guard.
      const code = (error as NodeJS.ErrnoException)?.code ?? ''
      if (LOCAL.has(code)) {
        throw new ActionError(`Could not ${request.purpose}: the request could not be built (${code}).`)
      }
      const reason = networkReason(error)
      this.options.debug?.(`${line} failed: ${reason} (${formatDuration(clock.now() - started)})`)
      // A connection that was never made cannot have carried the request: retried as any fault.
      const unreached =
        NEVER_CONNECTED.has(code) || /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)
      if (request.repeatable === false && !unreached) throw new MaybeSent(reason)
      throw unreached ? new Unreached(reason) : new TransientError(reason)
    }
    this.options.debug?.(`${line} -> ${response.status} (${formatDuration(clock.now() - started)})`)
    this.answered.add(request.url.origin)

    if (REDIRECT.has(response.status)) {
      const to = String(response.headers.location ?? '')
      let where = 'an unnamed place'
      try {
        const target = new URL(to, request.url)
        where = `${target.origin}${target.pathname}`
      } catch {
        // An unreadable Location is reported as unnamed.
      }
      throw new ActionError(
        `The service answered "${request.purpose}" with a redirect (${response.status}) to ${where}; redirects are not followed, so credentials stay on their origin. Check ${request.check ?? 'base-url'}.`,
      )
    }
    const once = request.repeatable === false
    if (isRetryableStatus(response.status)) {
      const reason = `HTTP ${response.status}${errorDetail(response.json)}`
      // An HTTP date is read against the answer's own Date, so a skewed local clock does not matter.
      // Honoured on every status that carries it, a write's 5xx too.
      const served = Date.parse(header(response.headers, 'date') ?? '')
      const after = parseRetryAfter(header(response.headers, 'retry-after'), Number.isNaN(served) ? Date.now() : served)
      if (once && response.status !== 429) throw new MaybeSent(reason, after)
      throw once ? new Throttled(reason, after) : new TransientError(reason, after)
    }
    if (request.expectJson && response.status < 300 && response.json === undefined) {
      const reason = `HTTP ${response.status} with a body that is not JSON`
      throw once ? new MaybeSent(reason) : new TransientError(reason)
    }
    return response
  }

  private async exchange(request: HttpRequest): Promise<HttpResponse> {
    const res = await this.client.request(request.method, request.url.href, request.body ?? null, {
      Accept: 'application/json',
      ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...request.headers,
    })
    const message = res.message
    const timer = setTimeout(
      () => message.destroy(new Error(`no complete answer within ${formatDuration(this.options.requestTimeoutMs)}`)),
      this.options.requestTimeoutMs,
    )
    try {
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of message) {
        size += (chunk as Buffer).length
        if (size > this.maxBodyBytes) {
          message.destroy()
          throw new ActionError(
            `The answer to "${request.purpose}" is larger than ${Math.round(this.maxBodyBytes / 1024)} KiB, far more than the service sends; it was not read. Check base-url.`,
          )
        }
        chunks.push(chunk as Buffer)
      }
      const text = Buffer.concat(chunks).toString('utf8')
      return { status: message.statusCode ?? 0, headers: message.headers, text, json: parseJson(text) }
    } finally {
      clearTimeout(timer)
    }
  }
}

/** Undefined for an empty body too: JSON.parse refuses it. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function networkReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  const code = e?.code ? `${e.code}` : ''
  const message = e instanceof Error ? e.message : String(error)
  if (code && !message.includes(code)) return `${code}: ${message}`
  return message || code || 'network error'
}

/** `1 attempt`, `4 attempts`: one per reason. */
const attempts = (reasons: string[]): string => `${reasons.length} attempt${reasons.length > 1 ? 's' : ''}`

/** `3 x HTTP 503, 1 x ECONNRESET: socket hang up`: the distinct reasons, counted, in first-seen order. */
function summarise(reasons: string[]): string {
  const counts = new Map<string, number>()
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1)
  return [...counts].map(([reason, n]) => (n > 1 ? `${n} x ${reason}` : reason)).join(', ')
}
