/**
 * How a run concludes on the run page, through run() in this process: which annotations a read
 * gives (none while the go-live runs; none that repeat the failure line), when the wait group
 * opens, failing reads during the wait, the ready line with its preview links, and the summary's
 * last line end.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from './fake-clock.js'
import { ingestionInputs, simInputs } from './harness.js'
import { runInProcess } from './in-process.js'
import type { Simulator } from './simulator.js'
import { cpp, pi } from './started.js'

const run = (sim: Simulator, more: Record<string, string> = {}) =>
  runInProcess(simInputs(sim, { 'poll-interval': '20ms', 'request-timeout': '5s', ...more }), {
    clock: new FakeClock(Date.now()),
  })
const annotationsOf = (stdout: string) => stdout.split('\n').filter((l) => /^::(warning|error|notice)\b/.test(l))
const groups = (stdout: string) => [...stdout.matchAll(/^::group::(.*)$/gm)].map((m) => m[1])

test('a go-live still running gives no annotations, though a step carries a warning', async () => {
  const sim = await cpp({ running: 'goLive', operation: { reads: 8 } })
  // Each follow reads it once more: by the third, the step with the warning is under way.
  let r = await run(sim, { start: 'false' })
  for (let i = 0; i < 4 && !r.stdout.includes('no test drive'); i++) r = await run(sim, { start: 'false' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(r.stdout, /no test drive; continuing\.$/m)
  assert.equal(r.outputs.status, 'running')
  assert.deepEqual(annotationsOf(r.stdout), [])
})

test('a go-live that succeeded: its step warning becomes one warning annotation', async () => {
  const sim = await cpp({ operation: { reads: 1 } })
  const r = await run(sim, { wait: 'true' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.deepEqual(annotationsOf(r.stdout), [
    '::warning title=Packaging and Lead Generation Registration::The plan contoso-plan has no test drive; continuing.',
  ])
})

test('a failed job: its reason is on the failure line, not repeated as an annotation', async () => {
  // The draft as the preview holds it: no notice of changes left behind beside the failure.
  const sim = await pi({ offer: 'ready', draftChanged: false, job: { outcome: 'failed', reads: 1 } })
  const r = await runInProcess(ingestionInputs(sim, { wait: 'true', 'request-timeout': '5s' }), {
    clock: new FakeClock(Date.now()),
  })
  assert.equal(r.exitCode, 1)
  const lines = annotationsOf(r.stdout)
  assert.equal(lines.length, 1, lines.join('\n'))
  assert.match(lines[0], /^::error::The go-live failed: .+ \(operation http:\/\/.+\/status\)\.$/)
})

test('wait: true on a go-live that has ended at the first read: no wait group, the outcome at once', async () => {
  const sim = await cpp({ ended: ['succeeded'] })
  const r = await run(sim, { wait: 'true', start: 'false' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.deepEqual(groups(r.stdout), ['Sign in', 'Find the go-live'])
  assert.match(r.stdout, /^Offer 'contoso-offer' is live\.$/m)
})

test('reads that fail during the wait are said on the log, and the wait goes on', async () => {
  const sim = await cpp({
    operation: { reads: 4 },
    faults: [{ on: 'operation', kind: 'status', status: 500, nth: 2, times: 30 }],
  })
  const r = await run(sim, { wait: 'true' })
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(
    r.stdout,
    /^Could not read the status \(Could not read the operation status: \d+ attempts failed over .+\); retrying\.$/m,
  )
  assert.equal(r.outputs.status, 'succeeded')
})

test('a preview ready to go live: the line names every preview link, then the Partner Center page', async () => {
  const READY =
    "Offer 'contoso-offer' is ready to go live: its preview passed validation and certification and waits for the publisher's sign-off."
  const PORTAL = 'Partner Center: https://partner.microsoft.com/dashboard/commercial-marketplace/overview'
  const links = [
    { displayText: 'Azure', uri: 'https://azuremarketplace.microsoft.com/preview/a' },
    { displayText: 'AppSource', uri: 'https://appsource.microsoft.com/preview/b' },
  ]
  for (const [previewLinks, line] of [
    [
      links,
      `${READY} Preview: Azure https://azuremarketplace.microsoft.com/preview/a, AppSource https://appsource.microsoft.com/preview/b. ${PORTAL}`,
    ],
    [[], `${READY} ${PORTAL}`],
  ] as const) {
    const r = await run(await cpp({ publish: { previewLinks: [...previewLinks] } }), {
      wait: 'true',
      target: 'preview',
    })
    assert.equal(r.exitCode, 0, r.stdout)
    assert.ok(r.stdout.split('\n').includes(line), r.stdout)
  }
})

test('the summary ends with a line end after its last line, so a later step starts on its own line', async () => {
  const r = await run(await cpp())
  assert.equal(r.exitCode, 0, r.stdout)
  assert.match(r.summary, /[^\n]\n\n$/)
})
