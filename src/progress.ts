import type { Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { changedSteps, type Operation, type Step, type StepState } from './operation.js'

export const HEARTBEAT_MS = 10 * 60_000

export const SYMBOL: Record<StepState, string> = {
  done: '✅',
  running: '🔄',
  waiting: '⏳',
  failed: '❌',
  canceled: '⛔',
}

/** `✅ Validate Pre-Requisites: complete (100%) - Step completed.` */
export function describeStep(step: Step): string {
  const progress = step.progress !== undefined ? ` (${step.progress}%)` : ''
  const last = step.messages.at(-1)
  return `${SYMBOL[step.state]} ${step.name}: ${step.status}${progress}${last ? ` - ${last.text}` : ''}`
}

/** What is going on now, for the heartbeat: the first step that has not finished. */
export function describeNow(op: Operation): string {
  const current = op.steps.find((s) => s.state !== 'done') ?? op.steps.at(-1)
  if (!current) return `operation ${op.rawStatus}`
  const progress = current.progress !== undefined ? `, ${current.progress}%` : ''
  return `operation ${op.rawStatus}; step '${current.name}' is ${current.status}${progress}`
}

/**
 * The story of the wait in the log: a line when a step changes, a heartbeat when nothing has been
 * said for a while, never a line per poll.
 */
export class ProgressLog {
  private lastLineAt: number
  private readonly unknown = new Set<string>()

  constructor(
    private readonly clock: Clock,
    private readonly startedAt: number,
    private readonly write: (line: string) => void,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {
    this.lastLineAt = clock.now()
  }

  read(op: Operation, previous?: Operation): void {
    if (op.unknownStatus && !this.unknown.has(op.unknownStatus)) {
      this.unknown.add(op.unknownStatus)
      this.say(
        `The service sent the status '${op.unknownStatus}', which this action does not know; it keeps waiting. Please report it so the action can learn it.`,
      )
    }
    const changes = changedSteps(previous, op)
    if (!previous) this.say(`Operation is ${op.rawStatus}.`)
    for (const step of changes) this.say(describeStep(step))
    if (previous && previous.status !== op.status) this.say(`Operation is now ${op.rawStatus}.`)
    if (changes.length === 0 && this.clock.now() - this.lastLineAt >= this.heartbeatMs) {
      this.say(`Still waiting after ${formatDuration(this.clock.now() - this.startedAt)}: ${describeNow(op)}.`)
    }
  }

  /** The first failure of a run is told at once; while it goes on, only as often as a heartbeat. */
  readFailed(message: string, failingForMs: number): void {
    if (failingForMs > 0 && this.clock.now() - this.lastLineAt < this.heartbeatMs) return
    this.say(
      `Could not read the status (${message}); retrying${failingForMs > 0 ? `, failing for ${formatDuration(failingForMs)}` : ''}.`,
    )
  }

  private say(line: string): void {
    this.lastLineAt = this.clock.now()
    this.write(line)
  }
}
