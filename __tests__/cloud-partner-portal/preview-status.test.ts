/**
 * How a CPP preview publish read becomes a status: a stopped step, the sign-off step by id or by
 * name, the offer status, whether it went live since; and the offer status and submissions as
 * messages name them.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  describeSubmissions,
  parseOfferStatus,
  parseOperation,
  previewStatus,
  startedSince,
  type Submission,
} from '../../src/cloud-partner-portal/parse.js'

const step = (id: string, status: string, stepName = id) => ({ id, stepName, status, messages: [] })
const publish = (status: string, steps: unknown[]) => parseOperation({ status, steps })
const offer = (status: string, steps: unknown[] = []) => parseOfferStatus({ status, steps })!

test('an operation that failed or was canceled is reported as it reads, whatever its steps say', () => {
  const failed = publish('failed', [step('publisher-signoff', 'waitingForPublisherReview')])
  assert.deepEqual(previewStatus(failed, offer('WaitingForPublisherReview')), failed)
  const canceled = publish('canceled', [step('publisher-signoff', 'complete')])
  assert.deepEqual(previewStatus(canceled, offer('Succeeded')), canceled)
})

test('a step that stopped ends the publish: failed for a blocked step, canceled for a canceled one', () => {
  const blocked = previewStatus(publish('running', [step('validate', 'complete'), step('certify', 'blocked')]))
  assert.equal(blocked.status, 'failed')
  assert.equal(blocked.rawStatus, "running; step 'certify' blocked")
  const canceled = previewStatus(publish('running', [step('certify', 'canceled')]))
  assert.equal(canceled.status, 'canceled')
  assert.equal(canceled.rawStatus, "running; step 'certify' canceled")
})

test('ready for sign-off: by the step id, by the step name, or by the offer status; still running', () => {
  const byId = previewStatus(publish('running', [step('publisher-signoff', 'waitingForPublisherReview', 'Sign-off')]))
  assert.equal(byId.status, 'succeeded')
  assert.equal(byId.preview, 'ready')
  assert.equal(byId.stillRuns, true)
  const byName = previewStatus(
    publish('notStarted', [step('displaysignoff', 'waitingForPublisherReview', 'Publisher signoff')]),
  )
  assert.equal(byName.status, 'succeeded')
  assert.equal(byName.stillRuns, true)
  const byOffer = previewStatus(publish('running', [step('validate', 'complete')]), offer('WaitingForPublisherReview'))
  assert.equal(byOffer.status, 'succeeded')
  assert.equal(byOffer.rawStatus, "running; waiting for the publisher's review")
  const ended = previewStatus(publish('completed', [step('publisher-signoff', 'waitingForPublisherReview')]))
  assert.equal(ended.stillRuns, false)
})

test('signed off since: live when the offer reads succeeded, being put live while it runs, else ready', () => {
  const signedOff = publish('running', [step('publisher-signoff', 'complete')])
  assert.equal(previewStatus(signedOff, offer('Succeeded')).preview, 'live')
  assert.equal(previewStatus(signedOff, offer('Running')).preview, 'going-live')
  assert.equal(previewStatus(signedOff, offer('InStore')).preview, 'ready')
  assert.equal(previewStatus(signedOff).status, 'succeeded')
  // A publish the service calls completed, with no sign-off step at all, is ready too.
  const completed = previewStatus(publish('completed', [step('validate', 'complete')]))
  assert.equal(completed.status, 'succeeded')
  assert.equal(completed.preview, 'ready')
  // Still in certification: running, and not a preview yet.
  const running = previewStatus(publish('running', [step('certify', 'inProgress')]), offer('Running'))
  assert.equal(running.status, 'running')
  assert.equal(running.preview, undefined)
})

test("the offer status's steps: records only, the sign-off among them read", () => {
  const status = offer('Running', [null, 'x', step('publisher-signoff', 'waitingForPublisherReview')])
  assert.equal(status.steps.length, 1)
  assert.equal(previewStatus(publish('running', []), status).preview, 'ready')
  assert.equal(parseOfferStatus({ steps: [] }), undefined)
})

test('an operation error object or string is a message; null and undefined are none', () => {
  assert.deepEqual(
    parseOperation({ status: 'failed', error: { message: 'Boom' } }).messages.map((m) => m.text),
    ['Boom'],
  )
  assert.deepEqual(
    parseOperation({ status: 'failed', error: 'Broken' }).messages.map((m) => m.text),
    ['Broken'],
  )
  assert.deepEqual(parseOperation({ status: 'failed', error: null }).messages, [])
  assert.deepEqual(
    parseOperation({ status: 'failed', error: { code: 'E1' } }).messages.map((m) => m.text),
    ['E1'],
  )
})

const sub = (type: string, state: string, changedTime?: string): Submission => ({
  id: `${type}-${state}`,
  type,
  state,
  slot: type === 'goLive' ? 'production' : 'staging',
  changedTime,
})

test('submissions in a message: five at most, "..." only when there are more', () => {
  const five = Array.from({ length: 5 }, () => sub('publish', 'succeeded'))
  assert.equal(describeSubmissions(five), `5 listed: ${Array(5).fill('publish succeeded').join(', ')}`)
  assert.equal(
    describeSubmissions([...five, sub('goLive', 'running')]),
    `6 listed: ${Array(5).fill('publish succeeded').join(', ')}, ...`,
  )
  assert.equal(describeSubmissions([]), 'the list is empty')
})

test('an operation changed in the very millisecond the run began is one since then', () => {
  const at = Date.parse('2026-12-01T10:00:00.000Z')
  const ended = sub('goLive', 'succeeded', new Date(at).toISOString())
  assert.equal(startedSince([ended], at), ended)
  assert.equal(startedSince([ended], at + 1), undefined)
})
