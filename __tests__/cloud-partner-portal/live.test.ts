/**
 * The Cloud Partner Portal go-live stage through run(), in this process: the go-live POST's rarer
 * answers (a 429 before or after the service took it, a cut connection, a 409, a 202 that names no
 * usable operation) and what each says, follows, and reports as started.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from '../fake-clock.js'
import { simInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import { facts } from '../markdown.js'
import type { Simulator } from '../simulator.js'
import { cpp } from '../started.js'
import { errorAnswer } from '../sim-base.js'

const run = (sim: Simulator, more: Record<string, string> = {}, clock = new FakeClock(Date.now())) =>
  runInProcess(simInputs(sim, { 'poll-interval': '20ms', 'request-timeout': '5s', ...more }), { clock })
const logLines = (stdout: string) =>
  stdout.split('\n').filter((l) => l && !l.startsWith('::') && !/^[✅🔄⏳❌⛔]/u.test(l))
const posts = (sim: Simulator) => sim.requests.filter((q) => q.route === 'golive')
const GUID = '[0-9a-f-]{36}'
const groups = (stdout: string) => [...stdout.matchAll(/^::group::(.*)$/gm)].map((m) => m[1])
const THROTTLED = { on: 'golive', kind: 'status', status: 429, headers: { 'Retry-After': '7' } } as const

test('the go-live POST carries no body, and its operation is the one started', async () => {
  const sim = await cpp()
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.deepEqual(
    posts(sim).map((q) => q.body),
    [''],
  )
  assert.equal(facts(r.summary).Started, 'by this step')
})

test('a throttled go-live: the Retry-After waited, nothing listed, sent once more and started', async () => {
  const sim = await cpp({ faults: [THROTTLED] })
  const clock = new FakeClock(Date.now())
  const r = await run(sim, {}, clock)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim).length, 2)
  // Never before Retry-After (7 s), spread at most half of it past.
  assert.ok(clock.sleeps[0] >= 7000 && clock.sleeps[0] <= 10_500, `waited ${clock.sleeps[0]} ms`)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith('Started')) ?? '',
    new RegExp(`^Started the go-live of offer 'contoso-offer': operation ${GUID}\\.$`),
  )
  assert.equal(facts(r.summary).Started, 'by this step')
})

test('a go-live throttled after the service took it: the listed go-live is attached to', async () => {
  const sim = await cpp({ faults: [{ ...THROTTLED, kind: 'after-accept' }] })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim).length, 1)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith('The go-live request')) ?? '',
    new RegExp(
      `^The go-live request was throttled \\(HTTP 429\\): a go-live of offer 'contoso-offer' is listed \\(operation ${GUID}, running\\); following it instead of sending the request again\\.$`,
    ),
  )
  assert.equal(facts(r.summary).Started, 'earlier; this step attached to it')
})

test('a go-live cut off after the service took it: followed as started by this step, at once', async () => {
  const sim = await cpp({ faults: [{ on: 'golive', kind: 'reset-after-accept' }] })
  const clock = new FakeClock(Date.now())
  const r = await run(sim, {}, clock)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim).length, 1)
  assert.ok(
    logLines(r.stdout).some((l) =>
      /^The go-live request may have reached the service \(.+\): a go-live of offer 'contoso-offer' is listed/.test(l),
    ),
    r.stdout,
  )
  assert.equal(facts(r.summary).Started, 'by this step')
  assert.deepEqual(clock.sleeps, [])
})

test('a go-live cut off before the service took it: sent again after the first backoff', async () => {
  const sim = await cpp({ faults: [{ on: 'golive', kind: 'reset' }] })
  const clock = new FakeClock(Date.now())
  const r = await run(sim, {}, clock)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim).length, 2)
  // One wait, within the first backoff (jittered below 1 s; 0 ms is a possible draw).
  assert.ok(clock.sleeps.length >= 1 && clock.sleeps[0] < 1000, `waited ${clock.sleeps.join(', ')} ms`)
})

test('a 409 while a go-live runs: attached to it, said so', async () => {
  const sim = await cpp({ running: 'goLive', listingDelayReads: 1 })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  const lines = logLines(r.stdout)
  assert.ok(
    lines.includes(
      "The service answered 409 Conflict (Conflict: An operation is already in progress on this offer.): an operation is already running on offer 'contoso-offer'. Looking for it among the offer's submissions.",
    ),
    r.stdout,
  )
  assert.match(
    lines.find((l) => l.startsWith('Attaching')) ?? '',
    new RegExp(`^Attaching to the go-live already running \\(operation ${GUID}\\) instead of starting another\\.$`),
  )
  assert.equal(facts(r.summary).Started, 'earlier; this step attached to it')
})

test('a 202 that names no operation: the go-live is found in the list, started by this step', async () => {
  const sim = await cpp({ location: 'none' })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.ok(
    logLines(r.stdout).includes(
      "The service accepted the go-live but named no operation (no Operation-Location or Location header). Looking for it among the offer's submissions.",
    ),
    r.stdout,
  )
  assert.equal(facts(r.summary).Started, 'by this step')
  assert.equal(posts(sim).length, 1)
})

test('a 202 whose location names an id no operation has: found in the list the same way', async () => {
  const sim = await cpp({ location: 'none' })
  sim.scenario.hostileLocation = `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/a%20b`
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.ok(logLines(r.stdout).some((l) => l.startsWith('The service accepted the go-live but named no operation')))
  assert.match(r.outputs['operation-id'], new RegExp(`^${GUID}$`))
  assert.equal(posts(sim).length, 1)
})

test('a 202 naming no operation of a go-live that ended before it was listed: followed, said so', async () => {
  const sim = await cpp({ location: 'none', operation: { reads: 0 }, listingDelayReads: 1 })
  const r = await run(sim, { 'poll-interval': '30s' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith('Following the go-live that was running then')) ?? '',
    new RegExp(
      `^Following the go-live that was running then and has ended since \\(operation ${GUID}, succeeded\\) instead of starting another\\.$`,
    ),
  )
})

test('a dry run with a go-live running: it would follow it, as a real run does', async () => {
  const sim = await cpp({ running: 'goLive' })
  const r = await run(sim, { 'dry-run': 'true' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    r.stdout,
    new RegExp(
      `^Dry run: this step would follow the go-live already running \\(operation ${GUID}\\) instead of starting another\\.$`,
      'm',
    ),
  )
  assert.match(r.stdout, /^The offer's current go-live reads notStarted \(the status output\)\.$/m)
  assert.deepEqual(groups(r.stdout), ['Sign in', 'Decide the go-live (dry run: nothing is sent)'])
  // The decision names the go-live to follow: the list is not read a second time to find it.
  assert.deepEqual(
    sim.apiRequests.map((q) => q.route),
    ['submissions', 'operation'],
  )
})

test('start: false finds the go-live under a group named for it', async () => {
  const sim = await cpp({ running: 'goLive' })
  const r = await run(sim, { start: 'false' })
  assert.deepEqual(groups(r.stdout), ['Sign in', 'Find the go-live'])
  const started = await run(await cpp())
  assert.deepEqual(groups(started.stdout), ['Sign in', 'Start the go-live'])
})

test('a submissions list the service refuses (a preview reads it first): the line names the list and the reason', async () => {
  const sim = await cpp({
    faults: [errorAnswer('submissions', 403, 'Forbidden', 'No')],
  })
  const r = await run(sim, { target: 'preview' })
  assert.equal(r.exitCode, 1)
  assert.match(
    r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '',
    /^::error::Could not list the offer's submissions: HTTP 403 \(Forbidden: No\)/,
  )
})
