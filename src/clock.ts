import { MAX_TIMER_MS } from './duration.js'
import { Cancelled } from './errors.js'

/** All waiting goes through this, so tests can compress time and a cancellation can cut a sleep. */
export interface Clock {
  now(): number
  /** Resolves after `ms`, or rejects with Cancelled as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Cancelled())
      // Longer than a timer holds: Node would fire it at once, turning a wait into a busy loop.
      if (!(ms <= MAX_TIMER_MS)) return reject(new RangeError(`cannot sleep ${ms} ms`))
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(new Cancelled())
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

/** Rejects with Cancelled when `signal` aborts; otherwise settles as `work` does. */
export function cancellable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work
  if (signal.aborted) return Promise.reject(new Cancelled())
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new Cancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
