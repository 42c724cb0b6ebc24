/** The CPP parser on answers of unexpected shape: every word, every odd entry, nothing crashes. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  chooseGoLive,
  describeSubmissions,
  normaliseStatus,
  parseOperation,
  parseSubmissions,
  resolveOperationUrl,
  stepState,
  type Submission,
} from '../../src/cloud-partner-portal/parse.js'
import { describeShape, MAX_FIELD, str } from '../../src/json.js'

const BASE = new URL('https://cloudpartner.azure.com')

test('every status word, in any case and spacing, and an unknown one', () => {
  const words: [string, string][] = [
    ['notStarted', 'notStarted'],
    ['not started', 'notStarted'],
    ['Queued', 'notStarted'],
    ['running', 'running'],
    ['in_progress', 'running'],
    ['Completed', 'succeeded'],
    ['complete', 'succeeded'],
    ['SUCCEEDED', 'succeeded'],
    ['success', 'succeeded'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
    ['Cancelled', 'canceled'],
  ]
  for (const [raw, status] of words) assert.deepEqual(normaliseStatus(raw), { status, known: true }, raw)
  assert.deepEqual(normaliseStatus('paused'), { status: 'running', known: false })
  assert.deepEqual(normaliseStatus(''), { status: 'running', known: false })
})

test('every step state word', () => {
  const states: [string, string][] = [
    ['complete', 'done'],
    ['Completed', 'done'],
    ['succeeded', 'done'],
    ['failed', 'failed'],
    ['blocked', 'failed'],
    ['rejected', 'failed'],
    ['canceled', 'canceled'],
    ['cancelled', 'canceled'],
    ['in progress', 'running'],
    ['running', 'running'],
    ['notStarted', 'waiting'],
    ['waiting', 'waiting'],
    ['', 'waiting'],
  ]
  for (const [raw, state] of states) assert.equal(stepState(raw), state, raw)
})

test('an operation URL must end in /operations/{id}', () => {
  for (const path of ['/api/operations/abc/extra', '/api/operations/', '/api/operation/abc']) {
    assert.throws(() => resolveOperationUrl(path, BASE, 'operation-location'), {
      name: 'ActionError',
      message: `The operation-location ${path} is not an operation URL: it should end in /operations/{operationId}.`,
    })
  }
  assert.equal(resolveOperationUrl('/api/x/operations/abc', BASE, 'x').pathname, '/api/x/operations/abc')
})

test("the operation's error: a string, an object's message or code, or nothing", () => {
  const errorsOf = (error: unknown) =>
    parseOperation({ status: 'failed', error }).messages.map((m) => [m.level, m.text])
  assert.deepEqual(errorsOf('Broken <b>offer</b>'), [['error', 'Broken offer']])
  assert.deepEqual(errorsOf({ code: 'Code', message: 'Text' }), [['error', 'Text']])
  assert.deepEqual(errorsOf({ code: 'OnlyCode' }), [['error', 'OnlyCode']])
  assert.deepEqual(errorsOf({ message: 42 }), [['error', '42']])
  for (const nothing of [null, undefined, {}, { message: '' }, true, ['x'], '']) {
    assert.deepEqual(errorsOf(nothing), [], JSON.stringify(nothing))
  }
  // The operation's error comes after its own messages.
  const op = parseOperation({
    status: 'failed',
    messages: [{ messageHtml: 'first', level: 'warning' }],
    error: 'second',
  })
  assert.deepEqual(
    op.messages.map((m) => m.text),
    ['first', 'second'],
  )
})

test('steps and messages: entries that are not objects are dropped; missing fields get defaults', () => {
  const op = parseOperation({
    status: 'running',
    steps: [
      null,
      'step',
      7,
      { stepName: 'Named' },
      { id: 'only-id', progressPercentage: '50' },
      { id: 9, progressPercentage: 30 },
    ],
    messages: [
      null,
      'text',
      { messageText: 'plain' },
      { message: 'alt', level: 'WARNING', timestamp: '2024-01-01' },
      { messageHtml: '' },
    ],
  })
  assert.deepEqual(
    op.steps.map((s) => [s.id, s.name, s.status, s.state, s.progress]),
    [
      ['step-0', 'Named', 'notStarted', 'waiting', undefined],
      ['only-id', 'only-id', 'notStarted', 'waiting', undefined],
      ['9', '9', 'notStarted', 'waiting', 30],
    ],
  )
  assert.deepEqual(op.messages, [
    { text: 'plain', level: 'information', timestamp: undefined },
    { text: 'alt', level: 'warning', timestamp: '2024-01-01' },
  ])
  const unnamed = parseOperation({ status: 'running', steps: [{}, {}] })
  assert.deepEqual(
    unnamed.steps.map((s) => [s.id, s.name]),
    [
      ['step-0', 'Step 1'],
      ['step-1', 'Step 2'],
    ],
  )
  assert.deepEqual(parseOperation({ status: 'running', steps: 'x', messages: {} }).steps, [])
})

test('links: only absolute http(s) URLs, from a string or an object', () => {
  const op = parseOperation({
    status: 'succeeded',
    liveLinks: [
      'https://azuremarketplace.microsoft.com/a',
      'HTTP://example.test/b',
      'javascript:alert(1)//https://x',
      '/relative/https://x',
      'ftp://example.test/c',
      { uri: 'https://example.test/d', displayText: 'D' },
      { url: 'https://example.test/e', text: 'E' },
      { href: 'https://example.test/f', name: 'F' },
      { displayText: 'no url' },
      42,
      null,
    ],
    previewLinks: 'https://example.test/not-a-list',
  })
  assert.deepEqual(op.liveLinks, [
    { text: 'https://azuremarketplace.microsoft.com/a', url: 'https://azuremarketplace.microsoft.com/a' },
    { text: 'HTTP://example.test/b', url: 'HTTP://example.test/b' },
    { text: 'D', url: 'https://example.test/d' },
    { text: 'E', url: 'https://example.test/e' },
    { text: 'F', url: 'https://example.test/f' },
  ])
  assert.deepEqual(op.previewLinks, [])
})

test('the submissions list: an array or {value: [...]}; anything else is a clear error', () => {
  const entry = { id: 'a', submissionType: 'GoLive', submissionState: 'running', slot: 'Production' }
  assert.equal(parseSubmissions([entry]).length, 1)
  assert.equal(parseSubmissions({ value: [entry] }).length, 1)
  for (const [body, shape] of [
    [null, 'null'],
    [{ value: 'x' }, 'an object with value'],
    [{}, 'an empty object'],
    ['text', 'a string'],
    [undefined, 'a undefined'],
  ] as const) {
    assert.throws(() => parseSubmissions(body), {
      name: 'ActionError',
      message: `The submissions list has an unexpected shape (${shape}); expected an array.`,
    })
  }
  // Entries that are not objects, or have no id, are skipped; numbers are read as text.
  assert.deepEqual(
    parseSubmissions([null, 'x', { submissionType: 'GoLive' }, { id: 12, status: 'Running', changedTime: 5 }]),
    [{ id: '12', type: '', state: 'Running', slot: undefined, changedTime: '5' }],
  )
})

const sub = (id: string, more: Partial<Submission>): Submission => ({ id, type: '', state: '', ...more })

test('which submission is the go-live: production slot only, whole state words only, newest first on ties', () => {
  const prod = (id: string, state: string, changedTime?: string) => sub(id, { slot: 'production', state, changedTime })
  // A finished one, or a publish (preview slot), is not the running go-live.
  assert.equal(
    chooseGoLive([prod('done', 'succeeded'), sub('pub', { slot: 'preview', state: 'running' })]).running,
    undefined,
  )
  assert.equal(chooseGoLive([sub('pub', { slot: 'preview', state: 'running' })]).other?.id, 'pub')
  // No type and no slot: not a go-live, and no crash.
  assert.deepEqual(chooseGoLive([sub('bare', {})]), { running: undefined, latest: undefined, other: undefined })
  // Whole words: "not running" is not running, and neither is "running late".
  for (const state of ['not running', 'Running Late', 'inprogressive', 'xnotstarted']) {
    assert.equal(chooseGoLive([prod('p', state)]).running, undefined, state)
  }
  for (const state of ['Running', 'in progress', 'NotStarted']) {
    assert.equal(chooseGoLive([prod('p', state)]).running?.id, 'p', state)
  }
  // The newest by changedTime; on a tie, the first listed; a missing time is the oldest.
  const latest = (list: Submission[]) => chooseGoLive(list).latest?.id
  assert.equal(
    latest([
      prod('old', 'failed', '2024-01-01'),
      prod('new', 'failed', '2024-03-01'),
      prod('mid', 'failed', '2024-02-01'),
    ]),
    'new',
  )
  assert.equal(latest([prod('first', 'failed', '2024-01-01'), prod('second', 'failed', '2024-01-01')]), 'first')
  assert.equal(latest([prod('dated', 'failed', '2024-01-01'), prod('undated', 'failed')]), 'dated')
  assert.equal(latest([prod('undated', 'failed'), prod('dated', 'failed', '2024-01-01')]), 'dated')
})

test('describeSubmissions names at most five entries', () => {
  assert.equal(describeSubmissions([]), 'the list is empty')
  const list = Array.from({ length: 6 }, (_, i) =>
    sub(`${i}`, { type: i ? 'GoLive' : '', slot: i === 1 ? undefined : 'production', state: i === 2 ? '' : 'running' }),
  )
  assert.equal(
    describeSubmissions(list),
    '6 listed: production running, GoLive running, GoLive without a state, GoLive running, GoLive running, ...',
  )
  assert.equal(describeSubmissions([sub('x', {})]), '1 listed: untyped without a state')
})

test('json: str keeps strings and numbers, cut at MAX_FIELD; describeShape never quotes content', () => {
  assert.equal(str('text'), 'text')
  assert.equal(str(42), '42')
  for (const other of [null, undefined, true, {}, [], Symbol.iterator]) assert.equal(str(other), '')
  assert.equal(str('x'.repeat(MAX_FIELD)).length, MAX_FIELD)
  assert.equal(str('x'.repeat(MAX_FIELD + 1)).length, MAX_FIELD)
  assert.equal(str(`${'x'.repeat(MAX_FIELD)}tail`), 'x'.repeat(MAX_FIELD))
  assert.equal(describeShape([1, 2]), 'an array of 2')
  assert.equal(describeShape(null), 'null')
  assert.equal(describeShape(3), 'a number')
  assert.equal(describeShape({}), 'an empty object')
  assert.equal(
    describeShape({ a: 1, 'b c': 2, 'x$@.-_9': 3, ['k'.repeat(41)]: 4, e: 5, f: 6 }),
    'an object with a, ?, x$@.-_9, ?, e',
  )
  assert.equal(describeShape({ ['k'.repeat(40)]: 1 }), `an object with ${'k'.repeat(40)}`)
  assert.equal(describeShape({ 'a\n': 1, '\na': 2 }), 'an object with ?, ?')
})
