/** The Product Ingestion parser on odd answers: ids, shapes, order, job words and error lists. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { failureReasons, type Operation, type Step } from '../../src/operation.js'
import { anOperation, aStep, aSubmission, PRODUCT } from '../operations.js'
import {
  chooseLive,
  errorMessages,
  jobId,
  jobOperation,
  parseFollowed,
  parseSubmissions,
  planGoLive,
  productGuid,
  submissionNumber,
  submissionOperation,
} from '../../src/product-ingestion/parse.js'

const GUID = PRODUCT

test('ids are whole: a product, submission or job id with anything before or after is refused', () => {
  const product = (id: string, externalId = 'o') => ({ id, identity: { externalId } })
  assert.equal(productGuid({ value: [product(`product/${GUID}`)] }, 'o'), GUID)
  assert.equal(productGuid({ value: [] }, 'o'), undefined)
  for (const id of [`x/product/${GUID}`, `product/${GUID}/x`, 'product/', `product/${'a'.repeat(65)}`]) {
    assert.throws(() => productGuid({ value: [product(id)] }, 'o'), /answered an id that is not a product id/, id)
  }
  assert.throws(() => productGuid({ value: [product('')] }, 'o'), /answered an id that is not a product id \(''\)/)
  assert.equal(productGuid({ value: ['text'] }, 'o'), undefined, 'not a product')
  for (const body of [null, [], { value: 'x' }, {}]) {
    assert.throws(() => productGuid(body, 'o'), /^ActionError: The product lookup answer has an unexpected shape/)
  }
  const ids = [`submission/${GUID}/12`, `x/submission/${GUID}/12`, `submission/${GUID}/12/x`, `submission/${GUID}/1a`]
  assert.deepEqual(
    parseSubmissions({ value: ids.map((id) => ({ id, target: { targetType: 'Live' } })) }).map((s) => s.id),
    [ids[0]],
  )
  for (const body of [null, [], { value: 'x' }, {}]) {
    assert.throws(() => parseSubmissions(body), /^ActionError: The submissions list has an unexpected shape/)
  }
  assert.equal(jobId({ jobId: 'd4261631-c583-4949-a612-5150882632e9' }), 'd4261631-c583-4949-a612-5150882632e9')
  assert.equal(jobId({ jobID: '0B7C5C1E-4A2F-4E8B-9A51-2F3D7E6C1A90' }), '0B7C5C1E-4A2F-4E8B-9A51-2F3D7E6C1A90')
  for (const body of [
    { jobId: 'abc-1' },
    { jobId: `${'d4261631-c583-4949-a612-5150882632e9'}/x` },
    { jobId: ` d4261631-c583-4949-a612-5150882632e9` },
    { jobId: '' },
    null,
    { jobId: 'a'.repeat(65) },
  ]) {
    assert.equal(jobId(body), undefined, JSON.stringify(body))
  }
})

test('a followed URL is a job status or a live submission, ending there', () => {
  assert.deepEqual(parseFollowed('/rp/configure/d4261631-c583-4949-a612-5150882632e9/status'), {
    kind: 'job',
    jobId: 'd4261631-c583-4949-a612-5150882632e9',
  })
  assert.equal(parseFollowed('/rp/configure/job-1/status'), undefined, 'not a GUID')
  assert.deepEqual(parseFollowed(`/rp/submission/${GUID}/42`), { kind: 'submission', productGuid: GUID, id: '42' })
  for (const path of [
    '/rp/configure/d4261631-c583-4949-a612-5150882632e9/status/more',
    '/rp/configure/job 1/status',
    `/rp/submission/${GUID}/42/more`,
    `/rp/submission/${GUID}/x42`,
    '/rp/other',
  ]) {
    assert.equal(parseFollowed(path), undefined, path)
  }
  assert.equal(submissionNumber(`submission/${GUID}/42`), '42')
  assert.equal(submissionNumber('42'), '42')
})

const sub = aSubmission

test('the plan: the newest preview by creation time; no status is not in progress; each refusal says why', () => {
  const older = sub(1, 'preview', 'completed', 'succeeded', '2024-01-01T00:00:00Z')
  const newer = sub(2, 'preview', 'completed', 'failed', '2024-02-01T00:00:00Z')
  const undated = sub(3, 'preview', 'completed', 'succeeded')
  assert.deepEqual(planGoLive([older, newer, undated], 'o'), {
    kind: 'refuse',
    reason:
      "Cannot go live: the latest preview of offer 'o' (submission 2) failed. Fix the offer and publish it to preview again, then go live.",
  })
  assert.deepEqual(planGoLive([undated, older], 'o'), { kind: 'promote', preview: older })
  assert.deepEqual(planGoLive([sub(4, 'preview', 'completed', '')], 'o'), {
    kind: 'refuse',
    reason:
      "Cannot go live: the latest preview of offer 'o' (submission 4) did not succeed. Fix the offer and publish it to preview again, then go live.",
  })
  // A live entry without a status is not a go-live in progress.
  const blank = sub(5, 'live', '')
  assert.deepEqual(planGoLive([blank, older], 'o'), { kind: 'promote', preview: older })
  assert.equal(chooseLive([blank]), blank, 'still the newest live entry to follow')
  assert.deepEqual(planGoLive([sub(6, 'live', 'InProgress'), older], 'o').kind, 'attach')
  assert.deepEqual(
    planGoLive([sub(6, 'live', 'COMPLETED', 'Succeeded'), sub(6, 'preview', 'Completed', 'SUCCEEDED')], 'o').kind,
    'already-live',
  )
  assert.deepEqual(planGoLive([], 'o'), {
    kind: 'refuse',
    reason:
      "Cannot go live: offer 'o' has no preview submission. Publish it to preview first (target: preview), then go live.",
  })
  // The newest live entry, when none is in progress.
  const lives = [
    sub(7, 'live', 'completed', 'failed', '2024-01-01'),
    sub(8, 'live', 'completed', 'succeeded', '2024-05-01'),
    sub(9, 'live', 'completed', 'failed'),
  ]
  assert.equal(chooseLive(lives)?.id, lives[1].id)
})

test('job and submission words, any casing; an unknown word keeps the wait going, flagged', () => {
  const job = (jobStatus: string, jobResult?: string) => jobOperation({ jobStatus, jobResult })
  const seen = (op: Operation) => [op.status, op.rawStatus, op.unknownStatus]
  assert.deepEqual(seen(job('notStarted')), ['notStarted', 'notStarted', undefined])
  assert.deepEqual(seen(job('Running')), ['running', 'Running', undefined])
  assert.deepEqual(seen(job('completed', 'Succeeded')), ['succeeded', 'completed (Succeeded)', undefined])
  assert.deepEqual(seen(job('Completed', 'failed')), ['failed', 'Completed (failed)', undefined])
  assert.deepEqual(seen(job('completed', 'Cancelled')), ['canceled', 'completed (Cancelled)', undefined])
  assert.deepEqual(seen(job('completed', 'canceled')), ['canceled', 'completed (canceled)', undefined])
  assert.deepEqual(seen(job('completed')), ['running', 'completed (no result)', 'completed (no result)'])
  assert.deepEqual(seen(job('paused')), ['running', 'paused', 'paused'])
  const op = job('running')
  assert.deepEqual([op.steps, op.messages, op.previewLinks, op.liveLinks], [[], [], [], []])
  assert.deepEqual(job('completed', 'failed').messages, [])
  assert.deepEqual(seen(submissionOperation(sub(1, 'live', ''))), ['notStarted', 'notStarted', undefined])
  for (const body of [null, {}, { jobStatus: 3 }]) assert.throws(() => jobOperation(body), /expected a "jobStatus"/)
})

test('job errors: nested details, non-objects skipped, at most 50, each hint where it applies', () => {
  const many = Array.from({ length: 60 }, (_, i) => ({ code: `E${i}` }))
  const out = errorMessages(many)
  assert.equal(out.length, 50)
  assert.equal(out.at(-1)?.text, 'E49')
  // Non-objects skipped, not counted; nested details follow their parent.
  assert.deepEqual(
    errorMessages([
      null,
      'x',
      7,
      { code: 'A', message: 'top', details: [{ message: 'inner' }, 'y'] },
      { message: '' },
      { code: 'B' },
    ]).map((m) => [m.level, m.text]),
    [
      ['error', 'A: top'],
      ['error', 'inner'],
      ['error', 'B'],
    ],
  )
  // The limit holds across nesting, too.
  const nested = errorMessages([{ code: 'P', details: many }])
  assert.equal(nested.length, 50)
  const hinted = (message: string) => errorMessages([{ message }])[0].text
  assert.equal(
    hinted('The submission is not the latest submission.'),
    'The submission is not the latest submission. (only the newest preview can go live: publish the latest changes to preview, wait for it to finish, then re-run)',
  )
  assert.match(
    hinted('An In Progress submission 123 already exists.'),
    /\(another publish is running on this offer: wait for it to end \(start: false follows it\), then re-run\)$/,
  )
  assert.match(hinted('An In Progress submission already exists.'), /another publish is running/)
  assert.match(
    hinted('Certification failed.'),
    /\(the offer failed certification: read the certification report in Partner Center, fix the offer, publish it to preview, then go live\)$/,
  )
  assert.equal(hinted('Something else.'), 'Something else.')
})

const step = (name: string, state: Step['state'], messages: Step['messages']): Step =>
  aStep({ name, status: state, state, messages })

test('failure reasons: failed and canceled steps first, else any step; then the operation; no repeats', () => {
  const err = (text: string) => ({ text, level: 'error' })
  const op = (steps: Step[], messages = [err('op'), { text: 'info', level: 'information' }]): Operation =>
    anOperation({ status: 'failed', rawStatus: 'failed', steps, messages })
  assert.deepEqual(
    failureReasons(
      op([
        step('Done', 'done', [err('d')]),
        step('Failed', 'failed', [err('f'), { text: 'w', level: 'warning' }]),
        step('Canceled', 'canceled', [err('c')]),
      ]),
    ),
    ['Failed: f', 'Canceled: c', 'op'],
  )
  assert.deepEqual(
    failureReasons(
      op([step('Done', 'done', [err('d')]), step('Run', 'running', [err('r')]), step('Wait', 'waiting', [err('w')])]),
    ),
    ['Done: d', 'Run: r', 'Wait: w', 'op'],
  )
  assert.deepEqual(failureReasons(op([], [err('x'), err('x')])), ['x'])
  assert.deepEqual(failureReasons(op([step('Failed', 'failed', [{ text: 'i', level: 'information' }])], [])), [])
})
