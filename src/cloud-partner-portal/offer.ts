/** What both Cloud Partner Portal stages use of an offer: one session, its paths, its submissions. */
import { ActionError } from '../errors.js'
import { header } from '../answer.js'
import { isUsableId } from '../ids.js'
import type { Operation } from '../operation.js'
import type { PlannedRequest, ServiceDeps } from '../service.js'
import { Session } from '../session.js'
import { under, withQuery } from '../url.js'
import { RESOURCE } from './urls.js'
import type { Stage } from '../stages.js'
import {
  operationId,
  parseOfferStatus,
  parseOperation,
  parseSubmissions,
  previewStatus,
  type Submission,
} from './parse.js'

/** Ids in paths: encoded, but `$` kept as the service writes it in operation ids. */
const segment = (id: string): string => encodeURIComponent(id).replace(/%24/g, '$')

export class Offer {
  readonly session: Session

  constructor(private readonly deps: ServiceDeps) {
    const { settings } = deps
    this.session = new Session(deps.http, deps.credentials, {
      origin: settings.baseUrl.origin,
      versioned: (url) => withQuery(url, 'api-version', settings.apiVersion),
      explain401: (purpose, detail, renewed) =>
        renewed
          ? `Could not ${purpose}: HTTP 401${detail} for a token just issued to ${deps.credentials.source}. Check that the app is registered as a user of publisher '${settings.publisherId}' in Partner Center (Account settings > User management).`
          : `Could not ${purpose}: HTTP 401${detail}. The token is invalid or has expired (CPP tokens live 60 to 90 minutes), or is issued for another API: it must be for ${RESOURCE} (scope ${RESOURCE}/.default). Pass a fresh one, or sign in with tenant-id and client-id so the action gets and renews it.`,
      explain: (status, detail, purpose) => explainStatus(status, detail, purpose, settings),
    })
  }

  /** `{base}/api/publishers/{p}/offers/{o}{rest}` */
  url(rest: string): URL {
    const { publisherId, offerId, baseUrl } = this.deps.settings
    return under(
      baseUrl,
      `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}${rest}`,
    )
  }

  /** The whole list, filtered here: no source shows the service honouring a status filter. */
  async submissions(): Promise<Submission[]> {
    const response = await this.session.ok({
      method: 'GET',
      url: this.url('/submissions'),
      purpose: "list the offer's submissions",
      expectJson: true,
    })
    return parseSubmissions(response.json)
  }

  /**
   * The offer document: the draft, or a slot (`Preview`, `Production`; undefined when the offer has
   * never been published there), with the ETag a PUT sends back as If-Match (`*` when none came).
   */
  async document(slot?: 'Preview' | 'Production'): Promise<{ doc: unknown; etag: string } | undefined> {
    const purpose = slot ? `read the offer's ${slot.toLowerCase()} slot` : "read the offer's draft"
    const response = await this.session.send({
      method: 'GET',
      url: this.url(slot ? `/slot/${slot}` : ''),
      purpose,
      expectJson: true,
    })
    if (slot && response.status === 404) return undefined
    this.session.check(response, purpose)
    return { doc: response.json, etag: header(response.headers, 'etag') || '*' }
  }

  async operation(location: URL): Promise<Operation> {
    const response = await this.session.ok({
      method: 'GET',
      url: location,
      purpose: 'read the operation status',
      expectJson: true,
      missing: `operation ${location.href}`,
    })
    return parseOperation(response.json)
  }

  /** A preview publish's operation, read with the offer status: readiness shows in its steps or there. */
  async previewRead(location: URL): Promise<Operation> {
    const op = await this.operation(location)
    if (op.status === 'failed' || op.status === 'canceled') return previewStatus(op)
    const answer = await this.session.send({
      method: 'GET',
      url: this.url('/status'),
      purpose: 'read the offer status',
      expectJson: true,
    })
    return previewStatus(op, answer.status === 200 ? parseOfferStatus(answer.json) : undefined)
  }

  /** `POST …/offers/{o}/cancel`: it cancels whatever operation runs on the offer. No body, as clients send it. */
  cancelRequest(): PlannedRequest {
    return this.session.planned({ url: this.url('/cancel') })
  }

  /**
   * Sends the cancel, then reads the operation once. The service answers 202 whether or not it
   * cancelled anything: only later reads of the operation tell.
   */
  async cancel(location: URL, noun: string): Promise<Operation> {
    const { url } = this.cancelRequest()
    // A second cancel changes nothing: the client may send it again.
    const response = await this.session.send({ method: 'POST', url, purpose: `cancel the ${noun}`, body: '' })
    this.session.check(response, `cancel the ${noun}`)
    return this.operation(location)
  }

  /** The stage of the operation at `location` by its slot in the submissions list, when listed. */
  async stagesOf(location: URL): Promise<Stage[] | undefined> {
    const id = operationId(location)
    const slot = (await this.submissions()).find((s) => s.id === id)?.slot?.toLowerCase()
    return slot === 'production' ? ['live'] : slot === 'staging' ? ['preview'] : undefined
  }

  /** The operation of a submission the list names; an id no operation can have is never followed. */
  operationUrl(id: string): URL {
    if (!isUsableId(id)) {
      throw new ActionError(
        `The offer's submissions list names an operation id that no operation has (line breaks, spaces, an address or over 500 characters); it is not followed. Check base-url, or pass the operation-location the starting run printed.`,
      )
    }
    return this.url(`/operations/${segment(id)}`)
  }
}

export function explainStatus(
  status: number,
  detail: string,
  purpose: string,
  target: { publisherId: string; offerId: string; apiAssumed?: boolean },
): string {
  const failed = `Could not ${purpose}: HTTP ${status}${detail}`
  const { publisherId, offerId } = target
  // publisher-id alone chose this API: an offer made in Partner Center is not found here.
  const chosen = target.apiAssumed
    ? ` This run uses the Cloud Partner Portal API because publisher-id is given: for an offer of Partner Center's Product Ingestion API, leave publisher-id out (or set api: product-ingestion).`
    : ''
  switch (status) {
    case 400:
      return `${failed}. The service found the request malformed; fix the inputs named in the message (not retried).`
    case 403:
      return `${failed}. The service principal has no access to publisher '${publisherId}': add the application as a user of the account in Partner Center (Account settings > User management), or check publisher-id.`
    case 404:
      return `${failed}. Publisher '${publisherId}' or offer '${offerId}' does not exist: check publisher-id and offer-id.${chosen}`
    case 409:
      return `${failed}. Another operation is running on offer '${offerId}'; wait for it to end, then re-run.`
    case 422:
      return `${failed}. The offer failed validation: fix it, publish it again, then go live.`
    default:
      return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`
  }
}
