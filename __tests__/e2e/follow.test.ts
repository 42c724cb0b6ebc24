/** Following a go-live for days with `start: false`, and the production evidence on the CPP API. */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { errors, ingestionInputs, NODES, runAction, simInputs } from '../harness.js'
import { PRODUCT_GUID } from '../ingestion-simulator.js'
import type { Simulator } from '../simulator.js'
import { cpp, pi as ingestion } from '../started.js'

const cppPosts = (sim: Simulator) => sim.requests.filter((r) => r.method === 'POST' && r.server === 'api')
const notices = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::notice'))

describe('start: false on the CPP API never sends a go-live request', () => {
  test('a running go-live is found in the unfiltered submissions list and followed to its end', async () => {
    const sim = await cpp({ running: 'goLive', ended: ['succeeded', 'failed'], operation: { reads: 3 } })
    const r = await runAction({
      node: NODES.node24,
      inputs: simInputs(sim, { start: 'false', wait: 'true', 'poll-interval': '20ms' }),
    })
    assert.equal(r.code, 0, r.stdout)
    assert.deepEqual(cppPosts(sim), [])
    const list = sim.requests.find((q) => q.route === 'submissions')!
    assert.equal(list.query.get('status'), null)
    assert.equal(list.query.get('submissionState'), null)
    assert.equal(r.outputs['operation-id'], sim.operation!.id)
    assert.equal(r.outputs.status, 'succeeded')
    assert.match(r.stdout, /Following the offer's running go-live \(operation [0-9a-f-]{36}, running\)\./)
    assert.match(r.summary, /\| Started \| earlier; found on the service \(start: false\) \|/)
  })

  test('a running go-live that last changed before an ended one is still the one followed', async () => {
    // Started 20 days ago and running since; the ended ones last changed 9 and 10 days ago.
    const sim = await cpp({
      running: 'goLive',
      runningSinceMs: 20 * 86_400_000,
      ended: ['succeeded', 'failed'],
      operation: { reads: 2 },
    })
    const r = await runAction({ inputs: simInputs(sim, { start: 'false', wait: 'true', 'poll-interval': '20ms' }) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.deepEqual(cppPosts(sim), [])
    assert.equal(r.outputs['operation-id'], sim.operation!.id)
    assert.match(r.stdout, /Following the offer's running go-live \(operation [0-9a-f-]{36}, running\)\./)
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('with no running go-live, the newest one by changedTime is read; it succeeded, so the step does', async () => {
    const sim = await cpp({ ended: ['failed', 'succeeded'] })
    const r = await runAction({ inputs: simInputs(sim, { start: 'false' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.deepEqual(cppPosts(sim), [])
    assert.equal(r.outputs.status, 'succeeded')
    assert.match(r.stdout, /Following the offer's last go-live \(operation [0-9a-f-]{36}, succeeded\)\./)
  })

  test('a go-live it finds that ended in failure fails the step, as if it had started it', async () => {
    const sim = await cpp({ ended: ['succeeded', 'failed'] })
    const r = await runAction({ inputs: simInputs(sim, { start: 'false' }) })
    assert.equal(r.code, 1)
    assert.deepEqual(cppPosts(sim), [])
    assert.equal(r.outputs.status, 'failed')
    assert.match(errors(r.stdout).at(-1)!, /^The go-live failed: Certification: No virtual machine image/)
  })

  test('no go-live at all: exit 0, a notice, no status output, no POST', async () => {
    const sim = await cpp({ running: 'publish' })
    const r = await runAction({ inputs: simInputs(sim, { start: 'false', 'operation-location': '' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.deepEqual(cppPosts(sim), [])
    assert.deepEqual(notices(r.stdout), [
      "::notice::No go-live was found for offer 'contoso-offer'; nothing to follow (start: false).",
    ])
    assert.equal(r.outputs.status, undefined)
    assert.equal(r.outputs['operation-location'], undefined)
    assert.deepEqual(errors(r.stdout), [])
    assert.match(r.summary, /^## ℹ️ No go-live found for offer `contoso-offer`$/m)
  })

  test('with operation-location, that go-live is followed and nothing else is asked', async () => {
    const sim = await cpp({ ended: ['succeeded'] })
    const op = sim.operation!
    const r = await runAction({
      inputs: simInputs(sim, { start: 'false', 'operation-location': `${sim.url}${sim.operationPath(op)}` }),
    })
    assert.equal(r.code, 0, r.stdout)
    // The list tells its stage (operation bodies do not); then only that operation is read.
    assert.deepEqual(
      sim.apiRequests.map((q) => q.route),
      ['submissions', 'operation'],
    )
    assert.equal(r.outputs.status, 'succeeded')
  })
})

describe('what the production evidence changes on the CPP API', () => {
  test('after a 409, a go-live listed only a while later is still found: one POST, attached', async () => {
    // The lag in list reads, not in time: a slow start (Wine) must not let the list catch up first.
    const sim = await cpp({ running: 'goLive', listingDelayReads: 2, operation: { reads: 2 } })
    const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '200ms', timeout: '30s' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(cppPosts(sim).length, 1)
    assert.equal(sim.goLivesStarted, 0)
    const looks = sim.requests.filter((q) => q.route === 'submissions')
    assert.ok(looks.length >= 3, `${looks.length} looks`)
    assert.match(r.stdout, /Attaching to the go-live already running/)
    assert.match(r.summary, /\| Started \| earlier; this step attached to it \|/)
  })

  test('when it never shows, the message says how long it looked and what the list held', async () => {
    const sim = await cpp({ location: 'none', listingDelayMs: 60_000 })
    const r = await runAction({ inputs: simInputs(sim, { timeout: '1s', 'poll-interval': '200ms' }) })
    assert.equal(r.code, 1)
    assert.equal(cppPosts(sim).length, 1)
    assert.match(
      errors(r.stdout)[0],
      /^The service accepted the go-live but named no operation .* No running go-live was listed on offer 'contoso-offer' within 1s \(the list is empty\)\. Re-run this step in a few minutes, or run it with start: false/,
    )
  })

  test('a status the action does not know keeps the wait going and is named once', async () => {
    const sim = await cpp({ operation: { reads: 6, unknownStatus: 'processing' } })
    const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '20ms' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(r.stdout.split('\n').filter((l) => l.includes("status 'processing'")).length, 1)
  })

  test('an answer 1.5 s slow is waited for with the default request-timeout: one POST (request-timeout itself: requests.test)', async () => {
    const sim = await cpp({ faults: [{ on: 'golive', kind: 'slow', delayMs: 1500 }] })
    const r = await runAction({ inputs: simInputs(sim) })
    assert.equal(r.code, 0, r.stdout)
    // A cut answer is sent again (requests.test), so one POST is the whole check; with exit 0 it also
    // means one go-live was started.
    assert.equal(cppPosts(sim).length, 1, 'the slow answer was cut and the go-live sent again')
  })
})

describe('start: false on the Product Ingestion API', () => {
  test('a go-live in progress is followed to its end', async () => {
    const sim = await ingestion({ offer: 'live-running', job: { reads: 3 } })
    const r = await runAction({ inputs: ingestionInputs(sim, { start: 'false', wait: 'true' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(sim.apiRequests.filter((q) => q.method === 'POST').length, 0)
    assert.equal(r.outputs['operation-location'], `${sim.url}/submission/${PRODUCT_GUID}/${sim.preview!.n}`)
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('with nothing in progress, the go-live of the newest preview is read', async () => {
    const sim = await ingestion({ offer: 'already-live' })
    const r = await runAction({ inputs: ingestionInputs(sim, { start: 'false' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(sim.apiRequests.filter((q) => q.method === 'POST').length, 0)
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(r.outputs['operation-location'], `${sim.url}/submission/${PRODUCT_GUID}/${sim.preview!.n}`)
  })

  test('a live submission older than the newest preview is not its outcome: nothing followed, no status, no promotion', async () => {
    // The newest preview succeeded and nothing put it live: the old live entry says nothing of this release.
    const sim = await ingestion({ offer: 'ready' })
    const r = await runAction({ inputs: ingestionInputs(sim, { start: 'false', timeout: '300ms' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(sim.apiRequests.filter((q) => q.method === 'POST').length, 0)
    assert.equal(r.outputs.status, undefined)
    assert.match(
      r.stdout,
      new RegExp(`newest preview of offer 'contoso-saas' \\(submission ${sim.preview!.n}\\) has no go-live listed`),
    )
  })

  test('right after a go-live starts, while the list lags, start: false follows that go-live, not the last one', async () => {
    const sim = await ingestion({ offer: 'ready', listingDelayMs: 1500, job: { durationMs: 60_000 } })
    const started = await runAction({ inputs: ingestionInputs(sim, { wait: 'false' }) })
    assert.equal(started.code, 0, started.stdout)
    const r = await runAction({ inputs: ingestionInputs(sim, { start: 'false' }) })
    assert.equal(r.code, 0, r.stdout)
    // The release's go-live runs: the follow-up must not read the earlier live submission's succeeded.
    assert.notEqual(r.outputs.status, 'succeeded')
    assert.equal(r.outputs['operation-location'], `${sim.url}/submission/${PRODUCT_GUID}/${sim.preview!.n}`)
    assert.equal(sim.goLivesStarted, 1)
  })

  test('an offer never live: a notice, exit 0, no status', async () => {
    const sim = await ingestion({ offer: 'never-live' })
    const r = await runAction({ inputs: ingestionInputs(sim, { start: 'false' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(sim.apiRequests.filter((q) => q.method === 'POST').length, 0)
    assert.deepEqual(notices(r.stdout), [
      "::notice::No go-live was found for offer 'contoso-saas'; nothing to follow (start: false).",
    ])
    assert.equal(r.outputs.status, undefined)
  })
})

describe('odd but legitimate answers', () => {
  test('a go-live whose operation answers 404 for a short while after the 202 is read again, not reported', async () => {
    const sim = await cpp({
      operation: { reads: 2 },
      faults: [
        {
          on: 'operation',
          kind: 'status',
          status: 404,
          times: 2,
          body: '{"error":{"code":"NotFound","message":"not yet"}}',
        },
      ],
    })
    const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '100ms' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(sim.requests.filter((q) => q.route === 'operation' && q.status === 404).length, 2)
    assert.equal(cppPosts(sim).length, 1)
  })

  test('a 404 on an operation-location the user gave is reported at once, naming that input', async () => {
    const sim = await cpp()
    const r = await runAction({
      inputs: simInputs(sim, {
        'operation-location': `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/gone`,
      }),
    })
    assert.equal(r.code, 1)
    assert.equal(sim.requests.filter((q) => q.route === 'operation').length, 1)
    assert.match(errors(r.stdout)[0], /HTTP 404 .* does not exist\. Check operation-location\.$/)
  })
})
