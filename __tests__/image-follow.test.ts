/**
 * A run that follows (start: false) or cancels with the image inputs given, through run() in this
 * process on Product Ingestion: the draft is changed only by a run that starts, so a follow-up in
 * the same workflow with the same inputs reads what runs and writes nothing.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from './blob-store.js'
import { FakeClock } from './fake-clock.js'
import { errors, ingestionInputs } from './harness.js'
import { runInProcess } from './in-process.js'
import { pi } from './started.js'

const blobs = await BlobStore.start({ '/vhds/image-1.2.0.vhd': { bytes: 30 * 2 ** 30 } })
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]

test('start: false with target: preview and image-source follows the preview publish and leaves the draft alone', async () => {
  const sim = await pi({ offer: 'preview-running', vm: { planId: 'gen2-plan', published: PUBLISHED } })
  const r = await runInProcess(
    ingestionInputs(sim, {
      target: 'preview',
      start: 'false',
      'plan-id': 'gen2-plan',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
      'request-timeout': '5s',
    }),
    { clock: new FakeClock() },
  )
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  assert.equal(r.outputs.status, 'running')
  assert.deepEqual(
    sim.requests.filter((q) => q.method !== 'GET').map((q) => q.route),
    [],
    'nothing written',
  )
  assert.equal(blobs.requests.length, 0, 'no image checked: none is added')
})
