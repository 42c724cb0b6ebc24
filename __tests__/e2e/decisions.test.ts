/**
 * Each stage's decision, as a user meets it: a dry run that says what a real run does, a write sent
 * again only after the time the service asked for, a refusal reported with the service's words and
 * as ended, ids from a list held to the same check as a Location header, and a re-run of a CPP
 * go-live that had nothing new to put live. Each run is the bundle, as the runner starts it.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { errors, ingestionInputs, runAction, simInputs, type RunResult } from '../harness.js'
import { goLiveRequest } from '../ingestion-simulator.js'
import type { Simulator } from '../simulator.js'
import { cpp, pi } from '../started.js'

const cppRun = (sim: Simulator, more: Record<string, string> = {}) =>
  runAction({ inputs: simInputs(sim, { 'poll-interval': '20ms', ...more }), timeoutMs: 30_000 })
const writes = (sim: { requests: { method: string }[] }): number =>
  sim.requests.filter((r) => r.method !== 'GET').length
const green = (r: RunResult): void => assert.equal(r.code, 0, errors(r.stdout).join(' | ') || r.stdout)

describe('a CPP dry run is the decision a real run carries out', () => {
  test('a preview waiting for the sign-off: the dry run would go live, and the real run does', async () => {
    const sim = await cpp({ awaitingSignoff: true })
    const dry = await cppRun(sim, { 'dry-run': 'true' })
    green(dry)
    assert.equal(writes(sim), 0, 'a dry run never writes')
    assert.match(
      dry.stdout,
      /^Dry run: it would send POST \/api\/publishers\/contoso\/offers\/contoso-offer\/golive\?api-version=2017-10-31 with no body\. Nothing was sent\.$/m,
    )
    const real = await cppRun(sim)
    green(real)
    assert.equal(sim.goLivesStarted, 1, 'the real run went live, as the dry run said it would')
  })

  test('a go-live running: the dry run names the one it would follow in operation-location and operation-id', async () => {
    const sim = await cpp({ running: 'goLive' })
    const dry = await cppRun(sim, { 'dry-run': 'true' })
    green(dry)
    assert.equal(writes(sim), 0)
    const id = sim.goLiveIds[0]
    assert.equal(dry.outputs['operation-id'], id)
    assert.equal(new URL(dry.outputs['operation-location']).pathname, sim.operationPath(sim.operation!))
  })
})

describe("a write answered 5xx with Retry-After is not sent again before the service's time", () => {
  /** Milliseconds between the first answer to `route` and the next request on it. */
  const gap = (sim: { requests: { route: string; at: number }[] }, route: string): number => {
    const at = sim.requests.filter((r) => r.route === route).map((r) => r.at)
    assert.ok(at.length >= 2, `${at.length} requests on ${route}`)
    return at[1] - at[0]
  }

  test('CPP go-live POST: 503 with Retry-After: 2 (seconds)', async () => {
    const sim = await cpp({
      faults: [{ on: 'golive', kind: 'status', status: 503, headers: { 'Retry-After': '2' } }],
    })
    const r = await cppRun(sim)
    green(r)
    assert.equal(sim.goLivesStarted, 1)
    assert.ok(gap(sim, 'golive') >= 2000, `sent again after ${gap(sim, 'golive')} ms`)
  })

  test("CPP preview publish: 502 with Retry-After as an HTTP date, read against the answer's Date", async () => {
    // The service's clock a day off the runner's: only the two headers tell the wait (2 s).
    const served = new Date(Date.now() - 86_400_000)
    served.setMilliseconds(0)
    const sim = await cpp({
      faults: [
        {
          on: 'publish',
          kind: 'status',
          status: 502,
          headers: { Date: served.toUTCString(), 'Retry-After': new Date(served.getTime() + 2000).toUTCString() },
        },
      ],
    })
    const r = await cppRun(sim, { target: 'preview' })
    green(r)
    assert.equal(sim.publishesStarted, 1)
    assert.ok(gap(sim, 'publish') >= 2000, `sent again after ${gap(sim, 'publish')} ms`)
  })

  test('Product Ingestion configure: 503 with Retry-After: 2', async () => {
    const sim = await pi({
      faults: [{ on: 'configure', kind: 'status', status: 503, headers: { 'Retry-After': '2' } }],
    })
    const r = await runAction({ inputs: ingestionInputs(sim, { timeout: '1s' }), timeoutMs: 30_000 })
    green(r)
    assert.equal(sim.goLivesStarted, 1)
    assert.ok(gap(sim, 'configure') >= 2000, `sent again after ${gap(sim, 'configure')} ms`)
  })
})

test("a Product Ingestion job refused because another publish runs: failed, in the service's words, no resume hint", async () => {
  const sim = await pi({ offer: 'preview-running', job: { reads: 1 } })
  const older = sim.submissions.find((s) => s.target === 'live')!
  // Another tool's go-live request, which the service accepts and refuses on its own guard.
  const jobId = await goLiveRequest(sim, older.n)
  const r = await runAction({
    inputs: ingestionInputs(sim, { 'operation-location': `${sim.url}/configure/${jobId}/status`, timeout: '2s' }),
    timeoutMs: 30_000,
  })
  assert.equal(r.code, 1)
  assert.equal(r.outputs.status, 'failed', 'the refused job has ended: it is not running')
  const lines = errors(r.stdout)
  assert.equal(lines.length, 1, lines.join(' | '))
  assert.ok(lines[0].includes(`An In Progress submission ${sim.preview!.n} already exists.`), lines[0])
  assert.doesNotMatch(r.stdout + r.summary, /goes on in the service|To wait on it later/)
})

describe('an operation id from the submissions list passes the check a Location header does', () => {
  for (const id of ['5a63deb5\n::error::forged', 'op id with spaces', 'jondoe@contoso.com']) {
    test(JSON.stringify(id), async () => {
      for (const more of [{}, { start: 'false' }] as Record<string, string>[]) {
        const sim = await cpp({ running: 'goLive', listedId: id })
        const r = await cppRun(sim, more)
        assert.equal(r.code, 1, JSON.stringify(more))
        assert.equal(r.outputs['operation-id'], undefined)
        assert.equal(r.outputs['operation-location'], undefined)
        assert.deepEqual(
          errors(r.stdout).map((l) => l.replace(/\(.*$/, '')),
          ["The offer's submissions list names an operation id that no operation has "],
        )
        assert.equal(sim.goLivesStarted, 0)
      }
    })
  }
})

describe('a CPP re-run after a go-live that succeeded', () => {
  test('nothing published to preview since: no go-live is started, and the offer is said to be live', async () => {
    const sim = await cpp({ ended: ['succeeded'], publishedBefore: true })
    const r = await cppRun(sim, { wait: 'true' })
    green(r)
    assert.equal(writes(sim), 0, 'a go-live was sent')
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(r.outputs['operation-id'], sim.goLiveIds[0])
    assert.match(r.stdout, /^Offer 'contoso-offer' is live\.$/m)
  })

  test('a newer preview waiting for the sign-off: it goes live', async () => {
    const sim = await cpp({ ended: ['succeeded'], publishedBefore: true, awaitingSignoff: true })
    const r = await cppRun(sim, { wait: 'true' })
    green(r)
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(r.outputs['operation-id'], sim.goLiveIds.at(-1))
  })
})

test("CPP: a run that decides after a sibling run's go-live has ended follows it, and starts no second one", async () => {
  // Both runs start together; one run's list read is slow, and comes after the other's go-live ended.
  const sim = await cpp({
    operation: { durationMs: 1000 },
    faults: [{ on: 'submissions', kind: 'slow', delayMs: 2500, nth: 2 }],
  })
  const runs = await Promise.all([cppRun(sim, { wait: 'true' }), cppRun(sim, { wait: 'true' })])
  assert.equal(sim.goLivesStarted, 1)
  for (const r of runs) {
    green(r)
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(r.outputs['operation-id'], sim.goLiveIds[0])
  }
})
