import type { Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { ActionError, GaveUp, TransientError } from './errors.js'
import { isTerminal, type Operation } from './operation.js'
import type { MarketplaceService, StartFacts } from './service.js'

export interface WaitOptions {
  service: Pick<MarketplaceService, 'read'>
  url: URL
  clock: Clock
  signal?: AbortSignal
  /** The read the wait starts from. */
  first: Operation
  /** When the wait gives up, measured on `clock`. */
  deadline: number
  intervalMs: number
  /** How long status reads may fail without a break before the wait gives up. */
  failureBudgetMs?: number
  /** Draws the spread of each poll past the interval (Math.random by default). */
  random?: () => number
  onRead?: (op: Operation, previous: Operation) => void
  onReadFailed?: (message: string, failingForMs: number) => void
  /** When the wait ends (by default, when the status has ended). */
  done?: (op: Operation) => boolean
  /** What the start of the operation knew, passed to each read. */
  started?: StartFacts
}

export interface WaitResult {
  op: Operation
  timedOut: boolean
}

export const FAILURE_BUDGET_MS = 15 * 60_000
/** Polls are spread up to this share of the interval past it, so that a matrix's runs drift apart. */
export const POLL_SPREAD = 0.1

/** The wait before the next poll: never shorter than the interval, spread up to POLL_SPREAD past it. */
export function pollDelayMs(intervalMs: number, random: () => number): number {
  return intervalMs + Math.floor(random() * intervalMs * POLL_SPREAD)
}

/**
 * Reads the operation every interval until it ends or the deadline passes. Failed reads do not end
 * the wait: only an unbroken run of failures longer than the failure budget does.
 */
export async function waitForEnd(options: WaitOptions): Promise<WaitResult> {
  const { service, clock, signal, deadline, intervalMs } = options
  const budget = options.failureBudgetMs ?? FAILURE_BUDGET_MS
  const random = options.random ?? Math.random
  let url = options.first.movedTo ?? options.url
  let op = options.first
  let failingSince: number | undefined
  const done = options.done ?? ((read: Operation) => isTerminal(read.status))
  while (!done(op)) {
    const remaining = deadline - clock.now()
    if (remaining <= 0) return { op, timedOut: true }
    await clock.sleep(Math.min(pollDelayMs(intervalMs, random), remaining), signal)
    try {
      const next = await service.read(url, options.started)
      url = next.movedTo ?? url
      failingSince = undefined
      options.onRead?.(next, op)
      op = next
    } catch (error) {
      // Transient faults, and requests that used up their own retries, are a pause, not an end.
      if (!(error instanceof TransientError || error instanceof GaveUp)) throw error
      failingSince ??= clock.now()
      const failingFor = clock.now() - failingSince
      if (failingFor >= budget) {
        throw new ActionError(
          `Stopped waiting: the operation status could not be read for ${formatDuration(failingFor)} (last: ${(error as Error).message}).`,
        )
      }
      options.onReadFailed?.((error as Error).message, failingFor)
    }
  }
  return { op, timedOut: false }
}
