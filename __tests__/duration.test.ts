import assert from 'node:assert/strict'
import { test } from 'node:test'
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
