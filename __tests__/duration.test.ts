import assert from 'node:assert/strict'
import { test } from 'node:test'
import { systemClock } from '../src/clock.js'
import { formatDuration, parseDuration } from '../src/duration.js'

test('durations take ms, s, m, h, and a bare number means seconds', () => {
  assert.equal(parseDuration('500ms', 'x'), 500)
  assert.equal(parseDuration('30s', 'x'), 30_000)
  assert.equal(parseDuration('5m', 'x'), 300_000)
  assert.equal(parseDuration('2h', 'x'), 7_200_000)
  assert.equal(parseDuration('1.5h', 'x'), 5_400_000)
  assert.equal(parseDuration('45', 'x'), 45_000)
  assert.equal(parseDuration(' 10 m ', 'x'), 600_000)
})

test('an unparsable or zero duration names the input and the accepted form', () => {
  for (const bad of ['', 'soon', '5 minutes', '-5m', '1d', '5mm', 'm']) {
    assert.throws(
      () => parseDuration(bad, 'poll-interval'),
      /Input 'poll-interval' is .* not a duration: use a number with an optional unit ms, s, m or h/,
    )
  }
  assert.throws(() => parseDuration('0s', 'timeout'), /Input 'timeout' must be longer than zero/)
})

test('durations read back in short human form', () => {
  assert.equal(formatDuration(850), '850ms')
  assert.equal(formatDuration(42_000), '42s')
  assert.equal(formatDuration(200_000), '3m 20s')
  assert.equal(formatDuration(3_600_000), '1h')
  assert.equal(formatDuration(7_500_000), '2h 5m')
})

test('a duration longer than a timer can hold is refused with a clear line, never turned into a busy loop', () => {
  assert.equal(parseDuration('576h', 'timeout'), 576 * 3_600_000)
  assert.throws(
    () => parseDuration('597h', 'timeout'),
    /^ActionError: Input 'timeout' is '597h', longer than the action can wait: at most 24 days \(576h\)\.$/,
  )
  assert.throws(() => parseDuration('99999999999999999999', 'poll-interval'), /is not a duration/)
})

test('the clock refuses a sleep longer than a timer holds instead of firing at once', async () => {
  await assert.rejects(systemClock.sleep(2 ** 31), /cannot sleep 2147483648 ms/)
})
