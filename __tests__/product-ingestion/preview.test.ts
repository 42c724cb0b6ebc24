/**
 * The Product Ingestion preview stage through run(), in this process: what a dry run says for each
 * plan, the draft-against-preview comparison, `start: false`, a configure answer that names no job,
 * a throttled publish the service took, and a preview job that published nothing new.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from '../fake-clock.js'
import { ingestionInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import { facts } from '../markdown.js'
import { PRODUCT_GUID, type IngestionScenario, type IngestionSimulator } from '../ingestion-simulator.js'
import { pi } from '../started.js'

const run = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runInProcess(ingestionInputs(sim, { target: 'preview', 'request-timeout': '5s', ...more }), {
    clock: new FakeClock(Date.now()),
  })
const logLines = (stdout: string) =>
  stdout.split('\n').filter((l) => l && !l.startsWith('::') && !/^[✅🔄⏳❌⛔]/u.test(l))
const failure = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'))
const posts = (sim: IngestionSimulator) => sim.requests.filter((q) => q.route === 'configure').length
const N = '\\d{19}'
/** A configure answer the service gives after acting on it (or not): 202 with an empty object. */
const noJob = (kind: 'after-accept' | 'status'): Partial<IngestionScenario> => ({
  offer: 'no-preview',
  faults: [{ on: 'configure', kind, status: 202, body: '{}', headers: { 'Content-Type': 'application/json' } }],
})

test('dry runs name each plan: follow the preview in progress, start nothing, or publish the draft', async () => {
  const attach = await run(await pi({ offer: 'preview-running' }), { 'dry-run': 'true' })
  assert.match(
    attach.stdout,
    new RegExp(
      `^Dry run: this step would follow the preview publish already in progress \\(submission ${N}\\) instead of starting another\\.$`,
      'm',
    ),
  )
  const same = await pi({ offer: 'ready', draftChanged: false })
  const unchanged = await run(same, { 'dry-run': 'true' })
  assert.match(
    unchanged.stdout,
    new RegExp(
      `^Dry run: this step would start nothing: nothing changed since the preview \\(submission ${N}\\)\\.$`,
      'm',
    ),
  )
  assert.equal(unchanged.outputs.status, 'succeeded')
  const draft = await pi({ offer: 'no-preview' })
  const publish = await run(draft, { 'dry-run': 'true' })
  assert.match(publish.stdout, /^Dry run: this step would publish the offer's draft to preview\.$/m)
  assert.equal(posts(draft) + posts(same), 0)
})

test('the comparison reads both trees as JSON: a proxy page on one is read again, not taken as a change', async () => {
  const sim = await pi({ offer: 'ready', draftChanged: false, faults: [{ on: 'tree', kind: 'not-json' }] })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim), 0)
  assert.equal(facts(r.summary).Started, 'not needed: nothing changed since the last preview')
  assert.equal(logLines(r.stdout).filter((l) => l.startsWith('Could not compare')).length, 0)
})

test('a tree that cannot be read: the failure names what was being read', async () => {
  const sim = await pi({ offer: 'ready', faults: [{ on: 'tree', kind: 'status', status: 500, times: 99 }] })
  const r = await run(sim)
  assert.equal(r.exitCode, 1)
  assert.match(
    failure(r.stdout).join('\n'),
    /^::error::Could not read the offer's draft resources: \d+ attempts failed/,
  )
  assert.equal(posts(sim), 0)
})

test('a changed draft is published without a "could not compare" line, and its new preview reported', async () => {
  const sim = await pi({ offer: 'ready' })
  const r = await run(sim, { wait: 'true' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim), 1)
  assert.deepEqual(
    logLines(r.stdout).filter((l) => l.startsWith('Could not compare')),
    [],
  )
  assert.deepEqual(
    logLines(r.stdout).filter((l) => l.startsWith('The preview job succeeded without')),
    [],
  )
})

test('a preview job that published nothing new: said so, and the existing preview reported', async () => {
  const sim = await pi({ offer: 'ready', draftChanged: false, noResourceTree: true, preview: { unchanged: 'no-op' } })
  const r = await run(sim, { wait: 'true' })
  assert.equal(r.exitCode, 0, r.stdout)
  const line = logLines(r.stdout).find((l) => l.startsWith('The preview job succeeded without'))
  assert.match(
    line ?? '',
    new RegExp(
      `^The preview job succeeded without a new preview: nothing new was published\\. Reporting the existing preview \\(submission ${N}\\)\\.$`,
    ),
  )
  assert.equal(r.outputs.status, 'succeeded')
})

test('start: false: the preview submission is followed, found on the service', async () => {
  const r = await run(await pi({ offer: 'preview-running' }), { start: 'false' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith("Following the offer's")) ?? '',
    new RegExp(`^Following the offer's preview submission (${N}) \\(running\\)\\.$`),
  )
  assert.equal(facts(r.summary).Started, 'earlier; found on the service (start: false)')
  assert.match(r.outputs['operation-location'], new RegExp(`/submission/[\\w-]+/${N}$`))
})

test('a followed preview submission is read from its own entry, not the newest one', async () => {
  const sim = await pi({ offer: 'older-preview-succeeded' })
  const previews = sim.submissions.filter((s) => s.target === 'preview')
  const older = previews.find((s) => s.result === 'succeeded')!
  const newest = previews.find((s) => s.result === 'failed')!
  const at = (n: string) => `${sim.url}/submission/${PRODUCT_GUID}/${n}`
  const r = await run(sim, { 'operation-location': at(older.n), start: 'false' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(r.outputs.status, 'succeeded')
  assert.equal(r.outputs['operation-id'], older.n)
  const failed = await run(sim, { 'operation-location': at(newest.n), start: 'false' })
  assert.equal(failed.outputs.status, 'failed')
  const missing = await run(sim, { 'operation-location': at('1152921505697416353'), start: 'false' })
  assert.equal(missing.exitCode, 1)
  assert.match(
    failure(missing.stdout).join('\n'),
    /Submission 1152921505697416353 has no preview entry in the product's submissions\./,
  )
})

test('a publish throttled after the service took it: the preview in progress is followed, not sent again', async () => {
  const sim = await pi({
    offer: 'no-preview',
    faults: [{ on: 'configure', kind: 'after-accept', status: 429, headers: { 'Retry-After': '3' } }],
  })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim), 1)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith('A preview publish')) ?? '',
    new RegExp(
      `^A preview publish of offer 'contoso-saas' is already in progress \\(submission ${N}\\); following it instead of starting another\\.$`,
    ),
  )
  assert.equal(facts(r.summary).Started, 'earlier; this step attached to it')
})

test('a 202 naming no job, the publish in progress: the preview it started is followed as started', async () => {
  const sim = await pi(noJob('after-accept'))
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim), 1)
  assert.ok(
    logLines(r.stdout).includes(
      "The service accepted the preview publish (HTTP 202) but named no job in the form of one (an empty object); looking for the preview publish among the offer's submissions.",
    ),
    r.stdout,
  )
  const line = logLines(r.stdout).find((l) => l.startsWith('Following the preview publish that request started'))
  assert.match(
    line ?? '',
    new RegExp(`^Following the preview publish that request started \\(submission (${N})\\)\\.$`),
  )
  assert.equal(r.outputs['operation-id'], /(\d{19})/.exec(line!)![1])
  assert.equal(facts(r.summary).Started, 'by this step')
})

test('a 202 naming no job, the publish already ended: the new preview entry is followed, not an older one', async () => {
  const sim = await pi({ ...noJob('after-accept'), offer: 'ready', preview: { durationMs: 0 } })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim), 1)
  assert.equal(
    logLines(r.stdout).find((l) => l.startsWith('Following the preview publish that request started')),
    `Following the preview publish that request started (submission ${sim.preview!.n}).`,
  )
  assert.equal(r.outputs['operation-id'], sim.preview!.n)
  assert.equal(facts(r.summary).Started, 'by this step')
})

test('a 202 naming no job, and no preview listed: not sent again, and told how to follow it later', async () => {
  const sim = await pi(noJob('status'))
  const r = await run(sim, { 'poll-interval': '30s' })
  assert.equal(r.exitCode, 1)
  assert.equal(posts(sim), 1)
  assert.deepEqual(failure(r.stdout), [
    "::error::The service accepted the preview publish of offer 'contoso-saas' but named no job, and no preview publish was listed within 2m. It was not sent again: run this action with target: preview and start: false later to follow the offer's preview.",
  ])
})

test('a throttled publish, nothing else started meanwhile: sent once more, and that one is started', async () => {
  const sim = await pi({
    offer: 'no-preview',
    faults: [{ on: 'configure', kind: 'status', status: 429, headers: { 'Retry-After': '3' } }],
  })
  const r = await run(sim)
  assert.equal(r.exitCode, 0, r.stdout)
  assert.equal(posts(sim), 2)
  assert.match(
    logLines(r.stdout).find((l) => l.startsWith('Started')) ?? '',
    /^Started the preview publish of offer 'contoso-saas': job [\w-]+\.$/,
  )
  assert.equal(facts(r.summary).Started, 'by this step')
})
