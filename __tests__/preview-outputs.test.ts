/**
 * The outputs that tell a preview's `status: succeeded` apart (README, Outputs), through run() in
 * this process on Product Ingestion: a preview whose go-live is in progress is `live-already`, not
 * `ready` (nothing left to approve); `ready`, `live-already` and `preview-id` are outputs of
 * target: preview, and a go-live run sets none of them.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from './fake-clock.js'
import { errors, ingestionInputs } from './harness.js'
import type { IngestionSimulator } from './ingestion-simulator.js'
import { runInProcess } from './in-process.js'
import { pi } from './started.js'

const run = (sim: IngestionSimulator, more: Record<string, string>) =>
  runInProcess(ingestionInputs(sim, { 'request-timeout': '5s', ...more }), { clock: new FakeClock() })

test('a preview whose go-live is in progress: succeeded, live-already, not ready', async () => {
  const sim = await pi({ offer: 'live-running' })
  const r = await run(sim, { target: 'preview', start: 'false' })
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  assert.equal(r.outputs.status, 'succeeded')
  assert.equal(r.outputs.ready, 'false')
  assert.equal(r.outputs['live-already'], 'true')
})

test('a go-live run sets no ready, live-already or preview-id: those belong to target: preview', async () => {
  const sim = await pi({ offer: 'ready', job: { reads: 1 } })
  const r = await run(sim, { wait: 'true' })
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  assert.equal(r.outputs.status, 'succeeded')
  assert.deepEqual(
    Object.keys(r.outputs).filter((name) => ['ready', 'live-already', 'preview-id'].includes(name)),
    [],
  )
})
