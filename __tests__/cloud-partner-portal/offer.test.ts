/**
 * The Cloud Partner Portal offer's own reads through run(), in this process
 * (src/cloud-partner-portal/offer.ts): what a refused read of the draft or a slot names, a page
 * that is not JSON read again, the offer status a preview read does without, and the cancel POST.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from '../blob-store.js'
import { FakeClock } from '../fake-clock.js'
import { errors, simInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import type { Scenario, Simulator } from '../simulator.js'
import { errorAnswer } from '../sim-base.js'
import { cpp } from '../started.js'

const blobs = await BlobStore.start()
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]
const vmSim = (more: Partial<Scenario> = {}) => cpp({ ...more, vm: { planId: 'contoso-vm', published: PUBLISHED } })
const run = (sim: Simulator, more: Record<string, string> = {}) =>
  runInProcess(simInputs(sim, { 'poll-interval': '20ms', 'request-timeout': '5s', ...more }), {
    clock: new FakeClock(Date.now()),
  })
const draft = (sim: Simulator, more: Record<string, string> = {}) =>
  run(sim, { target: 'draft', 'plan-id': 'contoso-vm', 'image-version': '1.2.0', 'image-source': blobs.sas(), ...more })
const count = (sim: Simulator, route: string) => sim.requests.filter((q) => q.route === route).length
const forbidden = (on: string, nth = 1) => errorAnswer(on, 403, 'Forbidden', 'No.', { nth })
const failure = (r: { exitCode: number; stdout: string }) => {
  assert.equal(r.exitCode, 1, 'the step fails')
  return errors(r.stdout)
}

test("a refused read of the offer's draft names the draft", async () => {
  const sim = await vmSim({ faults: [forbidden('offer')] })
  assert.match(failure(await draft(sim))[0], /^Could not read the offer's draft: HTTP 403/)
  assert.equal(count(sim, 'put-offer'), 0)
})

test('a refused read of a slot names the slot, in lower case as the sentence has it', async () => {
  const preview = await vmSim({ faults: [forbidden('slot')] })
  assert.match(failure(await draft(preview))[0], /^Could not read the offer's preview slot: HTTP 403/)
  const production = await vmSim({ faults: [forbidden('slot', 2)] })
  assert.match(failure(await draft(production))[0], /^Could not read the offer's production slot: HTTP 403/)
})

test('a draft read answered with a page that is not JSON is read again, and the change goes through', async () => {
  const sim = await vmSim({ faults: [{ on: 'offer', kind: 'not-json' }] })
  const r = await draft(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(count(sim, 'offer'), 2)
  assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
})

test('a preview publish followed while the offer status is refused: the operation alone tells its state', async () => {
  const sim = await cpp({ faults: [{ ...forbidden('status'), times: 100 }] })
  const r = await run(sim, { target: 'preview' })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(r.outputs.status, 'running')
})

test('the cancel POST carries no body, and cancels whatever runs on the offer', async () => {
  const sim = await cpp({ running: 'goLive' })
  const r = await run(sim, { cancel: 'true' })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  const posts = sim.requests.filter((q) => q.route === 'cancel')
  assert.equal(posts.length, 1)
  assert.equal(posts[0].body, '')
})

test('a cancel whose connection is cut each time says it was cancelling the go-live', async () => {
  const sim = await cpp({ running: 'goLive', faults: [{ on: 'cancel', kind: 'reset', times: 100 }] })
  const [line] = failure(await run(sim, { cancel: 'true' }))
  assert.match(line, /^Could not cancel the go-live: /)
})
