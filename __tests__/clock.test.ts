/** The real clock, cancellation, looking again for a go-live, and the few exact words of errors. */
import assert from 'node:assert/strict'
import { getEventListeners } from 'node:events'
import { test } from 'node:test'
import { cancellable, systemClock } from '../src/clock.js'
import { MAX_TIMER_MS, parseDuration } from '../src/duration.js'
import { ActionError, Cancelled, GaveUp, MaybeSent, NotFound, TransientError } from '../src/errors.js'
import { parseRetryAfter, retryFor } from '../src/retry.js'
import { lookAgain, lookBudget, PARTNER_CENTER } from '../src/service.js'
import { USER_AGENT, VERSION } from '../src/version.js'
import { FakeClock } from './fake-clock.js'

test('systemClock: now is the time; sleep waits, and an abort cuts it at once', async () => {
  const before = Date.now()
  assert.ok(Math.abs(systemClock.now() - before) < 50)
  const started = performance.now()
  await systemClock.sleep(30)
  assert.ok(performance.now() - started >= 25, 'slept')

  const controller = new AbortController()
  const sleeping = systemClock.sleep(60_000, controller.signal)
  setTimeout(() => controller.abort(), 10)
  const cut = performance.now()
  await assert.rejects(sleeping, Cancelled)
  assert.ok(performance.now() - cut < 5000, 'no minute of waiting')
  await assert.rejects(systemClock.sleep(10, controller.signal), Cancelled, 'already aborted')

  // A finished sleep leaves nothing behind on the signal (a job's signal lives as long as the run).
  const later = new AbortController()
  await systemClock.sleep(1, later.signal)
  assert.equal(getEventListeners(later.signal, 'abort').length, 0)
  await cancellable(Promise.resolve(1), later.signal)
  await cancellable(Promise.reject(new Error('x')), later.signal).catch(() => undefined)
  assert.equal(getEventListeners(later.signal, 'abort').length, 0)
})

test('systemClock: a sleep longer than a timer holds is refused, one that fits is taken', async () => {
  await assert.rejects(systemClock.sleep(MAX_TIMER_MS + 1), {
    name: 'RangeError',
    message: `cannot sleep ${MAX_TIMER_MS + 1} ms`,
  })
  await assert.rejects(systemClock.sleep(Number.NaN), RangeError)
  const controller = new AbortController()
  const longest = systemClock.sleep(MAX_TIMER_MS, controller.signal)
  controller.abort()
  await assert.rejects(longest, Cancelled)
})

test('cancellable: settles as the work does, or rejects with Cancelled when the signal aborts', async () => {
  assert.equal(await cancellable(Promise.resolve(1)), 1)
  assert.equal(await cancellable(Promise.resolve(2), new AbortController().signal), 2)
  await assert.rejects(cancellable(Promise.reject(new Error('no')), new AbortController().signal), /no/)
  const aborted = new AbortController()
  aborted.abort()
  await assert.rejects(cancellable(new Promise(() => {}), aborted.signal), Cancelled)
  const controller = new AbortController()
  const pending = cancellable(new Promise(() => {}), controller.signal)
  controller.abort()
  await assert.rejects(pending, (e: Error) => e instanceof Cancelled && e.message === 'cancelled')
})

/** A fake clock that refuses to be slept on endlessly: a look that never ends fails, not hangs. */
class Bounded extends FakeClock {
  override async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.sleeps.length >= 20) throw new Error(`still sleeping after ${this.sleeps.join(', ')}`)
    return super.sleep(ms, signal)
  }
}

test('lookAgain: looks until found or the time is up, every everyMs, never past the end', async () => {
  const clock = new Bounded()
  let looks = 0
  const found = await lookAgain(async () => (++looks === 3 ? 'it' : undefined), { clock, forMs: 100, everyMs: 30 })
  assert.equal(found, 'it')
  assert.deepEqual(clock.sleeps, [30, 30])

  const never = new Bounded()
  assert.equal(await lookAgain(async () => undefined, { clock: never, forMs: 100, everyMs: 30 }), undefined)
  assert.deepEqual(never.sleeps, [30, 30, 30, 10], 'the last wait ends at the deadline')

  const once = new Bounded()
  assert.equal(await lookAgain(async () => undefined, { clock: once, forMs: 0, everyMs: 30 }), undefined)
  assert.deepEqual(once.sleeps, [], 'no time: one look')
  const falsy = new Bounded()
  assert.equal(await lookAgain(async () => 0, { clock: falsy, forMs: 100, everyMs: 30 }), 0, 'a found 0 is found')

  assert.deepEqual(lookBudget({ timeoutMs: 5 * 3_600_000, pollIntervalMs: 60_000 }), {
    forMs: 120_000,
    everyMs: 10_000,
  })
  assert.deepEqual(lookBudget({ timeoutMs: 30_000, pollIntervalMs: 20 }), { forMs: 30_000, everyMs: 20 })
})

test('Retry-After: seconds (with a fraction) or an HTTP date; anything else is ignored', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  assert.equal(parseRetryAfter('5', now), 5000)
  assert.equal(parseRetryAfter(' 12 ', now), 12_000)
  assert.equal(parseRetryAfter('1.5', now), 1500)
  assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30_000)
  assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now), 0, 'a date passed is no wait')
  // Neither seconds nor a date that Date.parse reads.
  for (const bad of [undefined, '', 'soon', '5 seconds', 'x5', '1.5x', '1.x5']) {
    assert.equal(parseRetryAfter(bad, now), undefined, String(bad))
  }
  assert.equal(retryFor(300_000).budgetMs, 600_000)
  assert.equal(retryFor(1000).budgetMs, 120_000)
})

test('durations at their bounds', () => {
  assert.equal(parseDuration('1.123456s', 'x'), 1123)
  assert.throws(() => parseDuration('1.1234567s', 'x'), /not a duration/)
  assert.equal(parseDuration(`${MAX_TIMER_MS}ms`, 'x'), MAX_TIMER_MS)
  assert.throws(() => parseDuration(`${MAX_TIMER_MS + 1}ms`, 'x'), /longer than the action can wait/)
})

test('error names and fixed words, as logs and tests tell them apart', () => {
  assert.equal(new ActionError('a').name, 'ActionError')
  assert.equal(new Cancelled().name, 'Cancelled')
  assert.equal(new Cancelled().message, 'cancelled')
  assert.equal(new TransientError('t', 5).name, 'TransientError')
  assert.equal(new TransientError('t', 5).retryAfterMs, 5)
  assert.equal(new GaveUp('g').name, 'GaveUp')
  assert.equal(new NotFound('n').name, 'NotFound')
  assert.equal(new MaybeSent('m').name, 'MaybeSent')
  assert.equal(PARTNER_CENTER, 'https://partner.microsoft.com/dashboard/commercial-marketplace')
  assert.match(VERSION, /^\d+\.\d+\.\d+$/)
  assert.equal(USER_AGENT, `cpp-go-live-action/${VERSION}`)
})
