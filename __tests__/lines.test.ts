/** The small lines: a step, what is going on now, a status change; URLs at their edges; reasons. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Operation, Step } from '../src/operation.js'
import { describeNow, describeStep, ProgressLog } from '../src/progress.js'
import { reason } from '../src/runner.js'
import { isLoopback, parseServiceUrl, resolveUnder, under, withQuery } from '../src/url.js'
import { FakeClock } from './fake-clock.js'
import { anOperation, aStep } from './operations.js'

const step = (name: string, more: Partial<Step> = {}): Step => aStep({ name, ...more })
const op = (steps: Step[], more: Partial<Operation> = {}): Operation => anOperation({ steps, ...more })

test('describeStep and describeNow: symbol, status, progress only when known, the first unfinished step', () => {
  assert.equal(describeStep(step('A', { state: 'canceled', status: 'canceled' })), '⛔ A: canceled')
  assert.equal(describeStep(step('A', { progress: 0 })), '🔄 A: inProgress (0%)')
  assert.equal(
    describeNow(op([step('Done', { state: 'done', status: 'complete' }), step('Now', { progress: 40 }), step('Next')])),
    "operation running; step 'Now' is inProgress, 40%",
  )
  assert.equal(describeNow(op([step('Now')])), "operation running; step 'Now' is inProgress")
  assert.equal(
    describeNow(
      op([
        step('A', { state: 'done', status: 'complete' }),
        step('B', { state: 'done', status: 'complete', progress: 100 }),
      ]),
    ),
    "operation running; step 'B' is complete, 100%",
    'all done: the last step',
  )
  assert.equal(describeNow(op([], { rawStatus: 'queued' })), 'operation queued')
})

test('a change of status is said with the service word; a failed read without a past failure says only that', () => {
  const clock = new FakeClock()
  const lines: string[] = []
  const log = new ProgressLog(clock, clock.now(), (l) => lines.push(l), 1000)
  const first = op([step('A')], { status: 'notStarted', rawStatus: 'queued' })
  log.read(first)
  log.read(op([step('A')], { status: 'running', rawStatus: 'in progress' }), first)
  assert.deepEqual(lines, ['Operation is queued.', '🔄 A: inProgress', 'Operation is now in progress.'])
  lines.length = 0
  log.read(op([step('A')]), op([step('A')]))
  assert.deepEqual(lines, [], 'same status, nothing new, within the heartbeat')
  clock.advance(999)
  log.read(op([step('A')]), op([step('A')]))
  assert.deepEqual(lines, [])
  clock.advance(1)
  log.read(op([step('A')]), op([step('A')]))
  assert.deepEqual(lines, ["Still waiting after 1s: operation running; step 'A' is inProgress."])
  lines.length = 0
  log.readFailed('HTTP 503', 0)
  assert.deepEqual(lines, ['Could not read the status (HTTP 503); retrying.'])
  log.readFailed('HTTP 503', 500)
  assert.equal(lines.length, 1, 'within the heartbeat')
  clock.advance(1000)
  log.readFailed('HTTP 503', 1500)
  assert.deepEqual(lines.at(-1), 'Could not read the status (HTTP 503); retrying, failing for 2s.')
})

test('loopback hosts, and only them', () => {
  for (const host of ['http://localhost:1', 'http://127.0.0.1:1', 'http://127.255.10.1', 'http://[::1]:8']) {
    assert.equal(isLoopback(new URL(host)), true, host)
  }
  for (const host of [
    'http://128.0.0.1',
    'http://127.0.0.1.example.test',
    'http://x127.0.0.1.test',
    'http://localhost.example.test',
  ]) {
    assert.equal(isLoopback(new URL(host)), false, host)
  }
})

test('service URLs: trimmed, https or loopback http, no credentials of either kind, trailing slashes dropped', () => {
  assert.equal(parseServiceUrl('  https://api.example.test/a/b//  ', 'base-url').href, 'https://api.example.test/a/b')
  for (const bad of [
    'https://u@api.example.test',
    'https://:p@api.example.test',
    'https://api.example.test/?q',
    'https://api.example.test/#f',
  ]) {
    assert.throws(() => parseServiceUrl(bad, 'base-url'), {
      message: "Input 'base-url' must be a plain host URL without credentials, query or fragment.",
    })
  }
  assert.throws(() => parseServiceUrl('http://api.example.test', 'base-url'), {
    message:
      "Input 'base-url' is 'http://api.example.test', which is not https: use https://api.example.test (plain http is allowed only for localhost).",
  })
  assert.throws(() => parseServiceUrl('ftp://localhost', 'base-url'), /which is not https: use https:\/\/localhost /)
  assert.throws(() => parseServiceUrl('mailto:x', 'base-url'), /which is not https: use an https URL /)
  assert.equal(under(new URL('https://a.test/p//'), '/x').href, 'https://a.test/p/x')
  assert.equal(under(new URL('https://a.test'), '/x').href, 'https://a.test/x')
})

test('withQuery adds the version once, written as the APIs document it', () => {
  assert.equal(
    withQuery(new URL('https://a.test/x'), '$version', '2022-07-01').href,
    'https://a.test/x?$version=2022-07-01',
  )
  assert.equal(
    withQuery(new URL('https://a.test/x?a=1'), 'api-version', 'v 1').href,
    'https://a.test/x?a=1&api-version=v%201',
  )
  assert.equal(
    withQuery(new URL('https://a.test/x?api-version=old'), 'api-version', 'new').href,
    'https://a.test/x?api-version=old',
  )
})

test('resolveUnder: trimmed; a path relative to the host keeps the base path; an absolute URL is taken as it is', () => {
  const base = new URL('https://a.test/gw')
  assert.equal(resolveUnder('  /ops/1#frag ', base, 'x').href, 'https://a.test/gw/ops/1')
  assert.equal(resolveUnder('/gw/ops/1', base, 'x').href, 'https://a.test/gw/ops/1')
  assert.equal(resolveUnder('https://a.test/ops/1', base, 'x').href, 'https://a.test/ops/1')
  assert.equal(
    resolveUnder('/gw', base, 'x').href,
    'https://a.test/gw/gw',
    'only the prefix and a slash count as under it',
  )
  assert.equal(resolveUnder('/ops/1', new URL('https://a.test/gw//'), 'x').href, 'https://a.test/gw/ops/1')
  assert.throws(() => resolveUnder('https://[bad', base, 'operation-location'), {
    message: "The operation-location 'https://[bad' is not a URL.",
  })
})

test('reason: the error code first, the first line of the message', () => {
  const e = Object.assign(new Error('denied\nmore'), { code: 'EACCES' })
  assert.equal(reason(e), 'EACCES: denied')
  assert.equal(reason(new Error('plain')), 'plain')
  assert.equal(reason('text\nmore'), 'text')
  assert.equal(reason(undefined), 'undefined')
  assert.equal(reason(null), 'null')
})
