/**
 * The draft stage on Product Ingestion, up to and through its configure, in this process
 * (src/product-ingestion/draft.ts, account.ts): what it refuses before any write, where it looks
 * for the plan and its configuration, what a failing read or write says it was doing, and what the
 * log and summary say of the change it started.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from '../blob-store.js'
import { FakeClock } from '../fake-clock.js'
import { errors, ingestionInputs } from '../harness.js'
import type { IngestionScenario, IngestionSimulator, VmScenario } from '../ingestion-simulator.js'
import { runInProcess } from '../in-process.js'
import { errorAnswer } from '../sim-base.js'
import { pi } from '../started.js'

const blobs = await BlobStore.start({ '/vhds/image-1.2.0.vhd': { bytes: 30 * 2 ** 30 } })
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]
const simulate = (more: Partial<IngestionScenario> = {}, vm: Partial<VmScenario> = {}) =>
  pi({ offer: 'already-live', ...more, vm: { planId: 'gen2-plan', published: PUBLISHED, ...vm } })
const draft = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runInProcess(
    ingestionInputs(sim, {
      target: 'draft',
      'plan-id': 'gen2-plan',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
      ...more,
    }),
    { clock: new FakeClock() },
  )
const count = (sim: IngestionSimulator, route: string) => sim.requests.filter((q) => q.route === route).length
const failure = (r: { exitCode: number; stdout: string }) => {
  assert.equal(r.exitCode, 1, 'the step fails')
  return errors(r.stdout)
}
const forbidden = (on: string, nth = 1) =>
  errorAnswer(on, 403, 'forbidden', 'The caller is not authorized to perform this action.', { nth })

test('while a go-live runs, the draft is not changed: the refusal names the go-live and its submission', async () => {
  const sim = await simulate({ offer: 'live-running' })
  const [line] = failure(await draft(sim))
  assert.match(
    line,
    /^Cannot change the draft of offer '[^']+': its go-live \(submission \d+\) is in progress, and the draft is not changed while the offer publishes\./,
  )
  assert.equal(count(sim, 'configure'), 0)
})

test('while a preview publish runs, the refusal names the preview publish', async () => {
  const sim = await simulate({ offer: 'preview-running' })
  const [line] = failure(await draft(sim))
  assert.match(line, /: its preview publish \(submission \d+\) is in progress/)
  assert.equal(count(sim, 'configure'), 0)
})

test('a plan with no VM technical configuration is refused before any write, saying what plan-id must name', async () => {
  // The simulator lists 'other-plan' first, one plan a page: found on page 1, no page 2 read.
  const sim = await simulate({ pageSize: 1 })
  const lines = failure(await draft(sim, { 'plan-id': 'other-plan' }))
  assert.deepEqual(lines, [
    `Plan 'other-plan' of offer '${sim.scenario.offerId}' has no virtual machine technical configuration in the draft: plan-id must name a plan of a virtual machine offer.`,
  ])
  assert.equal(count(sim, 'plans'), 1)
  assert.equal(count(sim, 'configure'), 0)
})

test('the plan is looked for page after page until it is found', async () => {
  const sim = await simulate({ pageSize: 1 })
  const r = await draft(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(count(sim, 'plans'), 2)
  assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
})

test("a refused plan list says it was listing the offer's plans", async () => {
  const sim = await simulate({ faults: [forbidden('plans')] })
  const [line] = failure(await draft(sim))
  assert.match(line, /^Could not list the offer's plans: HTTP 403/)
  assert.equal(count(sim, 'configure'), 0)
})

test('a configure the service refuses says it was changing the draft', async () => {
  const sim = await simulate({
    faults: [errorAnswer('configure', 400, 'badRequest', 'Invalid resource.')],
  })
  const [line] = failure(await draft(sim))
  assert.match(line, /^Could not change the draft: HTTP 400/)
  assert.equal(count(sim, 'configure'), 1)
})

test('the draft change started is named by its job in the log, and the summary says it was added by this step', async () => {
  const sim = await simulate()
  const r = await draft(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  const id = /\/configure\/([0-9a-f-]{36})\/status$/.exec(r.outputs['operation-location'])?.[1]
  assert.ok(id, r.outputs['operation-location'])
  assert.match(r.stdout, new RegExp(`Adding version 1\\.2\\.0 to plan 'gen2-plan' in the draft: job ${id}\\.`))
  assert.match(r.summary, /added to the draft/)
  assert.match(r.summary, /Started .*by this step/)
})

test('a version already in the preview with the same image changes nothing, and says where it is', async () => {
  const sim = await simulate(
    { offer: 'ready' },
    { previewOnly: [{ version: '1.2.0', uri: `${blobs.url}/vhds/image-1.2.0.vhd?sv=2022-11-02&sp=rl&sig=x` }] },
  )
  const r = await draft(sim)
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.match(r.stdout, /Version 1\.2\.0 is in the preview of plan 'gen2-plan' already, with the same image/)
  assert.equal(count(sim, 'configure'), 0)
})

test("a go-live's operation-location given to target: draft is refused: it is another stage's", async () => {
  const sim = await simulate({ offer: 'ready', job: { durationMs: 60_000 } })
  const started = await runInProcess(ingestionInputs(sim), { clock: new FakeClock() })
  assert.equal(started.exitCode, 0, errors(started.stdout).join(' | '))
  const [line] = failure(await draft(sim, { 'operation-location': started.outputs['operation-location'] }))
  assert.match(line, /^Input 'operation-location' is a go-live of offer '[^']+', and this run has target: draft/)
  assert.equal(count(sim, 'configure'), 1)
})

test('a refused read of the draft change job says which job status it was reading, and how to follow it later', async () => {
  const sim = await simulate({ job: { durationMs: 60_000 }, faults: [forbidden('job')] })
  const [line] = failure(await draft(sim))
  assert.match(line, /^Could not read the draft change job status: HTTP 403/)
  assert.match(
    line,
    /The draft change goes on in the service\. To wait on it later, run this action with target: draft, wait: true and operation-location: /,
  )
  assert.equal(count(sim, 'configure'), 1)
})

test('a draft change followed again from its operation-location: a refused first read names the job status it was reading', async () => {
  const sim = await simulate({ job: { durationMs: 60_000 } })
  const started = await draft(sim)
  assert.equal(started.exitCode, 0, errors(started.stdout).join(' | '))
  // The next read of the job, the resumed run's first, is refused.
  sim.scenario.faults.push(forbidden('job', count(sim, 'job') + 1))
  const [line] = failure(await draft(sim, { 'operation-location': started.outputs['operation-location'] }))
  assert.match(line, /^Could not read the draft change job status: HTTP 403/)
  assert.equal(count(sim, 'configure'), 1)
})

test("the plan's configuration is read by its durable id only when the draft's tree does not hold it", async () => {
  const inTree = await simulate()
  assert.equal((await draft(inTree)).exitCode, 0)
  assert.equal(count(inTree, 'tech-config'), 0)
  const byId = await simulate({}, { draftOnlyByDurableId: true })
  const r = await draft(byId)
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.ok(count(byId, 'tech-config') >= 1)
  assert.deepEqual(byId.versionsOf('draft'), ['1.1.0', '1.2.0'])
})

test("a refused read of the configuration by its durable id says it was reading the plan's technical configuration", async () => {
  const sim = await simulate({ faults: [forbidden('tech-config')] }, { draftOnlyByDurableId: true })
  assert.match(failure(await draft(sim))[0], /^Could not read the plan's technical configuration: HTTP 403/)
  assert.equal(count(sim, 'configure'), 0)
})

test('a durable-id read answered with pages that are not JSON, until the retries end, says what it was reading', async () => {
  const sim = await simulate(
    { faults: [{ on: 'tech-config', kind: 'not-json', times: 1000 }] },
    { draftOnlyByDurableId: true },
  )
  const [line] = failure(await draft(sim))
  assert.match(line, /^Could not read the plan's technical configuration: \d+ attempts failed .*not JSON/)
  assert.equal(count(sim, 'configure'), 0)
})

test('a durable-id answer that is not a configuration is no configuration: refused, nothing written', async () => {
  const sim = await simulate(
    {
      faults: [
        {
          on: 'tech-config',
          kind: 'status',
          status: 200,
          body: '[]',
          headers: { 'Content-Type': 'application/json' },
          times: 2,
        },
      ],
    },
    { draftOnlyByDurableId: true },
  )
  const [line] = failure(await draft(sim))
  assert.match(line, /has no virtual machine technical configuration in the draft/)
  assert.equal(count(sim, 'configure'), 0)
})
