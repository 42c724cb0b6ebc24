/**
 * The image version a run adds to a plan's draft (inputs plan-id, image-version, image-source),
 * checked here before any request, and the one rule both APIs decide a draft change by: what the
 * plan holds in its draft, preview and live configurations against the version asked for.
 */
import { ActionError } from './errors.js'
import { clean } from './sanitize.js'
import { isLoopback } from './url.js'

/** A VHD's SAS URL, or an Azure Compute Gallery image version (Product Ingestion only). */
export type ImageSource = { kind: 'sas'; url: URL } | { kind: 'gallery'; resourceId: string; tenantId: string }

export interface ImageRequest {
  /** The plan as Partner Center shows it: a PI plan's externalId, a CPP planId. */
  planId: string
  version: string
  /** One source for every image type the plan has skus for, else one per image type. */
  all?: ImageSource
  byType: Record<string, ImageSource>
}

/** The image types the Product Ingestion schema knows. */
export const IMAGE_TYPES = ['x64Gen1', 'x64Gen2', 'arm64Gen2'] as const

const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+$/
const GALLERY =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i
const DAY = 86_400_000
/** Certification may take this long: a SAS that ends sooner may expire before the service copies the image. */
export const SAS_WARN_MS = 21 * DAY
/** The service keeps at most this many versions per plan; a warning from WARN_VERSIONS on. */
export const MAX_VERSIONS = 100
export const WARN_VERSIONS = 95

/** What reading the image inputs needs besides them: the time, what the API takes, where remarks go. */
interface ImageContext {
  now: number
  galleries: boolean
  apiName: string
  remarks: { level: 'notice' | 'warning'; text: string }[]
}

export interface ImageInputs {
  planId: string
  version: string
  source: string
  tenantId: string
}

/**
 * The image inputs, checked without any request: a SAS must be https (http on loopback only),
 * signed, readable and unexpired at `now`; a gallery id must have its form. Undefined when none
 * is given. `remarks` gets a warning for a SAS that ends within three weeks.
 */
export function readImage(inputs: ImageInputs, context: ImageContext): ImageRequest | undefined {
  const { planId, version, source } = inputs
  if (!planId && !version && !source) return undefined
  if (!planId)
    throw new ActionError("Input 'plan-id' is required with image-version: the plan's id as Partner Center shows it.")
  if (!version)
    throw new ActionError(
      "Input 'image-version' is required with plan-id: the version number to add or confirm, such as 1.2.0.",
    )
  // Its characters went through the one id check (settings' pathSegment); here its length.
  if (planId.length > 100) {
    throw new ActionError(
      `Input 'plan-id' is ${planId.length} characters long, which no plan id is: give the plan id shown in Partner Center.`,
    )
  }
  if (!VERSION.test(version) || version.length > 32) {
    throw new ActionError(
      `Input 'image-version' is '${version}'; the Marketplace takes three numbers separated by dots (such as 1.2.0 or 9.7.2025121501), at most 32 characters.`,
    )
  }
  const request: ImageRequest = { planId, version, byType: {} }
  const lines = source
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  for (const [i, line] of lines.entries()) {
    const typed = /^([A-Za-z0-9]+)\s*=\s*(.*)$/.exec(line)
    const where = lines.length > 1 ? ` (line ${i + 1})` : ''
    const parsed = readSource(typed ? typed[2].trim() : line, inputs.tenantId, context, where)
    if (!typed) {
      if (lines.length > 1 || request.all) {
        throw new ActionError(
          `Input 'image-source' has several lines: give one source for every image type, or one line per image type such as x64Gen2=SOURCE${where}.`,
        )
      }
      request.all = parsed
      continue
    }
    const type = IMAGE_TYPES.find((t) => t.toLowerCase() === typed[1].toLowerCase())
    if (!type) {
      throw new ActionError(
        `Input 'image-source'${where} names the image type '${typed[1]}'; use ${IMAGE_TYPES.join(', ')}.`,
      )
    }
    if (request.byType[type]) throw new ActionError(`Input 'image-source' gives image type ${type} twice.`)
    request.byType[type] = parsed
  }
  if (Object.keys(request.byType).length && !context.galleries) {
    throw new ActionError(
      `Input 'image-source' gives one source per image type, which api: ${context.apiName} does not take: give one SAS URL for the plan (and its disk generations).`,
    )
  }
  return request
}

function readSource(text: string, tenantId: string, context: ImageContext, where: string): ImageSource {
  if (text.startsWith('/')) {
    if (!context.galleries) {
      throw new ActionError(
        `Input 'image-source'${where} is a gallery image, which api: ${context.apiName} does not take: give a VHD's SAS URL.`,
      )
    }
    if (!GALLERY.test(text)) {
      throw new ActionError(
        `Input 'image-source'${where} is not an Azure Compute Gallery image version id: it should read /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/{gallery}/images/{image}/versions/{version}.`,
      )
    }
    if (!tenantId) {
      throw new ActionError(
        "Input 'image-tenant-id' is required for a gallery image (the gallery's tenant), unless tenant-id is given.",
      )
    }
    return { kind: 'gallery', resourceId: text, tenantId }
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ActionError(
      `Input 'image-source'${where} is neither a URL nor a gallery image id: give the VHD's SAS URL (https://…/image.vhd?sv=…&sig=…) or /subscriptions/…/versions/….`,
    )
  }
  const shown = redactSas(url)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ActionError(
      `Input 'image-source'${where} (${shown}) is not https: the service reads VHDs over https only.`,
    )
  }
  const q = url.searchParams
  if (!q.get('sig')) {
    throw new ActionError(
      `Input 'image-source'${where} (${shown}) has no signature (sig): give the whole SAS URL, the VHD's address followed by its SAS token.`,
    )
  }
  if (!(q.get('sp') ?? '').includes('r')) {
    throw new ActionError(
      `Input 'image-source'${where} (${shown}) does not grant read (sp has no r): create the SAS with read and list permissions (sp=rl).`,
    )
  }
  const se = Date.parse(q.get('se') ?? '')
  if (Number.isNaN(se)) {
    throw new ActionError(
      `Input 'image-source'${where} (${shown}) has no readable expiry (se): give the SAS with its full expiry date and time.`,
    )
  }
  if (se <= context.now) {
    throw new ActionError(
      `Input 'image-source'${where} (${shown}) expired on ${new Date(se).toISOString()}: create a new SAS that lasts at least three weeks.`,
    )
  }
  if (se - context.now < SAS_WARN_MS) {
    context.remarks.push({
      level: 'warning',
      text: `The SAS of image-source${where} ends on ${new Date(se).toISOString()}, in less than three weeks: certification may take that long, and the service reads the VHD until it ends. Microsoft asks for at least three weeks.`,
    })
  }
  return { kind: 'sas', url }
}

/** A SAS URL as the action shows it: its blob, never its token (`https://a.blob…/vhds/image.vhd?<SAS>`). */
export function redactSas(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? '?<SAS>' : ''}`
}

/**
 * A copy of `value` (JSON read from the service, or about to be sent) in which every string that
 * is a SAS URL (a URL signed with `sig`) reads `…?<SAS>`: the SAS of published versions are
 * secrets as much as the run's own, and a dry run prints whole configurations.
 */
export function withoutSas(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!/[?&]sig=/i.test(value)) return value
    try {
      return redactSas(new URL(value))
    } catch {
      return value
    }
  }
  if (Array.isArray(value)) return value.map(withoutSas)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSas(v)]))
  }
  return value
}

/** What makes two sources the same image: the blob (whatever its SAS), or the gallery image version. */
export function sourceKey(source: ImageSource): string {
  return source.kind === 'sas' ? blobKey(source.url.href) : source.resourceId.toLowerCase()
}

/** The blob of a URL read from the service, without its SAS; the text itself when it is no URL. */
export function blobKey(text: string): string {
  try {
    const url = new URL(text)
    return `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`
  } catch {
    return text
  }
}

/** The secrets of a request's sources: each SAS URL whole, and each signature. */
export function imageSecrets(request: ImageRequest | undefined): string[] {
  if (!request) return []
  const out: string[] = []
  for (const s of [request.all, ...Object.values(request.byType)]) {
    if (s?.kind !== 'sas') continue
    out.push(s.url.href, s.url.search.slice(1))
    const sig = s.url.searchParams.get('sig')
    if (sig) out.push(sig, encodeURIComponent(sig))
  }
  return out
}

/** One version of a plan as a configuration lists it: its number, state and the image of each type. */
export interface VersionView {
  number: string
  /** generallyAvailable, deprecated, deleted… */
  state: string
  /** image type -> sourceKey */
  sources: Record<string, string>
}

/** What the decision needs of one configuration of the plan (draft, preview or live). */
export interface PlanView {
  /** The image types the plan has skus for. */
  types: string[]
  versions: VersionView[]
}

export type ImagePlan =
  | { kind: 'add'; types: string[]; sources: Record<string, ImageSource>; warning?: string }
  | { kind: 'unchanged'; where: 'draft' | 'preview' | 'live'; types: string[] }
  | { kind: 'refuse'; line: string }

const ordered = (a: string, b: string): number => {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0)
  return 0
}

const inactive = (v: VersionView): boolean => /^(deprecated|deleted)$/i.test(v.state)

/**
 * The draft change one version asks for, from the plan's configurations (preview and live are
 * undefined when never published): add it, nothing to change (the same version with the same
 * image is there), or the refusal. Published versions are never edited, a draft that already
 * holds an unpublished version takes no second one, and the plan's cap is kept.
 */
export function planImage(
  views: { draft: PlanView; preview?: PlanView; live?: PlanView },
  request: ImageRequest,
): ImagePlan {
  const { draft } = views
  const plan = `plan '${request.planId}'`
  if (!draft.types.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: ${plan} has no image type (sku) in its technical configuration; set its skus in Partner Center first.`,
    }
  }
  const given = Object.keys(request.byType)
  const unknown = given.filter((t) => !draft.types.includes(t))
  if (unknown.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: image-source names ${unknown.join(', ')}, and ${plan} has skus for ${draft.types.join(', ')} only.`,
    }
  }
  const missing = request.all ? [] : draft.types.filter((t) => !given.includes(t))
  if (missing.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: ${plan} has skus for ${draft.types.join(', ')}, and image-source gives no image for ${missing.join(', ')}: add a line ${missing[0]}=SOURCE, or give one source for all.`,
    }
  }
  const sources = Object.fromEntries(draft.types.map((t) => [t, request.byType[t] ?? request.all!]))
  const keys = Object.fromEntries(Object.entries(sources).map(([t, s]) => [t, sourceKey(s)]))
  for (const where of ['live', 'preview', 'draft'] as const) {
    const found = views[where]?.versions.find((v) => v.number === request.version)
    if (!found) continue
    if (draft.types.every((t) => found.sources[t] === keys[t])) return { kind: 'unchanged', where, types: draft.types }
    return {
      kind: 'refuse',
      line:
        where === 'draft'
          ? `Cannot add version ${request.version}: the draft of ${plan} holds it already with another image. Published versions cannot be edited and the draft takes one new version: choose a new image-version, or remove ${request.version} from the draft in Partner Center.`
          : `Cannot add version ${request.version}: it is published (${where}) in ${plan} with another image, and published versions cannot be edited: choose a new image-version.`,
    }
  }
  const published = new Set([...(views.preview?.versions ?? []), ...(views.live?.versions ?? [])].map((v) => v.number))
  const pending = draft.versions.filter((v) => !published.has(v.number) && !/^deleted$/i.test(v.state))
  if (pending.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: the draft of ${plan} already holds version ${pending.map((v) => v.number).join(', ')}, not yet published, and the service takes one new image per image type in a submission. Publish it first (target: preview), or remove it from the draft in Partner Center.`,
    }
  }
  const active = draft.versions.filter((v) => !inactive(v)).sort((a, b) => ordered(a.number, b.number))
  if (active.length >= MAX_VERSIONS) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: ${plan} has ${active.length} active versions, the service's limit of ${MAX_VERSIONS}. Deprecate the oldest first (in Partner Center): ${active
        .slice(0, 3)
        .map((v) => v.number)
        .join(', ')}.`,
    }
  }
  const warning =
    active.length + 1 >= WARN_VERSIONS
      ? `Plan '${request.planId}' will have ${active.length + 1} active versions; the service takes at most ${MAX_VERSIONS}. Deprecate the oldest soon: ${active
          .slice(0, 3)
          .map((v) => v.number)
          .join(', ')}.`
      : undefined
  return { kind: 'add', types: draft.types, sources, warning }
}

/** "x64Gen1, x64Gen2 from a VHD (SAS)": for the log and the summary. */
export function describeImage(types: string[], sources: Record<string, ImageSource>): string {
  const kinds = new Set(Object.values(sources).map((s) => (s.kind === 'sas' ? 'a VHD (SAS URL)' : 'a gallery image')))
  return `${types.join(', ')} from ${[...kinds].join(' and ')}`
}

const listed = (view: PlanView | undefined): string => {
  const numbers = (view?.versions ?? []).map((v) => v.number).sort(ordered)
  if (!numbers.length) return 'no version'
  return numbers.length > 5 ? `${numbers.slice(-5).join(', ')} and ${numbers.length - 5} older` : numbers.join(', ')
}

/**
 * Before a go-live with image-version: the preview must hold the version (or live already), since
 * an image reaches live only through preview. The refusal, or undefined when it does.
 */
export function goLiveRefusal(
  views: { preview?: PlanView; live?: PlanView },
  request: ImageRequest,
): string | undefined {
  const has = (view?: PlanView): boolean => !!view?.versions.some((v) => v.number === request.version)
  if (has(views.preview) || has(views.live)) return undefined
  return `Cannot go live with version ${request.version}: the preview of plan '${request.planId}' does not hold it (it has ${listed(views.preview)}). Publish it to preview first (target: preview with image-version and image-source), then go live.`
}

/** After the go-live: the line that confirms the version is live, or the error that says what is live instead. */
export function confirmLive(live: PlanView | undefined, request: ImageRequest): string {
  const found = live?.versions.find((v) => v.number === request.version)
  if (found)
    return `Confirmed: version ${request.version} of plan '${request.planId}' is live (${Object.keys(found.sources).join(', ') || 'its image'}).`
  throw new ActionError(
    `The go-live ended, but the live configuration of plan '${request.planId}' does not list version ${request.version}: live has ${listed(live)}. Check the plan in Partner Center.`,
  )
}

/** The refusal for a plan id the offer does not have, naming (inert) the plans it has, where they are shown. */
export function noSuchPlan(offerId: string, planId: string, plans: string[], shownIn: string): ActionError {
  const names = plans.map((p) => `'${clean(p)}'`).slice(0, 20)
  return new ActionError(
    `Offer '${offerId}' has no plan '${planId}'${names.length ? `; its plans are ${names.join(', ')}` : ' (it lists no plans)'}: check plan-id (the plan id shown in ${shownIn}).`,
  )
}
