/**
 * The normalised go-live model that every API adapter produces: the wait, the progress log and the
 * report read only this, never an API's own vocabulary.
 */

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
  status: Status
  /** The service's own words for the status, shown beside the normalised one. */
  rawStatus: string
  /** Set when the service sent a status the action does not know: the wait goes on. */
  unknownStatus?: string
  steps: Step[]
  messages: Message[]
  previewLinks: Link[]
  liveLinks: Link[]
  /**
   * Set when this read found the go-live going on at another URL, which the action follows from
   * then on: a job the service refused because the same go-live was already in progress.
   */
  movedTo?: URL
  /**
   * For a preview publish (target: preview), once it has succeeded: ready for its go-live, or put
   * live since (its go-live in progress, or ended live).
   */
  preview?: 'ready' | 'going-live' | 'live'
  /**
   * For a preview publish: the preview it is of, as `preview-id` names it (a Product Ingestion
   * submission number, a CPP publish operation id). A go-live given it puts that preview live.
   */
  previewId?: string
  /**
   * The service's own operation still runs, though the status has ended: a CPP preview that is
   * ready while its publish waits for the sign-off. It can still be cancelled.
   */
  stillRuns?: boolean
}

export const isTerminal = (status: Status): boolean =>
  status === 'succeeded' || status === 'failed' || status === 'canceled'

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
