/** Unusual answers: each status's line on the CPP side, HTML where JSON was due, odd lists. */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { explainStatus } from '../src/cloud-partner-portal/api.js'
import { liveInProgress, planGoLive } from '../src/product-ingestion/parse.js'
import { linkTarget } from '../src/sanitize.js'
import { cppService } from './clients.js'
import { FakeClock } from './fake-clock.js'
import { aSubmission } from './operations.js'
import { Simulator } from './simulator.js'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

test('CPP: the line for each unusual status names what to check', () => {
  const target = { publisherId: 'contoso', offerId: 'offer' }
  const line = (status: number) => explainStatus(status, ' (Code: text)', 'start the go-live', target)
  const failed = (status: number) => `Could not start the go-live: HTTP ${status} (Code: text). `
  assert.equal(
    line(400),
    `${failed(400)}The service found the request malformed; fix the inputs named in the message (not retried).`,
  )
  assert.equal(
    line(403),
    `${failed(403)}The service principal has no access to publisher 'contoso': add the application as a user of the account in Partner Center (Account settings > User management), or check publisher-id.`,
  )
  assert.equal(
    line(404),
    `${failed(404)}Publisher 'contoso' or offer 'offer' does not exist: check publisher-id and offer-id.`,
  )
  assert.equal(
    line(409),
    `${failed(409)}Another operation is running on offer 'offer'; wait for it to end, then re-run.`,
  )
  assert.equal(line(422), `${failed(422)}The offer failed validation: fix it, publish it again, then go live.`)
  for (const status of [401, 405, 418, 501]) {
    assert.equal(
      line(status),
      `${failed(status)}The service gave an unexpected answer; re-run later, and check base-url if it persists.`,
    )
  }
})

test('CPP: a 200 with an HTML page for the submissions list is retried, not taken as an empty list', async () => {
  const sim = await Simulator.start({ running: 'goLive', faults: [{ on: 'submissions', kind: 'not-json' }] })
  sims.push(sim)
  const { service } = cppService(sim, new FakeClock(), undefined, { start: 'false' })
  const found = await service.find()
  assert.equal(found?.how, 'found')
  assert.equal(sim.requests.filter((r) => r.route === 'submissions').length, 2)
})

const sub = aSubmission

test('liveInProgress: only the live entry of that preview, and only while it runs', () => {
  const preview = sub(5, 'preview', 'completed', 'succeeded')
  assert.equal(liveInProgress([sub(5, 'live', 'running')], preview)?.target, 'live')
  assert.equal(liveInProgress([sub(5, 'preview', 'running')], preview), undefined, 'not a live entry')
  assert.equal(liveInProgress([sub(6, 'live', 'running')], preview), undefined, 'another submission')
  assert.equal(liveInProgress([sub(5, 'live', 'completed', 'succeeded')], preview), undefined, 'ended')
  assert.equal(liveInProgress([sub(5, 'live', '')], preview), undefined, 'no status yet')
})

test('previews without a creation time sort last, whatever their order', () => {
  const dated = sub(1, 'preview', 'completed', 'succeeded', '2024-01-01T00:00:00Z')
  for (const list of [
    [sub(2, 'preview', 'completed', 'failed'), dated, sub(3, 'preview', 'completed', 'failed')],
    [dated, sub(2, 'preview', 'completed', 'failed')],
  ]) {
    assert.deepEqual(planGoLive(list, 'o'), { kind: 'promote', preview: dated })
  }
})

test('a link with a user name is refused even where no e-mail address could hide in it', () => {
  assert.equal(linkTarget('https://user@localhost/x'), undefined)
  assert.equal(linkTarget('https://:secret@localhost/x'), undefined)
  assert.equal(linkTarget('https://localhost/x'), 'https://localhost/x')
})
