/** The Product Ingestion adapter through run(), in this process: each plan's log line, output and fact. */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { explainStatus } from '../../src/product-ingestion/account.js'
import { FakeClock } from '../fake-clock.js'
import { ingestionInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import { facts } from '../markdown.js'
import { IngestionSimulator, PRODUCT_GUID, type IngestionScenario } from '../ingestion-simulator.js'

const sims: IngestionSimulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))
async function simulate(scenario: Partial<IngestionScenario> = {}) {
  const sim = await IngestionSimulator.start(scenario)
  sims.push(sim)
  return sim
}
const run = async (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runInProcess(ingestionInputs(sim, { 'request-timeout': '5s', ...more }), { clock: new FakeClock() })
const logLines = (stdout: string) =>
  stdout.split('\n').filter((l) => l && !l.startsWith('::') && !/^[✅🔄⏳❌⛔]/u.test(l))
const PORTAL = `[Open the offer](https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${PRODUCT_GUID}/overview)`

test('a go-live started: the job is the location, the product page the portal link', async () => {
  const sim = await simulate({ offer: 'ready' })
  const r = await run(sim)
  assert.equal(r.exitCode, 0)
  const [started] = logLines(r.stdout).filter((l) => l.startsWith('Started'))
  assert.match(started, /^Started the go-live of offer '[^']+' \(submission \d+\): job [\w-]+\.$/)
  const job = /job ([\w-]+)\.$/.exec(started)![1]
  assert.equal(new URL(r.outputs['operation-location']).pathname, `/rp/product-ingestion/configure/${job}/status`)
  assert.equal(r.outputs['operation-id'], job)
  assert.equal(facts(r.summary)['Partner Center'], PORTAL)
  assert.equal(facts(r.summary).Started, 'by this step')
  assert.equal(facts(r.summary).API, 'Product Ingestion')
  assert.equal(sim.goLivesStarted, 1)
  const post = sim.requests.find((q) => q.route === 'configure')
  assert.ok(post)
})

test('already live: no POST, the live submission followed, said so', async () => {
  const sim = await simulate({ offer: 'already-live' })
  const r = await run(sim)
  assert.equal(r.exitCode, 0)
  assert.ok(
    logLines(r.stdout).some((l) =>
      /^Offer '[^']+' is already live with submission \d+; no go-live was started\.$/.test(l),
    ),
    r.stdout,
  )
  assert.match(new URL(r.outputs['operation-location']).pathname, /^\/rp\/product-ingestion\/submission\/[\w-]+\/\d+$/)
  assert.equal(r.outputs['operation-id'], r.outputs['operation-location'].split('/').pop())
  assert.equal(facts(r.summary).Started, 'not needed: the offer was already live')
  assert.equal(facts(r.summary)['Partner Center'], PORTAL)
  assert.equal(sim.goLivesStarted, 0)
  assert.equal(r.outputs.status, 'succeeded')
})

test('a go-live in progress is attached to; start: false finds it; nothing is started', async () => {
  const sim = await simulate({ offer: 'live-running' })
  const attached = await run(sim)
  assert.equal(attached.exitCode, 0)
  assert.ok(
    logLines(attached.stdout).some((l) =>
      /^A go-live of offer '[^']+' is already in progress \(submission \d+\); following it instead of starting another\.$/.test(
        l,
      ),
    ),
    attached.stdout,
  )
  assert.equal(facts(attached.summary).Started, 'earlier; this step attached to it')
  const found = await run(sim, { start: 'false' })
  assert.ok(
    logLines(found.stdout).some((l) => /^Following the offer's live submission \d+ \(\w+\)\.$/.test(l)),
    found.stdout,
  )
  assert.equal(facts(found.summary).Started, 'earlier; found on the service (start: false)')
  assert.equal(found.outputs['operation-location'], attached.outputs['operation-location'])
  assert.equal(sim.goLivesStarted, 0)
})

test('start: false with nothing live: a notice, no outputs, success', async () => {
  const sim = await simulate({ offer: 'never-live' })
  const r = await run(sim, { start: 'false' })
  assert.equal(r.exitCode, 0)
  assert.match(r.stdout, /^::notice::No go-live was found for offer '[^']+'; nothing to follow \(start: false\)\.$/m)
  assert.deepEqual(r.outputs, {})
  assert.match(r.summary, /^## ℹ️ No go-live found for offer/m)
})

test('an unknown offer, or no preview: one line that says what to fix, before any write', async () => {
  const unknown = await simulate({ offer: 'ready' })
  const r = await run(unknown, { 'offer-id': 'no-such-offer' })
  assert.equal(r.exitCode, 1)
  assert.match(
    r.stdout,
    /^::error::No offer with the id 'no-such-offer' in the Partner Center account of this app: check offer-id \(the offer id shown in Partner Center\)\. Offers still served by the Cloud Partner Portal need api: cloud-partner-portal\.$/m,
  )
  const none = await simulate({ offer: 'no-preview' })
  const n = await run(none)
  assert.match(n.stdout, /^::error::Cannot go live: offer '[^']+' has no preview submission\./m)
  assert.equal(none.requests.filter((q) => q.route === 'configure').length, 0)
  assert.match(n.summary, /could not be started/)
})

test('a followed submission URL is read from the list; one without a live entry is missing', async () => {
  const sim = await simulate({ offer: 'already-live' })
  const live = (await run(sim)).outputs['operation-location']
  const again = await run(sim, { 'operation-location': live })
  assert.equal(again.exitCode, 0)
  assert.equal(facts(again.summary).Started, 'earlier; followed from operation-location')
  assert.equal(again.outputs.status, 'succeeded')
  const other = live.replace(/\/\d+$/, '/1152921505699999999')
  const missing = await run(sim, { 'operation-location': other })
  assert.equal(missing.exitCode, 1)
  assert.match(
    missing.stdout,
    /^::error::Submission 1152921505699999999 has no live entry in the product's submissions\. Check operation-location\.$/m,
  )
  const job = await run(sim, {
    'operation-location': `${sim.url}/configure/00000000-0000-4000-8000-000000000000/status`,
  })
  assert.match(
    job.stdout,
    /^::error::Could not read the go-live job status: HTTP 404.*; job 00000000-0000-4000-8000-000000000000 does not exist\. Check operation-location\.$/m,
  )
})

test('explainStatus: the line for each unusual answer', () => {
  assert.equal(
    explainStatus(400, ' (BadRequest: deprecated schema version)', 'start the go-live'),
    'Could not start the go-live: HTTP 400 (BadRequest: deprecated schema version). Set api-version to a version the service still serves, such as 2022-07-01.',
  )
  assert.equal(explainStatus(400, '', 'x'), 'Could not x: HTTP 400. The service refused the request (not retried).')
  assert.equal(
    explainStatus(403, '', 'x'),
    'Could not x: HTTP 403. The app has no access to this Partner Center account: add it in Partner Center (Account settings > User management > Azure AD applications) with the Manager role.',
  )
  assert.equal(
    explainStatus(404, '', 'x'),
    'Could not x: HTTP 404. The service knows no such resource: check offer-id and base-url.',
  )
  for (const status of [409, 418, 501]) {
    assert.equal(
      explainStatus(status, '', 'x'),
      `Could not x: HTTP ${status}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`,
    )
  }
})
