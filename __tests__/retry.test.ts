import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  backoffMs,
  DEFAULT_RETRY,
  isRetryableStatus,
  nextDelayMs,
  parseRetryAfter,
  retryAfterSpreadMs,
} from '../src/retry.js'

test('429, 408 and the 5xx of a busy service are retried; client errors are not', () => {
  for (const s of [408, 429, 500, 502, 503, 504]) assert.equal(isRetryableStatus(s), true, String(s))
  for (const s of [200, 202, 400, 401, 403, 404, 409, 422, 501]) assert.equal(isRetryableStatus(s), false, String(s))
})

test('backoff is full jitter under an exponential bound, the first retry within 2 s', () => {
  assert.equal(
    backoffMs(0, DEFAULT_RETRY, () => 0.999),
    999,
  )
  assert.ok(backoffMs(0, DEFAULT_RETRY, () => 0.999) < 2000)
  assert.equal(
    backoffMs(3, DEFAULT_RETRY, () => 0.5),
    4000,
  )
  assert.equal(
    backoffMs(20, DEFAULT_RETRY, () => 1),
    DEFAULT_RETRY.capMs,
  )
  assert.equal(
    backoffMs(2, DEFAULT_RETRY, () => 0),
    0,
  )
})

test('Retry-After is read in seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-21T10:00:00Z')
  assert.equal(parseRetryAfter('7', now), 7000)
  assert.equal(parseRetryAfter('Sat, 21 Nov 2026 10:00:12 GMT', now), 12_000)
  assert.equal(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now), 0)
  assert.equal(parseRetryAfter(undefined, now), undefined)
  assert.equal(parseRetryAfter('soon', now), undefined)
})

test('Retry-After wins only when it asks for longer than the backoff, and is spread past, never before', () => {
  // random 0.5: the backoff is half its bound; the spread past Retry-After is half of its own.
  assert.equal(
    nextDelayMs(0, 5000, DEFAULT_RETRY, () => 0.5),
    5000 + 1250,
  )
  assert.equal(
    nextDelayMs(4, 1000, DEFAULT_RETRY, () => 0.5),
    8000,
  )
  assert.equal(
    nextDelayMs(0, undefined, DEFAULT_RETRY, () => 0.5),
    500,
  )
  // The spread: at least a second, half the wait, at most the cap.
  assert.equal(retryAfterSpreadMs(1000, DEFAULT_RETRY), 1000)
  assert.equal(retryAfterSpreadMs(10_000, DEFAULT_RETRY), 5000)
  assert.equal(retryAfterSpreadMs(600_000, DEFAULT_RETRY), DEFAULT_RETRY.capMs)
  // Never earlier than Retry-After, whatever the draw; and two draws give two waits.
  assert.equal(
    nextDelayMs(0, 2000, DEFAULT_RETRY, () => 0),
    2000,
  )
  assert.equal(
    nextDelayMs(0, 2000, DEFAULT_RETRY, () => 0.999),
    2000 + 999,
  )
  const waits = new Set(Array.from({ length: 50 }, () => nextDelayMs(0, 2000, DEFAULT_RETRY, Math.random)))
  assert.ok(waits.size > 10, `${waits.size} distinct waits of 50`)
  assert.ok([...waits].every((w) => w >= 2000 && w < 3000))
})

test('Retry-After in seconds, fractions of a second, or as a date', () => {
  assert.equal(parseRetryAfter('7', 0), 7000)
  assert.equal(parseRetryAfter('1.25', 0), 1250)
  assert.equal(parseRetryAfter(' 2 ', 0), 2000)
  assert.equal(parseRetryAfter('Wed, 02 Dec 2026 10:00:05 GMT', Date.parse('2026-12-02T10:00:00Z')), 5000)
  assert.equal(parseRetryAfter('soon', 0), undefined)
})
