/** Unusual answers: each status's line on the CPP side, HTML where JSON was due, odd lists. */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { explainStatus } from '../src/cloud-partner-portal/api.js'
import { chooseGoLive, goLiveSince } from '../src/cloud-partner-portal/parse.js'
import {
  chooseLive,
  holder,
  inProgressRefusal,
  nextLink,
  planGoLive,
  productGuid,
  startedGoLive,
} from '../src/product-ingestion/parse.js'
import { linkTarget } from '../src/sanitize.js'
import { cppService } from './clients.js'
import { FakeClock } from './fake-clock.js'
import { anOperation, aSubmission } from './operations.js'
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
  const { service } = await cppService(sim, new FakeClock(), undefined, { start: 'false' })
  const found = await service.find()
  assert.equal(found?.how, 'found')
  assert.equal(sim.requests.filter((r) => r.route === 'submissions').length, 2)
})

const sub = aSubmission

test('startedGoLive: the live entry of that preview, running or already succeeded; nothing else', () => {
  const preview = sub(5, 'preview', 'completed', 'succeeded')
  assert.equal(startedGoLive([sub(5, 'live', 'running')], preview)?.status, 'running')
  assert.equal(startedGoLive([sub(5, 'preview', 'running')], preview), undefined, 'not a live entry')
  assert.equal(startedGoLive([sub(6, 'live', 'running')], preview), undefined, 'another submission')
  assert.equal(startedGoLive([sub(5, 'live', 'completed', 'succeeded')], preview)?.result, 'succeeded', 'ended quickly')
  assert.equal(startedGoLive([sub(5, 'live', 'completed', 'failed')], preview), undefined, 'an old failure')
  assert.equal(startedGoLive([sub(5, 'live', '')], preview), undefined, 'no status yet')
  // The running one wins over an ended one of the same submission, whatever the order.
  const both = [sub(5, 'live', 'completed', 'succeeded'), sub(5, 'live', 'running')]
  assert.equal(startedGoLive(both, preview)?.status, 'running')
  assert.equal(startedGoLive([...both].reverse(), preview)?.status, 'running')
})

test('holder: the go-live of the submission a refusal names, another publish of it, or nothing', () => {
  assert.deepEqual(holder([sub(7, 'preview', 'completed', 'succeeded'), sub(7, 'live', 'running')], '7'), {
    kind: 'go-live',
    live: sub(7, 'live', 'running'),
  })
  assert.equal(holder([sub(7, 'live', 'completed', 'succeeded')], '7')?.kind, 'go-live', 'ended since')
  assert.deepEqual(holder([sub(7, 'preview', 'running', 'pending')], '7'), {
    kind: 'other',
    publish: sub(7, 'preview', 'running', 'pending'),
  })
  assert.equal(holder([sub(7, 'preview', 'completed', 'succeeded'), sub(8, 'live', 'running')], '7'), undefined)
  assert.equal(holder([], '7'), undefined)
})

test('inProgressRefusal: the submission number of a failed job refused as "An In Progress submission N"', () => {
  const failed = (...texts: string[]) => ({
    ...anOperation({ status: 'failed' }),
    messages: texts.map((text) => ({ text, level: 'error' })),
  })
  assert.equal(
    inProgressRefusal(failed('internalServerError: An In Progress submission 1152921505697416353 already exists.')),
    '1152921505697416353',
  )
  assert.equal(inProgressRefusal(failed('x', 'An in progress submission 42 already exists. (hint)')), '42')
  assert.equal(inProgressRefusal(failed('An In Progress submission already exists.')), undefined, 'no number')
  assert.equal(inProgressRefusal(failed('Issues found during Certification.')), undefined)
  assert.equal(
    inProgressRefusal({ ...failed('An In Progress submission 42 already exists.'), status: 'running' }),
    undefined,
    'only a failed job is a refusal',
  )
})

test('newest-first lists: the newest preview and the newest live entry, whatever order the service gives', () => {
  const day = (d: number) => `2026-0${d}-01T00:00:00Z`
  const olderOk = sub(1, 'preview', 'completed', 'succeeded', day(1))
  const newerFailed = sub(2, 'preview', 'completed', 'failed', day(3))
  // Newest first, as a service may list them: the newest preview failed, so nothing older is promoted.
  for (const list of [
    [newerFailed, olderOk],
    [olderOk, newerFailed],
  ]) {
    const plan = planGoLive(list, 'o')
    assert.equal(plan.kind, 'refuse', JSON.stringify(list.map((s) => s.id)))
  }
  const oldLive = sub(3, 'live', 'completed', 'succeeded', day(2))
  const newLive = sub(4, 'live', 'completed', 'succeeded', day(4))
  for (const list of [
    [newLive, oldLive],
    [oldLive, newLive],
  ]) {
    assert.equal(chooseLive(list)?.id, newLive.id)
  }
})

test('CPP start: false: the running go-live wins over a newer ended one, whatever the order', () => {
  const op = (id: string, state: string, changedTime: string) => ({
    id,
    type: 'goLive',
    slot: 'production',
    state,
    changedTime,
  })
  const running = op('running-one', 'running', '2026-01-01T00:00:00Z')
  const endedNewer = op('ended-one', 'succeeded', '2026-02-01T00:00:00Z')
  for (const list of [
    [running, endedNewer],
    [endedNewer, running],
  ]) {
    const { running: found, latest } = chooseGoLive(list)
    assert.equal(found?.id, 'running-one')
    assert.equal(latest?.id, 'ended-one')
  }
})

test('goLiveSince: the running go-live, else the newest one changed since the run began; never a publish', () => {
  const at = (iso: string) => Date.parse(iso)
  const op = (id: string, slot: string, state: string, changedTime: string) => ({
    id,
    type: '',
    slot,
    state,
    changedTime,
  })
  const old = op('old', 'production', 'succeeded', '2026-01-01T00:00:00Z')
  const sibling = op('sibling', 'production', 'succeeded', '2026-01-02T00:00:05Z')
  const since = at('2026-01-02T00:00:00Z')
  assert.equal(goLiveSince([old], since), undefined, 'ended before this run began')
  assert.equal(goLiveSince([sibling, old], since)?.id, 'sibling')
  assert.equal(goLiveSince([old, sibling], since)?.id, 'sibling')
  assert.equal(goLiveSince([old, op('run', 'production', 'running', '2025-12-01T00:00:00Z')], since)?.id, 'run')
  assert.equal(goLiveSince([op('pub', 'staging', 'running', '2026-01-02T00:00:05Z')], since), undefined)
  assert.equal(goLiveSince([], since), undefined)
})

test('productGuid takes the product whose externalId is the offer id, in any case, wherever it stands', () => {
  const p = (guid: string, externalId: unknown) => ({ id: `product/${guid}`, identity: { externalId } })
  const body = { value: [p('aaaa-1', 'other-offer'), p('bbbb-2', 'Contoso-SaaS'), p('cccc-3', 'contoso-saas')] }
  assert.equal(productGuid(body, 'contoso-saas'), 'bbbb-2')
  assert.equal(productGuid(body, 'CONTOSO-SAAS'), 'bbbb-2')
  assert.equal(productGuid({ value: [p('aaaa-1', 'other-offer')] }, 'contoso-saas'), undefined, 'only another offer')
  assert.equal(productGuid({ value: [{ id: 'product/aaaa-1' }] }, 'contoso-saas'), undefined, 'no identity')
})

test('nextLink: @nextLink, or nextLink; nothing on the last page', () => {
  assert.equal(
    nextLink({ value: [], '@nextLink': 'https://h/x?continuationToken=a' }),
    'https://h/x?continuationToken=a',
  )
  assert.equal(nextLink({ value: [], nextLink: '/x?continuationToken=b' }), '/x?continuationToken=b')
  for (const body of [{ value: [] }, { value: [], '@nextLink': '' }, { '@nextLink': 7 }, null, []]) {
    assert.equal(nextLink(body), undefined, JSON.stringify(body))
  }
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
