/**
 * src/product-ingestion/parse.ts: the rules read off the submissions list that the stages rely on
 * (what publishes now, which preview start: false follows and what it became, when a live entry
 * is not the go-live of the newest preview), the service's own words of a refusal, and what a
 * configure job's resources say it was for (ingestion-api.md, preview-api.md).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  choosePreview,
  errorMessages,
  followedLive,
  jobStage,
  previewOperation,
  publishing,
  serviceWords,
  type Submission,
} from '../../src/product-ingestion/parse.js'
import type { Operation } from '../../src/operation.js'

const GUID = '5f3b0b52-0c7e-4a8e-9d3e-2a0f5d7c9b11'
const sub = (n: string, target: string, status = '', result = '', created?: string): Submission => ({
  id: `submission/${GUID}/${n}`,
  target,
  status,
  result,
  created,
})

test('publishing: a preview publish or a go-live in progress holds the draft; the draft entry and ended ones do not', () => {
  const draftEntry = sub('0', 'draft', 'running')
  const ended = sub('1', 'preview', 'completed', 'succeeded')
  const other = sub('2', 'other', 'running')
  assert.equal(publishing([draftEntry, ended, other]), undefined)
  const preview = sub('3', 'preview', 'running')
  assert.equal(publishing([draftEntry, ended, preview]), preview)
  const live = sub('4', 'live', 'notStarted')
  assert.equal(publishing([draftEntry, ended, live]), live)
  assert.equal(publishing([sub('5', 'live', 'completed', 'failed')]), undefined)
})

test('choosePreview: the preview publish in progress, else the newest preview by creation time; never a live entry', () => {
  const older = sub('1', 'preview', 'completed', 'succeeded', '2024-01-01T00:00:00Z')
  const newer = sub('2', 'preview', 'completed', 'failed', '2024-02-01T00:00:00Z')
  const liveRunning = sub('3', 'live', 'running', '', '2024-03-01T00:00:00Z')
  assert.equal(choosePreview([older, newer, liveRunning]), newer)
  assert.equal(choosePreview([newer, older]), newer)
  const running = sub('4', 'preview', 'running', '', '2023-01-01T00:00:00Z')
  assert.equal(choosePreview([newer, running, older]), running)
  assert.equal(choosePreview([liveRunning]), undefined)
})

test('previewOperation: a failed preview says where to read why; one that succeeded is ready, going live or live', () => {
  const failed = sub('7', 'preview', 'completed', 'failed')
  const op = previewOperation([failed], failed)
  assert.equal(op.status, 'failed')
  assert.deepEqual(
    op.messages.map((m) => m.text),
    [
      "The preview publish of submission 7 failed: Partner Center shows why (the offer's certification report); fix the offer, then publish it to preview again",
    ],
  )
  const running = sub('8', 'preview', 'running')
  assert.deepEqual(previewOperation([running], running).messages, [])
  const ok = sub('9', 'preview', 'completed', 'succeeded')
  assert.equal(previewOperation([ok], ok).preview, 'ready')
  assert.equal(previewOperation([ok, { ...ok, target: 'live', status: 'running' }], ok).preview, 'going-live')
  assert.equal(previewOperation([ok, { ...ok, target: 'live', result: 'succeeded' }], ok).preview, 'live')
  // A go-live of it that failed leaves the preview waiting to go live again.
  assert.equal(previewOperation([ok, { ...ok, target: 'live', result: 'failed' }], ok).preview, 'ready')
  // Another submission's go-live is not this preview's.
  assert.equal(previewOperation([ok, sub('10', 'live', 'completed', 'succeeded')], ok).preview, 'ready')
})

test('followedLive: a live entry that ended is not the go-live of a newer succeeded preview with no live entry', () => {
  const oldLive = sub('1', 'live', 'completed', 'succeeded', '2024-01-01T00:00:00Z')
  const preview = sub('2', 'preview', 'completed', 'succeeded', '2024-02-01T00:00:00Z')
  assert.deepEqual(followedLive([oldLive, preview]), { olderThan: preview })
  // The newest preview decides, by creation time, wherever it is in the list.
  const olderPreview = sub('1', 'preview', 'completed', 'succeeded', '2023-12-01T00:00:00Z')
  assert.deepEqual(followedLive([preview, olderPreview, oldLive]), { olderThan: preview })
  assert.deepEqual(followedLive([oldLive, olderPreview]), { live: oldLive })
  // A newer live entry of another submission is not the newest preview, nor its go-live.
  const newerLive = sub('3', 'live', 'completed', 'succeeded', '2024-03-01T00:00:00Z')
  assert.deepEqual(followedLive([newerLive, olderPreview]), { olderThan: olderPreview })
  // In progress, or the preview's own go-live listed: followed.
  const running = sub('2', 'live', 'running', '', '2024-02-02T00:00:00Z')
  assert.deepEqual(followedLive([oldLive, preview, running]), { live: running })
  const itsLive = sub('2', 'live', 'completed', 'failed', '2024-02-02T00:00:00Z')
  assert.deepEqual(followedLive([oldLive, preview, itsLive]), { live: itsLive })
  // A newest preview that did not succeed cannot have gone live: the live entry is followed.
  const failed = sub('4', 'preview', 'completed', 'failed', '2024-04-01T00:00:00Z')
  assert.deepEqual(followedLive([oldLive, preview, failed]), { live: oldLive })
})

test("serviceWords: only the in-progress refusal, quoted in the service's words", () => {
  const op: Operation = {
    status: 'failed',
    rawStatus: 'completed (failed)',
    steps: [],
    previewLinks: [],
    liveLinks: [],
    messages: [
      { text: 'Some other error', level: 'error' },
      { text: 'An In Progress submission 1234567890 already exists.', level: 'error' },
      { text: 'An in progress submission already exists', level: 'error' },
    ],
  }
  assert.equal(
    serviceWords(op),
    '"An In Progress submission 1234567890 already exists." "An in progress submission already exists"',
  )
  // The hint the action adds to the error is its own, not the service's words.
  const refused = {
    ...op,
    messages: errorMessages([{ code: 'conflict', message: 'An In Progress submission 42 already exists.' }]),
  }
  assert.match(refused.messages[0].text, /\(another publish is running/)
  assert.equal(serviceWords(refused), '"conflict: An In Progress submission 42 already exists."')
})

test('jobStage: a submission resource by id or $schema names its target; no submission is the draft; an empty answer tells nothing', () => {
  const byId = (targetType: string) => ({
    resources: [{ id: 'product/x' }, { id: `submission/${GUID}/5`, target: { targetType } }],
  })
  assert.equal(jobStage(byId('Live')), 'live')
  assert.equal(jobStage(byId('preview')), 'preview')
  assert.equal(jobStage(byId('draft')), undefined)
  const bySchema = {
    resources: [
      {
        $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
        target: { targetType: 'preview' },
      },
    ],
  }
  assert.equal(jobStage(bySchema), 'preview')
  assert.equal(jobStage({ resources: [{ $schema: 'https://schema.mp.microsoft.com/schema/submission/x' }] }), undefined)
  assert.equal(jobStage({ resources: [{ id: 'virtual-machine-plan-technical-configuration/a/b' }, 'text'] }), 'draft')
  assert.equal(jobStage({ resources: [] }), undefined)
  assert.equal(jobStage({ value: [] }), undefined)
  assert.equal(jobStage('text'), undefined)
  // Not a durable submission id, nor a submission schema: a change of the draft.
  assert.equal(jobStage({ resources: [{ id: 'submission/elsewhere', target: { targetType: 'live' } }] }), 'draft')
})
