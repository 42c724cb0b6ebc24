import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { Cancelled } from '../src/errors.js'
import { pollDelayMs, waitForEnd } from '../src/wait.js'
import { cppService } from './clients.js'
import { FakeClock } from './fake-clock.js'
import { Simulator, type Scenario } from './simulator.js'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

async function started(scenario: Partial<Scenario>) {
  const sim = await Simulator.start(scenario)
  sims.push(sim)
  const clock = new FakeClock()
  const { service } = await cppService(sim, clock)
  const answer = await service.start()
  assert.ok(answer.location)
  const first = await service.read(answer.location)
  return { sim, clock, service, url: answer.location, first }
}

test('polls every interval until the operation ends, reporting each read', async () => {
  const { clock, service, url, first } = await started({ operation: { reads: 5 } })
  const reads: string[] = []
  const result = await waitForEnd({
    service,
    url,
    clock,
    first,
    deadline: clock.now() + 3_600_000,
    intervalMs: 60_000,
    random: () => 0,
    onRead: (op) => reads.push(op.status),
  })
  assert.equal(result.timedOut, false)
  assert.equal(result.op.status, 'succeeded')
  assert.equal(first.status, 'notStarted')
  assert.deepEqual(reads, ['running', 'running', 'running', 'running', 'succeeded'])
  assert.deepEqual(clock.sleeps, [60_000, 60_000, 60_000, 60_000, 60_000])
})

test('the deadline ends the wait with the last status read', async () => {
  const { clock, service, url, first } = await started({ operation: { reads: 1000 } })
  const start = clock.now()
  const result = await waitForEnd({
    service,
    url,
    clock,
    first,
    deadline: start + 150_000,
    intervalMs: 60_000,
    random: () => 0,
  })
  assert.equal(result.timedOut, true)
  assert.equal(result.op.status, 'running')
  assert.deepEqual(clock.sleeps, [60_000, 60_000, 30_000])
})

test('failed reads do not end the wait; the wait goes on through a long run of faults', async () => {
  const { sim, clock, service, url, first } = await started({
    operation: { reads: 3 },
    faults: [{ on: 'operation', kind: 'status', status: 503, nth: 2, times: 40 }],
  })
  const failures: number[] = []
  const result = await waitForEnd({
    service,
    url,
    clock,
    first,
    deadline: clock.now() + 5 * 3_600_000,
    intervalMs: 60_000,
    onReadFailed: (_m, ms) => failures.push(ms),
  })
  assert.equal(result.op.status, 'succeeded')
  assert.ok(failures.length >= 2, `failures ${failures.length}`)
  assert.ok(failures.at(-1)! < 15 * 60_000)
  assert.equal(sim.requests.filter((r) => r.route === 'operation' && r.fault).length, 40)
})

test('an unbroken run of failed reads longer than 15 minutes ends the wait', async () => {
  const { clock, service, url, first } = await started({
    operation: { reads: 3 },
    faults: [{ on: 'operation', kind: 'status', status: 502, nth: 2, times: 100_000 }],
  })
  const start = clock.now()
  await assert.rejects(
    waitForEnd({ service, url, clock, first, deadline: start + 5 * 3_600_000, intervalMs: 60_000 }),
    (e: Error) => {
      assert.equal(e.name, 'ActionError')
      assert.match(
        e.message,
        /^Stopped waiting: the operation status could not be read for 1[5-9]m( \d+s)? \(last: Could not read the operation status: \d+ attempts failed/,
      )
      return true
    },
  )
  const waited = clock.now() - start
  assert.ok(waited >= 15 * 60_000 && waited < 20 * 60_000, `gave up after ${waited} ms`)
})

test('a client error while waiting ends the wait at once', async () => {
  const { clock, service, url, first } = await started({
    operation: { reads: 3 },
    faults: [
      { on: 'operation', kind: 'status', status: 404, nth: 2, body: '{"error":{"code":"NotFound","message":"gone"}}' },
    ],
  })
  await assert.rejects(
    waitForEnd({ service, url, clock, first, deadline: clock.now() + 3_600_000, intervalMs: 60_000 }),
    /HTTP 404 \(NotFound: gone\); operation http:\/\/127\.0\.0\.1:\d+\/api\/.* does not exist\./,
  )
})

test('a cancellation cuts the wait short', async () => {
  const { clock, service, url, first } = await started({ operation: { reads: 100 } })
  const controller = new AbortController()
  let reads = 0
  const wait = waitForEnd({
    service,
    url,
    clock,
    signal: controller.signal,
    first,
    deadline: clock.now() + 3_600_000,
    intervalMs: 60_000,
    onRead: () => ++reads === 2 && controller.abort(),
  })
  await assert.rejects(wait, Cancelled)
  assert.equal(reads, 2)
})

test('polls spread past the interval, never before it: a matrix of runs drifts apart', async () => {
  assert.equal(
    pollDelayMs(60_000, () => 0),
    60_000,
  )
  assert.equal(
    pollDelayMs(60_000, () => 0.5),
    63_000,
  )
  assert.equal(
    pollDelayMs(60_000, () => 0.9999),
    65_999,
  )
  const { clock, service, url, first } = await started({ operation: { reads: 4 } })
  const draws = [0.1, 0.7, 0.3, 0.9]
  await waitForEnd({
    service,
    url,
    clock,
    first,
    deadline: clock.now() + 3_600_000,
    intervalMs: 10_000,
    random: () => draws.shift() ?? 0,
  })
  assert.deepEqual(clock.sleeps, [10_100, 10_700, 10_300, 10_900])
})

test('a read that names another URL moves the wait there', async () => {
  const { clock, first } = await started({ operation: { reads: 1000 } })
  const elsewhere = new URL('http://127.0.0.1:1/moved')
  const read: string[] = []
  const result = await waitForEnd({
    service: {
      read: async (at) => {
        read.push(at.pathname)
        return read.length === 1
          ? { ...first, status: 'running', movedTo: elsewhere }
          : { ...first, status: read.length < 3 ? 'running' : 'succeeded', movedTo: undefined }
      },
    },
    url: new URL('http://127.0.0.1:1/first'),
    clock,
    first,
    deadline: clock.now() + 3_600_000,
    intervalMs: 1000,
    random: () => 0,
  })
  assert.equal(result.op.status, 'succeeded')
  assert.deepEqual(read, ['/first', '/moved', '/moved'])
})
