import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseOperation } from '../src/cloud-partner-portal/parse.js'
import { annotations, renderSummary, type Report } from '../src/report.js'
import { shown } from './markdown.js'

const location = new URL('https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-offer/operations/op-1')
const failed = parseOperation({
  status: 'failed',
  steps: [
    {
      id: 'v',
      stepName: 'Validate',
      status: 'complete',
      progressPercentage: 100,
      estimatedTimeFrame: '< 15 min',
      messages: [{ messageHtml: 'ok', level: 'information' }],
    },
    {
      id: 'c',
      stepName: 'Certification | VM',
      status: 'blocked',
      progressPercentage: 0,
      messages: [
        { messageHtml: 'No <i>image</i> found', level: 'error' },
        { messageHtml: 'No test drive', level: 'warning' },
      ],
    },
  ],
  notificationEmails: 'jondoe@contoso.com',
})

const base: Report = {
  publisherId: 'contoso',
  offerId: 'contoso-offer',
  tracked: { location, how: 'started' },
  operationId: location.pathname.split('/').pop(),
  op: failed,
  outcome: 'failed',
  elapsedMs: 3_723_000,
}

test('the summary tells offer, publisher, operation link, status, elapsed time and each step', () => {
  const md = shown(renderSummary(base))
  assert.match(md, /^## ❌ Go-live of offer `contoso-offer` failed/)
  assert.match(md, /\| Publisher \| `contoso` \|/)
  assert.match(md, /\| Operation \| `op-1` \|/)
  assert.doesNotMatch(md, /\]\(https:\/\/cloudpartner/, 'a link a person cannot open (it needs a token)')
  assert.match(md, /\| Status \| \*\*failed\*\* \|/)
  assert.match(md, /\| Elapsed \| 1h 2m \|/)
  assert.match(md, /\| Validate \| ✅ complete \| 100% \| < 15 min \| ok \|/)
  assert.match(md, /\| Certification \| VM \| ❌ blocked \| 0% \| {2}\| No test drive \|/)
  assert.doesNotMatch(md, /@/)
  assert.doesNotMatch(md, /To wait on it later/)
})

test('a timed-out or interrupted run says how to resume; links are listed', () => {
  const running = parseOperation({
    status: 'running',
    steps: [],
    liveLinks: [{ displayText: 'Listing', uri: 'https://azuremarketplace.microsoft.com/x' }],
    previewLinks: ['https://azuremarketplace.microsoft.com/p?preview=1', 'https://preview.example/p'],
  })
  for (const outcome of ['timed-out', 'interrupted', 'running'] as const) {
    const md = renderSummary({ ...base, op: running, outcome })
    assert.match(
      md,
      new RegExp(
        `To wait on it later, run this action with \`wait: true\` and \`operation-location: ${location.href.replace(/[./]/g, '\\$&')}\``,
      ),
      outcome,
    )
  }
  const md = shown(renderSummary({ ...base, op: running, outcome: 'timed-out' }))
  assert.match(md, /## ⌛ Stopped waiting: the go-live of offer `contoso-offer` is still running/)
  assert.match(
    md,
    /- Preview: \[https:\/\/azuremarketplace.microsoft.com\/p\?preview=1\]\(https:\/\/azuremarketplace.microsoft.com\/p\?preview=1\)/,
  )
  assert.doesNotMatch(md, /preview.example/, 'a link to a host that is not Microsoft')
  assert.match(md, /- Live: \[Listing\]\(https:\/\/azuremarketplace.microsoft.com\/x\)/)
})

test('an error before any operation shows the error line and no table of steps', () => {
  const md = shown(
    renderSummary({
      publisherId: 'contoso',
      offerId: 'o',
      outcome: 'error',
      elapsedMs: 10,
      error: 'Could not start the go-live: HTTP 404 | x',
    }),
  )
  assert.match(md, /> Could not start the go-live: HTTP 404 \| x/)
  assert.doesNotMatch(md, /### Steps/)
})

test('error messages of failing steps become errors titled with the step; warnings become warnings', () => {
  assert.deepEqual(annotations(failed), [
    { level: 'error', title: 'Certification | VM', message: 'No image found' },
    { level: 'warning', title: 'Certification | VM', message: 'No test drive' },
  ])
})

test('the headline agrees with the status and with what the run was doing', () => {
  const notStarted = parseOperation({ status: 'notStarted', steps: [] })
  assert.match(
    renderSummary({ ...base, op: notStarted, outcome: 'running' }),
    /^## ⏳ Go-live of offer `contoso-offer` has not started yet$/m,
  )
  const running = parseOperation({ status: 'running', steps: [] })
  assert.match(
    renderSummary({ ...base, op: running, outcome: 'running' }),
    /^## 🔄 Go-live of offer `contoso-offer` is running$/m,
  )
  const noGoLive = { offerId: 'o', outcome: 'error' as const, elapsedMs: 1, error: 'HTTP 404' }
  assert.match(renderSummary({ ...noGoLive, starting: true }), /^## ❌ Go-live of offer `o` could not be started$/m)
  assert.match(renderSummary({ ...noGoLive, starting: false }), /^## ❌ Go-live of offer `o` could not be followed$/m)
})
