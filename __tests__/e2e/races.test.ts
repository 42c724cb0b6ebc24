/**
 * One go-live, told truthfully, whatever else runs: two runs for one offer, a gateway that answers
 * after the service acted, answers without a usable body or job id, a lookup that ignores its
 * filter, lists in pages. Each run is the bundle, as the runner starts it; where the story has two
 * runs, two processes run at once.
 */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { errors, ingestionInputs, runAction, simInputs, type RunResult } from '../harness.js'
import {
  goLiveRequest,
  IngestionSimulator,
  PREFIX,
  PRODUCT_GUID,
  type IngestionScenario,
} from '../ingestion-simulator.js'
import { Simulator } from '../simulator.js'

const sims: { close: () => Promise<void> }[] = []
after(() => Promise.all(sims.map((s) => s.close())))

async function simulate(scenario: Partial<IngestionScenario> = {}): Promise<IngestionSimulator> {
  const sim = await IngestionSimulator.start(scenario)
  sims.push(sim)
  return sim
}

const run = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runAction({ inputs: ingestionInputs(sim, { wait: 'true', ...more }), timeoutMs: 30_000 })

const configurePosts = (sim: IngestionSimulator) => sim.requests.filter((r) => r.route === 'configure')
const submissionPath = (url: string) =>
  new RegExp(`${PREFIX}/submission/${PRODUCT_GUID}/\\d{19}$`).test(new URL(url).pathname)

/** The run ended with the go-live's own outcome: green, succeeded, and an operation-location that resumes. */
async function assertTrueOutcome(sim: IngestionSimulator, r: RunResult, what: string): Promise<void> {
  assert.equal(r.code, 0, `${what}: ${errors(r.stdout).join(' | ')}`)
  assert.equal(r.outputs.status, 'succeeded', what)
  const resumed = await run(sim, { 'operation-location': r.outputs['operation-location'] })
  assert.equal(resumed.code, 0, `${what}, resumed: ${errors(resumed.stdout).join(' | ')}`)
  assert.equal(resumed.outputs.status, 'succeeded', `${what}, resumed`)
}

describe('two runs for one offer', () => {
  test('a matrix that names the offer twice: both POST, one go-live, both follow it to succeeded', async () => {
    // Both lists are answered together, before either POST: both runs decide to promote.
    const sim = await simulate({
      job: { durationMs: 1500 },
      faults: [{ on: 'submissions', kind: 'together', nth: 1, times: 2 }],
    })
    const [a, b] = await Promise.all([run(sim), run(sim)])
    assert.equal(configurePosts(sim).length, 2, 'the story needs both runs to send the go-live')
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(sim.refused.size, 1)
    const refusedRun = [a, b].find((r) => /was refused because the go-live of submission/.test(r.stdout))
    assert.ok(refusedRun, 'neither run met the refusal')
    // The refused run names the go-live it follows, not the refused job.
    assert.ok(submissionPath(refusedRun.outputs['operation-location']), refusedRun.outputs['operation-location'])
    assert.ok(![...sim.refused.keys()].some((id) => refusedRun.outputs['operation-location'].includes(id)))
    for (const [i, r] of [a, b].entries()) await assertTrueOutcome(sim, r, `run ${i + 1}`)
  })

  test('a start: false run beside a starting one: neither starts a second go-live, both end green', async () => {
    const sim = await simulate({ job: { durationMs: 1000 } })
    const [started, found] = await Promise.all([run(sim), run(sim, { start: 'false' })])
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(configurePosts(sim).length, 1)
    await assertTrueOutcome(sim, started, 'the starting run')
    assert.equal(found.code, 0, errors(found.stdout).join(' | '))
    assert.equal(found.outputs.status, 'succeeded')
  })

  test('resuming from a job the service refused follows the go-live that holds the offer', async () => {
    const sim = await simulate({ offer: 'live-running', job: { reads: 3 } })
    // Another tool's request, refused: a go-live of the same preview is in progress.
    const jobId = await goLiveRequest(sim, sim.preview!.n)
    assert.ok(sim.refused.has(jobId))
    const r = await run(sim, { 'operation-location': `${sim.url}/configure/${jobId}/status` })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(r.outputs.status, 'succeeded')
    assert.ok(submissionPath(r.outputs['operation-location']), r.outputs['operation-location'])
    assert.equal(configurePosts(sim).length, 1, 'the run itself sent no go-live')
  })

  test('a refusal because another publish (a preview) holds the offer fails with one clear line', async () => {
    const sim = await simulate({ offer: 'preview-running', job: { reads: 1 } })
    const older = sim.submissions.find((s) => s.target === 'live')!
    const jobId = await goLiveRequest(sim, older.n)
    const r = await run(sim, { 'operation-location': `${sim.url}/configure/${jobId}/status`, timeout: '2s' })
    assert.equal(r.code, 1)
    const lines = errors(r.stdout)
    assert.equal(lines.length, 1, lines.join(' | '))
    assert.match(
      lines[0],
      new RegExp(
        `^Cannot go live: the service refused job ${jobId} because a preview publish of submission ${sim.preview!.n} is already in progress on offer 'contoso-saas'\\. Wait for it to end`,
      ),
    )
  })
})

describe('throttled while a sibling run goes live', () => {
  // Whichever run's go-live request comes first is throttled; the other's starts a go-live that
  // ends before the throttled run may send again. Sending it again blindly would start a second.
  const THROTTLED = { kind: 'status', status: 429, headers: { 'Retry-After': '1' }, nth: 1 } as const

  test('Product Ingestion: the throttled run decides again, finds the preview live, and starts nothing', async () => {
    const sim = await simulate({ job: { durationMs: 300 }, faults: [{ on: 'configure', ...THROTTLED }] })
    const runs = await Promise.all([run(sim), run(sim)])
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(configurePosts(sim).length, 2, 'one throttled, one accepted')
    for (const r of runs) {
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      assert.equal(r.outputs.status, 'succeeded')
    }
    assert.ok(runs.some((r) => /is already live with submission \d+; no go-live was started/.test(r.stdout)))
  })

  test('Cloud Partner Portal: the throttled run finds the go-live started since it began, and follows it', async () => {
    const sim = await Simulator.start({ operation: { durationMs: 300 }, faults: [{ on: 'golive', ...THROTTLED }] })
    sims.push(sim)
    const go = () => runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '50ms' }) })
    const runs = await Promise.all([go(), go()])
    assert.equal(sim.goLivesStarted, 1)
    for (const r of runs) {
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      assert.equal(r.outputs.status, 'succeeded')
      assert.equal(r.outputs['operation-id'], sim.operation!.id)
    }
    assert.ok(
      runs.some((r) =>
        /The go-live request was throttled \(HTTP 429[^)]*\)\): a go-live of offer 'contoso-offer' is listed/.test(
          r.stdout,
        ),
      ),
    )
  })
})

describe('a go-live request that may have reached the service is not sent again before looking', () => {
  const PAGE_504 = { kind: 'after-accept', status: 504 } as const
  for (const [name, fault] of [
    ['a gateway answers 504 after the service acted', PAGE_504],
    ['a 202 with an empty body', { kind: 'after-accept', status: 202, body: '' }],
    ['a 200 with a proxy page', { kind: 'after-accept', status: 200 }],
    ...['../x', 'a?b', 'a#b', 'a%2Fb', '%2e%2e'].map(
      (id) =>
        [
          `a 202 whose jobId is '${id}'`,
          {
            kind: 'after-accept',
            status: 202,
            body: JSON.stringify({ jobId: id, jobStatus: 'notStarted' }),
            headers: { 'Content-Type': 'application/json' },
          },
        ] as const,
    ),
  ] as const) {
    test(`${name}: one POST, the go-live found and followed to succeeded`, async () => {
      const sim = await simulate({ job: { durationMs: 600 }, faults: [{ on: 'configure', ...fault }] })
      const r = await run(sim)
      assert.equal(configurePosts(sim).length, 1)
      assert.equal(sim.goLivesStarted, 1)
      assert.ok(
        sim.requests.every((q) => !/\.\.|%2e|%2f|\/a$/i.test(q.path)),
        sim.requests.map((q) => q.path).join(' '),
      )
      assert.ok(submissionPath(r.outputs['operation-location']), r.outputs['operation-location'])
      await assertTrueOutcome(sim, r, name)
    })
  }

  test('a 504 after the service acted, listed only after the look: the re-sent POST is refused, and followed', async () => {
    const sim = await simulate({
      job: { durationMs: 3500 },
      listingDelayMs: 2500,
      faults: [{ on: 'configure', ...PAGE_504 }],
    })
    const r = await run(sim, { timeout: '2s' })
    assert.equal(configurePosts(sim).length, 2, 'the story needs the POST sent again')
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(sim.refused.size, 1)
    assert.match(r.stdout, /was refused because the go-live of submission \d+ is already in progress/)
    await assertTrueOutcome(sim, r, 'after the re-sent POST')
  })

  test('a 400 with nested details names what to fix, and is sent once', async () => {
    const sim = await simulate({
      faults: [
        {
          on: 'configure',
          kind: 'status',
          status: 400,
          body: JSON.stringify({
            error: {
              code: 'badRequest',
              message: 'Invalid configuration: schema validation failed',
              details: [
                {
                  code: 'schemaValidationError',
                  message:
                    'Schema validation failed for schema https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2: Required properties ["sources"] were not present #',
                },
              ],
            },
          }),
        },
      ],
    })
    const r = await run(sim)
    assert.equal(r.code, 1)
    assert.equal(configurePosts(sim).length, 1)
    assert.match(
      errors(r.stdout)[0],
      /^Could not start the go-live: HTTP 400 \(badRequest: Invalid configuration: schema validation failed; schemaValidationError: Schema validation failed for schema https:\/\/schema\.mp\.microsoft\.com\/schema\/submission\/2022-03-01-preview2: Required properties \["sources"\] were not present #\)\./,
    )
  })
})

describe('the right offer, on every page', () => {
  test('a lookup that ignores its filter: the product whose externalId is the offer id goes live, no other', async () => {
    const sim = await simulate({ otherOffers: ['fabrikam-vm', 'northwind-saas'] })
    const r = await run(sim)
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    const [post] = configurePosts(sim)
    assert.equal(
      (JSON.parse(post.body) as { resources: { product: string }[] }).resources[0].product,
      `product/${PRODUCT_GUID}`,
    )
    assert.ok(sim.requests.filter((q) => q.route === 'submissions').every((q) => q.path.endsWith(PRODUCT_GUID)))
  })

  test('an offer the account does not have is "No offer", even when the lookup lists others; nothing is written', async () => {
    const sim = await simulate({ otherOffers: ['fabrikam-vm'] })
    const r = await run(sim, { 'offer-id': 'missing-offer' })
    assert.equal(r.code, 1)
    assert.match(errors(r.stdout)[0], /^No offer with the id 'missing-offer' in the Partner Center account/)
    assert.equal(sim.requests.filter((q) => q.method === 'POST').length, 0)
  })

  test('paged lists: the product on page 3, the go-live in progress on the last page of submissions', async () => {
    const sim = await simulate({ offer: 'live-running', pageSize: 1, otherOffers: ['a-offer', 'b-offer'] })
    const r = await run(sim)
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(configurePosts(sim).length, 0, 'attached, not started')
    assert.match(r.stdout, /already in progress/)
    const products = sim.requests.filter((q) => q.route === 'product')
    assert.equal(products.length, 3)
    // Each page keeps the token and the version; the token goes to base-url's origin only.
    assert.ok(products.slice(1).every((q) => q.query.get('continuationToken') && q.query.get('$version')))
    assert.ok(sim.requests.filter((q) => q.route === 'submissions').length >= 4)
  })

  test('a next page on another origin is refused before the token goes there', async () => {
    const sim = await simulate({ pageSize: 1, nextLinkOrigin: 'http://127.0.0.2:9' })
    const r = await run(sim)
    assert.equal(r.code, 1)
    assert.match(
      errors(r.stdout)[0],
      /^Refused the next page link the service returned http:\/\/127\.0\.0\.2:9\/rp\/product-ingestion\/submission\/[^ ]+: it is not on base-url's origin/,
    )
    assert.equal(configurePosts(sim).length, 0)
  })

  test('a list that never ends stops after 20 pages with one clear line', async () => {
    const sim = await simulate({ endlessPages: true })
    const r = await run(sim)
    assert.equal(r.code, 1)
    assert.match(errors(r.stdout)[0], /^Could not list the offer's submissions: the list goes on past 20 pages/)
    assert.equal(sim.requests.filter((q) => q.route === 'submissions').length, 20)
  })
})

describe('Cloud Partner Portal', () => {
  test('two runs at once: the second meets a 409, attaches, and both follow the one go-live', async () => {
    const sim = await Simulator.start({ operation: { durationMs: 1500 } })
    sims.push(sim)
    const go = () => runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '50ms' }) })
    const [a, b] = await Promise.all([go(), go()])
    assert.equal(sim.goLivesStarted, 1)
    for (const r of [a, b]) {
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      assert.equal(r.outputs.status, 'succeeded')
      assert.equal(r.outputs['operation-id'], sim.operation!.id)
    }
  })

  test('a 409 whose go-live has ended by the time the list is read: that go-live is followed, not a failure', async () => {
    // Both runs decide from the empty list (their reads answered together); run B's POST meets A's
    // running go-live (409); B's look at the list (the third list read) comes after it ended.
    const sim = await Simulator.start({
      operation: { durationMs: 400 },
      faults: [
        { on: 'submissions', kind: 'together', times: 2, delayMs: 5000 },
        { on: 'submissions', kind: 'slow', delayMs: 800, nth: 3 },
      ],
    })
    sims.push(sim)
    const go = () => runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '50ms' }) })
    const runs = await Promise.all([go(), go()])
    assert.equal(sim.goLivesStarted, 1)
    assert.ok(
      runs.some((r) => /Following the go-live that was running then and has ended since/.test(r.stdout)),
      'the story needs the 409 run to find the go-live ended',
    )
    for (const r of runs) {
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      assert.equal(r.outputs.status, 'succeeded')
      assert.equal(r.outputs['operation-id'], sim.operation!.id)
    }
  })

  test('a gateway 504 after the service acted: the retried POST meets a 409 and attaches', async () => {
    const sim = await Simulator.start({
      operation: { reads: 2 },
      faults: [{ on: 'golive', kind: 'after-accept', status: 504 }],
    })
    sims.push(sim)
    const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '20ms' }) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(r.outputs['operation-id'], sim.operation!.id)
  })
})
