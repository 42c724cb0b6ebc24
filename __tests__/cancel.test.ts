/**
 * `cancel: true` through run(), in this process: the groups a publisher sees on the run page, and
 * the line, headline and status of each way a cancel ends (nothing to cancel, too late, goes on,
 * cancelled, a dry run), with reads that fail on the way.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from './fake-clock.js'
import { ingestionInputs, simInputs } from './harness.js'
import { runInProcess } from './in-process.js'
import { facts, shown } from './markdown.js'
import type { Scenario, Simulator } from './simulator.js'
import { cpp, pi } from './started.js'
import { errorAnswer } from './sim-base.js'

const cancel = (sim: Simulator, more: Record<string, string> = {}) =>
  runInProcess(simInputs(sim, { cancel: 'true', 'poll-interval': '20ms', 'request-timeout': '5s', ...more }), {
    clock: new FakeClock(Date.now()),
  })
const groups = (stdout: string) => [...stdout.matchAll(/^::group::(.*)$/gm)].map((m) => m[1])
const headline = (summary: string) => shown(summary.split('\n')[0])
const errors = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'))
const RUNNING: Partial<Scenario> = { running: 'goLive', operation: { durationMs: 36_000_000 } }

test('a go-live cancelled: found, cancelled, waited on; each group named for it', async () => {
  const sim = await cpp({ running: 'goLive' })
  const r = await cancel(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.deepEqual(groups(r.stdout), [
    'Sign in',
    'Find the go-live to cancel',
    'Cancel the go-live',
    'Wait for the cancel to take effect (up to 5h)',
  ])
  assert.match(r.stdout, /^Cancelled the go-live of offer 'contoso-offer' \(canceled\)\.$/m)
  // Each read of the wait is on the log, the last one saying it is canceled now.
  assert.match(r.stdout, /^Operation is now canceled\.$/m)
  assert.equal(headline(r.summary), '## ⛔ Go-live of offer `contoso-offer` was canceled')
  assert.equal(r.outputs.status, 'canceled')
})

test('a cancel whose reads fail for a while: said on the log, and the cancel still followed', async () => {
  const sim = await cpp({
    running: 'goLive',
    faults: [{ on: 'operation', kind: 'status', status: 500, nth: 3, times: 30 }],
  })
  const r = await cancel(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    r.stdout,
    /^Could not read the status \(Could not read the operation status: \d+ attempts failed.*\); retrying\.$/m,
  )
  assert.equal(r.outputs.status, 'canceled')
})

test('a cancel that does not take effect within the timeout: the go-live goes on, said so', async () => {
  const sim = await cpp({ ...RUNNING, cancel: { goesOn: true } })
  const r = await cancel(sim, { timeout: '10m', 'poll-interval': '1m' })
  assert.equal(r.exitCode, 1)
  assert.deepEqual(errors(r.stdout), [
    '::error::The go-live goes on: the service accepted the cancel, but after 10m the go-live still reads running. Check it in Partner Center; the service may no longer allow cancelling it.',
  ])
  assert.equal(
    headline(r.summary),
    '## ❌ The go-live of offer `contoso-offer` goes on: the cancel did not take effect',
  )
  assert.equal(groups(r.stdout).at(-1), 'Wait for the cancel to take effect (up to 10m)')
})

test('a go-live that ends before the cancel takes effect: too late, with how it ended', async () => {
  const sim = await cpp({ running: 'goLive', cancel: { goesOn: true }, operation: { reads: 3 } })
  const r = await cancel(sim)
  assert.equal(r.exitCode, 1)
  assert.deepEqual(errors(r.stdout), [
    "::error::Too late to cancel: the go-live of offer 'contoso-offer' ended succeeded before the cancel took effect.",
  ])
  assert.equal(headline(r.summary), '## ❌ Too late to cancel the go-live of offer `contoso-offer`')
  assert.equal(r.outputs.status, 'succeeded')
})

test('nothing to cancel: no go-live at all, or the last one ended; a notice, not a failure', async () => {
  const none = await cancel(await cpp())
  assert.equal(none.exitCode, 0)
  assert.match(none.stdout, /^::notice::Nothing to cancel: offer 'contoso-offer' has no go-live\.$/m)
  assert.equal(headline(none.summary), '## ℹ️ Nothing to cancel on offer `contoso-offer`')
  const ended = await cancel(await cpp({ ended: ['succeeded'] }))
  assert.equal(ended.exitCode, 0)
  assert.match(
    ended.stdout,
    /^::notice::Nothing to cancel: the last go-live of offer 'contoso-offer' has ended \(succeeded\)\.$/m,
  )
  assert.equal(headline(ended.summary), '## ℹ️ Nothing to cancel on offer `contoso-offer`')
  assert.equal(ended.outputs.status, 'succeeded')
})

test('the go-live at operation-location already ended: too late, a failure', async () => {
  const sim = await cpp({ ended: ['succeeded'] })
  const found = await cancel(sim, { 'dry-run': 'true' })
  const r = await cancel(sim, { 'operation-location': found.outputs['operation-location'] })
  assert.equal(r.exitCode, 1)
  assert.deepEqual(errors(r.stdout), [
    '::error::Too late to cancel: the go-live at operation-location has already ended (succeeded).',
  ])
  assert.equal(headline(r.summary), '## ❌ Too late to cancel the go-live of offer `contoso-offer`')
  assert.equal(facts(r.summary).Started, 'earlier; followed from operation-location')
})

test('a dry run of a cancel: the request it would send, and nothing sent', async () => {
  const sim = await cpp({ running: 'goLive' })
  const r = await cancel(sim, { 'dry-run': 'true' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    r.stdout,
    /^Dry run: this step would cancel the go-live in progress: it would send POST \/api\/publishers\/contoso\/offers\/contoso-offer\/cancel\?api-version=2017-10-31 with no body\. Nothing was sent\.$/m,
  )
  assert.match(shown(r.summary), /^This step would \*\*cancel the go-live in progress \(notStarted\)\*\*\.$/m)
  assert.equal(headline(r.summary), '## 🔍 Dry run for offer `contoso-offer`: nothing was sent')
  assert.equal(sim.requests.filter((q) => q.route === 'cancel').length, 0)
})

test('a preview job the service calls completed: too late to cancel, with its reason', async () => {
  const sim = await pi({ offer: 'no-preview', cancelUntilRead: 1, preview: { reads: 50 } })
  const clock = () => ({ clock: new FakeClock(Date.now()) })
  const started = await runInProcess(ingestionInputs(sim, { target: 'preview', 'request-timeout': '5s' }), clock())
  const r = await runInProcess(
    ingestionInputs(sim, {
      target: 'preview',
      cancel: 'true',
      'operation-location': started.outputs['operation-location'],
      'request-timeout': '5s',
    }),
    clock(),
  )
  assert.equal(r.exitCode, 1)
  assert.deepEqual(groups(r.stdout).slice(1), ['Find the preview publish to cancel', 'Cancel the preview publish'])
  assert.deepEqual(errors(r.stdout), [
    '::error::Too late to cancel the preview publish: the service refused the cancel (badRequest: Cannot cancel job, job has already completed.); the job reads running.',
  ])
  assert.equal(headline(r.summary), '## ❌ Too late to cancel the preview publish of offer `contoso-saas`')
  assert.equal(r.outputs.status, 'running')
})

test('a cancel the service refuses (403): the line names the cancel and the service reason', async () => {
  const sim = await cpp({
    running: 'goLive',
    faults: [errorAnswer('cancel', 403, 'Forbidden', 'No')],
  })
  const r = await cancel(sim)
  assert.equal(r.exitCode, 1)
  assert.match(errors(r.stdout)[0], /^::error::Could not cancel the go-live: HTTP 403 \(Forbidden: No\)/)
})
