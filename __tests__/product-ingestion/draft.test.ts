/**
 * The draft stage on Product Ingestion after its configure, through run() in this process: the
 * draft change followed again from its operation-location, cancelled, looked for with start:
 * false, a cancel refused, and a configure answered without a job (src/product-ingestion/draft.ts).
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from '../blob-store.js'
import { FakeClock } from '../fake-clock.js'
import { errors, ingestionInputs } from '../harness.js'
import type { IngestionScenario, IngestionSimulator } from '../ingestion-simulator.js'
import { runInProcess } from '../in-process.js'
import { pi } from '../started.js'

const blobs = await BlobStore.start({ '/vhds/image-1.2.0.vhd': { bytes: 30 * 2 ** 30 } })
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]
const simulate = (more: Partial<IngestionScenario> = {}) =>
  pi({ offer: 'already-live', vm: { planId: 'gen2-plan', published: PUBLISHED }, ...more })
const draft = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runInProcess(
    ingestionInputs(sim, {
      target: 'draft',
      'plan-id': 'gen2-plan',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
      ...more,
    }),
    { clock: new FakeClock() },
  )
const configures = (sim: IngestionSimulator) => sim.requests.filter((q) => q.route === 'configure').length

test('a draft change is followed again from its operation-location to its end, and not sent again', async () => {
  const sim = await simulate({ job: { durationMs: 60_000 } })
  const started = await draft(sim)
  assert.equal(started.exitCode, 0, errors(started.stdout).join(' | '))
  const location = started.outputs['operation-location']
  assert.match(location, /\/configure\/[0-9a-f-]{36}\/status$/)
  const resumed = await draft(sim, { wait: 'true', 'operation-location': location })
  assert.equal(resumed.exitCode, 0, errors(resumed.stdout).join(' | '))
  assert.equal(resumed.outputs.status, 'succeeded')
  assert.equal(configures(sim), 1)
  assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
})

test('a draft change whose operation-location is not a job is refused, naming the form it needs', async () => {
  const sim = await simulate()
  const r = await draft(sim, {
    'operation-location': `${sim.url}/submission/5f3b0b52-0c7e-4a8e-9d3e-2a0f5d7c9b11/1152921505698967817`,
    wait: 'true',
  })
  assert.equal(r.exitCode, 1)
  assert.match(errors(r.stdout)[0], /a draft change is followed by its job \(…\/configure\/\{jobId\}\/status\)/)
  assert.equal(configures(sim), 0)
})

test('cancel with target: draft is refused before any request: a draft change ends in seconds', async () => {
  const sim = await simulate({ job: { durationMs: 60_000 } })
  const started = await draft(sim)
  const r = await draft(sim, { cancel: 'true', 'operation-location': started.outputs['operation-location'] })
  assert.equal(r.exitCode, 1)
  assert.deepEqual(errors(r.stdout), [
    'Input cancel is true with target: draft: a draft change ends in seconds and cannot be cancelled; leave cancel out.',
  ])
  assert.equal(sim.requests.filter((q) => q.route === 'cancel').length, 0)
})

test('start: false on the draft starts nothing and follows nothing: configure jobs are not listed', async () => {
  const sim = await simulate()
  const r = await draft(sim, { start: 'false' })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(configures(sim), 0)
  assert.equal(r.outputs.status, undefined)
  assert.equal(r.outputs['operation-location'], undefined)
})

test('a configure that reached the service but was answered without a job: the draft read again holds it', async () => {
  const sim = await simulate({ faults: [{ on: 'configure', kind: 'after-accept', status: 202, body: '{}' }] })
  const r = await draft(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(configures(sim), 1)
  assert.match(r.stdout, /Plan 'gen2-plan' holds version 1\.2\.0 in its draft now\./)
})

test('a configure answered without a job that did not reach the draft fails, saying to re-run', async () => {
  const sim = await simulate({ faults: [{ on: 'configure', kind: 'status', status: 202, body: '{}' }] })
  const r = await draft(sim)
  assert.equal(r.exitCode, 1)
  assert.equal(configures(sim), 1)
  assert.deepEqual(errors(r.stdout), [
    'The service accepted the draft change (HTTP 202) but named no job, and the draft does not hold version 1.2.0: re-run this step.',
  ])
})
