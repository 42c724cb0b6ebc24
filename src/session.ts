import type { Credentials } from './credentials.js'
import { ActionError, NotFound } from './errors.js'
import { errorDetail } from './answer.js'
import type { Http, HttpResponse } from './http.js'

export interface SessionRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: URL
  /** Besides the token: If-Match on a CPP draft PUT. */
  headers?: Record<string, string>
  purpose: string
  body?: string
  expectJson?: boolean
  repeatable?: boolean
}

export interface SessionOptions {
  /** The only origin the token is sent to: base-url's. */
  origin: string
  /** Adds the API's version parameter to a URL. */
  versioned: (url: URL) => URL
  /** The line for a 401 that a renewal could not mend (`renewed`: a token just issued was refused). */
  explain401: (purpose: string, detail: string, renewed: boolean) => string
  /** The line for any other answer that is not a 2xx: what went wrong and what to do. */
  explain: (status: number, detail: string, purpose: string) => string
}

/**
 * Requests to a marketplace API: the bearer token (to base-url's origin only), the version
 * parameter, and one renewal of the token on a 401 where that is possible.
 */
export class Session {
  constructor(
    private readonly http: Http,
    private readonly credentials: Credentials,
    private readonly options: SessionOptions,
  ) {}

  /**
   * `send`, and any answer but a 2xx becomes the one line that explains it; with `missing`, a 404
   * is a NotFound that names what does not exist (right after a start, it may not exist yet).
   */
  async ok(request: SessionRequest & { missing?: string }): Promise<HttpResponse> {
    const response = await this.send(request)
    if (response.status === 404 && request.missing) {
      throw new NotFound(
        `Could not ${request.purpose}: HTTP 404${errorDetail(response.json)}; ${request.missing} does not exist.`,
      )
    }
    this.check(response, request.purpose)
    return response
  }

  check(response: HttpResponse, purpose: string): void {
    if (response.status >= 200 && response.status < 300) return
    throw new ActionError(this.options.explain(response.status, errorDetail(response.json), purpose))
  }

  /** The request as `send` would send it (its version parameter added), for a dry run to print. */
  planned(request: Pick<SessionRequest, 'url' | 'body' | 'headers'> & { method?: 'POST' | 'PUT' }): {
    method: 'POST' | 'PUT'
    url: URL
    body: string
    headers?: Record<string, string>
  } {
    const { method = 'POST', headers } = request
    return {
      method,
      url: this.options.versioned(request.url),
      body: request.body ?? '',
      ...(headers ? { headers } : {}),
    }
  }

  async send(request: SessionRequest): Promise<HttpResponse> {
    const { origin, versioned, explain401 } = this.options
    if (request.url.origin !== origin) {
      throw new ActionError(
        `Refused to send the token to ${request.url.origin}: it goes to base-url's origin ${origin} only.`,
      )
    }
    const attempt = async (): Promise<HttpResponse> =>
      this.http.request({
        method: request.method,
        url: versioned(request.url),
        headers: { ...request.headers, Authorization: `Bearer ${await this.credentials.token()}` },
        body: request.body,
        purpose: request.purpose,
        expectJson: request.expectJson,
        repeatable: request.repeatable,
        check: 'base-url',
      })
    const response = await attempt()
    if (response.status !== 401) return response
    if (!(await this.credentials.renew())) {
      throw new ActionError(explain401(request.purpose, errorDetail(response.json), false))
    }
    const retried = await attempt()
    if (retried.status === 401) throw new ActionError(explain401(request.purpose, errorDetail(retried.json), true))
    return retried
  }
}
