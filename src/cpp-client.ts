import type { Credentials } from './credentials.js'
import { ActionError } from './errors.js'
import { errorDetail, header, type Http, type HttpResponse } from './http.js'
import { parseOperation, parseSubmissions, resolveOperationUrl, type Operation, type Submission } from './operation.js'
import type { Settings } from './settings.js'
import { under, withApiVersion } from './url.js'

export type GoLiveAnswer = { kind: 'accepted'; location?: URL } | { kind: 'conflict'; detail: string }

type Target = Pick<Settings, 'baseUrl' | 'apiVersion' | 'publisherId' | 'offerId'>

/** The Cloud Partner Portal API as this action uses it. The token goes to base-url's origin only. */
export class CppClient {
  constructor(
    private readonly http: Http,
    private readonly credentials: Credentials,
    private readonly target: Target,
  ) {}

  private get offerPath(): string {
    const { publisherId, offerId } = this.target
    return `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}`
  }

  async goLive(): Promise<GoLiveAnswer> {
    const purpose = 'start the go-live'
    const response = await this.send('POST', under(this.target.baseUrl, `${this.offerPath}/golive`), purpose)
    if (response.status === 409) return { kind: 'conflict', detail: errorDetail(response.json) }
    this.check(response, purpose, 'offer')
    const value = header(response.headers, 'operation-location') ?? header(response.headers, 'location')
    return {
      kind: 'accepted',
      location: value
        ? resolveOperationUrl(value, this.target.baseUrl, 'operation location the service returned')
        : undefined,
    }
  }

  async readOperation(url: URL): Promise<Operation> {
    const purpose = 'read the operation status'
    const response = await this.send('GET', url, purpose, true)
    this.check(response, purpose, 'operation')
    return parseOperation(response.json)
  }

  async runningSubmissions(): Promise<Submission[]> {
    const purpose = 'list the running operations of the offer'
    const url = under(this.target.baseUrl, `${this.offerPath}/submissions/`)
    url.searchParams.set('status', 'running')
    const response = await this.send('GET', url, purpose, true)
    this.check(response, purpose, 'offer')
    return parseSubmissions(response.json).filter((s) => !s.state || /^running$/i.test(s.state))
  }

  operationUrl(id: string): URL {
    return under(this.target.baseUrl, `${this.offerPath}/operations/${encodeURIComponent(id)}`)
  }

  /** Every CPP request: bearer token, api-version, and one renewal on a 401 where that is possible. */
  private async send(method: 'GET' | 'POST', url: URL, purpose: string, expectJson = false): Promise<HttpResponse> {
    if (url.origin !== this.target.baseUrl.origin) {
      throw new ActionError(
        `Refused to send the token to ${url.origin}: it goes to base-url's origin ${this.target.baseUrl.origin} only.`,
      )
    }
    const request = async (): Promise<HttpResponse> =>
      this.http.request({
        method,
        url: withApiVersion(url, this.target.apiVersion),
        headers: { Authorization: `Bearer ${await this.credentials.token()}` },
        body: method === 'POST' ? '' : undefined,
        purpose,
        expectJson,
      })
    const response = await request()
    if (response.status !== 401) return response
    if (!(await this.credentials.renew())) {
      throw new ActionError(
        `Could not ${purpose}: HTTP 401${errorDetail(response.json)}. The token is invalid or has expired (CPP tokens live 60 to 90 minutes): pass a fresh one, or sign in with tenant-id and client-id so the action renews it.`,
      )
    }
    const retried = await request()
    if (retried.status === 401) {
      throw new ActionError(
        `Could not ${purpose}: HTTP 401${errorDetail(retried.json)} for a token just issued to ${this.credentials.source}. Check that the app is registered as a user of publisher '${this.target.publisherId}'.`,
      )
    }
    return retried
  }

  /** Any answer other than 2xx becomes the one line that says what went wrong and what to do. */
  private check(response: HttpResponse, purpose: string, subject: 'offer' | 'operation'): void {
    if (response.status >= 200 && response.status < 300) return
    throw new ActionError(explainStatus(response.status, errorDetail(response.json), purpose, subject, this.target))
  }
}

export function explainStatus(
  status: number,
  detail: string,
  purpose: string,
  subject: 'offer' | 'operation',
  target: Pick<Settings, 'publisherId' | 'offerId'>,
): string {
  const failed = `Could not ${purpose}: HTTP ${status}${detail}`
  const { publisherId, offerId } = target
  switch (status) {
    case 400:
      return `${failed}. The service found the request malformed; fix the inputs named in the message (not retried).`
    case 403:
      return `${failed}. The service principal has no access to publisher '${publisherId}': add it as a user of the publisher in the Cloud Partner Portal, or check publisher-id.`
    case 404:
      return subject === 'offer'
        ? `${failed}. Publisher '${publisherId}' or offer '${offerId}' does not exist: check publisher-id and offer-id.`
        : `${failed}. The operation does not exist: check operation-location.`
    case 409:
      return `${failed}. Another operation is running on offer '${offerId}'; wait for it to end, then re-run.`
    case 422:
      return `${failed}. The offer failed validation: fix it in the Cloud Partner Portal, publish it again, then go live.`
    default:
      return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`
  }
}
