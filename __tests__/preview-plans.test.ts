/** The pure decisions of the preview stage, on both APIs, and the inputs that choose it. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forLog } from '../src/sanitize.js'
import { APIS } from '../src/apis.js'
import {
  chooseBySlot,
  parseOfferStatus,
  planPublish,
  previewStatus,
  startedSince,
  type Submission as CppSubmission,
} from '../src/cloud-partner-portal/parse.js'
import {
  choosePreview,
  confirmPreview,
  errorMessages,
  planPreview,
  previewOperation,
  sameContent,
} from '../src/product-ingestion/parse.js'
import { readEmails, readSettings } from '../src/settings.js'
import { anOperation, aStep, aSubmission } from './operations.js'

const draft = aSubmission(0, 'draft', '')
const live1 = aSubmission(1, 'live', 'completed', 'succeeded', '2026-01-01T00:00:00Z')
const preview1 = aSubmission(1, 'preview', 'completed', 'succeeded', '2025-12-31T00:00:00Z')
const preview2 = aSubmission(2, 'preview', 'completed', 'succeeded', '2026-02-01T00:00:00Z')

test('PI planPreview: a preview in progress is attached to; a go-live or another publish refuses; else publish', () => {
  const running = aSubmission(3, 'preview', 'running', 'pending', '2026-03-01T00:00:00Z')
  assert.deepEqual(planPreview([draft, live1, preview2, running], 'o'), { kind: 'attach', preview: running })
  const goLive = aSubmission(2, 'live', 'running', 'pending', '2026-03-01T00:00:00Z')
  const refused = planPreview([draft, live1, preview2, goLive], 'o')
  assert.equal(refused.kind, 'refuse')
  assert.match(
    (refused as { reason: string }).reason,
    /^Cannot publish offer 'o' to preview: its go-live \(submission 2\) is in progress\./,
  )
  const other = planPreview([aSubmission(4, 'flight', 'running')], 'o')
  assert.match((other as { reason: string }).reason, /a flight publish \(submission 4\)/)
  assert.deepEqual(planPreview([draft, live1, preview1, preview2], 'o'), {
    kind: 'publish',
    latest: preview2,
    known: [preview1.id, preview2.id],
  })
  // The newest preview failed: nothing to compare with, publish again.
  const failed = aSubmission(5, 'preview', 'completed', 'failed', '2026-04-01T00:00:00Z')
  assert.deepEqual(planPreview([draft, preview2, failed], 'o'), {
    kind: 'publish',
    latest: undefined,
    known: [preview2.id, failed.id],
  })
  assert.deepEqual(planPreview([draft], 'o'), { kind: 'publish', latest: undefined, known: [] })
})

test('PI choosePreview: the preview in progress, else the newest', () => {
  const running = aSubmission(3, 'preview', 'running', 'pending')
  assert.equal(choosePreview([preview2, running, preview1]), running)
  assert.equal(choosePreview([preview1, preview2, live1]), preview2)
  assert.equal(choosePreview([draft, live1]), undefined)
})

test('PI previewOperation: ready, going live, live, or failed with a line that says where to look', () => {
  assert.equal(previewOperation([preview2, live1], preview2).preview, 'ready')
  const goingLive = aSubmission(2, 'live', 'running', 'pending')
  assert.equal(previewOperation([preview2, goingLive], preview2).preview, 'going-live')
  const live2 = aSubmission(2, 'live', 'completed', 'succeeded')
  const op = previewOperation([preview2, live2], preview2)
  assert.equal(op.status, 'succeeded')
  assert.equal(op.preview, 'live')
  const running = previewOperation(
    [aSubmission(3, 'preview', 'running', 'pending')],
    aSubmission(3, 'preview', 'running', 'pending'),
  )
  assert.equal(running.status, 'running')
  assert.equal(running.preview, undefined)
  const failed = aSubmission(3, 'preview', 'completed', 'failed')
  const f = previewOperation([failed], failed)
  assert.equal(f.status, 'failed')
  assert.match(f.messages[0].text, /^The preview publish of submission 3 failed: Partner Center shows why/)
})

test('PI confirmPreview: a new preview, an entry still catching up, nothing new, or none at all', () => {
  const job = anOperation({ status: 'succeeded', rawStatus: 'completed (succeeded)' })
  assert.deepEqual(confirmPreview(job, [preview1, preview2], [preview1.id]), {
    op: previewOperation([preview1, preview2], preview2),
    preview: preview2,
    unchanged: false,
  })
  assert.equal(confirmPreview(job, [preview1, preview2], [preview1.id, preview2.id]).unchanged, true)
  // A job followed from operation-location: no list of what was there before.
  assert.equal(confirmPreview(job, [preview2]).unchanged, false)
  const lagging = aSubmission(3, 'preview', 'running', 'pending', '2026-05-01T00:00:00Z')
  const catching = confirmPreview(job, [preview2, lagging], [preview2.id])
  assert.equal(catching.op.status, 'running')
  assert.equal(catching.op.rawStatus, 'completed (succeeded); preview running')
  const none = confirmPreview(job, [draft])
  assert.equal(none.op.status, 'failed')
  const failedJob = anOperation({ status: 'failed', rawStatus: 'completed (failed)' })
  assert.deepEqual(confirmPreview(failedJob, [preview2]), { op: failedJob })
})

test('PI sameContent: resources compared in any order and key order, the submission and target aside', () => {
  const listing = { id: 'listing/1', title: 'A', nested: { b: 1, a: [1, 2] } }
  const tree = (target: string, ...resources: unknown[]) => ({
    target: { targetType: target },
    resources: [...resources, { id: `submission/x/${target === 'draft' ? 0 : 9}`, target: { targetType: target } }],
  })
  const plan = { id: 'plan/1', target: { targetType: 'draft' }, name: 'p' }
  assert.equal(
    sameContent(
      tree('draft', listing, plan),
      tree(
        'preview',
        { ...plan, target: { targetType: 'preview' } },
        { nested: { a: [1, 2], b: 1 }, title: 'A', id: 'listing/1' },
      ),
    ),
    true,
  )
  assert.equal(sameContent(tree('draft', listing), tree('preview', { ...listing, title: 'B' })), false)
  assert.equal(sameContent(tree('draft', listing, plan), tree('preview', listing)), false)
  assert.equal(sameContent(tree('draft', { ...listing, nested: { b: 1, a: [2, 1] } }), tree('preview', listing)), false)
  assert.equal(sameContent(undefined, tree('preview', listing)), undefined)
  assert.equal(sameContent({ error: 'x' }, tree('preview', listing)), undefined)
  assert.equal(sameContent({ resources: [] }, { resources: [] }), undefined)
})

test('PI errorMessages: each hint once, on the first error it explains', () => {
  const messages = errorMessages([
    {
      code: 'invalidState',
      message: 'Certification',
      details: [{ code: 'invalidState', message: 'Issues found during Certification.' }],
    },
  ]).map((m) => m.text)
  assert.equal(messages.length, 2)
  assert.match(messages[0], /^invalidState: Certification \(the offer failed certification: /)
  assert.equal(messages[1], 'invalidState: Issues found during Certification.')
})

const cpp = (id: string, slot: string, state: string, changedTime?: string): CppSubmission => ({
  id,
  type: slot === 'staging' ? 'publish' : 'goLive',
  state,
  slot,
  changedTime,
})

test('CPP planPublish: a publish running is attached to; a go-live or another operation refuses', () => {
  const publish = cpp('p1', 'staging', 'running')
  assert.deepEqual(planPublish([cpp('g0', 'production', 'succeeded'), publish], 'o'), { kind: 'attach', publish })
  const goLive = planPublish([cpp('g1', 'production', 'running')], 'o')
  assert.deepEqual(goLive, {
    kind: 'refuse',
    reason:
      "Cannot publish offer 'o' to preview: its go-live (operation g1) is in progress. Wait for it to end (start: false follows it), then re-run this step.",
  })
  assert.match(
    (planPublish([{ id: 'x', type: 'syndication', state: 'running' }], 'o') as { reason: string }).reason,
    /a syndication operation \(operation x\)/,
  )
  assert.deepEqual(planPublish([cpp('p0', 'staging', 'failed'), cpp('g0', 'production', 'succeeded')], 'o'), {
    kind: 'publish',
  })
})

test('CPP chooseBySlot and startedSince: by slot, running first, then the newest changed since', () => {
  const list = [
    cpp('p1', 'staging', 'succeeded', '2026-01-01T00:00:00Z'),
    cpp('p2', 'staging', 'failed', '2026-02-01T00:00:00Z'),
    cpp('g1', 'production', 'succeeded', '2026-03-01T00:00:00Z'),
  ]
  assert.equal(chooseBySlot(list, 'staging').latest?.id, 'p2')
  assert.equal(chooseBySlot(list, 'staging').running, undefined)
  assert.equal(startedSince(list, Date.parse('2026-01-15T00:00:00Z'), 'staging')?.id, 'p2')
  assert.equal(startedSince(list, Date.parse('2026-02-15T00:00:00Z'), 'staging'), undefined)
  assert.equal(
    startedSince([...list, cpp('p3', 'staging', 'running', '2025-01-01T00:00:00Z')], Date.now(), 'staging')?.id,
    'p3',
  )
})

test('CPP previewStatus: ready by step id, by step name or by offer status; blocked fails; signed off goes live', () => {
  const signoff = (status: string, by: 'id' | 'name' = 'id') =>
    aStep({
      id: by === 'id' ? 'publisher-signoff' : 'displaysignoff',
      name: by === 'id' ? 'Publisher signoff' : 'publisher-signoff',
      status,
      state: 'waiting',
    })
  const done = aStep({ name: 'Certification', status: 'complete', state: 'done' })
  const running = anOperation({ steps: [done, signoff('waitingForPublisherReview')] })
  const ready = previewStatus(running)
  assert.equal(ready.status, 'succeeded')
  assert.equal(ready.preview, 'ready')
  assert.equal(ready.rawStatus, "running; waiting for the publisher's review")
  assert.equal(
    previewStatus(anOperation({ steps: [done, signoff('WaitingForPublisherReview', 'name')] })).preview,
    'ready',
  )
  const quiet = anOperation({ steps: [done, signoff('notStarted')] })
  assert.equal(previewStatus(quiet).status, 'running')
  assert.equal(previewStatus(quiet, { status: 'running', steps: [], previewLinks: [] }).status, 'running')
  const byOffer = previewStatus(quiet, {
    status: 'WaitingForPublisherReview',
    steps: [],
    previewLinks: [{ text: 'P', url: 'https://x.azure.com' }],
  })
  assert.equal(byOffer.preview, 'ready')
  assert.deepEqual(byOffer.previewLinks, [{ text: 'P', url: 'https://x.azure.com' }])
  const blocked = previewStatus(
    anOperation({
      steps: [aStep({ name: 'Certification', status: 'blocked', state: 'failed' }), signoff('notStarted')],
    }),
  )
  assert.equal(blocked.status, 'failed')
  assert.equal(blocked.rawStatus, "running; step 'Certification' blocked")
  const signedOff = anOperation({
    status: 'succeeded',
    rawStatus: 'completed',
    steps: [done, aStep({ id: 'publisher-signoff', name: 'Publisher signoff', status: 'complete', state: 'done' })],
  })
  assert.equal(previewStatus(signedOff, { status: 'running', steps: [], previewLinks: [] }).preview, 'going-live')
  assert.equal(previewStatus(signedOff, { status: 'succeeded', steps: [], previewLinks: [] }).preview, 'live')
  const canceled = anOperation({ status: 'canceled', rawStatus: 'canceled' })
  assert.equal(previewStatus(canceled), canceled)
})

test('CPP parseOfferStatus: status, steps and links, or nothing for another shape', () => {
  const s = parseOfferStatus({
    status: 'running',
    steps: [{ id: 'publisher-signoff', status: 'waitingForPublisherReview' }],
    previewLinks: [{ displayText: 'P', uri: 'https://a.azure.com' }],
  })
  assert.equal(s?.status, 'running')
  assert.equal(s?.steps[0].status, 'waitingForPublisherReview')
  assert.deepEqual(s?.previewLinks, [{ text: 'P', url: 'https://a.azure.com' }])
  assert.equal(parseOfferStatus([]), undefined)
  assert.equal(parseOfferStatus({ status: 3 }), undefined)
})

const settings = (inputs: Record<string, string>) =>
  readSettings((name) => ({ 'offer-id': 'contoso-saas', token: 't', ...inputs })[name] ?? '', APIS)

test('target: live by default, preview when asked, one line for anything else', () => {
  assert.equal(settings({}).target, 'live')
  assert.equal(settings({ target: 'preview' }).target, 'preview')
  assert.throws(() => settings({ target: 'Preview' }), {
    message:
      "Input 'target' is 'Preview'; use live (put the newest preview live), preview (publish the draft to preview) or draft (add image-version to the plan in the draft).",
  })
})

test('notification-emails: comma-separated addresses, each checked, none quoted in a message', () => {
  assert.deepEqual(readEmails(' a@x.com , b.c+d@y.co.uk'), ['a@x.com', 'b.c+d@y.co.uk'])
  assert.deepEqual(readEmails('  '), [])
  for (const bad of ['a@x.com;b@y.com', 'a@x.com,', 'jane', 'a@x', 'a b@x.com']) {
    assert.throws(
      () => readEmails(bad),
      (e: Error) => {
        assert.match(
          e.message,
          /^Input 'notification-emails' has an entry that is not an e-mail address \(entry \d of \d\)/,
        )
        assert.ok(!e.message.includes(bad.split(',')[0]) || bad.split(',')[0] === '', e.message)
        // The line reaches the log through the sanitiser: an example address in it would be redacted.
        assert.equal(forLog(e.message), e.message)
        return true
      },
    )
  }
  const cppPreview = settings({ 'publisher-id': 'contoso', target: 'preview', 'notification-emails': 'a@x.com' })
  assert.deepEqual(cppPreview.notificationEmails, ['a@x.com'])
  assert.deepEqual(cppPreview.remarks, [])
  assert.match(
    settings({ target: 'preview', 'notification-emails': 'a@x.com' }).remarks[0].text,
    /^Input 'notification-emails' is not used by api: product-ingestion/,
  )
  assert.match(
    settings({ 'publisher-id': 'contoso', 'notification-emails': 'a@x.com' }).remarks[0].text,
    /is used only with target: preview/,
  )
})
