/**
 * Product Ingestion jobs followed from their operation-location, in this process
 * (src/product-ingestion/preview.ts, account.ts): a preview job the service refused because the
 * offer was publishing (followed to what holds it, or failed naming it in the service's words),
 * the stage a finished job is told to be of, and the cancel's answers.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from '../fake-clock.js'
import { errors, ingestionInputs } from '../harness.js'
import { runInProcess } from '../in-process.js'
import {
  previewRequest,
  PRODUCT_GUID,
  type IngestionScenario,
  type IngestionSimulator,
} from '../ingestion-simulator.js'
import { errorAnswer } from '../sim-base.js'
import { pi } from '../started.js'

const run = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runInProcess(ingestionInputs(sim, { 'request-timeout': '5s', ...more }), { clock: new FakeClock(Date.now()) })
const count = (sim: IngestionSimulator, route: string) => sim.requests.filter((q) => q.route === route).length
const failure = (r: { exitCode: number; stdout: string }) => {
  assert.equal(r.exitCode, 1, 'the step fails')
  return errors(r.stdout)
}

const refusedPreview = async (scenario: Partial<IngestionScenario>) => {
  const sim = await pi(scenario)
  const location = `${sim.url}/configure/${await previewRequest(sim)}/status`
  assert.ok(sim.refused.size === 1, 'the service refused the request: the offer publishes')
  return { sim, location, job: location.split('/').at(-2)! }
}

test('a preview job refused because a go-live runs: the step fails naming the go-live, in the service words', async () => {
  const { sim, location, job } = await refusedPreview({ offer: 'live-running', job: { reads: 50 } })
  // The go-live in progress is that of the newest preview.
  const n = sim.preview!.n
  const [line] = failure(await run(sim, { target: 'preview', 'operation-location': location }))
  assert.equal(
    line,
    `Cannot publish to preview: the service refused job ${job} because a go-live of submission ${n} is already in progress on offer '${sim.scenario.offerId}'. Wait for it to end, then re-run this step. The service said: "internalServerError: An In Progress submission ${n} already exists."`,
  )
  assert.equal(count(sim, 'configure'), 1, 'the run itself sent nothing')
})

test('a preview job refused because another preview publish runs: that one is followed instead, and named', async () => {
  const { sim, location, job } = await refusedPreview({ offer: 'preview-running', preview: { reads: 50 } })
  const n = sim.preview!.n
  const r = await run(sim, { target: 'preview', 'operation-location': location })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.match(
    r.stdout,
    new RegExp(
      `Job ${job} was refused because a preview publish of offer '${sim.scenario.offerId}' is already in progress \\(submission ${n}\\); following that one instead\\.`,
    ),
  )
  assert.equal(r.outputs['operation-location'], `${sim.url}/submission/${PRODUCT_GUID}/${n}`)
  assert.equal(count(sim, 'configure'), 1, 'the run itself sent nothing')
})

test("a finished preview job given to a go-live run is refused: the job's resources say it was a preview publish", async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 1 } })
  const started = await run(sim, { target: 'preview', wait: 'true' })
  assert.equal(started.exitCode, 0, errors(started.stdout).join(' | '))
  const [line] = failure(await run(sim, { 'operation-location': started.outputs['operation-location'] }))
  assert.match(line, /^Input 'operation-location' is a preview publish of offer '[^']+', and this run has target: live/)
  assert.equal(count(sim, 'job-detail'), 1)
})

test("a finished job whose resources cannot be read (HTTP 400) tells no stage: it is followed as the run's own", async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 1 } })
  const started = await run(sim, { target: 'preview', wait: 'true' })
  sim.scenario.faults.push(errorAnswer('job-detail', 400, 'badRequest', 'No.'))
  const r = await run(sim, { target: 'preview', 'operation-location': started.outputs['operation-location'] })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(count(sim, 'job-detail'), 1)
})

test("a refused read of the job's resources says it was reading what the job was for", async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 1 } })
  const started = await run(sim, { target: 'preview', wait: 'true' })
  sim.scenario.faults.push({ on: 'job-detail', kind: 'reset', times: 50 })
  const [line] = failure(
    await run(sim, { target: 'preview', 'operation-location': started.outputs['operation-location'] }),
  )
  assert.match(line, /^Could not read what the job was for: /)
})

test('a preview submission given to a preview run is followed by the list, naming no job', async () => {
  const sim = await pi({ offer: 'ready' })
  const location = `${sim.url}/submission/${PRODUCT_GUID}/${sim.preview!.n}`
  const r = await run(sim, { target: 'preview', 'operation-location': location })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(r.outputs.status, 'succeeded')
  assert.equal(count(sim, 'job'), 0)
  assert.equal(count(sim, 'product'), 0, 'the submission names its product')
})

test('a live submission given to a preview run is refused: the list says it is a go-live', async () => {
  const sim = await pi({ offer: 'ready' })
  const live = sim.submissions.find((s) => s.target === 'live')!
  const [line] = failure(
    await run(sim, { target: 'preview', 'operation-location': `${sim.url}/submission/${PRODUCT_GUID}/${live.n}` }),
  )
  assert.match(line, /^Input 'operation-location' is a go-live of offer/)
})

test('a preview publish cancelled: the cancel answered with its job is the end, no job read after', async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 50 } })
  const started = await run(sim, { target: 'preview' })
  const before = count(sim, 'job')
  const r = await run(sim, {
    target: 'preview',
    cancel: 'true',
    'operation-location': started.outputs['operation-location'],
  })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(r.outputs.status, 'canceled')
  assert.equal(count(sim, 'cancel'), 1)
  // The stage check and the first read; the cancel's own answer then ends it.
  assert.equal(count(sim, 'job') - before, 2)
})

test('a cancel answered without the job: the job is read for its status', async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 50 } })
  const started = await run(sim, { target: 'preview' })
  sim.scenario.faults.push({ on: 'cancel', kind: 'status', status: 200, body: '{}' })
  const r = await run(sim, {
    target: 'preview',
    cancel: 'true',
    'operation-location': started.outputs['operation-location'],
  })
  const routes = sim.requests.map((q) => q.route)
  assert.equal(routes[routes.indexOf('cancel') + 1], 'job')
  assert.notEqual(r.outputs.status, 'canceled', 'the job was not cancelled: it is not reported so')
})

test('a cancel refused for another reason than a completed job fails with the service reason, not "too late"', async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 50 } })
  const started = await run(sim, { target: 'preview' })
  sim.scenario.faults.push(errorAnswer('cancel', 400, 'badRequest', 'Invalid job id.'))
  const [line] = failure(
    await run(sim, { target: 'preview', cancel: 'true', 'operation-location': started.outputs['operation-location'] }),
  )
  assert.match(line, /^Could not cancel the preview publish: HTTP 400 \(badRequest: Invalid job id\.\)/)
})

test('a refused read of a preview job, in the stage check or in the first read, names the preview publish job status', async () => {
  for (const extra of [1, 2]) {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 50 } })
    const started = await run(sim, { target: 'preview' })
    sim.scenario.faults.push(errorAnswer('job', 403, 'forbidden', 'No.', { nth: count(sim, 'job') + extra }))
    const [line] = failure(
      await run(sim, { target: 'preview', 'operation-location': started.outputs['operation-location'] }),
    )
    assert.match(line, /^Could not read the preview publish job status: HTTP 403/, `read ${extra}`)
  }
})

test('a preview submission whose go-live runs, listed live entry first: the preview is reported, ready and going live', async () => {
  const sim = await pi({ offer: 'ready' })
  const n = sim.preview!.n
  const id = `submission/${PRODUCT_GUID}/${n}`
  const list = {
    value: [
      { id, target: { targetType: 'live' }, status: 'running', result: 'pending', created: '2024-02-05T00:00:00Z' },
      {
        id,
        target: { targetType: 'preview' },
        status: 'completed',
        result: 'succeeded',
        created: '2024-02-04T00:00:00Z',
      },
    ],
  }
  sim.scenario.faults.push({
    on: 'submissions',
    kind: 'status',
    status: 200,
    times: 10,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(list),
  })
  const r = await run(sim, { target: 'preview', 'operation-location': `${sim.url}/${id}` })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(r.outputs.status, 'succeeded')
})

test('a cancel answered with a page that is not JSON is sent again: a second cancel of one job changes nothing', async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 50 } })
  const started = await run(sim, { target: 'preview' })
  sim.scenario.faults.push({ on: 'cancel', kind: 'not-json' })
  const r = await run(sim, {
    target: 'preview',
    cancel: 'true',
    'operation-location': started.outputs['operation-location'],
  })
  assert.equal(r.exitCode, 0, errors(r.stdout).join(' | '))
  assert.equal(count(sim, 'cancel'), 2)
  assert.equal(r.outputs.status, 'canceled')
})

test('a cancel answered without the job, whose job then is not found: the line names the job', async () => {
  const sim = await pi({ offer: 'no-preview', preview: { reads: 50 } })
  const started = await run(sim, { target: 'preview' })
  const location = started.outputs['operation-location']
  const job = location.split('/').at(-2)!
  sim.scenario.faults.push({ on: 'cancel', kind: 'status', status: 200, body: '{}' })
  // The stage check and the first read pass; the read after the cancel finds no job.
  sim.scenario.faults.push(errorAnswer('job', 404, 'notFound', 'Resource not found.', { nth: count(sim, 'job') + 3 }))
  const [line] = failure(await run(sim, { target: 'preview', cancel: 'true', 'operation-location': location }))
  assert.match(
    line,
    new RegExp(`^Could not read the preview publish job status: HTTP 404.*; job ${job} does not exist\\.`),
  )
})
