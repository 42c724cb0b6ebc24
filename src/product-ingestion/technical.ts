/**
 * A VM plan's technical configuration on the Product Ingestion API, read and written as raw JSON
 * (fields the action does not know survive): the plan lookup, the configuration of each target in
 * the resource tree (both resource types, both forms of `plan`), the view the decision reads, and
 * the resource sent back whole with one version added. Pure functions only.
 */
import { ActionError } from '../errors.js'
import { blobKey, noSuchPlan, type ImageSource, type PlanView } from '../image.js'
import { describeShape, isRecord, str } from '../json.js'
import { clean } from '../sanitize.js'

export const SCHEMA_HOST = 'https://schema.mp.microsoft.com'
/** The host older exports and tools wrote, which the configure endpoint now refuses (HTTP 400). */
const OLD_SCHEMA_HOST = /^https?:\/\/product-ingestion\.azureedge\.net/i
export const TECH_TYPES = [
  'virtual-machine-plan-technical-configuration',
  'core-virtual-machine-plan-technical-configuration',
] as const
const PLAN_ID = /^plan\/([A-Za-z0-9-]{1,64})\/([A-Za-z0-9-]{1,64})$/

/** One plan of the product: its durable id `plan/{P}/{L}` and the id Partner Center shows. */
export interface PlanRef {
  id: string
  externalId: string
}

/** The plans of one page of `GET plan?product=…`. */
export function parsePlans(body: unknown): PlanRef[] {
  if (!isRecord(body) || !Array.isArray(body.value)) {
    throw new ActionError(`The plan list has an unexpected shape (${describeShape(body)}); expected {"value": [...]}.`)
  }
  return body.value.filter(isRecord).flatMap((item) => {
    const id = str(item.id)
    const externalId = isRecord(item.identity) ? str(item.identity.externalId) : ''
    return PLAN_ID.test(id) && externalId ? [{ id, externalId }] : []
  })
}

/** The plan Partner Center shows as `planId` (compared without regard to case), else the refusal that lists them. */
export function choosePlan(plans: PlanRef[], planId: string, offerId: string): PlanRef {
  const plan = plans.find((p) => p.externalId.toLowerCase() === planId.toLowerCase())
  if (plan) return plan
  throw noSuchPlan(
    offerId,
    planId,
    plans.map((p) => p.externalId),
    'Partner Center',
  )
}

const typeOf = (resource: Record<string, unknown>): (typeof TECH_TYPES)[number] | undefined => {
  const id = str(resource.id)
  const schema = str(resource.$schema)
  // The core type's name contains the other's: the longer is tried first.
  for (const type of [...TECH_TYPES].reverse()) {
    if (id.startsWith(`${type}/`) || schema.includes(`/${type}/`)) return type
  }
  return undefined
}

/** Whether a configuration's `plan` is this plan: its durable id, its last segment alone, or `{externalId}`. */
function isPlan(value: unknown, plan: PlanRef): boolean {
  const guid = plan.id.split('/')[2]
  if (typeof value === 'string') return value === plan.id || value === `plan/${guid}`
  return isRecord(value) && str(value.externalId).toLowerCase() === plan.externalId.toLowerCase()
}

/** The plan's VM technical configuration among a resource tree's resources, if it has one. */
export function pickConfiguration(tree: unknown, plan: PlanRef): Record<string, unknown> | undefined {
  const resources = isRecord(tree) && Array.isArray(tree.resources) ? tree.resources : []
  return resources.filter(isRecord).find((r) => typeOf(r) !== undefined && isPlan(r.plan, plan))
}

/** What the decision reads of a configuration: its image types (skus) and versions with their images. */
export function viewOf(config: Record<string, unknown>): PlanView {
  const skus = Array.isArray(config.skus) ? config.skus.filter(isRecord) : []
  const versions = Array.isArray(config.vmImageVersions) ? config.vmImageVersions.filter(isRecord) : []
  return {
    types: [...new Set(skus.map((s) => str(s.imageType)).filter(Boolean))],
    versions: versions.map((v) => ({
      number: str(v.versionNumber),
      state: str(v.lifecycleState) || 'generallyAvailable',
      sources: Object.fromEntries(
        (Array.isArray(v.vmImages) ? v.vmImages.filter(isRecord) : []).map((image) => [
          str(image.imageType),
          sourceOf(image.source),
        ]),
      ),
    })),
  }
}

function sourceOf(source: unknown): string {
  if (!isRecord(source)) return ''
  if (isRecord(source.osDisk)) return blobKey(str(source.osDisk.uri))
  if (isRecord(source.sharedImage)) return str(source.sharedImage.resourceId).toLowerCase()
  return ''
}

/** One `vmImageVersions` entry, as the schema has it. */
export function versionEntry(version: string, sources: Record<string, ImageSource>): Record<string, unknown> {
  return {
    versionNumber: version,
    vmImages: Object.entries(sources).map(([imageType, source]) => ({
      imageType,
      source:
        source.kind === 'sas'
          ? { sourceType: 'sasUri', osDisk: { uri: source.url.href }, dataDisks: [] }
          : {
              sourceType: 'sharedImageGallery',
              sharedImage: { tenantId: source.tenantId, resourceId: source.resourceId },
            },
    })),
    lifecycleState: 'generallyAvailable',
  }
}

/**
 * The configuration sent back: as read, with exactly one version appended; its ids the ones the
 * action resolved (exports carry stale ones), read-only fields left out, and a `$schema` on the old
 * host moved to schema.mp.microsoft.com (`notices` says so).
 */
export function withVersion(
  config: Record<string, unknown>,
  context: { guid: string; plan: PlanRef; entry: Record<string, unknown> },
): { resource: Record<string, unknown>; notices: string[] } {
  const type = typeOf(config) ?? TECH_TYPES[0]
  const notices: string[] = []
  const { validations: _v, resourceName: _r, ...rest } = structuredClone(config)
  const schema = str(rest.$schema)
  let $schema = schema || `${SCHEMA_HOST}/schema/${type}/2022-03-01-preview3`
  if (OLD_SCHEMA_HOST.test(schema)) {
    $schema = schema.replace(OLD_SCHEMA_HOST, SCHEMA_HOST)
    notices.push(
      `The plan's configuration names its schema on the old host (${clean(schema)}), which the service no longer takes: sent as ${$schema}.`,
    )
  }
  const versions = Array.isArray(rest.vmImageVersions) ? rest.vmImageVersions : []
  return {
    resource: {
      ...rest,
      $schema,
      id: `${type}/${context.guid}/${context.plan.id.split('/')[2]}`,
      product: `product/${context.guid}`,
      plan: context.plan.id,
      vmImageVersions: [...versions, context.entry],
    },
    notices,
  }
}
