/** The Product Ingestion API's answers, read into the normalised model. Pure functions only. */
import { ActionError } from '../errors.js'
import { describeShape, isRecord, str } from '../json.js'
import type { Message, Operation, Status } from '../operation.js'
import { clean } from '../sanitize.js'
import type { Stage } from '../stages.js'
import { JOB_ID, PRODUCT_ID, SUBMISSION_ID, type Followed } from './urls.js'

export { parseFollowed, type Followed } from './urls.js'

/** One entry of `GET submission/{productGuid}`: draft, preview or live. */
export interface Submission {
  /** The durable id, `submission/{productGuid}/{n}`. */
  id: string
  target: string
  /** `notStarted`, `running`, `completed`; absent on the draft. */
  status: string
  /** `pending`, `succeeded`, `failed`. */
  result: string
  created?: string
}

const lower = (text: string): string => text.toLowerCase()

/**
 * The product GUID of offer `offerId` in one page of `GET product?externalId=…`: the product whose
 * `identity.externalId` is the offer id, compared without regard to case as the service matches. A
 * product of another offer is never taken, even first in the list (a filter a proxy dropped).
 */
export function productGuid(body: unknown, offerId: string): string | undefined {
  const match = listOf(body, 'The product lookup answer').find(
    (item) => isRecord(item) && isRecord(item.identity) && lower(str(item.identity.externalId)) === lower(offerId),
  )
  if (!isRecord(match)) return undefined
  const id = str(match.id)
  const guid = PRODUCT_ID.exec(id)
  if (!guid) throw new ActionError(`The product lookup answered an id that is not a product id ('${clean(id)}').`)
  return guid[1]
}

/** The next page of a list (`@nextLink`, as the service writes it; `nextLink` too), if any. */
export function nextLink(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  const link = [body['@nextLink'], body.nextLink].find((value) => typeof value === 'string' && value !== '')
  return link === undefined ? undefined : str(link)
}

function listOf(body: unknown, what: string): unknown[] {
  if (!isRecord(body) || !Array.isArray(body.value)) {
    throw new ActionError(`${what} has an unexpected shape (${describeShape(body)}); expected {"value": [...]}.`)
  }
  return body.value
}

export function parseSubmissions(body: unknown): Submission[] {
  return listOf(body, 'The submissions list')
    .filter(isRecord)
    .flatMap((item) => {
      const id = str(item.id)
      if (!SUBMISSION_ID.test(id)) return []
      const target = isRecord(item.target) ? lower(str(item.target.targetType)) : ''
      return [
        { id, target, status: str(item.status), result: str(item.result), created: str(item.created) || undefined },
      ]
    })
}

const inProgress = (s: Submission): boolean => s.status !== '' && lower(s.status) !== 'completed'
const succeeded = (s: Submission): boolean => lower(s.status) === 'completed' && lower(s.result) === 'succeeded'
const newestFirst = (list: Submission[]): Submission[] =>
  [...list].sort((a, b) => (Date.parse(b.created ?? '') || 0) - (Date.parse(a.created ?? '') || 0))

export type Plan =
  | { kind: 'attach'; live: Submission }
  | { kind: 'already-live'; live: Submission }
  | { kind: 'promote'; preview: Submission }
  | { kind: 'refuse'; reason: string }

/**
 * What a go-live of this product means now. Never two: a live submission in progress is followed,
 * and a preview that is live already is not promoted again. Only the newest preview may go live
 * (the service refuses an older one as "not the latest submission"), and only once it succeeded.
 */
export function planGoLive(list: Submission[], offerId: string): Plan {
  const lives = list.filter((s) => s.target === 'live')
  const running = lives.find(inProgress)
  if (running) return { kind: 'attach', live: running }
  const preview = newestFirst(list.filter((s) => s.target === 'preview'))[0]
  const name = `offer '${offerId}'`
  if (!preview) {
    return {
      kind: 'refuse',
      reason: `Cannot go live: ${name} has no preview submission. Publish it to preview first (target: preview), then go live.`,
    }
  }
  const id = submissionNumber(preview.id)
  if (inProgress(preview)) {
    return {
      kind: 'refuse',
      reason: `Cannot go live yet: the latest preview of ${name} (submission ${id}) is ${clean(preview.status)}. Wait for the preview to finish, then re-run.`,
    }
  }
  if (!succeeded(preview)) {
    return {
      kind: 'refuse',
      reason: `Cannot go live: the latest preview of ${name} (submission ${id}) ${clean(preview.result || 'did not succeed')}. Fix the offer and publish it to preview again, then go live.`,
    }
  }
  const live = lives.find((s) => s.id === preview.id && succeeded(s))
  if (live) return { kind: 'already-live', live }
  return { kind: 'promote', preview }
}

export type PreviewPlan =
  | { kind: 'refuse'; reason: string }
  | { kind: 'attach'; preview: Submission }
  /**
   * Publish the draft to preview. `latest`: the newest preview, when it succeeded (a re-run after
   * it is ready): if the draft holds nothing new since, there is nothing to publish.
   */
  | { kind: 'publish'; latest?: Submission; known: string[] }

/**
 * What a preview publish of this product means now. A publish in progress is followed, never
 * started twice; while a go-live (or any other publish) is in progress the service would refuse a
 * new one ("An In Progress submission … already exists"), so the action refuses first.
 */
export function planPreview(list: Submission[], offerId: string): PreviewPlan {
  const running = list.find(inProgress)
  if (running?.target === 'preview') return { kind: 'attach', preview: running }
  if (running) {
    const what = running.target === 'live' ? 'its go-live' : `a ${clean(running.target || 'publish')} publish`
    return {
      kind: 'refuse',
      reason: `Cannot publish offer '${offerId}' to preview: ${what} (submission ${submissionNumber(running.id)}) is in progress. Wait for it to end (start: false follows it), then re-run this step.`,
    }
  }
  const latest = newestPreview(list)
  return {
    kind: 'publish',
    latest: latest && succeeded(latest) ? latest : undefined,
    known: list.filter((s) => s.target === 'preview').map((s) => s.id),
  }
}

const newestPreview = (list: Submission[]): Submission | undefined =>
  newestFirst(list.filter((s) => s.target === 'preview'))[0]

/** The preview to follow without starting one: the preview publish in progress, else the newest. */
export function choosePreview(list: Submission[]): Submission | undefined {
  return list.find((s) => s.target === 'preview' && inProgress(s)) ?? newestPreview(list)
}

/**
 * The preview `preview` as an operation: its status, and once it succeeded whether it has gone
 * live since (a live entry of the same id: the ids "represent both Preview and Live").
 */
export function previewOperation(list: Submission[], preview: Submission): Operation {
  const op: Operation = { ...submissionOperation(preview), previewId: submissionNumber(preview.id) }
  if (op.status === 'failed') {
    op.messages.push({
      text: `The preview publish of submission ${submissionNumber(preview.id)} failed: Partner Center shows why (the offer's certification report); fix the offer, then publish it to preview again`,
      level: 'error',
    })
  }
  if (op.status !== 'succeeded') return op
  const live = chooseLive(list.filter((s) => s.id === preview.id))
  return { ...op, preview: !live ? 'ready' : inProgress(live) ? 'going-live' : succeeded(live) ? 'live' : 'ready' }
}

/**
 * A preview publish job that ended well, checked against the list: the new preview it made, its
 * entry still catching up (running), or, when the newest preview is one listed before the job
 * (`known`), nothing new: `unchanged` then names the existing preview reported instead.
 */
export function confirmPreview(
  job: Operation,
  list: Submission[],
  known?: string[],
): { op: Operation; preview?: Submission; unchanged?: boolean } {
  if (job.status !== 'succeeded') return { op: job }
  const preview = newestPreview(list)
  if (!preview) {
    return {
      op: {
        ...job,
        status: 'failed',
        messages: [{ text: 'The preview job succeeded, but the offer lists no preview submission', level: 'error' }],
      },
    }
  }
  const op = previewOperation(list, preview)
  if (op.status !== 'succeeded' && op.status !== 'failed') {
    return { op: { ...op, rawStatus: `${job.rawStatus}; preview ${op.rawStatus}` }, preview }
  }
  return { op, preview, unchanged: known?.includes(preview.id) ?? false }
}

const CONTENT_SKIP = new Set(['target', 'validations', '$schema'])

/**
 * Whether two resource trees (`GET resource-tree/product/{guid}?targetType=draft|preview`) hold
 * the same content, the submission resources aside; undefined when either is not a tree, so the
 * action cannot tell.
 */
export function sameContent(draft: unknown, preview: unknown): boolean | undefined {
  const resources = (tree: unknown): string[] | undefined => {
    if (!isRecord(tree) || !Array.isArray(tree.resources) || tree.resources.length === 0) return undefined
    return tree.resources
      .filter((r) => !(isRecord(r) && /^submission\//.test(str(r.id))))
      .map((r) => canonical(r, true))
      .sort()
  }
  const a = resources(draft)
  const b = resources(preview)
  if (!a || !b) return undefined
  return a.length === b.length && a.every((r, i) => r === b[i])
}

/** JSON with its keys sorted (and, at a resource's top, the target-dependent ones left out). */
function canonical(value: unknown, top = false): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`
  if (!isRecord(value)) return JSON.stringify(value) ?? 'null'
  const keys = Object.keys(value)
    .filter((k) => !(top && CONTENT_SKIP.has(k)))
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
}

/** A preview publish or go-live of the product in progress, if one is: the draft is not changed meanwhile. */
export function publishing(list: Submission[]): Submission | undefined {
  return list.find((s) => (s.target === 'preview' || s.target === 'live') && inProgress(s))
}

/** The go-live to follow without starting one: the live submission in progress, else the newest. */
export function chooseLive(list: Submission[]): Submission | undefined {
  const lives = list.filter((s) => s.target === 'live')
  return lives.find(inProgress) ?? newestFirst(lives)[0]
}

/**
 * The go-live `start: false` follows, unless the list shows only an older one: a live submission
 * that ended, while the newest preview succeeded and has no live entry, is not the outcome of the
 * go-live of that preview (right after it starts, the list may not show it yet).
 */
export function followedLive(list: Submission[]): { live?: Submission; olderThan?: Submission } {
  const live = chooseLive(list)
  const preview = newestFirst(list.filter((s) => s.target === 'preview'))[0]
  const stale =
    live &&
    !inProgress(live) &&
    preview &&
    succeeded(preview) &&
    !list.some((s) => s.target === 'live' && s.id === preview.id)
  return stale ? { olderThan: preview } : { live }
}

/**
 * The go-live of `preview` that a request which may have reached the service started: its live
 * entry in progress, or one that already succeeded (the plan promoted `preview` only because it
 * was not live: a succeeded live entry of it is this go-live, ended quickly).
 */
export function startedGoLive(list: Submission[], preview: Submission): Submission | undefined {
  const lives = list.filter((s) => s.target === 'live' && s.id === preview.id)
  return lives.find(inProgress) ?? lives.find(succeeded)
}

/**
 * What holds the offer when the service refused a job with "An In Progress submission N already
 * exists.": the go-live of N (its live entry, running or ended since), or another publish of N
 * in progress (a preview), or nothing listed yet.
 */
export function holder(
  list: Submission[],
  n: string,
): { kind: 'go-live'; live: Submission } | { kind: 'other'; publish: Submission } | undefined {
  const mine = list.filter((s) => submissionNumber(s.id) === n)
  const live = chooseLive(mine)
  if (live) return { kind: 'go-live', live }
  const other = mine.find(inProgress)
  return other ? { kind: 'other', publish: other } : undefined
}

/** `a go-live of submission N`, `a preview publish of submission N`: what holds the offer. */
export function describeHolder(found: ReturnType<typeof holder>, n: string): string {
  return found?.kind === 'go-live'
    ? `a go-live of submission ${n}`
    : found?.kind === 'other'
      ? `a ${found.publish.target || 'publish'} publish of submission ${n}`
      : `a publish of submission ${n}`
}

/** The submission number an "An In Progress submission N already exists." refusal names, if one does. */
export function inProgressRefusal(op: Operation): string | undefined {
  if (op.status !== 'failed') return undefined
  for (const m of op.messages) {
    const match = IN_PROGRESS.exec(m.text)
    if (match) return match[1]
  }
  return undefined
}

/** The service's own words of an in-progress refusal, quoted for the failure line. */
export function serviceWords(op: Operation): string {
  const said = op.messages.filter((m) => IN_PROGRESS.test(m.text)).map((m) => withoutHint(m.text))
  return said.map((text) => `"${text}"`).join(' ')
}

/** A job error's text without the hint errorMessages added: the service's words alone. */
function withoutHint(text: string): string {
  const hint = HINTS.find(([, h]) => text.endsWith(` (${h})`))?.[1]
  return hint ? text.slice(0, -(hint.length + 3)) : text
}

/** `1152921505698967817` from `submission/{guid}/1152921505698967817`. */
export function submissionNumber(durableId: string): string {
  return durableId.split('/').pop() ?? durableId
}

/**
 * The job id of a configure answer: `jobId`, or `jobID` as newer documentation samples print it;
 * undefined when it names none in the documented form (a GUID), which then goes into no URL.
 */
export function jobId(body: unknown): string | undefined {
  const id = isRecord(body) ? str(body.jobId) || str(body.jobID) : ''
  return JOB_ID.test(id) ? id : undefined
}

const JOB_STATUS: Record<string, Status> = { notstarted: 'notStarted', running: 'running' }
const JOB_RESULT: Record<string, Status> = {
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'canceled',
  canceled: 'canceled',
}

/** A configure job's status: `jobStatus` until `completed`, then `jobResult`, in any casing. */
export function jobOperation(body: unknown): Operation {
  if (!isRecord(body) || typeof body.jobStatus !== 'string') {
    throw new ActionError(
      `The job status answer has an unexpected shape (${describeShape(body)}); expected a "jobStatus".`,
    )
  }
  const jobStatus = clean(str(body.jobStatus))
  const jobResult = clean(str(body.jobResult))
  return normalised(jobStatus, jobResult, Array.isArray(body.errors) ? errorMessages(body.errors) : [])
}

/** A live submission as an operation: its `status` until `completed`, then its `result`. */
export function submissionOperation(submission: Submission): Operation {
  return normalised(clean(submission.status || 'notStarted'), clean(submission.result), [])
}

function normalised(status: string, result: string, messages: Message[]): Operation {
  const done = lower(status) === 'completed'
  const rawStatus = done ? `${status} (${result || 'no result'})` : status
  const mapped = done ? JOB_RESULT[lower(result)] : JOB_STATUS[lower(status)]
  const base = { rawStatus, steps: [], messages, previewLinks: [], liveLinks: [] }
  return mapped ? { status: mapped, ...base } : { status: 'running', unknownStatus: rawStatus, ...base }
}

const IN_PROGRESS = /An In Progress submission (\d{1,30})? ?already exists/i

/** Known failures, and what to do about each. */
const HINTS: [RegExp, string][] = [
  [
    /not the latest submission/i,
    'only the newest preview can go live: publish the latest changes to preview, wait for it to finish, then re-run',
  ],
  [IN_PROGRESS, 'another publish is running on this offer: wait for it to end (start: false follows it), then re-run'],
  [
    /certification/i,
    'the offer failed certification: read the certification report in Partner Center, fix the offer, publish it to preview, then go live',
  ],
]

const MAX_ERRORS = 50
const MAX_DEPTH = 5

/** Every error of a failed job, nested `details` included, as one message each, hints added. */
export function errorMessages(errors: unknown[]): Message[] {
  const out: Message[] = []
  // Each hint once, on the first error it explains: nested errors often repeat one cause.
  const hinted = new Set<string>()
  const visit = (list: unknown[], depth: number): void => {
    for (const e of list.slice(0, MAX_ERRORS)) {
      if (out.length >= MAX_ERRORS || !isRecord(e)) continue
      const text = clean([str(e.code), str(e.message)].filter(Boolean).join(': '))
      if (text) {
        const hint = HINTS.find(([pattern]) => pattern.test(text))?.[1]
        const fresh = hint !== undefined && !hinted.has(hint)
        if (fresh) hinted.add(hint)
        out.push({ text: fresh ? `${text} (${hint})` : text, level: 'error' })
      }
      if (Array.isArray(e.details) && depth < MAX_DEPTH) visit(e.details, depth + 1)
    }
  }
  visit(errors, 0)
  return out
}

/**
 * The stage a configure job's resources (`GET configure/{jobId}`, served once the job completed)
 * say it was for: a submission resource's target (preview publish or go-live), else a change of
 * the draft. Undefined when the answer lists no resource.
 */
export function jobStage(body: unknown): Stage | undefined {
  if (!isRecord(body) || !Array.isArray(body.resources) || body.resources.length === 0) return undefined
  const submission = body.resources.find(
    (r) => isRecord(r) && (SUBMISSION_ID.test(str(r.id)) || /\/submission\//.test(str(r.$schema))),
  )
  if (!isRecord(submission)) return 'draft'
  const target = isRecord(submission.target) ? lower(str(submission.target.targetType)) : ''
  return target === 'live' || target === 'preview' ? target : undefined
}

const STAGES_LISTED = ['live', 'preview'] as const

/**
 * The stages the list says a followed operation is of, when it can tell: the entries of a
 * submission (a submission that went live is both), or for a job still running the entry in
 * progress (one publish at a time per product).
 */
export function listedStages(list: Submission[], followed: Followed, guid: string): Stage[] | undefined {
  const stages = (entries: Submission[]): Stage[] | undefined => {
    const found = STAGES_LISTED.filter((t) => entries.some((s) => s.target === t))
    return found.length ? found : undefined
  }
  if (followed.kind === 'submission') return stages(list.filter((s) => s.id === `submission/${guid}/${followed.id}`))
  return stages(list.filter(inProgress))
}
