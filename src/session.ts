import type { Credentials } from './credentials.js'
import { ActionError } from './errors.js'
import { errorDetail, type Http, type HttpResponse } from './http.js'

export interface SessionRequest {
  method: 'GET' | 'POST'
  url: URL
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
        headers: { Authorization: `Bearer ${await this.credentials.token()}` },
        body: request.body,
        purpose: request.purpose,
        expectJson: request.expectJson,
        repeatable: request.repeatable,
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
