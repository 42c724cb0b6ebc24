/**
 * A dry run of a preview publish that begins with a draft change (target: preview with
 * image-source), through run() in this process on Product Ingestion (src/start.ts): with the
 * version not yet in the draft, it says both what it would add and that the publish follows, and
 * prints the configure it would send; with the version in the draft already, it says the draft is
 * left as it is and decides the publish itself. Nothing is sent either way.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from './blob-store.js'
import { FakeClock } from './fake-clock.js'
import { errors, groups, ingestionInputs } from './harness.js'
import type { IngestionSimulator, VmScenario } from './ingestion-simulator.js'
import { runInProcess } from './in-process.js'
import { pi } from './started.js'

const blobs = await BlobStore.start({ '/vhds/image-1.2.0.vhd': { bytes: 30 * 2 ** 30 } })
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]
const simulate = (vm: Partial<VmScenario> = {}) =>
  pi({ offer: 'already-live', vm: { planId: 'gen2-plan', published: PUBLISHED, ...vm } })
const dryRun = (sim: IngestionSimulator) =>
  runInProcess(
    ingestionInputs(sim, {
      target: 'preview',
      'dry-run': 'true',
      'plan-id': 'gen2-plan',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
    }),
    { clock: new FakeClock() },
  )
const writes = (sim: IngestionSimulator) => sim.requests.filter((q) => q.method !== 'GET')

test('a new version: the dry run says it would add it, then publish to preview, and prints the configure', async () => {
  const sim = await simulate()
  const r = await dryRun(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  assert.deepEqual(writes(sim), [], 'nothing sent')
  assert.equal(groups(r.stdout)[1], 'Decide the draft change (dry run: nothing is sent)')
  assert.match(
    r.stdout,
    /^Dry run: this step would add version 1\.2\.0 to plan 'gen2-plan' in the draft .*, then publish the draft to preview\.$/m,
  )
  assert.match(
    r.stdout,
    /^Dry run: it would send POST \/rp\/product-ingestion\/configure\?\S+ with the body \{.+\}\. Nothing was sent\.$/m,
  )
  assert.match(r.summary, /This step would \*\*add version 1\.2\.0 .*, then publish the draft to preview\*\*\./)
  assert.ok(!r.stdout.includes('Decide the preview publish'), 'the publish is decided after the change, not before')
})

test('a version the draft holds already: the draft is left as it is, and the publish is decided', async () => {
  const sim = await simulate({ draftOnly: [{ version: '1.2.0', uri: blobs.sas() }] })
  const r = await dryRun(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  assert.deepEqual(writes(sim), [], 'nothing sent')
  assert.deepEqual(groups(r.stdout).slice(1), [
    'Decide the draft change (dry run: nothing is sent)',
    'Decide the preview publish (dry run: nothing is sent)',
  ])
  assert.match(
    r.stdout,
    /^Dry run: Version 1\.2\.0 is in the draft of plan 'gen2-plan' already, with the same image: the draft is not changed\.$/m,
  )
  assert.match(r.stdout, /^Dry run: this step would publish the offer's draft to preview\.$/m)
})
