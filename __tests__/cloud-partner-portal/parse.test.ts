import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  chooseGoLive,
  normaliseStatus,
  operationId,
  parseOperation,
  parseSubmissions,
  resolveOperationUrl,
  type Submission,
} from '../../src/cloud-partner-portal/parse.js'
import { changedSteps, failureReasons } from '../../src/operation.js'
import { clean } from '../../src/sanitize.js'

const BASE = new URL('https://cloudpartner.azure.com')
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'

/** The documentation's example operation, abridged as in cpp-api.md. */
const DOC_EXAMPLE = {
  id: GUID,
  submissionType: 'GoLive',
  status: 'running',
  messages: [],
  steps: [
    {
      estimatedTimeFrame: '< 15 min',
      id: 'displaydummycertify',
      stepName: 'Validate Pre-Requisites',
      status: 'complete',
      messages: [{ messageHtml: 'Step completed.', level: 'information', timestamp: '2017-03-28T19:50:36.500052Z' }],
      progressPercentage: 100,
    },
    {
      estimatedTimeFrame: '< 5 day',
      id: 'displaycertify',
      stepName: 'Certification',
      status: 'blocked',
      messages: [
        {
          messageHtml: 'No virtual machine image was found for the plan contoso.',
          level: 'error',
          timestamp: '2017-03-28T19:50:39.5506018Z',
        },
      ],
      progressPercentage: 0,
    },
    {
      id: 'publisher-signoff',
      stepName: 'Publisher signoff',
      status: 'complete',
      messages: [],
      progressPercentage: 100,
    },
    {
      estimatedTimeFrame: '~2-5 days',
      id: 'live',
      stepName: 'Live',
      status: 'notStarted',
      messages: [],
      progressPercentage: 0,
    },
  ],
  previewLinks: [],
  liveLinks: [],
  notificationEmails: 'jondoe@contoso.com',
}

test('both status vocabularies normalise, case-insensitively', () => {
  const cases: [string, string][] = [
    ['not started', 'notStarted'],
    ['notStarted', 'notStarted'],
    ['NotStarted', 'notStarted'],
    ['running', 'running'],
    ['Running', 'running'],
    ['inProgress', 'running'],
    ['completed', 'succeeded'],
    ['complete', 'succeeded'],
    ['Succeeded', 'succeeded'],
    ['failed', 'failed'],
    ['FAILED', 'failed'],
    ['canceled', 'canceled'],
    ['cancelled', 'canceled'],
  ]
  for (const [raw, expected] of cases) assert.deepEqual(normaliseStatus(raw), { status: expected, known: true }, raw)
})

test('a status the action does not know keeps the go-live running, flagged as unknown', () => {
  assert.deepEqual(normaliseStatus('somethingNew'), { status: 'running', known: false })
  const op = parseOperation({ status: 'waitingForPublisherReview', steps: [] })
  assert.equal(op.status, 'running')
  assert.equal(op.unknownStatus, 'waitingForPublisherReview')
  assert.equal(parseOperation({ status: 'running' }).unknownStatus, undefined)
})

test('the operation body may be an object or the documented one-element array', () => {
  const fromObject = parseOperation(DOC_EXAMPLE)
  const fromArray = parseOperation([DOC_EXAMPLE])
  assert.deepEqual(fromArray, fromObject)
  assert.equal(fromObject.status, 'running')
  assert.deepEqual(
    fromObject.steps.map((s) => [s.name, s.state, s.progress]),
    [
      ['Validate Pre-Requisites', 'done', 100],
      ['Certification', 'failed', 0],
      ['Publisher signoff', 'done', 100],
      ['Live', 'waiting', 0],
    ],
  )
})

test('notification e-mails are never kept, and addresses inside messages are redacted', () => {
  const op = parseOperation({
    ...DOC_EXAMPLE,
    messages: [{ messageText: 'Mail sent to jondoe@contoso.com and a.b+c@x.co.uk', level: 'information' }],
  })
  const text = JSON.stringify(op)
  assert.doesNotMatch(text, /@/)
  assert.match(op.messages[0].text, /Mail sent to \[e-mail redacted\] and \[e-mail redacted\]/)
})

test('an unexpected shape is a clear error, not a crash', () => {
  assert.throws(
    () => parseOperation({ value: 1 }),
    /The operation status answer has an unexpected shape \(an object with value\); expected an object with a "status"/,
  )
  assert.throws(() => parseOperation([]), /unexpected shape \(an array of 0\)/)
  assert.throws(() => parseOperation([DOC_EXAMPLE, DOC_EXAMPLE]), /an array of 2/)
  assert.throws(() => parseOperation(null), /unexpected shape \(null\)/)
  assert.throws(() => parseOperation('running'), /unexpected shape \(a string\)/)
  const sparse = parseOperation({ status: 'running', steps: [null, 3, { status: 'complete' }] })
  assert.deepEqual(
    sparse.steps.map((s) => s.name),
    ['Step 1'],
  )
})

test('messageHtml becomes plain, single-line, bounded text', () => {
  assert.equal(clean('<b>No image</b> for&nbsp;plan &lt;x&gt;<br/>Fix it.'), 'No image for plan <x> Fix it.')
  assert.equal(clean('x'.repeat(600)).length, 500)
})

test('operation URLs: both header forms, relative or absolute, on base-url origin only', () => {
  const abs = resolveOperationUrl(
    `https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-virtualmachineoffer/operations/${GUID}`,
    BASE,
    'x',
  )
  assert.equal(operationId(abs), GUID)
  const rel = resolveOperationUrl(
    `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`,
    BASE,
    'x',
  )
  assert.equal(
    rel.href,
    `https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`,
  )
  const legacy = resolveOperationUrl(
    '/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31',
    BASE,
    'x',
  )
  assert.equal(operationId(legacy), 'contoso$contoso-offer$2$preview')
  assert.throws(
    () =>
      resolveOperationUrl(
        `https://cloudpartner.azure.com.evil.example/api/operations/${GUID}`,
        BASE,
        'operation location',
      ),
    /Refused the operation location .*not on base-url's origin https:\/\/cloudpartner.azure.com/,
  )
  assert.throws(
    () => resolveOperationUrl(`http://cloudpartner.azure.com/api/operations/${GUID}`, BASE, 'x'),
    /not on base-url's origin/,
  )
  assert.throws(
    () => resolveOperationUrl(`//evil.example/api/operations/${GUID}`, BASE, 'x'),
    /not on base-url's origin/,
  )
})

test('the submissions list keeps ids, types, states, slots and times, and drops the e-mail definitions', () => {
  const list = parseSubmissions([
    {
      id: 'a',
      submissionType: 'publish',
      submissionState: 'running',
      slot: 'staging',
      definition: { metadata: { emails: 'jdoe@contoso.com' } },
    },
    { id: 'b', submissionType: 'GoLive', submissionState: 'running', slot: 'production' },
    { submissionType: 'goLive' },
  ])
  assert.deepEqual(list, [
    { id: 'a', type: 'publish', state: 'running', slot: 'staging', changedTime: undefined },
    { id: 'b', type: 'GoLive', state: 'running', slot: 'production', changedTime: undefined },
  ])
  assert.throws(() => parseSubmissions({ error: 'x' }), /The submissions list has an unexpected shape/)
})

test('step changes and failure reasons', () => {
  const before = parseOperation(DOC_EXAMPLE)
  const after = parseOperation({
    ...DOC_EXAMPLE,
    status: 'failed',
    steps: DOC_EXAMPLE.steps.map((s) => (s.id === 'live' ? { ...s, status: 'canceled' } : s)),
  })
  assert.deepEqual(
    changedSteps(before, after).map((s) => s.name),
    ['Live'],
  )
  assert.equal(changedSteps(undefined, after).length, 4)
  assert.deepEqual(failureReasons(after), ['Certification: No virtual machine image was found for the plan contoso.'])
  assert.deepEqual(
    failureReasons(
      parseOperation({ status: 'failed', error: { code: 'X', message: 'Publishing failed at jon@contoso.com' } }),
    ),
    ['Publishing failed at [e-mail redacted]'],
  )
})

const sub = (id: string, slot: string | undefined, state: string, changedTime?: string): Submission => ({
  id,
  type: '',
  state,
  slot,
  changedTime,
})

test('the go-live to follow is the running production entry, else the newest production entry', () => {
  const list = [
    sub('old', 'production', 'succeeded', '2026-01-01T00:00:00Z'),
    sub('publish', 'staging', 'running', '2026-03-01T00:00:00Z'),
    sub('new', 'Production', 'failed', '2026-02-01T00:00:00Z'),
  ]
  assert.equal(chooseGoLive(list).running, undefined)
  assert.equal(chooseGoLive(list).latest?.id, 'new')
  assert.equal(chooseGoLive(list).other?.id, 'publish')
  const running = [...list, sub('now', 'production', 'running', '2025-01-01T00:00:00Z')]
  assert.equal(chooseGoLive(running).running?.id, 'now')
  // A publish in the production slot is not a go-live only by its type: the slot decides.
  assert.equal(chooseGoLive([{ id: 'p', type: 'publish', state: 'running', slot: 'staging' }]).running, undefined)
  // Entries with neither type nor slot neither crash nor count.
  assert.deepEqual(chooseGoLive([sub('x', undefined, '')]), { running: undefined, latest: undefined, other: undefined })
})

test('a relative operation location keeps the path prefix of base-url (a gateway in front of the API)', () => {
  const gateway = new URL('https://gateway.example/cpp')
  const rel = resolveOperationUrl(
    `/api/publishers/contoso/offers/o/operations/${GUID}?api-version=2017-10-31`,
    gateway,
    'x',
  )
  assert.equal(
    rel.href,
    `https://gateway.example/cpp/api/publishers/contoso/offers/o/operations/${GUID}?api-version=2017-10-31`,
  )
  // Already under the prefix, or absolute: as given.
  const under = resolveOperationUrl(`/cpp/api/operations/${GUID}`, gateway, 'x')
  assert.equal(under.pathname, `/cpp/api/operations/${GUID}`)
  const absolute = resolveOperationUrl(`https://gateway.example/api/operations/${GUID}`, gateway, 'x')
  assert.equal(absolute.pathname, `/api/operations/${GUID}`)
})
