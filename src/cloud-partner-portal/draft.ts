/**
 * Cloud Partner Portal, target draft: add image-version to a VM plan in the offer's draft. Decided
 * from reads (the submissions, the draft with its ETag, the Preview and Production slots), the VHD
 * checked (HEAD), then the whole offer PUT back with one version more and `If-Match`; a 412 (the
 * draft changed meanwhile) reads it again and applies the version once more. The PUT is the change:
 * there is no operation to follow.
 */
import { ActionError } from '../errors.js'
import { beforeAdding, heldNow, imageOf, publishingRefusal, unchanged, writeDraft } from '../draft-change.js'
import { planImage, withoutSas, type ImagePlan } from '../image.js'
import type { HttpResponse } from '../http.js'
import type { Operation } from '../operation.js'
import type { Decision, Done, MarketplaceService, PlannedRequest, ServiceDeps, Tracked } from '../service.js'
import { Offer } from './offer.js'
import { chooseBySlot } from './parse.js'
import { draftPlan, entryOf, slotView, viewOf, withVersion } from './technical.js'

const ONE_REQUEST = 'it is one request, done when the step ends.'

export class DraftChange implements MarketplaceService {
  private readonly offer: Offer

  constructor(private readonly deps: ServiceDeps) {
    this.offer = new Offer(deps)
  }

  private get image() {
    return imageOf(this.deps.settings)
  }

  async decide(): Promise<Decision> {
    const { offerId } = this.deps.settings
    const list = await this.offer.submissions()
    const busy = chooseBySlot(list, 'production').running ?? chooseBySlot(list, 'staging').running
    if (busy) return publishingRefusal(offerId, `an operation (${busy.id})`)
    const read = await this.readAll()
    return this.decision(read)
  }

  /** The draft (with its ETag), the Preview and Production slots, and what they mean for the version. */
  private async readAll(): Promise<{ doc: unknown; etag: string; decided: ImagePlan }> {
    const { offerId } = this.deps.settings
    const { planId } = this.image
    const draft = (await this.offer.document())!
    const plan = draftPlan(draft.doc, planId, offerId)
    const preview = await this.offer.document('Preview')
    const live = await this.offer.document('Production')
    const views = {
      draft: viewOf(draft.doc, plan),
      preview: slotView(preview?.doc, planId),
      live: slotView(live?.doc, planId),
    }
    return { doc: draft.doc, etag: draft.etag, decided: planImage(views, this.image) }
  }

  private async decision(read: { doc: unknown; etag: string; decided: ImagePlan }): Promise<Decision> {
    const { version, planId } = this.image
    const { decided } = read
    if (decided.kind === 'refuse') return { kind: 'refuse', line: decided.line }
    if (decided.kind === 'unchanged') return unchanged(this.image, decided)
    const images = await beforeAdding(this.deps, decided)
    const source = Object.values(decided.sources)[0]
    if (source.kind !== 'sas') throw new ActionError('The Cloud Partner Portal takes a VHD SAS URL as image-source.')
    const today = new Date(this.deps.clock.now())
    // What a dry run prints: every SAS of the offer redacted, the published versions' too.
    const sent = withVersion(read.doc, planId, version, source.url.href, today)
    const shown = withoutSas(sent)
    this.deps.log(`The entry for version ${version}: ${JSON.stringify(withoutSas(entryOf(sent, planId, version)))}`)
    return {
      kind: 'send',
      what: `add version ${version} to plan '${planId}' in the draft (${images})`,
      request: this.offer.session.planned({
        method: 'PUT',
        url: this.offer.url(''),
        body: JSON.stringify(shown),
        headers: { 'If-Match': read.etag },
      }),
      send: () => this.write(read, source.url.href, true),
      image: { images, state: 'added to the draft' },
    }
  }

  /**
   * The PUT, at most once in effect: after an answer that may have reached the service, or a 429,
   * the draft is read again (a draft that holds the version is the change done). A 412 means the
   * draft changed since it was read: read again, decide again, and put once more.
   */
  private async write(read: { doc: unknown; etag: string }, osVhdUrl: string, again: boolean): Promise<Tracked | Done> {
    const { version, planId } = this.image
    const { offerId } = this.deps.settings
    const purpose = 'change the draft'
    const done: Done = { done: `Added version ${version} to plan '${planId}' in the draft of offer '${offerId}'.` }
    const body = JSON.stringify(withVersion(read.doc, planId, version, osVhdUrl, new Date(this.deps.clock.now())))
    const written = await writeDraft(this.deps, {
      send: (): Promise<HttpResponse> =>
        this.offer.session.send({
          method: 'PUT',
          url: this.offer.url(''),
          body,
          headers: { 'If-Match': read.etag },
          purpose,
          expectJson: true,
          repeatable: false,
        }),
      reread: async () => (await this.readAll()).decided,
      done,
      version,
    })
    if (written.kind === 'found') return written.tracked
    const { response } = written
    if (response.status === 412) {
      const fresh = await this.readAll()
      const held = heldNow(fresh.decided, done)
      if (held) return held
      if (!again) {
        throw new ActionError(
          `Could not ${purpose}: the draft of offer '${offerId}' changed again while the action wrote it (HTTP 412 twice). Re-run this step when no one else edits the offer.`,
        )
      }
      this.deps.log('The draft changed since it was read (HTTP 412): read it again, and adding the version once more.')
      return this.write(fresh, osVhdUrl, false)
    }
    this.offer.session.check(response, purpose)
    return done
  }

  /** A draft change is one request: there is nothing to find, follow or cancel later. */
  async find(): Promise<Tracked | undefined> {
    return undefined
  }

  read(): Promise<Operation> {
    throw new ActionError(`A Cloud Partner Portal draft change has no operation to follow: ${ONE_REQUEST}`)
  }

  cancelRequest(): PlannedRequest {
    throw new ActionError(`A Cloud Partner Portal draft change cannot be cancelled: ${ONE_REQUEST}`)
  }

  cancel(): Promise<Operation> {
    throw new ActionError(`A Cloud Partner Portal draft change cannot be cancelled: ${ONE_REQUEST}`)
  }
}
