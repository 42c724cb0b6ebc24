import { ActionError } from './errors.js'

/** The operation status as the action reports it, whichever vocabulary the service used. */
export type Status = 'notStarted' | 'running' | 'succeeded' | 'failed' | 'canceled'

/** What a step is doing, for symbols and for deciding which messages explain a failure. */
export type StepState = 'done' | 'running' | 'waiting' | 'failed' | 'canceled'

export interface Message {
  text: string
  level: string
  timestamp?: string
}

export interface Step {
  id: string
  name: string
  /** As the service spelled it: it is shown to the user. */
  status: string
  state: StepState
  progress?: number
  estimate?: string
  messages: Message[]
}

export interface Link {
  text: string
  url: string
}

/** One read of an operation. Notification e-mails are personal data and are never kept. */
export interface Operation {
  id?: string
  status: Status
  rawStatus: string
  steps: Step[]
  messages: Message[]
  previewLinks: Link[]
  liveLinks: Link[]
}

export interface Submission {
  id: string
  type: string
  state: string
  slot?: string
}

export const isTerminal = (status: Status): boolean =>
  status === 'succeeded' || status === 'failed' || status === 'canceled'

export const isGoLive = (submission: Submission): boolean =>
  /^go-?live$/i.test(submission.type) || (!submission.type && submission.slot?.toLowerCase() === 'production')

const squash = (value: string): string => value.toLowerCase().replace(/[\s_-]/g, '')

/** Both vocabularies: the documented one ("not started", completed) and the one real clients meet. */
export function normaliseStatus(raw: string): Status {
  switch (squash(raw)) {
    case 'notstarted':
    case 'queued':
      return 'notStarted'
    case 'completed':
    case 'complete':
    case 'succeeded':
    case 'success':
      return 'succeeded'
    case 'failed':
      return 'failed'
    case 'canceled':
    case 'cancelled':
      return 'canceled'
    default:
      // `running`, `inProgress`, and any state the service may add later: not ended yet.
      return 'running'
  }
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
 * The operation URL from a 202 or an input: relative values resolve against `base-url`, and only
 * `base-url`'s origin is accepted, since the token goes wherever this URL points.
 */
export function resolveOperationUrl(value: string, baseUrl: URL, source: string): URL {
  let url: URL
  try {
    url = new URL(value.trim(), baseUrl.origin)
  } catch {
    throw new ActionError(`The ${source} '${value}' is not a URL.`)
  }
  if (url.origin !== baseUrl.origin) {
    throw new ActionError(
      `Refused the ${source} ${url.origin}${url.pathname}: it is not on base-url's origin ${baseUrl.origin}, and the token is sent to that origin only.`,
    )
  }
  url.hash = ''
  if (!/\/operations\/[^/]+$/.test(url.pathname)) {
    throw new ActionError(
      `The ${source} ${url.pathname} is not an operation URL: it should end in /operations/{operationId}.`,
    )
  }
  return url
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
    const text = typeof error === 'string' ? error : isRecord(error) ? str(error.message) || str(error.code) : ''
    if (text) messages.push({ text: clean(text), level: 'error' })
  }
  return {
    id: str(value.id) || undefined,
    status: normaliseStatus(value.status),
    rawStatus: value.status,
    steps,
    messages,
    previewLinks: parseLinks(value.previewLinks),
    liveLinks: parseLinks(value.liveLinks),
  }
}

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
      },
    ]
  })
}

/** Steps whose status differs from the previous read (all of them on the first read). */
export function changedSteps(previous: Operation | undefined, next: Operation): Step[] {
  const before = new Map(previous?.steps.map((s) => [s.id, s.status]))
  return next.steps.filter((step) => before.get(step.id) !== step.status)
}

/** The messages that explain a failed or canceled operation, `Step: message`, most useful first. */
export function failureReasons(op: Operation): string[] {
  const fromSteps = (states: StepState[]): string[] =>
    op.steps
      .filter((s) => states.includes(s.state))
      .flatMap((s) => s.messages.filter((m) => m.level === 'error').map((m) => `${s.name}: ${m.text}`))
  let reasons = fromSteps(['failed', 'canceled'])
  if (reasons.length === 0) reasons = fromSteps(['done', 'running', 'waiting'])
  reasons.push(...op.messages.filter((m) => m.level === 'error').map((m) => m.text))
  return [...new Set(reasons)]
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu

/** Text from the service may quote notification addresses: they never reach a log or a summary. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL, '[e-mail redacted]')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** Plain, single-line, redacted and bounded text from the service's `messageHtml`. */
export function clean(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim()
  const redacted = redactEmails(text)
  return redacted.length > 500 ? `${redacted.slice(0, 497)}...` : redacted
}

function parseStep(raw: Record<string, unknown>, index: number): Step {
  const status = str(raw.status) || 'notStarted'
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
    const url = typeof item === 'string' ? item : isRecord(item) ? str(item.uri) || str(item.url) || str(item.href) : ''
    if (!/^https?:\/\//i.test(url)) return []
    const text = isRecord(item) ? clean(str(item.displayText) || str(item.text) || str(item.name)) : ''
    return [{ text: text || url, url: redactEmails(url) }]
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

function describeShape(body: unknown): string {
  if (Array.isArray(body)) return `an array of ${body.length}`
  if (body === null) return 'null'
  if (isRecord(body)) {
    const keys = Object.keys(body).slice(0, 5)
    return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object'
  }
  return `a ${typeof body}`
}
