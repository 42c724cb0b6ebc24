import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseOperation } from '../src/cloud-partner-portal/parse.js'
import { describeStep, ProgressLog } from '../src/progress.js'
import { FakeClock } from './fake-clock.js'

const op = (certification: string, progress = 0) =>
  parseOperation({
    status: 'running',
    steps: [
      { id: 'v', stepName: 'Validate', status: 'complete', progressPercentage: 100, messages: [] },
      {
        id: 'c',
        stepName: 'Certification',
        status: certification,
        progressPercentage: progress,
        messages: [{ messageHtml: 'Scanning', level: 'information' }],
      },
    ],
  })

test('a line per step change, a heartbeat every 10 minutes of silence, nothing per poll', () => {
  const clock = new FakeClock()
  const lines: string[] = []
  const log = new ProgressLog(clock, clock.now(), (l) => lines.push(l))
  log.read(op('notStarted'))
  assert.deepEqual(lines, [
    'Operation is running.',
    '✅ Validate: complete (100%)',
    '⏳ Certification: notStarted (0%) - Scanning',
  ])
  lines.length = 0
  // A progress percentage that moves is not a status change: no line per poll.
  for (let i = 0; i < 9; i++) {
    clock.advance(60_000)
    log.read(op('notStarted', i), op('notStarted'))
  }
  assert.deepEqual(lines, [])
  clock.advance(60_000)
  log.read(op('notStarted', 9), op('notStarted'))
  assert.deepEqual(lines, ["Still waiting after 10m: operation running; step 'Certification' is notStarted, 9%."])
  log.read(op('inProgress', 10), op('notStarted'))
  assert.equal(lines.at(-1), '🔄 Certification: inProgress (10%) - Scanning')
})

test('failed reads: the first of a run at once, then no more often than the heartbeat', () => {
  const clock = new FakeClock()
  const lines: string[] = []
  const log = new ProgressLog(clock, clock.now(), (l) => lines.push(l))
  log.readFailed('HTTP 503', 0)
  clock.advance(60_000)
  log.readFailed('HTTP 503', 60_000)
  assert.deepEqual(lines, ['Could not read the status (HTTP 503); retrying.'])
  clock.advance(600_000)
  log.readFailed('HTTP 503', 660_000)
  assert.equal(lines.at(-1), 'Could not read the status (HTTP 503); retrying, failing for 11m.')
})

test('describeStep names status, progress and the last message', () => {
  assert.equal(describeStep(op('blocked').steps[1]), '❌ Certification: blocked (0%) - Scanning')
})

test('a status the action does not know is named once, however often it is read', () => {
  const clock = new FakeClock()
  const lines: string[] = []
  const log = new ProgressLog(clock, clock.now(), (l) => lines.push(l))
  const odd = parseOperation({ status: 'validating', steps: [] })
  log.read(odd)
  log.read(odd, odd)
  log.read(odd, odd)
  assert.equal(lines.filter((l) => l.includes("'validating'")).length, 1)
  assert.match(
    lines.join('\n'),
    /The service sent the status 'validating', which this action does not know; it keeps waiting\./,
  )
})

test('the heartbeat comes once per ten quiet minutes, also after the first', () => {
  const clock = new FakeClock()
  const lines: string[] = []
  const log = new ProgressLog(clock, clock.now(), (l) => lines.push(l))
  log.read(op('notStarted'))
  lines.length = 0
  // Polls every minute for 35 minutes with nothing new: heartbeats at 10, 20 and 30 minutes only.
  for (let minute = 1; minute <= 35; minute++) {
    clock.advance(60_000)
    log.read(op('notStarted'), op('notStarted'))
  }
  assert.deepEqual(
    lines.map((l) => /^Still waiting after (\S+):/.exec(l)?.[1]),
    ['10m', '20m', '30m'],
  )
})
