import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  chooseLive,
  errorMessages,
  jobId,
  jobOperation,
  parseFollowed,
  parseSubmissions,
  planGoLive,
  productGuid,
  type Submission,
} from '../../src/product-ingestion/parse.js'

const GUID = '5f3b0b52-0c7e-4a8e-9d3e-2a0f5d7c9b11'
const sub = (n: string, target: string, status = '', result = '', created?: string): Submission => ({
  id: `submission/${GUID}/${n}`,
  target,
  status,
  result,
  created,
})
const draft = sub('0', 'draft')
const oldLive = sub('1152921505697416353', 'live', 'completed', 'succeeded', '2024-01-25T07:13:06.4408032Z')
const preview = sub('1152921505698967817', 'preview', 'completed', 'succeeded', '2024-02-04T20:07:22.4220588Z')

test('the newest succeeded preview is promoted', () => {
  assert.deepEqual(planGoLive([draft, oldLive, preview], 'o'), { kind: 'promote', preview })
})

test('a live submission in progress is attached to, whatever the previews say', () => {
  const running = sub(preview.id.split('/')[2], 'live', 'running', 'pending', '2024-02-05T00:00:00Z')
  assert.deepEqual(planGoLive([draft, oldLive, preview, running], 'o'), { kind: 'attach', live: running })
  assert.equal(planGoLive([draft, sub('7', 'live', 'notStarted', 'pending')], 'o').kind, 'attach')
})

test('a preview already live is not promoted again', () => {
  const live = { ...preview, target: 'live' }
  assert.deepEqual(planGoLive([draft, preview, live], 'o'), { kind: 'already-live', live })
  // The same id live but failed: promoted again.
  assert.equal(planGoLive([draft, preview, { ...live, result: 'failed' }], 'o').kind, 'promote')
})

test('no, running or failed newest preview: refused with what to do', () => {
  const refuse = (list: Submission[]): string => {
    const plan = planGoLive(list, 'contoso')
    assert.equal(plan.kind, 'refuse')
    return plan.kind === 'refuse' ? plan.reason : ''
  }
  assert.match(refuse([draft, oldLive]), /has no preview submission\. Publish it to preview first/)
  assert.match(
    refuse([draft, sub('9', 'preview', 'running', 'pending', '2024-03-01T00:00:00Z')]),
    /is running\. Wait for the preview to finish/,
  )
  assert.match(
    refuse([draft, sub('9', 'preview', 'completed', 'failed', '2024-03-01T00:00:00Z')]),
    /\(submission 9\) failed\. Fix the offer/,
  )
  // An older succeeded preview behind a newer failed one: the service would refuse it as not the latest.
  assert.match(
    refuse([preview, sub('9', 'preview', 'completed', 'failed', '2024-03-01T00:00:00Z')]),
    /\(submission 9\) failed/,
  )
})

test('start: false follows the live submission in progress, else the newest live one', () => {
  const newer = sub('8', 'live', 'completed', 'failed', '2024-03-01T00:00:00Z')
  assert.equal(chooseLive([draft, oldLive, newer, preview]), newer)
  const running = sub('9', 'live', 'running', 'pending', '2023-01-01T00:00:00Z')
  assert.equal(chooseLive([oldLive, newer, running]), running)
  assert.equal(chooseLive([draft, preview]), undefined)
})

test('the job vocabulary, in any casing', () => {
  const read = (jobStatus: string, jobResult = 'pending') =>
    jobOperation({ jobId: 'j', jobStatus, jobResult, errors: [] })
  assert.equal(read('notStarted').status, 'notStarted')
  assert.equal(read('Running').status, 'running')
  assert.equal(read('completed', 'succeeded').status, 'succeeded')
  assert.equal(read('Completed', 'Failed').status, 'failed')
  assert.equal(read('completed', 'cancelled').status, 'canceled')
  assert.equal(read('completed', 'succeeded').rawStatus, 'completed (succeeded)')
  const odd = read('validating')
  assert.equal(odd.status, 'running')
  assert.equal(odd.unknownStatus, 'validating')
  assert.equal(read('completed', 'weird').unknownStatus, 'completed (weird)')
  assert.throws(
    () => jobOperation({ value: [] }),
    /The job status answer has an unexpected shape \(an object with value\)/,
  )
})

test('job ids: jobId or jobID, and nothing that could change a URL path', () => {
  assert.equal(jobId({ jobId: 'd4261631-c583-4949-a612-5150882632e9' }), 'd4261631-c583-4949-a612-5150882632e9')
  assert.equal(jobId({ jobID: '0b7c5c1e-4a2f-4e8b-9a51-2f3d7e6c1a90' }), '0b7c5c1e-4a2f-4e8b-9a51-2f3d7e6c1a90')
  for (const id of [
    '../x',
    '%2F',
    'd4261631-c583-4949-a612-5150882632e9?x',
    'd4261631-c583-4949-a612-5150882632e9#',
    '..%2Fd4261631-c583-4949-a612-5150882632e9',
  ])
    assert.equal(jobId({ jobId: id }), undefined, id)
  assert.equal(jobId({}), undefined)
})

test('every error and nested detail is a message; known ones carry their hint; depth and count are bounded', () => {
  const messages = errorMessages([
    {
      code: 'internalServerError',
      message: 'An In Progress submission 1234567890 already exists.',
      details: [{ code: 'invalidState', message: 'x', details: [{ code: 'deeper', message: 'y' }] }],
    },
    'not an object',
    { code: 'conflict' },
  ])
  assert.deepEqual(
    messages.map((m) => m.text),
    [
      'internalServerError: An In Progress submission 1234567890 already exists. (another publish is running on this offer: wait for it to end (start: false follows it), then re-run)',
      'invalidState: x',
      'deeper: y',
      'conflict',
    ],
  )
  const chain = (depth: number): unknown => ({
    code: `c${depth}`,
    message: 'm',
    details: depth < 20 ? [chain(depth + 1)] : [],
  })
  assert.equal(errorMessages([chain(0)]).length, 6)
  assert.equal(errorMessages(Array.from({ length: 500 }, () => ({ code: 'x' }))).length, 50)
})

test('product lookup, submissions and followed URLs', () => {
  const offer = (id: string, externalId = 'contoso-saas') => ({ id, identity: { externalId } })
  assert.equal(productGuid({ value: [offer(`product/${GUID}`)] }, 'contoso-saas'), GUID)
  assert.equal(productGuid({ value: [] }, 'contoso-saas'), undefined)
  assert.throws(() => productGuid({ value: [offer('product/../../x')] }, 'contoso-saas'), /not a product id/)
  assert.throws(() => productGuid([], 'contoso-saas'), /unexpected shape/)
  const list = parseSubmissions({
    value: [{ id: `submission/${GUID}/12`, target: { targetType: 'Live' }, status: 'running' }, { id: 'junk' }, null],
  })
  assert.deepEqual(list, [
    { id: `submission/${GUID}/12`, target: 'live', status: 'running', result: '', created: undefined },
  ])
  assert.deepEqual(parseFollowed('/rp/product-ingestion/configure/d4261631-c583-4949-a612-5150882632e9/status'), {
    kind: 'job',
    jobId: 'd4261631-c583-4949-a612-5150882632e9',
  })
  assert.deepEqual(parseFollowed(`/rp/product-ingestion/submission/${GUID}/12`), {
    kind: 'submission',
    productGuid: GUID,
    id: '12',
  })
  assert.equal(parseFollowed(`/rp/product-ingestion/submission/${GUID}/x`), undefined)
  assert.equal(parseFollowed('/rp/product-ingestion/product/x'), undefined)
})
