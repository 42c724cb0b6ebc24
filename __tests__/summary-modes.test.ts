/**
 * The summary of the rarer modes and outcomes, rendered from a report value: each cancel result, a
 * preview being put live, a dry run's request with and without a body, why an operation was
 * canceled, and the cap on the reasons listed.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Message, Operation, Step } from '../src/operation.js'
import { renderSummary, type Report } from '../src/report.js'
import { shown } from './markdown.js'

const location = new URL('https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-offer/operations/op-1')
const op = (status: Operation['status'], more: Partial<Operation> = {}): Operation => ({
  status,
  rawStatus: status,
  steps: [],
  messages: [],
  previewLinks: [],
  liveLinks: [],
  ...more,
})
const report = (more: Partial<Report>): Report => ({
  offerId: 'contoso-offer',
  tracked: { location, how: 'found' },
  operationId: 'op-1',
  outcome: 'running',
  elapsedMs: 1000,
  ...more,
})
const headline = (r: Report) => renderSummary(r).split('\n')[0]

test('each cancel result has its own headline, for the go-live and for the preview publish', () => {
  const cancel = (result: Report['cancel'], target: Report['target'] = 'live') =>
    headline(report({ mode: 'cancel', cancel: result, target, outcome: 'running', op: op('running') }))
  assert.equal(cancel('canceled'), '## ⛔ Go-live of offer `contoso-offer` was canceled')
  assert.equal(cancel('too-late'), '## ❌ Too late to cancel the go-live of offer `contoso-offer`')
  assert.equal(
    cancel('goes-on', 'preview'),
    '## ❌ The preview publish of offer `contoso-offer` goes on: the cancel did not take effect',
  )
  assert.equal(cancel('nothing'), '## ℹ️ Nothing to cancel on offer `contoso-offer`')
  assert.equal(cancel('canceled', 'preview'), '## ⛔ Preview publish of offer `contoso-offer` was canceled')
  // Without a cancel result the outcome speaks, in a cancel run as in any other.
  assert.equal(
    headline(report({ mode: 'cancel', outcome: 'running', op: op('running') })),
    '## 🔄 Go-live of offer `contoso-offer` is running',
  )
  // A cancel result outside a cancel run is not read.
  assert.equal(
    headline(report({ cancel: 'nothing', outcome: 'running', op: op('running') })),
    '## 🔄 Go-live of offer `contoso-offer` is running',
  )
})

test('a succeeded preview: ready to go live, being put live, or live already', () => {
  const preview = (state: Operation['preview']) =>
    headline(report({ target: 'preview', outcome: 'succeeded', op: op('succeeded', { preview: state }) }))
  assert.equal(preview('ready'), '## ✅ Offer `contoso-offer` is ready to go live')
  assert.equal(preview('going-live'), '## 🔄 Offer `contoso-offer`: its preview is being put live')
  assert.equal(preview('live'), '## ✅ Offer `contoso-offer` is live')
  assert.equal(
    headline(report({ target: 'preview', outcome: 'succeeded', op: undefined, tracked: undefined })),
    '## ✅ Offer `contoso-offer` is ready to go live',
  )
  assert.equal(
    headline(report({ outcome: 'running', op: op('notStarted'), target: 'preview' })),
    '## ⏳ Preview publish of offer `contoso-offer` has not started yet',
  )
  assert.equal(
    headline(report({ outcome: 'running', op: undefined })),
    '## 🔄 Go-live of offer `contoso-offer` is running',
  )
})

test("a dry run's request: its line, and its body or that it has none", () => {
  const url = new URL('https://api.partner.microsoft.com/rp/product-ingestion/configure?$version=2022-07-01')
  const withBody = renderSummary(
    report({
      mode: 'dry-run',
      outcome: 'dry-run',
      plan: { what: 'go live', request: { method: 'POST', url, body: '{"a":1}' } },
    }),
  )
  assert.match(
    shown(withBody),
    /^Request it would send: `POST \/rp\/product-ingestion\/configure\?\$version=2022-07-01` with the body `\{"a":1\}`\.$/m,
  )
  const empty = renderSummary(
    report({
      mode: 'dry-run',
      outcome: 'dry-run',
      plan: { what: 'go live', request: { method: 'POST', url, body: '' } },
    }),
  )
  assert.match(
    shown(empty),
    /^Request it would send: `POST \/rp\/product-ingestion\/configure\?\$version=2022-07-01` with no body\.$/m,
  )
  const follow = renderSummary(report({ mode: 'dry-run', outcome: 'dry-run', plan: { what: 'follow it' } }))
  assert.match(shown(follow), /^This step would \*\*follow it\*\*\.$/m)
  assert.doesNotMatch(follow, /Request it would send/)
  assert.equal(
    headline(report({ mode: 'dry-run', outcome: 'dry-run' })),
    '## 🔍 Dry run for offer `contoso-offer`: nothing was sent',
  )
})

const step = (name: string, state: Step['state'], messages: Message[], progress?: number): Step => ({
  id: name,
  name,
  status: state,
  state,
  progress,
  messages,
})

test('why it was canceled: the reasons the steps table does not show, under their own heading', () => {
  const canceled = op('canceled', {
    steps: [step('Certification', 'canceled', [{ text: 'Stopped by the publisher', level: 'error' }])],
    messages: [{ text: 'The operation was cancelled on request', level: 'error' }],
  })
  const text = shown(renderSummary(report({ outcome: 'canceled', op: canceled })))
  assert.match(text, /^### Why it was canceled$/m)
  assert.match(text, /^- The operation was cancelled on request$/m)
  // The step's message is in the steps table already: not repeated as a reason.
  assert.doesNotMatch(text, /^- Certification: Stopped by the publisher$/m)
  const running = shown(renderSummary(report({ outcome: 'running', op: { ...canceled, status: 'running' } })))
  assert.doesNotMatch(running, /### Why it/)
})

test('at most 50 reasons are listed, and how many more there were is said', () => {
  const many = (n: number) =>
    shown(
      renderSummary(
        report({
          outcome: 'failed',
          op: op('failed', {
            messages: Array.from({ length: n }, (_, i) => ({ text: `Reason ${i + 1}`, level: 'error' })),
          }),
        }),
      ),
    )
  const fifty = many(50)
  assert.equal(fifty.match(/^- Reason \d+$/gm)?.length, 50)
  assert.doesNotMatch(fifty, /more reasons are not shown/)
  const more = many(53)
  assert.equal(more.match(/^- Reason \d+$/gm)?.length, 50)
  assert.doesNotMatch(more, /^- Reason 51$/m)
  assert.match(more, /^3 more reasons are not shown\.$/m)
  assert.match(more, /^### Why it failed$/m)
})

test('a step whose progress is not a number shows an empty progress cell', () => {
  const text = renderSummary(
    report({
      op: op('running', {
        steps: [
          step('Validate', 'running', [], 40),
          { ...step('Certify', 'waiting', []), progress: '7' as unknown as number },
        ],
      }),
    }),
  )
  assert.match(text, /^\| Validate \| 🔄 running \| 40% \|/m)
  assert.match(text, /^\| Certify \| ⏳ waiting \|  \|/m)
})
