/**
 * The Product Ingestion reads that decide what a preview publish does: whether the draft holds
 * anything new (resource trees compared), what a succeeded preview job made, what holds the
 * offer, and the errors of a failed job, capped.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  confirmPreview,
  describeHolder,
  errorMessages,
  holder,
  jobOperation,
  sameContent,
  type Submission,
} from '../../src/product-ingestion/parse.js'

const GUID = '5f3b0b52-0c7e-4a8e-9d3e-2a0f5d7c9b11'
const tree = (...resources: unknown[]) => ({ resources })
const listing = (title: string, more: Record<string, unknown> = {}) => ({
  $schema: 'https://schema.mp.microsoft.com/schema/listing/2022-03-01-preview3',
  id: `listing/${GUID}/public/main/default/en-us`,
  title,
  ...more,
})
const submission = { id: `submission/${GUID}/1152921505697416353`, target: { targetType: 'preview' } }

test('draft and preview compared: the same resources in any order are the same', () => {
  assert.equal(sameContent(tree(listing('A'), submission), tree(submission, listing('A'))), true)
  assert.equal(sameContent(tree(listing('A')), tree(listing('B'))), false)
})

test('a resource more or less is a change', () => {
  assert.equal(sameContent(tree(listing('A'), listing('B')), tree(listing('A'))), false)
  assert.equal(sameContent(tree(listing('A')), tree(listing('A'), listing('A'))), false)
})

test("what differs by target alone is not a change: $schema, validations, target at a resource's top", () => {
  const draft = listing('A', { $schema: 'x/draft', validations: [1], target: { targetType: 'draft' } })
  const preview = listing('A', { $schema: 'x/preview', validations: [2], target: { targetType: 'preview' } })
  assert.equal(sameContent(tree(draft), tree(preview)), true)
  // Below the top, those keys are content like any other.
  const nested = (targetType: string) => listing('A', { plan: { target: targetType, $schema: targetType } })
  assert.equal(sameContent(tree(nested('draft')), tree(nested('preview'))), false)
})

test('only submission resources are left out, by an id that starts with submission/', () => {
  const a = { id: `product/${GUID}/submission/1`, value: 1 }
  const b = { id: `product/${GUID}/submission/1`, value: 2 }
  assert.equal(sameContent(tree(listing('A'), a), tree(listing('A'), b)), false)
})

test('values are compared whole: arrays and keys keep their separators', () => {
  assert.equal(sameContent(tree(listing('A', { v: [1, 2] })), tree(listing('A', { v: [12] }))), false)
  assert.equal(sameContent(tree(listing('A', { v: ['1,2'] })), tree(listing('A', { v: ['1', '2'] }))), false)
  assert.equal(sameContent(tree(listing('A', { a: 1, b: 2 })), tree(listing('A', { a: '1,"b":2' }))), false)
  assert.equal(sameContent(tree(listing('A', { v: null })), tree(listing('A', { v: null }))), true)
  assert.equal(sameContent(tree(listing('A')), { resources: [] }), undefined)
})

const sub = (n: string, target: string, status: string, result = '', created?: string): Submission => ({
  id: `submission/${GUID}/${n}`,
  target,
  status,
  result,
  created,
})
const succeededJob = jobOperation({ jobId: 'j', jobStatus: 'completed', jobResult: 'succeeded', errors: [] })

test('a succeeded preview job with no preview listed: failed, saying so', () => {
  const { op, preview } = confirmPreview(succeededJob, [sub('1', 'draft', '')])
  assert.equal(op.status, 'failed')
  assert.deepEqual(op.messages, [
    { text: 'The preview job succeeded, but the offer lists no preview submission', level: 'error' },
  ])
  assert.equal(preview, undefined)
})

test('a succeeded preview job whose preview failed: reported failed, without the job words', () => {
  const failed = sub('2', 'preview', 'completed', 'failed', '2026-12-01T10:00:00Z')
  const { op } = confirmPreview(succeededJob, [failed])
  assert.equal(op.status, 'failed')
  const running = sub('2', 'preview', 'running', '', '2026-12-01T10:00:00Z')
  assert.match(confirmPreview(succeededJob, [running]).op.rawStatus, /; preview /)
  assert.doesNotMatch(op.rawStatus, /; preview /)
})

test('what holds the offer is named: a go-live, a preview publish, or a publish of the submission', () => {
  const list = [sub('7', 'live', 'running'), sub('8', 'preview', 'running')]
  assert.equal(describeHolder(holder(list, '7'), '7'), 'a go-live of submission 7')
  assert.equal(describeHolder(holder(list, '8'), '8'), 'a preview publish of submission 8')
  assert.equal(describeHolder(holder(list, '9'), '9'), 'a publish of submission 9')
})

test('at most 50 errors of a failed job, each hint once', () => {
  const errors = Array.from({ length: 60 }, (_, i) => ({ code: 'E', message: `certification failed ${i}` }))
  const messages = errorMessages(errors)
  assert.equal(messages.length, 50)
  assert.equal(messages.filter((m) => m.text.includes('(the offer failed certification')).length, 1)
  const nested = errorMessages([
    { code: 'A', message: 'x', details: Array.from({ length: 60 }, () => ({ message: 'y' })) },
  ])
  assert.equal(nested.length, 50)
})

test('objects inside arrays are compared by content, whatever the order of their keys', () => {
  assert.equal(
    sameContent(tree(listing('A', { v: [{ a: 1, b: 2 }] })), tree(listing('A', { v: [{ b: 2, a: 1 }] }))),
    true,
  )
})
