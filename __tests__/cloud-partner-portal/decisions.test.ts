/**
 * The Cloud Partner Portal go-live's decision through run(), in this process
 * (src/cloud-partner-portal/live.ts): what a dry run says it would do and a real run says it did,
 * for a go-live to start, a preview waiting for the sign-off, a re-run with nothing new published,
 * a last go-live that failed, and a go-live a sibling run started and ended since this run began.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from '../fake-clock.js'
import { errors, simInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import type { Simulator } from '../simulator.js'
import { cpp } from '../started.js'

const run = (sim: Simulator, more: Record<string, string> = {}, clock = new FakeClock(Date.now())) =>
  runInProcess(simInputs(sim, { 'poll-interval': '20ms', 'request-timeout': '5s', ...more }), { clock })
const dryRun = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('Dry run: this step would')) ?? ''
const passed = (r: { exitCode: number; stdout: string }) => assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))

test('a dry run of a first go-live says it would start the go-live', async () => {
  const sim = await cpp()
  const r = await run(sim, { 'dry-run': 'true' })
  passed(r)
  assert.match(dryRun(r.stdout), /^Dry run: this step would start the go-live\.$/)
})

test("a dry run with a preview waiting for the sign-off names that preview's operation", async () => {
  const sim = await cpp({ awaitingSignoff: true })
  const r = await run(sim, { 'dry-run': 'true' })
  passed(r)
  assert.match(
    dryRun(r.stdout),
    /^Dry run: this step would start the go-live of the preview waiting for the publisher's sign-off \(operation [^)]+\)/,
  )
})

test('a re-run with nothing published since the last go-live: a dry run and a real run say the offer is live and start nothing', async () => {
  const sim = await cpp({ ended: ['succeeded'], publishedBefore: true })
  const id = sim.goLiveIds[0]
  const dry = await run(sim, { 'dry-run': 'true' })
  passed(dry)
  assert.match(
    dryRun(dry.stdout),
    new RegExp(
      `^Dry run: this step would start nothing: the offer is already live, and nothing was published to preview since its last go-live \\(operation ${id}\\)`,
    ),
  )
  const real = await run(sim)
  passed(real)
  assert.match(
    real.stdout,
    new RegExp(
      `Offer 'contoso-offer' is already live: nothing was published to preview since its last go-live \\(operation ${id}, succeeded\\), so no go-live was started\\.`,
    ),
  )
  assert.equal(real.outputs['operation-id'], id)
  assert.match(real.summary, /not needed: the offer was already live/)
  assert.equal(sim.goLivesStarted, 0)
})

test('a last go-live that failed, with nothing published since: the preview is put live again', async () => {
  const sim = await cpp({ ended: ['failed'], publishedBefore: true })
  const r = await run(sim)
  passed(r)
  assert.equal(sim.goLivesStarted, 1)
})

test('a go-live that changed since this run began (a sibling run) is followed, not started again', async () => {
  const sim = await cpp({ ended: ['succeeded'] })
  const id = sim.goLiveIds[0]
  // This run began (by its clock) before that go-live, ended ten days ago, last changed.
  const began = new FakeClock(Date.now() - 30 * 86_400_000)
  const dry = await run(sim, { 'dry-run': 'true' }, began)
  passed(dry)
  assert.match(
    dryRun(dry.stdout),
    new RegExp(
      `^Dry run: this step would follow the go-live that started since this run began \\(operation ${id}\\) instead of starting another`,
    ),
  )
  const real = await run(sim, {}, new FakeClock(Date.now() - 30 * 86_400_000))
  passed(real)
  assert.match(
    real.stdout,
    new RegExp(
      `Following the go-live that was started since this run began and has ended since \\(operation ${id}, succeeded\\) instead of starting another\\.`,
    ),
  )
  assert.equal(
    real.outputs['operation-location'],
    `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/${id}`,
  )
  assert.match(real.summary, /earlier; this step attached to it/)
  assert.equal(sim.goLivesStarted, 0)
})
