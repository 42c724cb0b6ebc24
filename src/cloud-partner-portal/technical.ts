/**
 * A VM plan's images in a Cloud Partner Portal offer document, read and written as raw JSON (the
 * whole offer goes back in the PUT, fields the action does not know included): VM offers keep a
 * map of versions per plan (`microsoft-azure-virtualmachines.vmImages`), core VM offers one per plan
 * and per disk generation (`microsoft-azure-corevm.vmImagesPublicAzure`). Pure functions only.
 */
import { blobKey, noSuchPlan, type PlanView } from '../image.js'
import { isRecord, str } from '../json.js'

const VM_IMAGES = 'microsoft-azure-virtualmachines.vmImages'
const CORE_IMAGES = 'microsoft-azure-corevm.vmImagesPublicAzure'
/** Keys the service shows and will not take back in a PUT. */
const READ_ONLY = ['microsoft-azure-corevm.legacyOfferId', 'microsoft-azure-corevm.legacyPublisherId']

type Json = Record<string, unknown>

const plansOf = (doc: unknown): Json[] => {
  const definition = isRecord(doc) && isRecord(doc.definition) ? doc.definition : undefined
  return definition && Array.isArray(definition.plans) ? definition.plans.filter(isRecord) : []
}

/** The plan of the offer document, or undefined when it has none by that id. */
export function findPlan(doc: unknown, planId: string): Json | undefined {
  return plansOf(doc).find((p) => str(p.planId).toLowerCase() === planId.toLowerCase())
}

/** The draft's plan, or the refusal that lists the plans the offer has. */
export function draftPlan(doc: unknown, planId: string, offerId: string): Json {
  const plan = findPlan(doc, planId)
  if (plan) return plan
  throw noSuchPlan(
    offerId,
    planId,
    plansOf(doc).map((p) => str(p.planId)),
    'the Cloud Partner Portal',
  )
}

/** The plan itself and each of its disk generations (core VM offers), each with its map of versions. */
function holders(doc: unknown, plan: Json): { id: string; node: Json; key: string }[] {
  const core = CORE_IMAGES in plan || (isRecord(doc) && str(doc.offerTypeId) === 'microsoft-azure-corevm')
  const key = core ? CORE_IMAGES : VM_IMAGES
  const generations = core && Array.isArray(plan.diskGenerations) ? plan.diskGenerations.filter(isRecord) : []
  return [{ id: str(plan.planId), node: plan, key }, ...generations.map((g) => ({ id: str(g.planId), node: g, key }))]
}

/** What the decision reads of the plan: one image type per holder (the plan, each generation). */
export function viewOf(doc: unknown, plan: Json): PlanView {
  const all = holders(doc, plan)
  const maps = all.map((h) => (isRecord(h.node[h.key]) ? (h.node[h.key] as Json) : {}))
  const numbers = [...new Set(maps.flatMap((m) => Object.keys(m)))]
  return {
    types: all.map((h) => h.id),
    versions: numbers.map((number) => ({
      number,
      state: maps.some((m) => isRecord(m[number]) && (m[number] as Json).showInGui === false)
        ? 'deprecated'
        : 'generallyAvailable',
      sources: Object.fromEntries(
        all.flatMap((h, i) =>
          isRecord(maps[i][number]) ? [[h.id, blobKey(str((maps[i][number] as Json).osVhdUrl))]] : [],
        ),
      ),
    })),
  }
}

/** The views of a slot's document, undefined when the slot or the plan is not there. */
export function slotView(doc: unknown, planId: string): PlanView | undefined {
  const plan = doc === undefined ? undefined : findPlan(doc, planId)
  return plan && viewOf(doc, plan)
}

/**
 * The offer document sent back: as read, without the keys the service will not take back, with
 * version `version` in the plan (and in each disk generation), its VHD `osVhdUrl`.
 */
export function withVersion(doc: unknown, planId: string, version: string, osVhdUrl: string, today: Date): Json {
  const copy = structuredClone(doc) as Json
  strip(copy)
  const plan = findPlan(copy, planId)!
  const date = `${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCDate()).padStart(2, '0')}/${today.getUTCFullYear()}`
  for (const h of holders(copy, plan)) {
    const map = isRecord(h.node[h.key]) ? (h.node[h.key] as Json) : {}
    map[version] =
      h.key === VM_IMAGES
        ? { osVhdUrl, lunVhdDetails: [] }
        : {
            osVhdUrl,
            label: version,
            mediaName: `${h.id}-${version}`,
            publishedDate: date,
            description: version,
            showInGui: true,
          }
    h.node[h.key] = map
  }
  return copy
}

/** The plan's entry for `version` in a document (the plan's own map). */
export function entryOf(doc: unknown, planId: string, version: string): unknown {
  const plan = findPlan(doc, planId)
  if (!plan) return undefined
  const [own] = holders(doc, plan)
  return isRecord(own.node[own.key]) ? (own.node[own.key] as Json)[version] : undefined
}

function strip(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(strip)
  if (!isRecord(value)) return
  for (const key of READ_ONLY) delete value[key]
  for (const child of Object.values(value)) strip(child)
}
