/** The Cloud Partner Portal's answers, read into the normalised model. Pure functions only. */
import { ActionError } from '../errors.js'
import { describeShape, isRecord, str } from '../json.js'
import type { Link, Message, Operation, Status, Step, StepState } from '../operation.js'
import { clean, redactEmails } from '../sanitize.js'
import { resolveUnder } from '../url.js'

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

/**
 * The operation URL from a 202 or an input, followed as the service gave it (the non-migrated
 * `/api/operations/{p}${o}$2$preview` form included), on base-url's origin only.
 */
export function resolveOperationUrl(value: string, baseUrl: URL, source: string): URL {
  const url = resolveUnder(value, baseUrl, source)
  if (!/\/operations\/[^/]+$/.test(url.pathname)) {
    throw new ActionError(
      `The ${source} ${url.pathname} is not an operation URL: it should end in /operations/{operationId}.`,
    )
  }
  // The id becomes the operation-id output, written exactly: it must be one that needs no cleaning.
  const id = operationId(url)
  if (/[\p{Cc}\s]/u.test(id) || redactEmails(id) !== id || id.length > 500) {
    throw new UnusableLocation(
      `The ${source} names an operation id that no operation has (line breaks, spaces, an address or over 500 characters).`,
    )
  }
  return url
}

/** An operation URL on the right origin whose id cannot be one: the operation is found another way. */
export class UnusableLocation extends ActionError {
  override name = 'UnusableLocation'
}

/** The last path segment: a GUID, or a `$`-separated id for offers not yet migrated. */
export function operationId(url: URL): string {
  const last = url.pathname.split('/').pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
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

/** A submission whose operation is still going on. */
export const isRunning = (s: Submission): boolean => /^(running|inprogress|notstarted)$/.test(squash(s.state))
const isGoLive = (s: Submission): boolean => s.slot?.toLowerCase() === 'production'

/**
 * The go-live to follow: the `production` entry that is running, else the newest `production`
 * entry by `changedTime`. A go-live is told by its slot, never by the unverified `submissionType`.
 */
export function chooseGoLive(list: Submission[]): { running?: Submission; latest?: Submission; other?: Submission } {
  const goLives = list.filter(isGoLive)
  const time = (s: Submission): number => Date.parse(s.changedTime ?? '') || 0
  return {
    running: goLives.find(isRunning),
    latest: goLives.reduce<Submission | undefined>((a, b) => (a && time(a) >= time(b) ? a : b), undefined),
    other: list.find((s) => !isGoLive(s) && isRunning(s)),
  }
}

/**
 * A go-live another run started while this one was throttled: the running one, else the newest
 * that changed at or after `sinceMs` (this run's start: nothing it wants live came after that).
 */
export function goLiveSince(list: Submission[], sinceMs: number): Submission | undefined {
  const { running, latest } = chooseGoLive(list)
  if (running) return running
  return latest && (Date.parse(latest.changedTime ?? '') || 0) >= sinceMs ? latest : undefined
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
