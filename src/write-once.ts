/**
 * The one way the action sends a write (a go-live or publish POST, a draft PUT): at most once in
 * effect. The HTTP client never repeats such a request itself; here, after an answer that may mean
 * the service acted (a cut connection, a gateway's 5xx, a 2xx without a readable body) or one that
 * asks to slow down (429), the stage looks at what the service did before the write goes again,
 * and the wait before it goes again honours the service's Retry-After, whatever the status.
 */
import { ActionError, MaybeSent, Throttled } from './errors.js'
import type { HttpResponse } from './http.js'
import type { Done, ServiceDeps, Tracked } from './service.js'

/** Why the write has not been answered: the service refused to act (throttled), or may have acted. */
export interface Unanswered {
  throttled: boolean
  /** "HTTP 503 (…)", "ECONNRESET: socket hang up". */
  reason: string
}

export interface Write {
  /** "start the go-live", for messages. */
  purpose: string
  /** One attempt: a request sent with `repeatable: false`. */
  send: () => Promise<HttpResponse>
  /**
   * What the service did meanwhile, looked at before the write goes again: the operation to follow
   * instead (one this write, or a sibling run, started), Done when the write is seen to have taken
   * effect with nothing to follow, or undefined to send it again. A refusal
   * (the offer is held by another operation now) is thrown.
   */
  look: (after: Unanswered) => Promise<Tracked | Done | undefined>
  /**
   * Writes that may have reached the service are sent at most this often (the retry budget bounds
   * them in any case); `exhausted` is the line when the last of them went unanswered.
   */
  maxUnanswered?: number
  exhausted?: (count: number, reason: string) => string
}

export type Written = { kind: 'answered'; response: HttpResponse } | { kind: 'found'; tracked: Tracked | Done }

export async function writeOnce(deps: Pick<ServiceDeps, 'http' | 'clock' | 'signal'>, write: Write): Promise<Written> {
  const { http, clock, signal } = deps
  const since = clock.now()
  const failed: string[] = []
  let unanswered = 0
  for (;;) {
    try {
      return { kind: 'answered', response: await write.send() }
    } catch (error) {
      if (!(error instanceof MaybeSent || error instanceof Throttled)) throw error
      const answeredAt = clock.now()
      const throttled = error instanceof Throttled
      failed.push(error.message)
      const wait = http.retryWait(failed, error.retryAfterMs, since, write.purpose)
      // A throttled write is looked after only once the wait asked for has passed: the service did
      // not act on it, and what it shows earlier may change before the write could go again.
      if (throttled) await clock.sleep(wait, signal)
      const found = await write.look({ throttled, reason: error.message })
      if (found) return { kind: 'found', tracked: found }
      if (throttled) continue
      unanswered++
      if (write.maxUnanswered !== undefined && unanswered >= write.maxUnanswered) {
        throw new ActionError(write.exhausted?.(unanswered, error.message) ?? `Could not ${write.purpose}.`)
      }
      // Never before the time the service asked for, counted from its answer.
      await clock.sleep(Math.max(0, wait - (clock.now() - answeredAt)), signal)
    }
  }
}
