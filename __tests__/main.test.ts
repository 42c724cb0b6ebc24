/** The flow of main.ts in this process: outcomes that need an injected clock or a cancellation. */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { Cancelled } from '../src/errors.js'
import { FakeClock } from './fake-clock.js'
import { simInputs } from './harness.js'
import { runInProcess } from './in-process.js'
import { facts, shown } from './markdown.js'
import { Simulator, type Scenario } from './simulator.js'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))
async function simulate(scenario: Partial<Scenario> = {}): Promise<Simulator> {
  const sim = await Simulator.start(scenario)
  sims.push(sim)
  return sim
}
const inputs = (sim: Simulator, more: Record<string, string> = {}) =>
  simInputs(sim, { 'poll-interval': '20ms', 'request-timeout': '5s', ...more })

test('a bug is an unexpected error: its stack in the debug log only, the step failed, the summary written', async () => {
  const sim = await simulate({ operation: { reads: 5 } })
  class Broken extends FakeClock {
    override async sleep(): Promise<void> {
      throw new TypeError('clock is broken')
    }
  }
  const r = await runInProcess(inputs(sim, { wait: 'true' }), { clock: new Broken() })
  assert.equal(r.exitCode, 1)
  const failures = r.stdout.split('\n').filter((l) => l.startsWith('::error'))
  assert.deepEqual(failures, [
    '::error::Unexpected error: clock is broken. Please report it; the debug log (ACTIONS_STEP_DEBUG) has the details.',
  ])
  assert.match(r.stdout, /^::debug::TypeError: clock is broken$/m)
  assert.match(r.stdout, /^::debug::\s+at Broken\.sleep /m)
  // What was known before the bug is still reported.
  assert.match(r.outputs['operation-location'], /\/operations\//)
  assert.equal(r.outputs.status, 'notStarted')
  assert.match(r.summary, /^## ❌ Go-live of offer `contoso-offer` could not be followed$/m)
  assert.match(r.summary, /^> Unexpected error; see the log\.$/m)
  assert.doesNotMatch(r.summary, /clock is broken/)
})

test('cancelled before any go-live request was sent: says nothing was started', async () => {
  const sim = await simulate({ faults: [{ on: 'token', kind: 'slow', delayMs: 2000 }] })
  const controller = new AbortController()
  setTimeout(() => controller.abort(), 200)
  const r = await runInProcess(
    inputs(sim, {
      token: '',
      'tenant-id': 'f2b6c1d0-0000-4000-8000-00000000aaaa',
      'client-id': 'c1d2e3f4-0000-4000-8000-00000000bbbb',
      'client-secret': 's',
      'authority-host': sim.loginUrl,
    }),
    { clock: new FakeClock(), signal: controller.signal },
  )
  assert.equal(r.exitCode, 1)
  assert.match(r.stdout, /^::error::Cancelled before any go-live request was sent: nothing was started\.$/m)
  assert.equal(sim.requests.filter((q) => q.route === 'golive').length, 0)
  assert.equal(r.outputs.status, undefined)
})

test('cancelled while a preview publish request is unanswered: the line names the preview publish', async () => {
  const sim = await simulate({ faults: [{ on: 'publish', kind: 'slow', delayMs: 2000 }] })
  const controller = new AbortController()
  setTimeout(() => controller.abort(), 200)
  const r = await runInProcess(inputs(sim, { target: 'preview' }), {
    clock: new FakeClock(),
    signal: controller.signal,
  })
  assert.equal(r.exitCode, 1)
  assert.match(
    r.stdout,
    /^::error::Cancelled after the preview publish request was sent and before the service answered it: the preview publish may have started\./m,
  )
})

test('a cancel the service refuses fails with its reason and no hint to wait on what it meant to stop', async () => {
  const sim = await simulate({
    running: 'goLive',
    faults: [{ on: 'cancel', kind: 'status', status: 403, body: '{"error":{"code":"Forbidden","message":"No."}}' }],
  })
  const r = await runInProcess(inputs(sim, { cancel: 'true' }), { clock: new FakeClock() })
  assert.equal(r.exitCode, 1)
  const [failure, ...more] = r.stdout.split('\n').filter((l) => l.startsWith('::error'))
  assert.deepEqual(more, [])
  assert.match(failure, /HTTP 403 \(Forbidden: No\.\)/)
  assert.doesNotMatch(failure, /operation-location/)
})

test('cancelled while the go-live request is unanswered: says it may have started, and that a re-run attaches', async () => {
  const sim = await simulate({ faults: [{ on: 'golive', kind: 'slow', delayMs: 2000 }] })
  const controller = new AbortController()
  setTimeout(() => controller.abort(), 200)
  const r = await runInProcess(inputs(sim), { clock: new FakeClock(), signal: controller.signal })
  assert.equal(r.exitCode, 1)
  assert.match(
    r.stdout,
    /^::error::Cancelled after the go-live request was sent and before the service answered it: the go-live may have started\. Re-running this step attaches to it instead of starting another; start: false follows it\.$/m,
  )
  assert.equal(r.outputs['operation-location'], undefined)
  assert.equal(r.outputs.status, undefined)
  assert.match(r.summary, /^## ⏹️ Job cancelled: the go-live of offer `contoso-offer` goes on$/m)
  assert.equal(facts(r.summary).Operation, undefined)
})

test('cancelled while waiting: stopped waiting, with how to pick the wait up again', async () => {
  const sim = await simulate({ operation: { reads: 50 } })
  const controller = new AbortController()
  class Cancelling extends FakeClock {
    override async sleep(ms: number, signal?: AbortSignal): Promise<void> {
      controller.abort()
      return super.sleep(ms, signal)
    }
  }
  const r = await runInProcess(inputs(sim, { wait: 'true' }), { clock: new Cancelling(), signal: controller.signal })
  assert.equal(r.exitCode, 1)
  const location = r.outputs['operation-location']
  assert.ok(location)
  const failure = r.stdout.split('\n').find((l) => l.startsWith('::error::'))
  assert.ok(failure?.startsWith('::error::Cancelled: stopped waiting. '), failure)
  assert.ok(failure?.includes(location), failure)
  assert.equal(r.outputs.status, 'notStarted')
  assert.match(r.summary, /^## ⏹️ Job cancelled/m)
  assert.ok(new Cancelled() instanceof Error)
})

test('no GITHUB_STEP_SUMMARY: no summary and no warning, the step still succeeds', async () => {
  const sim = await simulate()
  const r = await runInProcess(inputs(sim), { clock: new FakeClock() }, { GITHUB_STEP_SUMMARY: undefined })
  assert.equal(r.exitCode, 0)
  assert.equal(r.summary, '')
  assert.doesNotMatch(r.stdout, /::warning::/)
  assert.match(r.stdout, /^The go-live is \w+; not waiting for it \(wait: false\)\./m)
})

test("the summary's Started fact and the log line tell a started, an attached and a resumed go-live apart", async () => {
  const startedSim = await simulate()
  const started = await runInProcess(inputs(startedSim), { clock: new FakeClock() })
  assert.equal(started.exitCode, 0)
  assert.equal(facts(started.summary).Started, 'by this step')
  assert.match(started.stdout, /^Started the go-live of offer 'contoso-offer': operation \S+\.$/m)

  const conflict = await simulate({ running: 'goLive' })
  const attached = await runInProcess(inputs(conflict), { clock: new FakeClock() })
  assert.equal(attached.exitCode, 0)
  assert.equal(facts(attached.summary).Started, 'earlier; this step attached to it')
  assert.match(
    attached.stdout,
    /^Attaching to the go-live already running \(operation \S+\) instead of starting another\.$/m,
  )
  // Decided from the list: a go-live running is attached to without a POST.
  assert.equal(conflict.requests.filter((q) => q.route === 'golive').length, 0)

  const location = started.outputs['operation-location']
  const resumed = await runInProcess(inputs(startedSim, { 'operation-location': location }), { clock: new FakeClock() })
  assert.equal(resumed.exitCode, 0)
  assert.equal(facts(resumed.summary).Started, 'earlier; followed from operation-location')
  assert.match(resumed.stdout, /^Following operation \S+ from operation-location; no go-live is started\.$/m)
  assert.equal(startedSim.requests.filter((q) => q.route === 'golive').length, 1, 'no second POST')
  assert.ok(shown(started.summary).includes('by this step'))
})

test('a run that fails before it tracks a go-live says "could not be started" only if it meant to start one', async () => {
  const sim = await simulate()
  // Azure AD refuses the secret: every run fails at sign-in, before any request to the API.
  const refused = {
    token: '',
    'tenant-id': 'f2b6c1d0-0000-4000-8000-00000000aaaa',
    'client-id': 'c1d2e3f4-0000-4000-8000-00000000bbbb',
    'client-secret': 'not-the-secret',
    'authority-host': sim.loginUrl,
  }
  const started = await runInProcess(inputs(sim, refused), { clock: new FakeClock() })
  assert.equal(started.exitCode, 1)
  assert.match(started.summary, /^## ❌ Go-live of offer `contoso-offer` could not be started$/m)
  const location = `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8`
  for (const more of [{ start: 'false' }, { 'operation-location': location }] as Record<string, string>[]) {
    const r = await runInProcess(inputs(sim, { ...refused, ...more }), { clock: new FakeClock() })
    assert.equal(r.exitCode, 1, JSON.stringify(more))
    assert.match(r.summary, /^## ❌ Go-live of offer `contoso-offer` could not be followed$/m, JSON.stringify(more))
  }
  assert.equal(sim.apiRequests.length, 0)
})
