/**
 * The Cloud Partner Portal preview stage through run(), in this process: the publish POST's rarer
 * answers (a 429, a 409, a 202 that names no operation), what a dry run and `start: false` say, and
 * which reads a preview's status takes. Each line and summary fact is the one a publisher reads.
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

/** A preview run; the clock starts at the simulator's time, so "started since" means since this run. */
const run = (sim: Simulator, more: Record<string, string> = {}, clock = new FakeClock(Date.now())) =>
  runInProcess(simInputs(sim, { target: 'preview', 'poll-interval': '20ms', 'request-timeout': '5s', ...more }), {
    clock,
  })
const logLines = (stdout: string) =>
  stdout.split('\n').filter((l) => l && !l.startsWith('::') && !/^[✅🔄⏳❌⛔]/u.test(l))
const failure = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'))
const routes = (sim: Simulator) => sim.apiRequests.map((q) => `${q.route} ${q.status ?? '-'}`)
const GUID = '[0-9a-f-]{36}'
const THROTTLED = { on: 'publish', kind: 'status', status: 429, headers: { 'Retry-After': '7' } } as const

test('a throttled publish: it waits the Retry-After, looks at the offer, and sends it once more', async () => {
  const sim = await cpp({ faults: [THROTTLED] })
  const clock = new FakeClock(Date.now())
  const r = await run(sim, {}, clock)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.deepEqual(routes(sim).slice(0, 4), ['submissions 200', 'publish 429', 'submissions 200', 'publish 202'])
  // Never before Retry-After (7 s), spread at most half of it past.
  assert.ok(clock.sleeps[0] >= 7000 && clock.sleeps[0] <= 10_500, `waited ${clock.sleeps[0]} ms`)
  // That one wait only: the look after it found nothing, and the request went again at once.
  assert.equal(clock.sleeps.length, 1, clock.sleeps.join(', '))
  const id = /operation (\S+)\.$/.exec(logLines(r.stdout).find((l) => l.startsWith('Started'))!)![1]
  assert.match(id, new RegExp(`^${GUID}$`))
  assert.equal(r.outputs['operation-id'], id)
  assert.equal(facts(r.summary).Started, 'by this step')
  assert.equal(sim.requests.filter((q) => q.route === 'publish').length, 2)
})

test('a publish throttled after the service took it: the listed publish is followed, not sent again', async () => {
  const sim = await cpp({ faults: [{ ...THROTTLED, kind: 'after-accept' }] })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(sim.requests.filter((q) => q.route === 'publish').length, 1)
  const line = logLines(r.stdout).find((l) => l.startsWith('The preview publish request'))
  assert.match(
    line ?? '',
    new RegExp(
      `^The preview publish request was throttled \\(HTTP 429\\): a preview publish is listed \\(operation (${GUID})\\); following it instead of sending the request again\\.$`,
    ),
  )
  assert.equal(r.outputs['operation-id'], /operation ([0-9a-f-]{36})/.exec(line!)![1])
  assert.equal(facts(r.summary).Started, 'earlier; this step attached to it')
})

test('a publish cut off after the service took it: followed as started by this step', async () => {
  const sim = await cpp({ faults: [{ on: 'publish', kind: 'reset-after-accept' }] })
  const clock = new FakeClock(Date.now())
  const r = await run(sim, {}, clock)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(sim.requests.filter((q) => q.route === 'publish').length, 1)
  assert.ok(
    logLines(r.stdout).some((l) =>
      /^The preview publish request may have reached the service \(.+\): a preview publish is listed \(operation [0-9a-f-]{36}\); following it instead of sending the request again\.$/.test(
        l,
      ),
    ),
    r.stdout,
  )
  assert.equal(facts(r.summary).Started, 'by this step')
  // A cut connection is looked at before any wait: the look found it, so nothing was slept.
  assert.deepEqual(clock.sleeps, [])
})

test('a publish cut off before the service took it: the re-send waits the first backoff only', async () => {
  const sim = await cpp({ faults: [{ on: 'publish', kind: 'reset' }] })
  const clock = new FakeClock(Date.now())
  const r = await run(sim, {}, clock)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.deepEqual(routes(sim).slice(0, 4), ['submissions 200', 'publish -', 'submissions 200', 'publish 202'])
  // One wait, within the first backoff (jittered below 1 s; 0 ms is a possible draw).
  assert.ok(clock.sleeps.length >= 1 && clock.sleeps[0] < 1000, `waited ${clock.sleeps.join(', ')} ms`)
  assert.equal(facts(r.summary).Started, 'by this step')
})

test('a throttled publish, and meanwhile a go-live began: refused with the reason, nothing sent again', async () => {
  const sim = await cpp({ running: 'goLive', listingDelayReads: 1, faults: [THROTTLED] })
  const r = await run(sim)
  assert.equal(r.exitCode, 1)
  assert.deepEqual(routes(sim), ['submissions 200', 'publish 429', 'submissions 200'])
  assert.match(
    failure(r.stdout).join('\n'),
    new RegExp(
      `^::error::Cannot publish offer 'contoso-offer' to preview: its go-live \\(operation ${GUID}\\) is in progress\\. Wait for it to end \\(start: false follows it\\), then re-run this step\\.$`,
    ),
  )
})

test('a 202 that names no operation: the publish it started is found among the submissions', async () => {
  const sim = await cpp({ location: 'none' })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  const lines = logLines(r.stdout)
  assert.ok(
    lines.includes(
      "The service accepted the preview publish but named no usable operation; looking for it among the offer's submissions.",
    ),
    r.stdout,
  )
  const followed = lines.find((l) => l.startsWith('Following the preview publish that request started'))
  assert.match(
    followed ?? '',
    new RegExp(`^Following the preview publish that request started \\(operation (${GUID})\\)\\.$`),
  )
  assert.equal(r.outputs['operation-id'], /operation ([0-9a-f-]{36})/.exec(followed!)![1])
  assert.equal(facts(r.summary).Started, 'by this step')
  assert.equal(sim.requests.filter((q) => q.route === 'publish').length, 1)
})

test('a 202 that names no operation, the publish it started failed already: found as the one started since', async () => {
  // Nothing runs by the time the list is read: only its change since this run began tells it apart.
  const sim = await cpp({ location: 'none', publish: { outcome: 'failed', failure: 'failed', reads: 0 } })
  const r = await run(sim, { 'poll-interval': '30s' })
  const followed = logLines(r.stdout).find((l) => l.startsWith('Following the preview publish that request started'))
  assert.match(
    followed ?? '',
    new RegExp(`^Following the preview publish that request started \\(operation (${GUID})\\)\\.$`),
    r.stdout,
  )
  assert.equal(r.outputs.status, 'failed')
  assert.equal(sim.requests.filter((q) => q.route === 'publish').length, 1)
  assert.equal(facts(r.summary).Started, 'by this step')
})

test('a 202 whose location names an id no operation has: looked for the same way', async () => {
  const sim = await cpp({ location: 'none' })
  sim.scenario.hostileLocation = `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/a%20b`
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.ok(
    logLines(r.stdout).some((l) => l.startsWith('Following the preview publish that request started (operation ')),
  )
  assert.match(r.outputs['operation-id'], new RegExp(`^${GUID}$`))
})

test('a 202 that names no operation, and none listed: fails after the look, saying what to do', async () => {
  const sim = await cpp({ location: 'none', listingDelayMs: 3_600_000 })
  const r = await run(sim, { 'poll-interval': '30s' })
  assert.equal(r.exitCode, 1)
  assert.deepEqual(failure(r.stdout), [
    "::error::The service accepted the preview publish but named no operation, and no running operation was listed on offer 'contoso-offer' within 2m (the list is empty). Re-run this step in a few minutes, or run it with start: false to follow the offer's last preview publish.",
  ])
  assert.equal(sim.requests.filter((q) => q.route === 'publish').length, 1)
})

test('a 409 with nothing listed: fails after the look, naming the 409', async () => {
  const sim = await cpp({
    publish: { answer: { status: 409, body: { error: { code: 'Conflict', message: 'busy' } } } },
  })
  const r = await run(sim, { 'poll-interval': '30s' })
  assert.equal(r.exitCode, 1)
  assert.ok(
    logLines(r.stdout).includes(
      "The service answered 409 Conflict (Conflict: busy): an operation is already running on offer 'contoso-offer'. Looking for it among the offer's submissions.",
    ),
    r.stdout,
  )
  assert.deepEqual(failure(r.stdout), [
    "::error::The service answered 409 Conflict to the preview publish, and no running operation was listed on offer 'contoso-offer' within 2m (the list is empty). Re-run this step in a few minutes, or run it with start: false to follow the offer's last preview publish.",
  ])
})

test('a 409 because a preview publish runs: that one is followed as attached', async () => {
  const sim = await cpp({ running: 'publish', listingDelayReads: 1 })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  const line = logLines(r.stdout).find((l) => l.startsWith('A preview publish'))
  assert.match(
    line ?? '',
    new RegExp(
      `^A preview publish of offer 'contoso-offer' is already running \\(operation (${GUID})\\); following it instead of starting another\\.$`,
    ),
  )
  assert.equal(r.outputs['operation-id'], /operation ([0-9a-f-]{36})/.exec(line!)![1])
  assert.equal(facts(r.summary).Started, 'earlier; this step attached to it')
})

test('the publish body: metadata only, the notification addresses in it when given', async () => {
  const plain = await cpp()
  assert.equal((await run(plain)).exitCode, 0)
  assert.deepEqual(
    plain.requests.filter((q) => q.route === 'publish').map((q) => q.body),
    ['{"metadata":{}}'],
  )
  const told = await cpp()
  const r = await run(told, { 'notification-emails': 'a@contoso.com, b@contoso.com' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.deepEqual(
    told.requests.filter((q) => q.route === 'publish').map((q) => JSON.parse(q.body) as unknown),
    [{ metadata: { 'notification-emails': 'a@contoso.com,b@contoso.com' } }],
  )
})

test('dry runs say what a real run would do: follow the running publish, or send this request', async () => {
  const running = await cpp({ running: 'publish' })
  const follow = await run(running, { 'dry-run': 'true' })
  assert.equal(follow.exitCode, 0, follow.stdout)
  assert.match(
    follow.stdout,
    new RegExp(
      `^Dry run: this step would follow the preview publish already running \\(operation ${GUID}\\) instead of starting another\\.$`,
      'm',
    ),
  )
  const idle = await cpp()
  const send = await run(idle, { 'dry-run': 'true' })
  assert.equal(send.exitCode, 0, send.stdout)
  assert.match(send.stdout, /^Dry run: this step would publish the offer to preview\.$/m)
  assert.equal(idle.requests.filter((q) => q.route === 'publish').length, 0)
})

test('start: false after a publish that ended: the last one is followed, its state named', async () => {
  const sim = await cpp({ publish: { outcome: 'failed', failure: 'failed', reads: 1 } })
  const first = await run(sim, { wait: 'true' })
  assert.equal(first.exitCode, 1)
  // A failed preview is reported from the operation alone: its last read is not followed by the status.
  assert.equal(sim.apiRequests.at(-1)!.route, 'operation')
  const r = await run(sim, { start: 'false' })
  const line = logLines(r.stdout).find((l) => l.startsWith("Following the offer's"))
  assert.equal(line, `Following the offer's last preview publish (operation ${first.outputs['operation-id']}, failed).`)
  assert.equal(facts(r.summary).Started, 'earlier; found on the service (start: false)')
  assert.equal(r.outputs['operation-id'], first.outputs['operation-id'])
})

test('start: false with a publish running: that one, named running', async () => {
  const sim = await cpp({ running: 'publish' })
  const r = await run(sim, { start: 'false' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith("Following the offer's")) ?? '',
    new RegExp(`^Following the offer's running preview publish \\(operation ${GUID}, running\\)\\.$`),
  )
})

test('cancel of a preview publish: named as one in its lines', async () => {
  const sim = await cpp({ running: 'publish' })
  const r = await run(sim, { cancel: 'true' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(r.stdout, /^Cancelled the preview publish of offer 'contoso-offer' \(canceled\)\.$/m)
})

test('a publish answered with a redirect fails at once: not read as "may have reached the service"', async () => {
  const sim = await cpp({ faults: [{ on: 'publish', kind: 'redirect' }] })
  const r = await run(sim)
  assert.equal(r.exitCode, 1)
  assert.match(failure(r.stdout)[0], /with a redirect \(302\)/)
  assert.equal(sim.requests.filter((q) => q.route === 'publish').length, 1)
})

test('a 202 naming an operation on another origin is refused, not looked for', async () => {
  const sim = await cpp({ hostileLocation: 'https://elsewhere.example/api/operations/1' })
  const r = await run(sim)
  assert.equal(r.exitCode, 1)
  assert.match(
    failure(r.stdout)[0],
    /^::error::Refused the operation location the service returned https:\/\/elsewhere\.example\/api\/operations\/1: it is not on base-url's origin/,
  )
  assert.deepEqual(routes(sim), ['submissions 200', 'publish 202'])
})

test('a dry run of cancelling a preview publish names the request; a refused cancel names the preview publish', async () => {
  const dry = await run(await cpp({ running: 'publish' }), { cancel: 'true', 'dry-run': 'true' })
  assert.equal(dry.exitCode, 0, dry.stdout)
  assert.match(
    dry.stdout,
    /^Dry run: this step would cancel the preview publish in progress: it would send POST \/api\/publishers\/contoso\/offers\/contoso-offer\/cancel\?api-version=2017-10-31 with no body\. Nothing was sent\.$/m,
  )
  const refused = await run(
    await cpp({ running: 'publish', faults: [errorAnswer('cancel', 403, 'Forbidden', 'No')] }),
    {
      cancel: 'true',
    },
  )
  assert.equal(refused.exitCode, 1)
  assert.match(failure(refused.stdout)[0], /^::error::Could not cancel the preview publish: HTTP 403 \(Forbidden: No\)/)
})

test('an offer status that keeps failing: the line names the offer status read', async () => {
  const sim = await cpp({ running: 'publish', faults: [{ on: 'status', kind: 'status', status: 500, times: 99 }] })
  const r = await run(sim, { start: 'false' })
  assert.equal(r.exitCode, 1)
  assert.match(failure(r.stdout)[0], /^::error::Could not read the offer status: \d+ attempts failed/)
})
