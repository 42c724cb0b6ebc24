/**
 * The whole release, the bundle against the simulators on both APIs: `target: preview` publishes
 * the draft and follows it through validation and certification until it is ready to go live, then
 * `target: live` puts that preview live. Refusals, attaching, certification failures, `start:
 * false`, the CPP ready signal in each of its forms, and a publish that may have reached the
 * service.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { EMAIL, errors, ingestionInputs, runAction, simInputs, type RunResult } from '../harness.js'
import { PRODUCT_GUID, type IngestionSimulator } from '../ingestion-simulator.js'
import { CERTIFICATION_MESSAGE, type Simulator } from '../simulator.js'
import { cpp, pi } from '../started.js'

const piRun = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runAction({ inputs: ingestionInputs(sim, { target: 'preview', wait: 'true', ...more }), timeoutMs: 30_000 })
const cppRun = (sim: Simulator, more: Record<string, string> = {}) =>
  runAction({
    inputs: simInputs(sim, { target: 'preview', wait: 'true', 'poll-interval': '20ms', ...more }),
    timeoutMs: 30_000,
  })

const configurePosts = (sim: IngestionSimulator) => sim.requests.filter((r) => r.route === 'configure')
const publishPosts = (sim: Simulator) => sim.requests.filter((r) => r.route === 'publish')
const ok = (r: RunResult, what: string) => assert.equal(r.code, 0, `${what}: ${errors(r.stdout).join(' | ')}`)
/** The lines of the run page that carry an error: the failure line and error annotations. */
const errorLines = (r: RunResult) => r.stdout.split('\n').filter((l) => l.startsWith('::error'))

describe('Product Ingestion, target: preview', () => {
  test('from draft to live: the preview publish, ready to go live, then the go-live of that preview', async () => {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 2 }, job: { reads: 2 } })
    const preview = await piRun(sim)
    ok(preview, 'preview')
    assert.equal(preview.outputs.status, 'succeeded')
    assert.match(preview.stdout, /Started the preview publish of offer 'contoso-saas': job [0-9a-f-]{36}\./)
    assert.match(
      preview.stdout,
      /Offer 'contoso-saas' is ready to go live: its preview passed validation and certification/,
    )
    assert.match(preview.summary, /^## ✅ Offer `contoso-saas` is ready to go live$/m)
    assert.match(
      preview.summary,
      new RegExp(
        `\\[Open the offer\\]\\(https://partner\\.microsoft\\.com/dashboard/commercial-marketplace/offers/${PRODUCT_GUID}/overview\\)`,
      ),
    )
    // Method 1: the submission resource without an id, for target preview; sent once.
    assert.equal(configurePosts(sim).length, 1)
    const resource = (JSON.parse(configurePosts(sim)[0].body) as { resources: Record<string, unknown>[] }).resources[0]
    assert.equal('id' in resource, false)
    assert.deepEqual(resource.target, { targetType: 'preview' })
    assert.equal(resource.product, `product/${PRODUCT_GUID}`)
    assert.equal(sim.previewsStarted, 1)
    const made = sim.preview!
    assert.equal(made.status, 'completed')

    const live = await piRun(sim, { target: 'live' })
    ok(live, 'go-live')
    assert.equal(live.outputs.status, 'succeeded')
    assert.match(live.stdout, new RegExp(`Started the go-live of offer 'contoso-saas' \\(submission ${made.n}\\)`))
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(sim.previewsStarted, 1)
  })

  test('a preview that fails certification fails the step once, with every nested reason and a hint, never retried', async () => {
    const sim = await pi({ offer: 'ready', preview: { outcome: 'failed', reads: 1 } })
    const r = await piRun(sim)
    assert.equal(r.code, 1)
    assert.equal(r.outputs.status, 'failed')
    assert.equal(configurePosts(sim).length, 1)
    const lines = errorLines(r)
    assert.equal(lines.length, 1, lines.join('\n'))
    assert.match(
      lines[0],
      /^::error::The preview publish failed: internalServerError: Operation failed; invalidState: Issues found during Certification\. Contact \[e-mail redacted\] for the report\. \(the offer failed certification: read the certification report in Partner Center/,
    )
    assert.equal(lines[0].match(/the offer failed certification/g)?.length, 1)
    assert.match(r.summary, /^## ❌ Preview publish of offer `contoso-saas` failed$/m)
    assert.doesNotMatch(r.stdout + r.summary, EMAIL)
  })

  test("the service's recorded certification failure: three levels, each once, the hint once", async () => {
    // cloudpub's conftest.py `cert_error_failure` (release-engineering/cloudpub, commit acf8491).
    const recorded = [
      {
        resourceId: 'submission/2d541119',
        code: 'internalServerError',
        message: 'Operation failed',
        details: [
          {
            code: 'invalidState',
            message: 'Certification',
            details: [{ code: 'invalidState', message: 'Issues found during Certification.' }],
          },
        ],
      },
    ]
    const sim = await pi({ offer: 'no-preview', preview: { outcome: 'failed', reads: 1, errors: recorded } })
    const r = await piRun(sim)
    assert.equal(r.code, 1)
    const lines = errorLines(r)
    assert.equal(lines.length, 1, lines.join('\n'))
    assert.match(
      lines[0],
      /^::error::The preview publish failed: internalServerError: Operation failed; invalidState: Certification \(the offer failed certification: [^)]*\); invalidState: Issues found during Certification\. \(operation /,
    )
    assert.equal(lines[0].match(/the offer failed certification/g)?.length, 1)
    assert.equal(configurePosts(sim).length, 1)
  })

  test('a preview publish in progress is followed, never started twice', async () => {
    const sim = await pi({ offer: 'preview-running' })
    const r = await piRun(sim, { wait: 'false' })
    ok(r, 'attach')
    assert.equal(configurePosts(sim).length, 0)
    assert.match(
      r.stdout,
      /A preview publish of offer 'contoso-saas' is already in progress \(submission \d{19}\); following it/,
    )
    assert.match(r.outputs['operation-location'], new RegExp(`/submission/${PRODUCT_GUID}/\\d{19}$`))
    assert.equal(r.outputs.status, 'running')
    assert.match(r.stdout, /target: preview, wait: true and operation-location: /)
  })

  test('a go-live in progress refuses the preview publish with one line that names it', async () => {
    const sim = await pi({ offer: 'live-running' })
    const r = await piRun(sim)
    assert.equal(r.code, 1)
    assert.equal(configurePosts(sim).length, 0)
    assert.deepEqual(errorLines(r), [
      `::error::Cannot publish offer 'contoso-saas' to preview: its go-live (submission ${sim.preview!.n}) is in progress. Wait for it to end (start: false follows it), then re-run this step.`,
    ])
  })

  test('start: false finds the preview, says it is ready, and once it has gone live says that', async () => {
    const sim = await pi({ offer: 'ready' })
    const ready = await piRun(sim, { start: 'false' })
    ok(ready, 'ready')
    assert.equal(ready.outputs.status, 'succeeded')
    assert.match(ready.stdout, /Following the offer's preview submission \d{19} \(completed\)/)
    assert.match(ready.stdout, /is ready to go live/)
    assert.equal(sim.apiRequests.filter((q) => q.method === 'POST').length, 0)

    const gone = await pi({ offer: 'already-live' })
    const live = await piRun(gone, { start: 'false' })
    ok(live, 'live')
    assert.equal(live.outputs.status, 'succeeded')
    assert.match(live.stdout, /Offer 'contoso-saas' is live: this preview has gone live already\./)
    assert.match(live.summary, /^## ✅ Offer `contoso-saas` is live$/m)
    assert.doesNotMatch(live.summary, /ready to go live/)
  })

  test('a re-run after the preview is ready starts no second certification of unchanged content', async () => {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 1 } })
    ok(await piRun(sim), 'first')
    const again = await piRun(sim)
    ok(again, 're-run')
    assert.equal(sim.previewsStarted, 1)
    assert.equal(again.outputs.status, 'succeeded')
    assert.match(again.stdout, /Nothing changed in offer 'contoso-saas' since its preview \(submission \d{19}\)/)
    assert.match(again.summary, /\| Started \| not needed: nothing changed since the last preview \|/)
    // The draft changes: the next run publishes it.
    sim.draftVersion++
    ok(await piRun(sim), 'after a change')
    assert.equal(sim.previewsStarted, 2)
  })

  test('without resource trees the re-run publishes; a job that publishes nothing new says so', async () => {
    const sim = await pi({
      offer: 'ready',
      draftChanged: false,
      noResourceTree: true,
      preview: { unchanged: 'no-op', reads: 1 },
    })
    const r = await piRun(sim)
    ok(r, 'no-op')
    assert.match(r.stdout, /Could not compare the draft with the preview/)
    assert.equal(configurePosts(sim).length, 1)
    assert.match(
      r.stdout,
      /The preview job succeeded without a new preview: nothing new was published\. Reporting the existing preview \(submission \d{19}\)\./,
    )
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('a preview entry that lags its job keeps the wait going until it is ready', async () => {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 1, entryLagReads: 3 } })
    const r = await piRun(sim)
    ok(r, 'lag')
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(sim.preview!.status, 'completed')
  })

  test('a publish that may have reached the service is looked for, not sent again', async () => {
    const sim = await pi({
      offer: 'no-preview',
      preview: { reads: 2 },
      faults: [{ on: 'configure', kind: 'after-accept', status: 504, body: '<html>Gateway Timeout</html>' }],
    })
    const r = await piRun(sim)
    ok(r, 'after 504')
    assert.equal(configurePosts(sim).length, 1)
    assert.equal(sim.previewsStarted, 1)
    assert.match(r.stdout, /The preview publish request may have reached the service/)
    assert.match(r.stdout, /Following the preview publish that request started \(submission \d{19}\)\./)
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('two runs at once for one offer: one certification, both ready', async () => {
    const sim = await pi({
      offer: 'no-preview',
      preview: { reads: 3 },
      faults: [{ on: 'submissions', kind: 'together', times: 2, delayMs: 5000 }],
    })
    const [a, b] = await Promise.all([piRun(sim), piRun(sim)])
    ok(a, 'first')
    ok(b, 'second')
    assert.equal(sim.previewsStarted, 1)
    assert.equal(a.outputs.status, 'succeeded')
    assert.equal(b.outputs.status, 'succeeded')
    assert.match(
      a.stdout + b.stdout,
      /was refused because a preview publish of offer 'contoso-saas' is already in progress/,
    )
  })
})

describe('Cloud Partner Portal, target: preview', () => {
  const ADDRESSES = 'release@contoso.com,ops@contoso.com'

  test('from draft to live: publish with notification-emails, ready at sign-off, then the go-live', async () => {
    const sim = await cpp({
      publish: {
        reads: 2,
        previewLinks: [{ displayText: 'Preview', uri: 'https://portal.azure.com/#create/contoso.offer-preview' }],
      },
    })
    const preview = await cppRun(sim, { 'notification-emails': ADDRESSES })
    ok(preview, 'preview')
    assert.equal(preview.outputs.status, 'succeeded')
    assert.deepEqual(
      sim.publishBodies.map((b) => JSON.parse(b)),
      [{ metadata: { 'notification-emails': ADDRESSES } }],
    )
    assert.match(
      preview.stdout,
      /Offer 'contoso-offer' is ready to go live: .* Preview: https:\/\/portal\.azure\.com\/#create\/contoso\.offer-preview\./,
    )
    assert.match(preview.summary, /^## ✅ Offer `contoso-offer` is ready to go live$/m)
    assert.match(preview.summary, /^- \[Preview\]\(https:\/\/portal\.azure\.com\/#create\/contoso\.offer-preview\)$/m)
    // The addresses are personal data: masked, never printed, never in an output or the summary.
    for (const address of ADDRESSES.split(',')) assert.match(preview.stdout, new RegExp(`::add-mask::${address}`))
    const printed = preview.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    assert.doesNotMatch(printed.join('\n') + preview.summary + JSON.stringify(preview.outputs), EMAIL)

    const live = await cppRun(sim, { target: 'live' })
    ok(live, 'go-live')
    assert.equal(live.outputs.status, 'succeeded')
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(sim.publishesStarted, 1)
    const after = await cppRun(sim, { start: 'false' })
    ok(after, 'after')
    assert.match(after.stdout, /Offer 'contoso-offer' is live: this preview has gone live already\./)
    assert.equal(after.outputs.status, 'succeeded')
  })

  for (const signal of ['step-id', 'step-name', 'offer-status'] as const) {
    test(`ready when the service says so by ${signal}`, async () => {
      const sim = await cpp({ publish: { reads: 1, readySignal: signal } })
      const r = await cppRun(sim)
      ok(r, signal)
      assert.equal(r.outputs.status, 'succeeded')
      assert.match(r.stdout, /is ready to go live/)
      assert.deepEqual(sim.publishBodies, ['{"metadata":{}}'])
    })
  }

  for (const failure of ['blocked-running', 'failed'] as const) {
    test(`certification blocked (${failure}) fails the step with the step's message`, async () => {
      const sim = await cpp({ publish: { reads: 1, outcome: 'failed', failure } })
      const r = await cppRun(sim)
      assert.equal(r.code, 1)
      assert.equal(r.outputs.status, 'failed')
      const lines = errorLines(r)
      assert.equal(lines.length, 1, lines.join('\n'))
      assert.equal(
        lines[0],
        `::error::The preview publish failed: Certification: ${CERTIFICATION_MESSAGE.replace('jondoe@contoso.com', '[e-mail redacted]')} (operation ${r.outputs['operation-location']}).`,
      )
      assert.equal(publishPosts(sim).length, 1)
    })
  }

  test('a publish waiting for sign-off is followed on a re-run, never published again', async () => {
    const sim = await cpp({ awaitingSignoff: true })
    const r = await cppRun(sim)
    ok(r, 're-run')
    assert.equal(publishPosts(sim).length, 0)
    assert.match(
      r.stdout,
      /A preview publish of offer 'contoso-offer' is already running \(operation [0-9a-f-]{36}\); following it/,
    )
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('a go-live running refuses with one line; so does a 409 that turns out to be one', async () => {
    const sim = await cpp({ running: 'goLive' })
    const r = await cppRun(sim)
    assert.equal(r.code, 1)
    assert.equal(publishPosts(sim).length, 0)
    assert.match(
      errorLines(r).join('\n'),
      /^::error::Cannot publish offer 'contoso-offer' to preview: its go-live \(operation [0-9a-f-]{36}\) is in progress\./,
    )

    // Listed late: the POST meets a 409, and the list then shows the go-live: a refusal, not an attach.
    const late = await cpp({ running: 'goLive', listingDelayReads: 1 })
    const r2 = await cppRun(late)
    assert.equal(r2.code, 1)
    assert.equal(publishPosts(late).length, 1)
    assert.match(r2.stdout, /The service answered 409 Conflict/)
    assert.match(errorLines(r2).join('\n'), /Cannot publish offer 'contoso-offer' to preview: its go-live/)
  })

  test('a 409 for a publish already running attaches to it', async () => {
    const sim = await cpp({ running: 'publish', listingDelayReads: 1 })
    const r = await cppRun(sim, { wait: 'false' })
    ok(r, '409 publish')
    assert.equal(publishPosts(sim).length, 1)
    assert.match(r.stdout, /A preview publish of offer 'contoso-offer' is already running/)
    assert.equal(r.outputs.status, 'running')
  })

  test('start: false finds the preview publish, never starts one', async () => {
    const sim = await cpp({ awaitingSignoff: true })
    const r = await cppRun(sim, { start: 'false' })
    ok(r, 'find')
    assert.match(r.stdout, /Following the offer's running preview publish \(operation /)
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(sim.apiRequests.filter((q) => q.method === 'POST').length, 0)
    const none = await cpp({})
    const r2 = await cppRun(none, { start: 'false' })
    ok(r2, 'none')
    assert.match(r2.stdout, /::notice::No preview publish was found for offer 'contoso-offer'/)
  })

  test('a publish that may have reached the service is looked for, not sent again; Location is relative', async () => {
    const sim = await cpp({
      location: 'location',
      publish: { reads: 1 },
      faults: [{ on: 'publish', kind: 'after-accept', status: 502, body: 'Bad Gateway' }],
    })
    const r = await cppRun(sim)
    ok(r, '502')
    assert.equal(publishPosts(sim).length, 1)
    assert.equal(sim.publishesStarted, 1)
    assert.match(r.stdout, /may have reached the service .*: a preview publish is listed/)
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('a publish the service refuses on validation (422) fails with one line and is not sent again', async () => {
    const sim = await cpp({
      publish: {
        answer: {
          status: 422,
          body: { error: { code: 'UnprocessableEntity', message: 'Plan contoso-plan has no VM image.' } },
        },
      },
    })
    const r = await cppRun(sim)
    assert.equal(r.code, 1)
    assert.equal(publishPosts(sim).length, 1)
    assert.deepEqual(errorLines(r), [
      '::error::Could not start the preview publish: HTTP 422 (UnprocessableEntity: Plan contoso-plan has no VM image.). The offer failed validation: fix it, publish it again, then go live.',
    ])
    assert.match(r.summary, /^## ❌ Preview publish of offer `contoso-offer` could not be started$/m)
  })

  test('a service that wants a body gets one without notification-emails', async () => {
    const sim = await cpp({ location: 'location-legacy', publish: { reads: 1, requireBody: true } })
    const r = await cppRun(sim)
    ok(r, 'body')
    assert.deepEqual(sim.publishBodies, ['{"metadata":{}}'])
    assert.match(r.outputs['operation-location'], /\/api\/operations\/contoso\$contoso-offer\$2\$preview-/)
  })
})
