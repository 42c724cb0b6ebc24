/**
 * The Product Ingestion go-live stage and the account calls both stages share, through run() in
 * this process: dry-run plans, `start: false`, locations that are no go-live, the cancel's answer,
 * reads a proxy garbled, and the product looked up once per run.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from '../fake-clock.js'
import { ingestionInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import { facts, shown } from '../markdown.js'
import { PRODUCT_GUID, type IngestionSimulator } from '../ingestion-simulator.js'
import { pi } from '../started.js'

const run = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runInProcess(ingestionInputs(sim, { 'request-timeout': '5s', ...more }), { clock: new FakeClock(Date.now()) })
const logLines = (stdout: string) =>
  stdout.split('\n').filter((l) => l && !l.startsWith('::') && !/^[✅🔄⏳❌⛔]/u.test(l))
const errors = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'))
const routes = (sim: IngestionSimulator) => sim.apiRequests.map((q) => q.route)
const N = '\\d{19}'

/** A go-live job this file's runs then cancel: started, and the cancel's answer scripted by `answer`. */
async function jobToCancel(reads: number, answer?: { status: number; body: string }) {
  const sim = await pi({ offer: 'ready', job: { reads } })
  const started = await run(sim)
  if (answer) {
    sim.scenario.faults.push({
      on: 'cancel',
      kind: 'status',
      ...answer,
      headers: { 'Content-Type': 'application/json' },
    })
  }
  return { sim, location: started.outputs['operation-location'] }
}

test('dry runs of a go-live: follow the one in progress, or start nothing when live already', async () => {
  const attach = await run(await pi({ offer: 'live-running' }), { 'dry-run': 'true' })
  assert.match(
    attach.stdout,
    new RegExp(
      `^Dry run: this step would follow the go-live already in progress \\(submission ${N}\\) instead of starting another\\.$`,
      'm',
    ),
  )
  const live = await run(await pi({ offer: 'already-live' }), { 'dry-run': 'true' })
  assert.match(
    live.stdout,
    new RegExp(
      `^Dry run: this step would start nothing: the offer is already live with its newest preview \\(submission ${N}\\)\\.$`,
      'm',
    ),
  )
  assert.equal(live.outputs.status, 'succeeded')
})

test('start: false: the live submission followed, its status named', async () => {
  const r = await run(await pi({ offer: 'already-live' }), { start: 'false' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith("Following the offer's")) ?? '',
    new RegExp(`^Following the offer's live submission ${N} \\(completed\\)\\.$`),
  )
})

test('a followed submission with only a preview entry, given to a go-live run: refused as a preview publish', async () => {
  const sim = await pi({ offer: 'ready' })
  const preview = sim.submissions.find((s) => s.target === 'preview')!
  const r = await run(sim, { 'operation-location': `${sim.url}/submission/${PRODUCT_GUID}/${preview.n}` })
  assert.equal(r.exitCode, 1)
  assert.match(
    errors(r.stdout).join('\n'),
    /Input 'operation-location' is a preview publish of offer 'contoso-saas'.*set target: preview to follow it/,
  )
})

test('one run looks the product up once, however many reads follow', async () => {
  const sim = await pi({ offer: 'ready', job: { reads: 3 } })
  const r = await run(sim, { wait: 'true', 'poll-interval': '1s' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(routes(sim).filter((x) => x === 'product').length, 1)
  assert.ok(routes(sim).filter((x) => x === 'job').length >= 3)
})

test('lists and job reads a proxy garbled (a 200 with an HTML page) are read again, not failed', async () => {
  const sim = await pi({
    offer: 'ready',
    job: { reads: 2 },
    faults: [
      { on: 'submissions', kind: 'not-json' },
      { on: 'job', kind: 'not-json', nth: 2 },
    ],
  })
  const r = await run(sim, { wait: 'true', 'poll-interval': '1s' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(r.outputs.status, 'succeeded')
  assert.equal(sim.requests.filter((q) => q.fault === 'not-json').length, 2)
})

test('a cancel: the POST has no body, and the job in its answer is the first read (no second request)', async () => {
  const sim = await pi({ offer: 'ready', job: { reads: 50 } })
  const started = await run(sim)
  const before = sim.apiRequests.length
  const r = await run(sim, { cancel: 'true', 'operation-location': started.outputs['operation-location'] })
  assert.equal(r.exitCode, 0, r.stdout)
  const after = sim.apiRequests.slice(before)
  assert.equal(after.find((q) => q.route === 'cancel')?.body, '')
  // The job's stage told (its status and the list), the first read, the cancel; its answer, a
  // cancelled job, ends it: no read after.
  assert.deepEqual(
    after.map((q) => q.route),
    ['job', 'product', 'submissions', 'job', 'cancel'],
  )
  assert.equal(r.outputs.status, 'canceled')
  assert.equal(shown(r.summary.split('\n')[0]), '## ⛔ Go-live of offer `contoso-saas` was canceled')
  // The cancel's answer reads cancelled already: there is nothing to wait for.
  assert.deepEqual(
    [...r.stdout.matchAll(/^::group::(.*)$/gm)].map((m) => m[1]),
    ['Sign in', 'Find the go-live to cancel', 'Cancel the go-live'],
  )
})

test('a cancel refused with another 400: the service reason, not "too late"', async () => {
  const { sim, location } = await jobToCancel(50, {
    status: 400,
    body: JSON.stringify({ error: { code: 'badRequest', message: 'The job id is malformed.' } }),
  })
  const r = await run(sim, { cancel: 'true', 'operation-location': location })
  assert.equal(r.exitCode, 1)
  assert.match(
    errors(r.stdout).join('\n'),
    /^::error::Could not cancel the go-live: HTTP 400 \(badRequest: The job id is malformed\.\)/,
  )
  assert.doesNotMatch(r.stdout, /Too late/)
})

test('a preview whose go-live is in progress: "being put live", and how to follow it', async () => {
  const r = await run(await pi({ offer: 'live-running' }), { target: 'preview', start: 'false' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.ok(
    logLines(r.stdout).includes(
      "Offer 'contoso-saas': this preview is being put live (its go-live is in progress); start: false with target: live follows it.",
    ),
    r.stdout,
  )
  assert.equal(shown(r.summary.split('\n')[0]), '## 🔄 Offer `contoso-saas`: its preview is being put live')
  assert.equal(facts(r.summary).Started, 'earlier; found on the service (start: false)')
})

test('a dry run that would follow reads nothing more to find what it follows', async () => {
  for (const [offer, target] of [
    ['live-running', 'live'],
    ['preview-running', 'preview'],
  ] as const) {
    const sim = await pi({ offer })
    const r = await run(sim, { 'dry-run': 'true', target })
    assert.equal(r.exitCode, 0, r.stdout)
    // A go-live also reads the two trees (whether the draft is ahead of the preview: a notice);
    // neither reads anything more to find what it follows.
    const trees = target === 'live' ? ['tree', 'tree'] : []
    assert.deepEqual(
      routes(sim),
      ['product', ...trees, 'submissions', 'submissions'],
      `${target}: ${routes(sim).join(', ')}`,
    )
  }
})

test('a dry run of cancelling a go-live job names the request it would send', async () => {
  const sim = await pi({ offer: 'ready', job: { reads: 50 } })
  const started = await run(sim)
  const job = started.outputs['operation-id']
  const r = await run(sim, {
    cancel: 'true',
    'dry-run': 'true',
    'operation-location': started.outputs['operation-location'],
  })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    r.stdout,
    new RegExp(
      `^Dry run: this step would cancel the go-live in progress: it would send POST /rp/product-ingestion/configure/${job}/cancel\\?\\$version=2022-07-01 with no body\\. Nothing was sent\\.$`,
      'm',
    ),
  )
})

test("a job followed from operation-location links to Partner Center's offer list; a submission to its offer", async () => {
  const sim = await pi({ offer: 'ready', job: { reads: 50 } })
  const started = await run(sim)
  const resumed = await run(sim, { 'operation-location': started.outputs['operation-location'] })
  assert.equal(
    facts(resumed.summary)['Partner Center'],
    '[Open the offer](https://partner.microsoft.com/dashboard/commercial-marketplace/overview)',
  )
  const live = sim.submissions.find((s) => s.target === 'preview')!
  const bySubmission = await run(sim, {
    'operation-location': `${sim.url}/submission/${PRODUCT_GUID}/${live.n}`,
    target: 'preview',
  })
  assert.equal(
    facts(bySubmission.summary)['Partner Center'],
    `[Open the offer](https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${PRODUCT_GUID}/overview)`,
  )
})

test('a preview that failed: the failure line says where to read why', async () => {
  const r = await run(await pi({ offer: 'preview-failed' }), { target: 'preview', start: 'false' })
  assert.equal(r.exitCode, 1)
  assert.match(
    errors(r.stdout)[0],
    new RegExp(
      `^::error::The preview publish failed: The preview publish of submission ${N} failed: Partner Center shows why`,
    ),
  )
})

test('a cancel answered with no job in its body: the job is read next for its status, not the answer', async () => {
  const { sim, location } = await jobToCancel(4, { status: 200, body: '{}' })
  const before = sim.apiRequests.length
  const r = await run(sim, { cancel: 'true', 'operation-location': location })
  const routes = sim.apiRequests.slice(before).map((q) => q.route)
  assert.deepEqual(routes.slice(routes.indexOf('cancel'), routes.indexOf('cancel') + 2), ['cancel', 'job'])
  assert.doesNotMatch(r.stdout, /unexpected shape/)
})
