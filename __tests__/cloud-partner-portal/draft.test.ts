/**
 * The draft stage on the Cloud Partner Portal through run(), in this process
 * (src/cloud-partner-portal/draft.ts, src/draft-change.ts): the PUT's rarer answers (a 412 twice,
 * a 412 after the change took, a cut connection, a page that is not JSON, a 429), what a run that
 * follows or a dry run is told, and what the log and summary say of the change.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from '../blob-store.js'
import { FakeClock } from '../fake-clock.js'
import { errors, simInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import type { CppVmScenario, Scenario, Simulator } from '../simulator.js'
import { errorAnswer, type Fault } from '../sim-base.js'
import { cpp } from '../started.js'

const blobs = await BlobStore.start()
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]
const simulate = (more: Partial<Scenario> = {}, vm: Partial<CppVmScenario> = {}) =>
  cpp({ ...more, vm: { planId: 'contoso-vm', published: PUBLISHED, ...vm } })
const draft = (sim: Simulator, more: Record<string, string> = {}) =>
  runInProcess(
    simInputs(sim, {
      target: 'draft',
      'plan-id': 'contoso-vm',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
      'poll-interval': '20ms',
      ...more,
    }),
    { clock: new FakeClock(Date.now()) },
  )
const count = (sim: Simulator, route: string) => sim.requests.filter((q) => q.route === route).length
const passed = (r: { exitCode: number; stdout: string }) => assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
const failure = (r: { exitCode: number; stdout: string }) => {
  assert.equal(r.exitCode, 1, 'the step fails')
  return errors(r.stdout)
}
const put = (status: number, more: Partial<Fault> = {}) =>
  errorAnswer('put-offer', status, `E${status}`, 'Refused by the test.', more)

test('while a go-live runs, the draft is not changed: the refusal names the operation', async () => {
  const sim = await simulate({ running: 'goLive' })
  const [line] = failure(await draft(sim))
  assert.match(line, /^Cannot change the draft of offer 'contoso-offer': an operation \(.+\) is in progress/)
  assert.equal(count(sim, 'put-offer'), 0)
})

test('the change done is said in the log, and the summary says the version was added to the draft', async () => {
  const sim = await simulate()
  const r = await draft(sim)
  passed(r)
  assert.match(r.stdout, /Added version 1\.2\.0 to plan 'contoso-vm' in the draft of offer 'contoso-offer'\./)
  assert.match(r.summary, /added to the draft/)
  // The PUT answered 200 is the change: one PUT, the draft read once, no warning said.
  assert.equal(count(sim, 'put-offer'), 1)
  assert.equal(count(sim, 'offer'), 1)
  assert.equal(/Warning:/.test(r.stdout), false)
})

test('a dry run says what it would change', async () => {
  const sim = await simulate()
  const r = await draft(sim, { 'dry-run': 'true' })
  passed(r)
  assert.match(r.stdout, /add version 1\.2\.0 to plan 'contoso-vm' in the draft \(/)
  // A draft change lasts no longer than its step: there is no current one to report.
  assert.doesNotMatch(r.stdout, /draft change (yet|reads)/)
  assert.equal(count(sim, 'put-offer'), 0)
})

test('a dry run of a version the plan holds already says it would change nothing, and where the version is', async () => {
  const sim = await simulate()
  const r = await draft(sim, {
    'dry-run': 'true',
    'image-version': '1.1.0',
    'image-source': blobs.sas('/vhds/image-1.1.0.vhd'),
  })
  passed(r)
  assert.match(
    r.stdout,
    /change nothing: version 1\.1\.0 is in the live of plan 'contoso-vm' already, with the same image/,
  )
  assert.match(r.summary, /in the live already/)
})

test('a PUT the service refuses says it was changing the draft, in its words', async () => {
  const sim = await simulate({ faults: [put(400)] })
  const [line] = failure(await draft(sim))
  assert.match(line, /^Could not change the draft: HTTP 400 \(E400: Refused by the test\.\)/)
  assert.equal(count(sim, 'put-offer'), 1)
})

test('a 412 twice: read again once and put once more, then refused, saying someone else edits the offer', async () => {
  const sim = await simulate({ faults: [put(412, { times: 5 })] })
  const r = await draft(sim)
  assert.deepEqual(failure(r), [
    "Could not change the draft: the draft of offer 'contoso-offer' changed again while the action wrote it (HTTP 412 twice). Re-run this step when no one else edits the offer.",
  ])
  assert.match(
    r.stdout,
    /The draft changed since it was read \(HTTP 412\): read it again, and adding the version once more\./,
  )
  assert.equal(count(sim, 'put-offer'), 2)
})

test('a 412 after the change took (the draft read again holds the version): done, not put again', async () => {
  const sim = await simulate({ faults: [{ ...put(412), kind: 'after-accept' }] })
  const r = await draft(sim)
  passed(r)
  assert.equal(count(sim, 'put-offer'), 1)
  assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
})

test('a PUT cut off after the service took it: the draft read again holds the version, not put again', async () => {
  const sim = await simulate({ faults: [{ on: 'put-offer', kind: 'reset-after-accept' }] })
  const r = await draft(sim)
  passed(r)
  assert.match(r.stdout, /The draft change may have reached the service/)
  assert.equal(count(sim, 'put-offer'), 1)
  assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
})

test('a PUT answered with a page that is not JSON is not taken for the change: the draft read again, then put again', async () => {
  const sim = await simulate({ faults: [{ on: 'put-offer', kind: 'not-json' }] })
  const r = await draft(sim)
  passed(r)
  assert.equal(count(sim, 'put-offer'), 2)
  assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
})

test('PUTs cut off before any answer, each time: three at most, then the step says the draft does not hold the version', async () => {
  const sim = await simulate({ faults: [{ on: 'put-offer', kind: 'reset', times: 10 }] })
  const [line] = failure(await draft(sim))
  assert.match(
    line,
    /^Could not change the draft: 3 requests failed before an answer \(.+\), and the draft does not hold version 1\.2\.0\. Re-run this step\./,
  )
  assert.equal(count(sim, 'put-offer'), 3)
})

test('a PUT answered 429 was not acted on: sent again after the wait, without saying it may have reached the service', async () => {
  const sim = await simulate({ faults: [put(429, { headers: { 'Retry-After': '1' } })] })
  const r = await draft(sim)
  passed(r)
  assert.equal(/may have reached the service/.test(r.stdout), false)
  assert.equal(count(sim, 'put-offer'), 2)
})

test('an offer never published, with no Preview or Production slot: its first version is added to the draft', async () => {
  const sim = await simulate(
    {
      faults: [errorAnswer('slot', 404, 'NotFound', 'none', { times: 2 })],
    },
    { published: [] },
  )
  const r = await draft(sim)
  passed(r)
  assert.equal(count(sim, 'slot'), 2)
  assert.deepEqual(sim.versionsOf('draft'), ['1.2.0'])
})

test('operation-location or start: false with a draft change is refused before any request: it is one request, with nothing to follow', async () => {
  const sim = await simulate()
  const location = `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/6d9a5d83-0c2a-4b58-9f2b-6b2d4f7e1a01`
  assert.deepEqual(failure(await draft(sim, { 'operation-location': location })), [
    "Input 'operation-location' is given with target: draft on api: cloud-partner-portal: a draft change there is one request, done when the step ends, with nothing to follow later; leave it out.",
  ])
  assert.deepEqual(failure(await draft(sim, { start: 'false' })), [
    'Input start is false with target: draft on api: cloud-partner-portal: a draft change there is one request, done when the step ends, with nothing to follow later; leave it out.',
  ])
  assert.equal(sim.apiRequests.length, 0)
})
