/**
 * The first read of an operation, through run() in this process: one named by operation-location
 * that answers 403 keeps its reason and its resume hint (only a 404 says to check the input), and
 * a started go-live that never becomes readable fails with the service's words, not as a bug.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from './fake-clock.js'
import { simInputs } from './harness.js'
import { runInProcess } from './in-process.js'
import type { Simulator } from './simulator.js'
import { cpp } from './started.js'
import { errorAnswer } from './sim-base.js'

const run = (sim: Simulator, more: Record<string, string> = {}) =>
  runInProcess(simInputs(sim, { 'poll-interval': '30s', 'request-timeout': '5s', ...more }), {
    clock: new FakeClock(Date.now()),
  })
const errors = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'))

test('an operation-location whose read is refused (403): the reason and how to resume, no "check the input"', async () => {
  const sim = await cpp({ running: 'goLive' })
  const found = await run(sim, { start: 'false' })
  const location = found.outputs['operation-location']
  sim.scenario.faults.push(errorAnswer('operation', 403, 'Forbidden', 'Not allowed', { times: 99 }))
  const r = await run(sim, { 'operation-location': location })
  assert.equal(r.exitCode, 1)
  const [line] = errors(r.stdout)
  assert.match(line, /HTTP 403 \(Forbidden: Not allowed\)/)
  assert.doesNotMatch(line, /Check operation-location\./)
  assert.ok(
    line.endsWith(
      `To wait on it later, run this action with wait: true and operation-location: ${location}, and the same offer-id, publisher-id and sign-in inputs.`,
    ),
    line,
  )
})

test('an operation-location the service does not know (404): said to check the input', async () => {
  const sim = await cpp()
  const r = await run(sim, {
    'operation-location': `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`,
  })
  assert.equal(r.exitCode, 1)
  assert.match(errors(r.stdout)[0], /Check operation-location\.$/)
})

test('a started go-live that is never readable: the service answer after the look, not an unexpected error', async () => {
  const sim = await cpp({ faults: [{ on: 'operation', kind: 'status', status: 404, times: 999 }] })
  const r = await run(sim)
  assert.equal(r.exitCode, 1)
  const [line] = errors(r.stdout)
  assert.doesNotMatch(line, /Unexpected error/)
  assert.match(
    line,
    /^::error::Could not read the operation status: HTTP 404 .*; operation http:\/\/.+ does not exist\.$/,
  )
  assert.ok(sim.requests.filter((q) => q.route === 'operation').length > 1, 'looked more than once')
})
