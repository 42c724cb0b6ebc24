/**
 * Product Ingestion, target draft: add image-version to the plan's VM technical configuration in
 * the draft. Decided from reads (the plan, its draft, preview and live configurations, the offer's
 * submissions), the image checked (HEAD), then one `POST configure` with the configuration as read
 * and one version more, written at most once in effect, and its job followed to its end.
 */
import { ActionError } from '../errors.js'
import { beforeAdding, heldNow, imageOf, publishingRefusal, unchanged, writeDraft } from '../draft-change.js'
import { planImage, withoutSas, type ImagePlan } from '../image.js'
import type { Operation } from '../operation.js'
import type { Stage } from '../stages.js'
import type { Decision, Done, MarketplaceService, PlannedRequest, ServiceDeps, Tracked } from '../service.js'
import { Account } from './account.js'
import { jobId, parseFollowed, publishing, submissionNumber } from './parse.js'
import { productPage } from './urls.js'
import { versionEntry, viewOf, withVersion, type PlanRef } from './technical.js'

export class DraftChange implements MarketplaceService {
  private readonly account: Account

  constructor(private readonly deps: ServiceDeps) {
    this.account = new Account(deps)
  }

  private get image() {
    return imageOf(this.deps.settings)
  }

  async decide(): Promise<Decision> {
    const { offerId } = this.deps.settings
    const guid = await this.account.product()
    const busy = publishing(await this.account.submissions(guid))
    if (busy) {
      const what = busy.target === 'live' ? 'go-live' : 'preview publish'
      return publishingRefusal(offerId, `its ${what} (submission ${submissionNumber(busy.id)})`)
    }
    const plan = await this.account.plan(guid, this.image.planId)
    const { config, decided } = await this.plan(guid, plan)
    return this.decision(guid, plan, config, decided)
  }

  /** The plan's three configurations read, and what they mean for the version asked for. */
  private async plan(guid: string, plan: PlanRef): Promise<{ config: Record<string, unknown>; decided: ImagePlan }> {
    const config = await this.account.configuration(guid, plan, 'draft')
    if (!config) {
      throw new ActionError(
        `Plan '${this.image.planId}' of offer '${this.deps.settings.offerId}' has no virtual machine technical configuration in the draft: plan-id must name a plan of a virtual machine offer.`,
      )
    }
    const [preview, live] = [
      await this.account.configuration(guid, plan, 'preview'),
      await this.account.configuration(guid, plan, 'live'),
    ]
    const views = { draft: viewOf(config), preview: preview && viewOf(preview), live: live && viewOf(live) }
    return { config, decided: planImage(views, this.image) }
  }

  private async decision(
    guid: string,
    plan: PlanRef,
    config: Record<string, unknown>,
    decided: ImagePlan,
  ): Promise<Decision> {
    const { version, planId } = this.image
    if (decided.kind === 'refuse') return { kind: 'refuse', line: decided.line }
    if (decided.kind === 'unchanged') return unchanged(this.image, decided)
    const images = await beforeAdding(this.deps, decided)
    const entry = versionEntry(version, decided.sources)
    const real = withVersion(config, { guid, plan, entry })
    for (const notice of real.notices) this.deps.log(notice)
    this.deps.log(`The entry for version ${version}: ${JSON.stringify(withoutSas(entry))}`)
    return {
      kind: 'send',
      what: `add version ${version} to plan '${planId}' in the draft (${images})`,
      // What a dry run prints: every SAS of the configuration redacted, the published versions' too.
      request: this.account.resourcesRequest([withoutSas(real.resource) as Record<string, unknown>]),
      send: () => this.write(guid, plan, this.account.resourcesRequest([real.resource])),
      image: { images, state: 'added to the draft' },
    }
  }

  /**
   * The configure sent at most once in effect: after an answer that may have reached the service,
   * or a 429, the draft is read again, and a draft that holds the version now is the change done.
   */
  private async write(guid: string, plan: PlanRef, request: PlannedRequest): Promise<Tracked | Done> {
    const { version, planId } = this.image
    const purpose = 'change the draft'
    const done: Done = { done: `Plan '${planId}' holds version ${version} in its draft now.` }
    const reread = async (): Promise<ImagePlan> => (await this.plan(guid, plan)).decided
    const written = await writeDraft(this.deps, {
      send: () => this.account.post(request, purpose),
      reread,
      done,
      version,
    })
    if (written.kind === 'found') return written.tracked
    const { response } = written
    this.account.session.check(response, purpose)
    const id = jobId(response.json)
    if (id) {
      this.deps.log(`Adding version ${version} to plan '${planId}' in the draft: job ${id}.`)
      return { location: this.account.jobUrl(id), how: 'started', portal: productPage(guid) }
    }
    const held = heldNow(await reread(), done)
    if (held) return held
    throw new ActionError(
      `The service accepted the draft change (HTTP ${response.status}) but named no job, and the draft does not hold version ${version}: re-run this step.`,
    )
  }

  /** Configure jobs are not listed: a draft change is followed only from its operation-location. */
  stagesOf(location: URL): Promise<Stage[] | undefined> {
    return this.account.stagesOf(location, 'draft change')
  }

  async find(): Promise<Tracked | undefined> {
    return undefined
  }

  read(location: URL): Promise<Operation> {
    const followed = parseFollowed(location.pathname)
    if (followed?.kind !== 'job') {
      throw new ActionError(
        `Cannot read ${location.pathname}: a draft change is followed by its job (…/configure/{jobId}/status).`,
      )
    }
    return this.account.job(location, followed.jobId, 'draft change')
  }

  cancelRequest(location: URL): PlannedRequest {
    return this.account.cancelRequest(location, 'draft change')
  }

  cancel(location: URL): Promise<Operation> {
    return this.account.cancel(location, 'draft change')
  }
}
