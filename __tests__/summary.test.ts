/** The job summary as written, character for character, and its limits; the outcome of a status. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Message, Step } from '../src/operation.js'
import type { Stage } from '../src/stages.js'
import {
  annotations,
  bounded,
  MAX_SUMMARY_BYTES,
  outcomeOf,
  renderSummary,
  resumeHint,
  type Report,
} from '../src/report.js'
import type { Tracked } from '../src/service.js'
import { anOperation, aStep } from './operations.js'

const location = new URL('https://api.example.test/operations/op-1')
const step = (n: number, more: Partial<Step> = {}): Step => aStep({ id: `s${n}`, name: `Step ${n}`, ...more })
const op = anOperation
const report = (more: Partial<Report> = {}): Report => ({
  api: 'Product Ingestion',
  offerId: 'contoso-offer',
  tracked: { location, how: 'started' },
  operationId: 'op-1',
  portal: 'https://partner.microsoft.com/dashboard/commercial-marketplace/offers/1/overview',
  op: op(),
  outcome: 'running',
  elapsedMs: 65_000,
  ...more,
})

test('a running go-live: headline, facts, steps, links and how to resume, exactly', () => {
  const md = renderSummary(
    report({
      publisherId: 'contoso',
      op: op({
        status: 'running',
        rawStatus: 'inProgress',
        steps: [
          step(1, {
            status: 'complete',
            state: 'done',
            progress: 100,
            estimate: '< 15 min',
            messages: [
              { text: 'first', level: 'information' },
              { text: 'last', level: 'information' },
            ],
          }),
          step(2, { progress: Number.NaN }),
          step(3, { status: 'notStarted', state: 'waiting', progress: 0 }),
        ],
        previewLinks: [{ text: 'Preview', url: 'https://azuremarketplace.microsoft.com/p' }],
        liveLinks: [
          { text: 'Live', url: 'https://portal.azure.com/l' },
          { text: 'Elsewhere', url: 'https://example.test/l' },
        ],
      }),
    }),
  )
  assert.equal(
    md,
    [
      '## 🔄 Go-live of offer `contoso-offer` is running',
      '',
      '| | |',
      '|---|---|',
      '| API | Product Ingestion |',
      '| Publisher | `contoso` |',
      '| Offer | `contoso-offer` |',
      '| Operation | `op-1` |',
      '| Partner Center | [Open the offer](https://partner.microsoft.com/dashboard/commercial-marketplace/offers/1/overview) |',
      '| Started | by this step |',
      '| Status | **running** (service: inProgress) |',
      '| Elapsed | 1m 5s |',
      '',
      '### Steps',
      '',
      '| Step | Status | Progress | Estimated time | Last message |',
      '|---|---|---|---|---|',
      '| Step 1 | ✅ complete | 100% | &#60; 15 min | last |',
      '| Step 2 | 🔄 inProgress |  |  |  |',
      '| Step 3 | ⏳ notStarted | 0% |  |  |',
      '',
      '### Links',
      '',
      '- [Preview](https://azuremarketplace.microsoft.com/p)',
      '- [Live](https://portal.azure.com/l)',
      '',
      'To wait on it later, run this action with `wait: true` and `operation-location: https://api.example.test/operations/op-1`, and the same `offer-id`, `publisher-id` and sign-in inputs.',
      '',
    ].join('\n'),
  )
})

test('an error before anything is known: the error line and only the facts there are', () => {
  assert.equal(
    renderSummary({ outcome: 'error', elapsedMs: 10, error: 'Input `x` | bad', starting: true }),
    [
      '## ❌ Go-live of offer (unknown) could not be started',
      '',
      '> Input &#96;x&#96; &#124; bad',
      '',
      '| | |',
      '|---|---|',
      '| Elapsed | 10ms |',
      '',
    ].join('\n'),
  )
})

test('the Started fact names how this run came to follow the go-live', () => {
  const said: Record<Tracked['how'], string> = {
    started: 'by this step',
    attached: 'earlier; this step attached to it',
    resumed: 'earlier; followed from operation-location',
    found: 'earlier; found on the service (start: false)',
    'already-live': 'not needed: the offer was already live',
    unchanged: 'not needed: nothing changed since the last preview',
  }
  for (const [how, text] of Object.entries(said)) {
    const md = renderSummary(report({ tracked: { location, how: how as Tracked['how'] } }))
    assert.ok(md.includes(`\n| Started | ${text} |\n`), how)
  }
})

test('each outcome has its headline; the summary of an ended go-live has no resume line', () => {
  const headlines: [Partial<Report>, string][] = [
    [{ outcome: 'succeeded', op: op({ status: 'succeeded' }) }, '✅ Offer `contoso-offer` is live'],
    [{ outcome: 'failed', op: op({ status: 'failed' }) }, '❌ Go-live of offer `contoso-offer` failed'],
    [{ outcome: 'canceled', op: op({ status: 'canceled' }) }, '⛔ Go-live of offer `contoso-offer` was canceled'],
    [{ outcome: 'running' }, '🔄 Go-live of offer `contoso-offer` is running'],
    [
      { outcome: 'running', op: op({ status: 'notStarted' }) },
      '⏳ Go-live of offer `contoso-offer` has not started yet',
    ],
    [{ outcome: 'timed-out' }, '⌛ Stopped waiting: the go-live of offer `contoso-offer` is still running'],
    [{ outcome: 'interrupted' }, '⏹️ Job cancelled: the go-live of offer `contoso-offer` goes on'],
    [{ outcome: 'error' }, '❌ Go-live of offer `contoso-offer` could not be followed'],
    [{ outcome: 'error', starting: true }, '❌ Go-live of offer `contoso-offer` could not be followed'],
    [{ outcome: 'error', tracked: undefined }, '❌ Go-live of offer `contoso-offer` could not be followed'],
    [
      { outcome: 'error', tracked: undefined, starting: true },
      '❌ Go-live of offer `contoso-offer` could not be started',
    ],
    [{ outcome: 'none', tracked: undefined, op: undefined }, 'ℹ️ No go-live found for offer `contoso-offer`'],
  ]
  for (const [more, headline] of headlines) {
    const md = renderSummary(report(more))
    assert.ok(md.startsWith(`## ${headline}\n\n`), `${JSON.stringify(more)}: ${md.split('\n')[0]}`)
    const ended = more.op && ['succeeded', 'failed', 'canceled'].includes(more.op.status)
    assert.equal(
      md.includes('To wait on it later'),
      (!ended && more.tracked !== undefined) || (!('tracked' in more) && !ended),
    )
  }
  // Without a read, only a run that was interrupted leaves the go-live running.
  assert.match(renderSummary(report({ op: undefined, outcome: 'interrupted' })), /To wait on it later/)
  assert.doesNotMatch(renderSummary(report({ op: undefined, outcome: 'error' })), /To wait on it later/)
  // The Partner Center link only to Microsoft's hosts; no link at all without one.
  assert.doesNotMatch(renderSummary(report({ portal: 'https://example.test/x' })), /Partner Center/)
  assert.doesNotMatch(renderSummary(report({ portal: undefined })), /Partner Center/)
  // The service's words are shown only when they differ from the status.
  assert.match(renderSummary(report()), /^\| Status \| \*\*running\*\* \|$/m)
})

test('more than 100 steps or 20 links: the rest are counted, not shown', () => {
  const steps = Array.from({ length: 103 }, (_, i) => step(i + 1))
  const links = Array.from({ length: 23 }, (_, i) => ({ text: `L${i}`, url: `https://microsoft.com/${i}` }))
  const md = renderSummary(report({ op: op({ steps, previewLinks: links }) }))
  assert.ok(md.includes('\n| Step 100 | '))
  assert.ok(!md.includes('\n| Step 101 | '))
  assert.ok(md.includes('| Step 100 | 🔄 inProgress |  |  |  |\n\n3 more steps are not shown.\n\n### Links\n'))
  assert.ok(md.includes('- Preview: [L19](https://microsoft.com/19)\n\n3 more links are not shown.\n\n'))
  assert.ok(!md.includes('[L20]'))
  const exactly = renderSummary(report({ op: op({ steps: steps.slice(0, 100), previewLinks: links.slice(0, 20) }) }))
  assert.doesNotMatch(exactly, /not shown/)
})

test('the largest summary the service can cause stays under the limit; past it, lines are cut whole', () => {
  // Every piece of service text is bounded, and escaping grows a character to at most 6 bytes.
  const wide = (n: number) => '|'.repeat(n)
  const steps = Array.from({ length: 100 }, (_, i) =>
    step(i, { name: wide(300), status: wide(300), estimate: wide(300), messages: [{ text: wide(3000), level: 'x' }] }),
  )
  const links = Array.from({ length: 20 }, () => ({
    text: wide(300),
    url: `https://microsoft.com/${'%7C'.repeat(600)}`,
  }))
  const md = renderSummary(report({ error: wide(5000), op: op({ rawStatus: wide(300), steps, liveLinks: links }) }))
  assert.ok(Buffer.byteLength(md) < MAX_SUMMARY_BYTES, `${Buffer.byteLength(md)} bytes`)
  assert.doesNotMatch(md, /left out/)
  assert.equal(MAX_SUMMARY_BYTES, 1024 * 1024 - 64 * 1024)

  // Each line counts with its line break: 'aaaa\n' is 5 bytes.
  const lines = ['aaaa', 'bbbb', 'cccc', 'dddd']
  assert.equal(bounded(lines, 20), 'aaaa\nbbbb\ncccc\ndddd')
  assert.equal(
    bounded(lines, 19),
    "aaaa\nbbbb\ncccc\n\nThe rest of this summary (1 lines) is left out: it would pass GitHub's 1 MiB limit.\n",
  )
  assert.equal(
    bounded(lines, 10),
    "aaaa\nbbbb\n\nThe rest of this summary (2 lines) is left out: it would pass GitHub's 1 MiB limit.\n",
  )
  assert.equal(
    bounded(['é'], 2),
    "\nThe rest of this summary (1 lines) is left out: it would pass GitHub's 1 MiB limit.\n",
  )
  assert.equal(bounded(['é'], 3), 'é', 'bytes, not characters')
})

test('outcomeOf: only an ended status ends the run', () => {
  assert.equal(outcomeOf('succeeded'), 'succeeded')
  assert.equal(outcomeOf('failed'), 'failed')
  assert.equal(outcomeOf('canceled'), 'canceled')
  assert.equal(outcomeOf('running'), 'running')
  assert.equal(outcomeOf('notStarted'), 'running')
})

test('resumeHint names every input a later run needs to wait on the operation, for each stage', () => {
  const hint = (target: Stage, publisherId?: string) => resumeHint(location, { target, publisherId })
  // The later run waits (wait defaults to false), on this location, for the same offer and sign-in.
  for (const target of ['live', 'preview', 'draft'] as const) {
    for (const publisherId of [undefined, 'contoso']) {
      const line = hint(target, publisherId)
      assert.match(line, /wait: true/, line)
      assert.ok(line.includes(`operation-location: ${location.href}`), line)
      assert.match(line, /the same offer-id\b.* sign-in inputs/, line)
      assert.equal(/publisher-id/.test(line), publisherId !== undefined, line)
      // A run without target goes live: the other stages must be named, or the later run follows a go-live.
      assert.equal(line.includes(`target: ${target}`), target !== 'live', line)
    }
  }
  // target: draft takes the image inputs even to follow.
  assert.match(hint('draft'), /plan-id, image-version, image-source and sign-in/)
  assert.equal(
    hint('preview'),
    'The preview publish goes on in the service. To wait on it later, run this action with target: preview, wait: true and operation-location: https://api.example.test/operations/op-1, and the same offer-id and sign-in inputs.',
  )
})

test('annotations: error messages explain a failed or canceled step, or any step of a failed operation', () => {
  const error = (text: string): Message => ({ text, level: 'error' })
  const steps = [
    step(1, { state: 'failed', messages: [error('f'), error('f')] }),
    step(2, { state: 'canceled', messages: [error('c')] }),
    step(3, {
      state: 'done',
      messages: [error('d'), { text: 'w', level: 'warning' }, { text: 'i', level: 'information' }],
    }),
  ]
  const opMessages = [error('op'), { text: 'op info', level: 'information' }]
  const running = op({ status: 'running', steps, messages: opMessages })
  assert.deepEqual(annotations(running), [
    { level: 'error', title: 'Step 1', message: 'f' },
    { level: 'error', title: 'Step 2', message: 'c' },
    { level: 'warning', title: 'Step 3', message: 'w' },
  ])
  assert.deepEqual(annotations({ ...running, status: 'failed' }), [
    { level: 'error', title: 'Step 1', message: 'f' },
    { level: 'error', title: 'Step 2', message: 'c' },
    { level: 'error', title: 'Step 3', message: 'd' },
    { level: 'warning', title: 'Step 3', message: 'w' },
    { level: 'error', title: 'Go-live', message: 'op' },
  ])
  assert.deepEqual(
    annotations({ ...running, status: 'canceled' }).filter((a) => a.title === 'Go-live'),
    [{ level: 'error', title: 'Go-live', message: 'op' }],
  )
  assert.deepEqual(annotations({ ...running, status: 'succeeded', steps: [] }), [])
  // A preview publish's own errors are titled as a preview publish, not as a go-live.
  assert.deepEqual(
    annotations({ ...running, status: 'canceled', steps: [] }, 'preview publish').map((a) => a.title),
    ['Preview publish'],
  )
})

test("a preview link that is only 'https://' is left out; the rest of the summary stays", () => {
  const md = renderSummary(
    report({
      op: op({
        previewLinks: [
          { text: 'Broken', url: 'https://' },
          { text: 'Preview', url: 'https://azuremarketplace.microsoft.com/p' },
        ],
      }),
    }),
  )
  assert.match(md, /^## 🔄 Go-live of offer `contoso-offer` is running$/m)
  assert.match(md, /^\| Operation \| `op-1` \|$/m)
  assert.match(md, /^- \[Preview\]\(https:\/\/azuremarketplace\.microsoft\.com\/p\)$/m)
  assert.doesNotMatch(md, /Broken/)
  assert.match(
    md,
    /^To wait on it later, run this action with `wait: true` and `operation-location: https:\/\/api\.example\.test\/operations\/op-1`, and the same `offer-id` and sign-in inputs\.$/m,
  )
})

test('a resume line never holds an address hidden in escapes beside a malformed one', () => {
  const hidden = new URL('https://api.example.test/operations/%6A%6F%6E%40contoso%2Ecom%ZZ')
  const md = renderSummary(report({ tracked: { location: hidden, how: 'started' } }))
  assert.doesNotMatch(md, /operation-location:/)
  assert.doesNotMatch(md, /6A%6F%6E%40/)
})

test('Product Ingestion: the reasons of a failed job, once each, under their own heading', () => {
  const failed = op({
    status: 'failed',
    rawStatus: 'completed (failed)',
    messages: [
      { text: 'internalServerError: Operation failed', level: 'error' },
      { text: 'invalidState: Issues found during Certification.', level: 'error' },
      { text: 'invalidState: Issues found during Certification.', level: 'error' },
    ],
  })
  const md = renderSummary(report({ op: failed, outcome: 'failed' }))
  assert.ok(
    md.includes(
      '### Why it failed\n\n- internalServerError&#58; Operation failed\n- invalidState&#58; Issues found during Certification.\n',
    ),
    md,
  )
})
