/**
 * `dry-run: true` and `cancel: true`, the bundle against the simulators on both APIs. A dry run
 * decides as a real run would, with reads only: no write request ever reaches the simulator, and
 * a refusal is the real run's own line. A cancel is confirmed only by reading the operation.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { EMAIL, errors, ingestionInputs, runAction, simInputs, type RunResult } from '../harness.js'
import { PREFIX, PRODUCT_GUID, type IngestionSimulator } from '../ingestion-simulator.js'
import type { Simulator } from '../simulator.js'
import { cpp, pi } from '../started.js'

const piRun = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runAction({ inputs: ingestionInputs(sim, more), timeoutMs: 30_000 })
const cppRun = (sim: Simulator, more: Record<string, string> = {}) =>
  runAction({ inputs: simInputs(sim, { 'poll-interval': '20ms', ...more }), timeoutMs: 30_000 })
const writes = (sim: { apiRequests: { method: string }[] }) => sim.apiRequests.filter((r) => r.method !== 'GET').length
const ok = (r: RunResult, what: string) => assert.equal(r.code, 0, `${what}: ${errors(r.stdout).join(' | ')}`)
const failure = (r: RunResult) => r.stdout.split('\n').filter((l) => l.startsWith('::error::'))

describe('dry-run: true', () => {
  test('PI promote: the exact request, no write, the current go-live as status', async () => {
    const sim = await pi({ offer: 'ready' })
    const r = await piRun(sim, { 'dry-run': 'true', wait: 'true' })
    ok(r, 'dry run')
    assert.equal(writes(sim), 0)
    const n = sim.preview!.n
    assert.match(r.stdout, new RegExp(`Dry run: this step would put the newest preview live \\(submission ${n}\\)\\.`))
    const sent = new RegExp(
      `Dry run: it would send POST ${PREFIX.replace(/\//g, '\\/')}\\/configure\\?\\$version=2022-07-01 with the body (\\{.*\\})\\. Nothing was sent\\.`,
    ).exec(r.stdout)
    assert.ok(sent, r.stdout)
    assert.deepEqual(JSON.parse(sent[1]).resources[0], {
      $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
      id: `submission/${PRODUCT_GUID}/${n}`,
      product: `product/${PRODUCT_GUID}`,
      target: { targetType: 'live' },
    })
    const printed = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    assert.doesNotMatch(printed.join('\n'), /Authorization|Bearer|pasted-graph-token/)
    // The current go-live: the live submission before this one, succeeded.
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(r.outputs['operation-location'], undefined)
    assert.match(r.summary, /^## 🔍 Dry run for offer `contoso-saas`: nothing was sent$/m)
    assert.match(r.summary, /This step would \*\*put the newest preview live &#40;submission \d{19}&#41;\*\*\./)
    assert.match(
      r.summary,
      /Request it would send: `POST \/rp\/product-ingestion\/configure\?\$version=2022-07-01` with the body `\{/,
    )
  })

  test('PI attach and already live: what it would follow; status as the service reads it', async () => {
    const running = await pi({ offer: 'live-running' })
    const a = await piRun(running, { 'dry-run': 'true' })
    ok(a, 'attach')
    assert.match(
      a.stdout,
      /Dry run: this step would follow the go-live already in progress \(submission \d{19}\) instead of starting another\./,
    )
    assert.equal(a.outputs.status, 'running')
    const live = await pi({ offer: 'already-live' })
    const b = await piRun(live, { 'dry-run': 'true' })
    ok(b, 'already live')
    assert.match(b.stdout, /Dry run: this step would start nothing: the offer is already live/)
    assert.equal(b.outputs.status, 'succeeded')
    assert.equal(writes(running) + writes(live), 0)
  })

  test('a refusal: exit 1 with the line a real run fails with, on both APIs', async () => {
    const dry = await pi({ offer: 'preview-running' })
    const real = await pi({ offer: 'preview-running' })
    const d = await piRun(dry, { 'dry-run': 'true' })
    const r = await piRun(real)
    assert.equal(d.code, 1)
    assert.equal(writes(dry), 0)
    assert.deepEqual(
      failure(d).map((l) => l.replace(/\d{19}/g, 'N')),
      failure(r).map((l) => l.replace(/\d{19}/g, 'N')),
    )
    assert.match(d.summary, /^## ❌ Dry run: the go-live of offer `contoso-saas` would be refused$/m)

    const cppDry = await cpp({ running: 'publish' })
    const cd = await cppRun(cppDry, { 'dry-run': 'true' })
    assert.equal(cd.code, 1)
    assert.equal(writes(cppDry), 0)
    assert.match(
      failure(cd)[0],
      /^::error::Cannot start the go-live yet: the preview publish of offer 'contoso-offer' \(http:\/\/127\.0\.0\.1:\d+\/api\/publishers\/contoso\/offers\/contoso-offer\/operations\/[0-9a-f-]{36}\) is not ready to go live \(it has not reached the publisher's sign-off\)\. Wait until it is ready to go live \(target: preview with wait: true follows it until then\), then re-run this step\.$/,
    )
    const cppReal = await cpp({ running: 'publish' })
    const cr = await cppRun(cppReal)
    assert.deepEqual(
      failure(cr).map((l) => l.replace(/127\.0\.0\.1:\d+|[0-9a-f-]{36}/g, 'X')),
      failure(cd).map((l) => l.replace(/127\.0\.0\.1:\d+|[0-9a-f-]{36}/g, 'X')),
    )
  })

  test('CPP: the go-live POST it would send, and a running go-live it would follow', async () => {
    const sim = await cpp({ ended: ['succeeded'] })
    const r = await cppRun(sim, { 'dry-run': 'true' })
    ok(r, 'dry')
    assert.equal(writes(sim), 0)
    assert.match(
      r.stdout,
      /Dry run: it would send POST \/api\/publishers\/contoso\/offers\/contoso-offer\/golive\?api-version=2017-10-31 with no body\. Nothing was sent\./,
    )
    assert.equal(r.outputs.status, 'succeeded')
    const busy = await cpp({ running: 'goLive' })
    const b = await cppRun(busy, { 'dry-run': 'true' })
    ok(b, 'busy')
    assert.match(
      b.stdout,
      /would follow the go-live already running \(operation [0-9a-f-]{36}\) instead of starting another\./,
    )
    assert.equal(b.outputs.status, 'notStarted')
    assert.equal(writes(busy), 0)
  })

  test('target: preview on both APIs: the publish it would send, addresses redacted', async () => {
    const p = await pi({ offer: 'no-preview' })
    const r = await piRun(p, { 'dry-run': 'true', target: 'preview' })
    ok(r, 'pi')
    assert.equal(writes(p), 0)
    const body = /with the body (\{.*\})\. Nothing was sent/.exec(r.stdout)
    assert.ok(body, r.stdout)
    assert.deepEqual(JSON.parse(body[1]).resources[0].target, { targetType: 'preview' })
    assert.equal('id' in JSON.parse(body[1]).resources[0], false)
    assert.match(r.stdout, /The offer has no preview publish yet \(no status output\)\./)
    assert.equal(r.outputs.status, undefined)

    const c = await cpp({})
    const cr = await cppRun(c, { 'dry-run': 'true', target: 'preview', 'notification-emails': 'release@contoso.com' })
    ok(cr, 'cpp')
    assert.equal(writes(c), 0)
    assert.match(
      cr.stdout,
      /it would send POST \/api\/publishers\/contoso\/offers\/contoso-offer\/publish\?api-version=2017-10-31 with the body \{"metadata":\{"notification-emails":"\[e-mail redacted\]"\}\}\./,
    )
    const printed = cr.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    assert.doesNotMatch(printed.join('\n') + cr.summary, EMAIL)
  })

  test('with start: false it only reads and never waits', async () => {
    const sim = await cpp({ running: 'goLive' })
    const r = await cppRun(sim, { 'dry-run': 'true', start: 'false', wait: 'true', timeout: '1m' })
    ok(r, 'start false')
    assert.match(r.stdout, /Dry run: this run only reads/)
    assert.match(r.stdout, /The go-live is [a-zA-Z ]+; not waiting for it \(dry run\)\./)
    assert.equal(r.outputs.status, 'notStarted')
    assert.equal(writes(sim), 0)
  })
})

describe('cancel: true', () => {
  test('CPP: a running go-live is cancelled and read until it reads canceled, whatever wait says', async () => {
    const sim = await cpp({ running: 'goLive', cancel: { reads: 3 } })
    const r = await cppRun(sim, { cancel: 'true', wait: 'false' })
    ok(r, 'cancel')
    assert.equal(sim.requests.filter((q) => q.route === 'cancel').length, 1)
    assert.equal(r.outputs.status, 'canceled')
    assert.match(r.stdout, /Cancelled the go-live of offer 'contoso-offer' \(canceled\)\./)
    assert.match(r.summary, /^## ⛔ Go-live of offer `contoso-offer` was canceled$/m)
    assert.equal(sim.apiRequests.filter((q) => q.route === 'golive').length, 0)
  })

  test('CPP: a cancel that does not take effect within timeout: exit 1, the operation goes on', async () => {
    const sim = await cpp({ running: 'goLive', operation: { durationMs: 60_000 }, cancel: { goesOn: true } })
    const r = await cppRun(sim, { cancel: 'true', timeout: '300ms' })
    assert.equal(r.code, 1)
    assert.match(
      failure(r)[0],
      /^::error::The go-live goes on: the service accepted the cancel, but after 300ms the go-live still reads running\./,
    )
    assert.equal(r.outputs.status, 'running')
  })

  test('CPP: too late for the operation named, nothing for an offer with none running', async () => {
    const sim = await cpp({ ended: ['succeeded'] })
    const found = await cppRun(sim, { cancel: 'true' })
    ok(found, 'nothing running')
    assert.match(
      found.stdout,
      /::notice::Nothing to cancel: the last go-live of offer 'contoso-offer' has ended \(succeeded\)\./,
    )
    const late = await cppRun(sim, { cancel: 'true', 'operation-location': found.outputs['operation-location'] })
    assert.equal(late.code, 1)
    assert.deepEqual(failure(late), [
      '::error::Too late to cancel: the go-live at operation-location has already ended (succeeded).',
    ])
    const empty = await cpp({})
    const none = await cppRun(empty, { cancel: 'true' })
    ok(none, 'none')
    assert.match(none.stdout, /::notice::Nothing to cancel: offer 'contoso-offer' has no go-live\./)
    assert.equal(writes(sim) + writes(empty), 0)
  })

  test('CPP: a preview publish waiting for sign-off is cancelled with target: preview', async () => {
    const sim = await cpp({ awaitingSignoff: true, cancel: { reads: 1 } })
    const r = await cppRun(sim, { cancel: 'true', target: 'preview' })
    // The preview is ready (status succeeded) but its operation runs: it can still be cancelled.
    ok(r, 'cancel preview')
    assert.equal(r.outputs.status, 'canceled')
  })

  test('PI: the job at operation-location is cancelled; the service answers with the job', async () => {
    const sim = await pi({ offer: 'ready', job: { durationMs: 60_000 } })
    const started = await piRun(sim)
    ok(started, 'start')
    const r = await piRun(sim, { cancel: 'true', 'operation-location': started.outputs['operation-location'] })
    ok(r, 'cancel')
    assert.equal(r.outputs.status, 'canceled')
    assert.equal(sim.requests.filter((q) => q.route === 'cancel').length, 1)
    assert.equal([...sim.jobs.values()][0].cancelled, true)
    // Nothing was put live: the live entry is still the old one.
    assert.match(r.stdout, /Cancelled the go-live of offer 'contoso-saas' \(completed \(cancelled\)\)\./)
  })

  test('PI: too late ("Cannot cancel job, job has already completed."): exit 1 with the state', async () => {
    const sim = await pi({ offer: 'ready', job: { durationMs: 60_000 }, cancelUntilRead: 0 })
    const started = await piRun(sim)
    const r = await piRun(sim, { cancel: 'true', 'operation-location': started.outputs['operation-location'] })
    assert.equal(r.code, 1)
    assert.deepEqual(failure(r), [
      '::error::Too late to cancel the go-live: the service refused the cancel (badRequest: Cannot cancel job, job has already completed.); the job reads running.',
    ])
    assert.equal(r.outputs.status, 'running')
  })

  test('PI: a go-live found without its job cannot be cancelled: the line says what is needed', async () => {
    const sim = await pi({ offer: 'live-running' })
    const r = await piRun(sim, { cancel: 'true' })
    assert.equal(r.code, 1)
    assert.match(
      failure(r)[0],
      /^::error::Cannot cancel the go-live of offer 'contoso-saas' from its submission \d{19}: the service cancels configure jobs and lists none, so cancelling needs the operation-location the starting run printed/,
    )
    assert.equal(writes(sim), 0)
    assert.match(r.summary, /^## ❌ Could not cancel the go-live of offer `contoso-saas`$/m)
    // Neither the log nor the summary suggests the submission it found, which cannot cancel.
    assert.doesNotMatch(r.stdout + r.summary, /To wait on it later|run this action with .*operation-location/)
    const done = await pi({ offer: 'ready' })
    const n = await piRun(done, { cancel: 'true' })
    ok(n, 'nothing')
    assert.match(n.stdout, /::notice::Nothing to cancel: the last go-live of offer 'contoso-saas' has ended/)
  })

  test('a dry run of a cancel names the request and sends nothing', async () => {
    const sim = await cpp({ running: 'goLive' })
    const r = await cppRun(sim, { cancel: 'true', 'dry-run': 'true' })
    ok(r, 'dry cancel')
    assert.equal(writes(sim), 0)
    assert.match(
      r.stdout,
      /Dry run: this step would cancel the go-live in progress: it would send POST \/api\/publishers\/contoso\/offers\/contoso-offer\/cancel\?api-version=2017-10-31 with no body\. Nothing was sent\./,
    )
    assert.equal(r.outputs.status, 'notStarted')
  })
})

describe('cancel: true run again after a cancel that worked', () => {
  test('CPP: "already canceled", exit 0, the canceled status, and no second cancel sent', async () => {
    const sim = await cpp({ running: 'goLive', cancel: { reads: 1 } })
    const first = await cppRun(sim, { cancel: 'true' })
    ok(first, 'cancel')
    const again = await cppRun(sim, { cancel: 'true', 'operation-location': first.outputs['operation-location'] })
    ok(again, 'the cancel again')
    assert.equal(again.outputs.status, 'canceled')
    assert.match(again.stdout, /Already canceled: the go-live of offer 'contoso-offer' reads canceled/)
    assert.doesNotMatch(again.stdout + again.summary, /Too late/)
    assert.match(again.summary, /^## ⛔ Go-live of offer `contoso-offer` was canceled$/m)
    assert.equal(sim.requests.filter((q) => q.route === 'cancel').length, 1)
  })

  test('PI: the same for a cancelled job named by operation-location', async () => {
    const sim = await pi({ offer: 'ready', job: { durationMs: 60_000 } })
    const started = await piRun(sim)
    ok(started, 'start')
    const inputs = { cancel: 'true', 'operation-location': started.outputs['operation-location'] }
    ok(await piRun(sim, inputs), 'cancel')
    const again = await piRun(sim, inputs)
    ok(again, 'the cancel again')
    assert.equal(again.outputs.status, 'canceled')
    assert.match(again.stdout, /Already canceled: the go-live of offer 'contoso-saas'/)
    assert.equal(sim.requests.filter((q) => q.route === 'cancel').length, 1)
  })

  test('a go-live that succeeded is still too late to cancel: exit 1', async () => {
    const sim = await cpp({ ended: ['succeeded'] })
    const found = await cppRun(sim, { start: 'false' })
    const r = await cppRun(sim, { cancel: 'true', 'operation-location': found.outputs['operation-location'] })
    assert.equal(r.code, 1)
    assert.match(failure(r)[0], /Too late to cancel/)
  })
})
