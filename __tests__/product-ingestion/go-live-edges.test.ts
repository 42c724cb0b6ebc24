/**
 * The Product Ingestion go-live through run(), in this process (src/product-ingestion/live.ts):
 * when the notice that the draft is ahead of the preview is given (only where the run puts that
 * preview live or reports it live), what a refused job read names, and a go-live the service
 * accepted without naming its job: found and reported as started by this step, or the line that
 * says how to follow it later.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from '../fake-clock.js'
import { errors, ingestionInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import type { IngestionScenario, IngestionSimulator } from '../ingestion-simulator.js'
import { errorAnswer } from '../sim-base.js'
import { pi } from '../started.js'

const run = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runInProcess(ingestionInputs(sim, { 'request-timeout': '5s', ...more }), { clock: new FakeClock(Date.now()) })
const AHEAD = /holds changes that its newest preview \(submission \d+\) lacks/
const notices = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::notice'))
const ahead = async (scenario: Partial<IngestionScenario>, inputs: Record<string, string> = {}) => {
  const sim = await pi({ draftChanged: true, ...scenario })
  const r = await run(sim, inputs)
  return { sim, r, said: notices(r.stdout).filter((l) => AHEAD.test(l)).length }
}

test('the draft ahead of the preview: said when the preview goes live or is live already', async () => {
  const promote = await ahead({ offer: 'ready' })
  assert.equal(promote.r.exitCode, 0, errors(promote.r.stdout).join(' | '))
  assert.equal(promote.said, 1)
  const live = await ahead({ offer: 'already-live' })
  assert.equal(live.r.exitCode, 0, errors(live.r.stdout).join(' | '))
  assert.equal(live.said, 1)
})

test('the draft ahead of the preview: not said when following a go-live already running, nor with a refusal', async () => {
  const attach = await ahead({ offer: 'live-running', job: { reads: 50 } })
  assert.equal(attach.r.exitCode, 0, errors(attach.r.stdout).join(' | '))
  assert.equal(attach.said, 0)
  const refused = await ahead({ offer: 'preview-failed' })
  assert.equal(refused.r.exitCode, 1)
  assert.equal(refused.said, 0)
})

test('a refused read of the go-live job names the go-live job status', async () => {
  const sim = await pi({
    offer: 'ready',
    job: { reads: 50 },
    faults: [errorAnswer('job', 403, 'forbidden', 'No.')],
  })
  const [line] = errors((await run(sim)).stdout)
  assert.match(line, /^Could not read the go-live job status: HTTP 403/)
})

test('a go-live accepted without a job, then listed: followed as started by this step', async () => {
  const sim = await pi({
    offer: 'ready',
    job: { reads: 50 },
    faults: [{ on: 'configure', kind: 'after-accept', status: 202, body: '{}' }],
  })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(sim.goLivesStarted, 1)
  assert.match(r.stdout, /Following the go-live that request started \(submission \d+\)\./)
  assert.match(r.summary, /by this step/)
})

test('a go-live accepted without a job and never listed: not sent again, and the line says how to follow it later', async () => {
  const sim = await pi({ offer: 'ready', faults: [{ on: 'configure', kind: 'status', status: 202, body: '{}' }] })
  const [line] = errors((await run(sim)).stdout)
  assert.match(
    line,
    /but named no job, and no go-live was listed within .+\. It was not sent again: run this action with start: false later to follow the offer's go-live\./,
  )
  assert.equal(sim.requests.filter((q) => q.route === 'configure').length, 1)
})
