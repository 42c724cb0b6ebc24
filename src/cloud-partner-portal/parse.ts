/** The Cloud Partner Portal's answers, read into the normalised model. Pure functions only. */
import { ActionError } from '../errors.js'
import { describeShape, isRecord, str } from '../json.js'
import type { Link, Message, Operation, Status, Step, StepState } from '../operation.js'
import { clean, redactEmails } from '../sanitize.js'

export { operationId, resolveOperationUrl, UnusableLocation } from './urls.js'

export interface Submission {
  id: string
  type: string
  state: string
  slot?: string
  changedTime?: string
}

const squash = (value: string): string => value.toLowerCase().replace(/[\s_-]/g, '')

const STATUS: Record<string, Status> = {
  notstarted: 'notStarted',
  queued: 'notStarted',
  running: 'running',
  inprogress: 'running',
  completed: 'succeeded',
  complete: 'succeeded',
  succeeded: 'succeeded',
  success: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
}

/**
 * Both vocabularies: the documented one ("not started", completed) and the one real clients meet.
 * A word the action does not know is not an end: the go-live is taken as still running.
 */
export function normaliseStatus(raw: string): { status: Status; known: boolean } {
  const status = STATUS[squash(raw)]
  return status ? { status, known: true } : { status: 'running', known: false }
}

export function stepState(raw: string): StepState {
  switch (squash(raw)) {
    case 'complete':
    case 'completed':
    case 'succeeded':
      return 'done'
    case 'failed':
    case 'blocked':
    case 'rejected':
      return 'failed'
    case 'canceled':
    case 'cancelled':
      return 'canceled'
    case 'inprogress':
    case 'running':
      return 'running'
    default:
      return 'waiting'
  }
}

/** The documented example wraps the operation in a one-element array; the service sends an object. */
export function parseOperation(body: unknown): Operation {
  const value = Array.isArray(body) && body.length === 1 ? body[0] : body
  if (!isRecord(value) || typeof value.status !== 'string') {
    throw new ActionError(
      `The operation status answer has an unexpected shape (${describeShape(body)}); expected an object with a "status".`,
    )
  }
  const steps = Array.isArray(value.steps) ? value.steps.filter(isRecord).map(parseStep) : []
  const messages = parseMessages(value.messages)
  const error = value.error
  if (error !== undefined && error !== null) {
    const text = typeof error === 'string' ? str(error) : isRecord(error) ? str(error.message) || str(error.code) : ''
    if (text) messages.push({ text: clean(text), level: 'error' })
  }
  const rawStatus = clean(str(value.status))
  const { status, known } = normaliseStatus(rawStatus)
  return {
    status,
    rawStatus,
    ...(known ? {} : { unknownStatus: rawStatus }),
    steps,
    messages,
    previewLinks: parseLinks(value.previewLinks),
    liveLinks: parseLinks(value.liveLinks),
  }
}

/** The offer's submissions list: an array (or `{value: [...]}`); entries without an id are skipped. */
export function parseSubmissions(body: unknown): Submission[] {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.value) ? body.value : undefined
  if (!list) {
    throw new ActionError(`The submissions list has an unexpected shape (${describeShape(body)}); expected an array.`)
  }
  return list.filter(isRecord).flatMap((item) => {
    const id = str(item.id)
    if (!id) return []
    return [
      {
        id,
        type: str(item.submissionType),
        state: str(item.submissionState) || str(item.status),
        slot: str(item.slot) || undefined,
        changedTime: str(item.changedTime) || undefined,
      },
    ]
  })
}

/** When a submission last changed state (ms), 0 when the list does not say. */
export const changedAt = (s: Submission): number => Date.parse(s.changedTime ?? '') || 0

/** A submission whose operation is still going on. */
export const isRunning = (s: Submission): boolean => /^(running|inprogress|notstarted)$/.test(squash(s.state))
/** Go-lives run in the `production` slot, preview publishes in `staging`. */
export type Slot = 'production' | 'staging'
export const inSlot =
  (slot: Slot) =>
  (s: Submission): boolean =>
    s.slot?.toLowerCase() === slot

/**
 * The operation of `slot` to follow: the running one, else the newest by `changedTime`, and
 * (`other`) any other operation running. Told by the slot, never by the unverified `submissionType`.
 */
export function chooseBySlot(
  list: Submission[],
  slot: Slot,
): { running?: Submission; latest?: Submission; other?: Submission } {
  const mine = list.filter(inSlot(slot))
  return {
    running: mine.find(isRunning),
    latest: mine.reduce<Submission | undefined>((a, b) => (a && changedAt(a) >= changedAt(b) ? a : b), undefined),
    other: list.find((s) => !inSlot(slot)(s) && isRunning(s)),
  }
}

/** The go-live to follow: the `production` entry that is running, else the newest. */
export const chooseGoLive = (list: Submission[]) => chooseBySlot(list, 'production')

/**
 * An operation of `slot` another run (or a request of this one) started while this one could not
 * tell: the running one, else the newest that changed at or after `sinceMs` (this run's start).
 */
export function startedSince(list: Submission[], sinceMs: number, slot: Slot = 'production'): Submission | undefined {
  const { running, latest } = chooseBySlot(list, slot)
  if (running) return running
  return latest && changedAt(latest) >= sinceMs ? latest : undefined
}

/** A go-live started since `sinceMs` (startedSince for the `production` slot). */
export const goLiveSince = (list: Submission[], sinceMs: number) => startedSince(list, sinceMs, 'production')

export type PublishPlan =
  { kind: 'refuse'; reason: string } | { kind: 'attach'; publish: Submission } | { kind: 'publish' }

/**
 * What a preview publish of the offer means now: one running is followed, never started twice;
 * while a go-live runs the service allows no publish ("only one operation can have status
 * running at a time"), so the action refuses first, naming it.
 */
export function planPublish(list: Submission[], offerId: string): PublishPlan {
  const { running, other } = chooseBySlot(list, 'staging')
  if (running) return { kind: 'attach', publish: running }
  if (other) {
    const what = inSlot('production')(other) ? 'its go-live' : `a ${clean(other.type || 'different')} operation`
    return {
      kind: 'refuse',
      reason: `Cannot publish offer '${offerId}' to preview: ${what} (operation ${clean(other.id)}) is in progress. Wait for it to end (start: false follows it), then re-run this step.`,
    }
  }
  return { kind: 'publish' }
}

/** The offer status (`GET …/offers/{o}/status`): its status word, steps and preview links. */
export interface OfferStatus {
  status: string
  steps: Step[]
  previewLinks: Link[]
}

export function parseOfferStatus(body: unknown): OfferStatus | undefined {
  if (!isRecord(body) || typeof body.status !== 'string') return undefined
  return {
    status: clean(str(body.status)),
    steps: Array.isArray(body.steps) ? body.steps.filter(isRecord).map(parseStep) : [],
    previewLinks: parseLinks(body.previewLinks),
  }
}

const SIGNOFF = 'publishersignoff'
/** The sign-off step, by id (as documented) or by step name (as SUSE's tools match it). */
const isSignoff = (step: Step): boolean => squash(step.id) === SIGNOFF || squash(step.name) === SIGNOFF

/**
 * A preview publish read: the operation stays `running` while it waits for the publisher, so its
 * end is told by its steps and the offer status. Ready: the sign-off step waiting for the
 * publisher's review, or the offer status `WaitingForPublisherReview` (status succeeded). Failed: a
 * blocked or rejected step, even while the operation still reads running. Signed off since: the
 * offer is live (`succeeded`), or its go-live is in progress.
 */
export function previewStatus(op: Operation, offer?: OfferStatus): Operation {
  if (op.status === 'failed' || op.status === 'canceled') return op
  const stopped = op.steps.find((s) => s.state === 'failed' || s.state === 'canceled')
  if (stopped) {
    return {
      ...op,
      status: stopped.state === 'failed' ? 'failed' : 'canceled',
      rawStatus: `${op.rawStatus}; step '${stopped.name}' ${stopped.status}`,
      unknownStatus: undefined,
    }
  }
  const previewLinks = op.previewLinks.length ? op.previewLinks : (offer?.previewLinks ?? [])
  const signoff = op.steps.find(isSignoff) ?? offer?.steps.find(isSignoff)
  const offerWord = squash(offer?.status ?? '')
  if (
    (signoff && squash(signoff.status) === 'waitingforpublisherreview') ||
    offerWord === 'waitingforpublisherreview'
  ) {
    const rawStatus = `${op.rawStatus}; waiting for the publisher's review`
    const stillRuns = op.status === 'running' || op.status === 'notStarted'
    return {
      ...op,
      status: 'succeeded',
      rawStatus,
      unknownStatus: undefined,
      preview: 'ready',
      previewLinks,
      stillRuns,
    }
  }
  if (signoff?.state === 'done' || op.status === 'succeeded') {
    const preview = offerWord === 'succeeded' ? 'live' : offerWord === 'running' ? 'going-live' : 'ready'
    return { ...op, status: 'succeeded', unknownStatus: undefined, preview, previewLinks }
  }
  return { ...op, previewLinks }
}

/** `publish running, goLive succeeded`: what a list held, for a message (at most five entries). */
export function describeSubmissions(list: Submission[]): string {
  if (list.length === 0) return 'the list is empty'
  const shown = list
    .slice(0, 5)
    .map((s) => `${clean(s.type || s.slot || 'untyped')} ${clean(s.state || 'without a state')}`)
  return `${list.length} listed: ${shown.join(', ')}${list.length > 5 ? ', ...' : ''}`
}

function parseStep(raw: Record<string, unknown>, index: number): Step {
  const status = clean(str(raw.status)) || 'notStarted'
  const progress = typeof raw.progressPercentage === 'number' ? raw.progressPercentage : undefined
  return {
    id: str(raw.id) || `step-${index}`,
    name: clean(str(raw.stepName) || str(raw.id) || `Step ${index + 1}`),
    status,
    state: stepState(status),
    progress,
    estimate: str(raw.estimatedTimeFrame) ? clean(str(raw.estimatedTimeFrame)) : undefined,
    messages: parseMessages(raw.messages),
  }
}

function parseMessages(raw: unknown): Message[] {
  if (!Array.isArray(raw)) return []
  return raw.filter(isRecord).flatMap((m) => {
    const text = clean(str(m.messageHtml) || str(m.messageText) || str(m.message))
    if (!text) return []
    return [{ text, level: (str(m.level) || 'information').toLowerCase(), timestamp: str(m.timestamp) || undefined }]
  })
}

function parseLinks(raw: unknown): Link[] {
  if (!Array.isArray(raw)) return []
  return raw.flatMap((item): Link[] => {
    const url =
      typeof item === 'string' ? str(item) : isRecord(item) ? str(item.uri) || str(item.url) || str(item.href) : ''
    if (!/^https?:\/\//i.test(url)) return []
    const text = isRecord(item) ? clean(str(item.displayText) || str(item.text) || str(item.name)) : ''
    return [{ text: text || url, url: redactEmails(url) }]
  })
}
