/** The bundled action puts Partner Center offers live through the Product Ingestion API (simulated). */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { EMAIL, errors, ingestionInputs, NODES, runAction, type RunResult } from '../harness.js'
import { IngestionSimulator, PREFIX, PRODUCT_GUID, type IngestionScenario } from '../ingestion-simulator.js'
import { shown } from '../markdown.js'

const sims: IngestionSimulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

async function simulate(scenario: Partial<IngestionScenario> = {}): Promise<IngestionSimulator> {
  const sim = await IngestionSimulator.start(scenario)
  sims.push(sim)
  return sim
}

async function run(sim: IngestionSimulator, more: Record<string, string> = {}, node = NODES.node24) {
  return runAction({ node, inputs: ingestionInputs(sim, more), timeoutMs: 30_000 })
}

const posts = (sim: IngestionSimulator) => sim.requests.filter((r) => r.method === 'POST' && r.server === 'api')

function assertNothingLeaks(sim: IngestionSimulator, r: RunResult): void {
  const log = r.stdout.replace(/^::add-mask::.*$/gm, '')
  for (const [where, text] of [
    ['log', log + r.stderr],
    ['outputs', JSON.stringify(r.outputs)],
    ['summary', r.summary],
  ]) {
    assert.ok(!text.includes(sim.scenario.token), `token in ${where}`)
    for (const t of sim.issued) assert.ok(!text.includes(t), `issued token in ${where}`)
    assert.doesNotMatch(text, EMAIL, `e-mail address in ${where}`)
  }
}

describe('a Partner Center offer goes live', () => {
  for (const [name, spelling, node] of [
    ['jobId, Node 24', 'jobId', NODES.node24],
    ['jobID as newer samples print it, system Node', 'jobID', NODES.system],
  ] as const) {
    test(`from the newest preview to succeeded (${name})`, async () => {
      const sim = await simulate({ job: { reads: 3, spelling } })
      const preview = sim.preview!
      const r = await run(sim, { wait: 'true' }, node)
      assert.equal(r.code, 0, r.stdout)
      const job = [...sim.jobs.values()][0]
      assert.equal(sim.goLivesStarted, 1)
      assert.equal(r.outputs['operation-location'], `${sim.url}/configure/${job.id}/status`)
      assert.equal(r.outputs['operation-id'], job.id)
      assert.equal(r.outputs.status, 'succeeded')
      assert.match(
        r.stdout,
        new RegExp(`Started the go-live of offer 'contoso-saas' \\(submission ${preview.n}\\): job ${job.id}\\.`),
      )
      assert.match(r.stdout, /Offer 'contoso-saas' is live\./)
      assert.match(r.summary, /^## ✅ Offer `contoso-saas` is live$/m)
      assert.match(r.summary, /^\| API \| Product Ingestion \|$/m)
      assert.doesNotMatch(r.summary, /Publisher/)
      assert.ok(
        r.summary.includes(
          `| Partner Center | [Open the offer](https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${PRODUCT_GUID}/overview) |`,
        ),
        r.summary,
      )
      assertNothingLeaks(sim, r)
    })
  }

  test('requests: product by external id, the submissions, one configure POST of the preview, $version on each', async () => {
    const sim = await simulate()
    const r = await run(sim)
    assert.equal(r.code, 0, r.stdout)
    assert.deepEqual(
      sim.requests.map((q) => `${q.method} ${q.route}`),
      // The two trees: whether the draft holds changes the preview lacks (a notice, no write).
      ['GET product', 'GET tree', 'GET tree', 'GET submissions', 'POST configure', 'GET job'],
    )
    for (const q of sim.requests) {
      assert.ok(q.path.startsWith(`${PREFIX}/`), `base-url's path prefix kept: ${q.path}`)
      assert.equal(q.query.get('$version'), '2022-07-01')
      assert.equal(q.authorization, `Bearer ${sim.scenario.token}`)
    }
    assert.equal(sim.requests[0].query.get('externalId'), 'contoso-saas')
    assert.equal(sim.requests[3].path, `${PREFIX}/submission/${PRODUCT_GUID}`)
    const post = posts(sim)[0]
    assert.equal(post.headers['content-type'], 'application/json')
    assert.deepEqual(JSON.parse(post.body), {
      $schema: 'https://schema.mp.microsoft.com/schema/configure/2022-07-01',
      resources: [
        {
          $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
          id: `submission/${PRODUCT_GUID}/${sim.preview!.n}`,
          product: `product/${PRODUCT_GUID}`,
          target: { targetType: 'live' },
        },
      ],
    })
    assert.equal(r.outputs.status, 'notStarted')
  })

  test('signs in for https://graph.microsoft.com and renews the token during a long wait', async () => {
    const tenantId = 'f2b6c1d0-0000-4000-8000-00000000aaaa'
    const clientId = 'c1d2e3f4-0000-4000-8000-00000000bbbb'
    const sim = await simulate({
      job: { durationMs: 5000 },
      aad: { tenantId, clientId, clientSecret: 'graph-secret-value-789', tokenLifetimeMs: 2000 },
    })
    const r = await run(sim, {
      token: '',
      'tenant-id': tenantId,
      'client-id': clientId,
      'client-secret': 'graph-secret-value-789',
      'authority-host': sim.loginUrl,
      wait: 'true',
      'poll-interval': '200ms',
    })
    assert.equal(r.code, 0, r.stdout)
    const tokenRequests = sim.requests.filter((q) => q.route === 'token')
    assert.ok(tokenRequests.length >= 2, `${tokenRequests.length} tokens`)
    for (const t of tokenRequests)
      assert.equal(new URLSearchParams(t.body).get('scope'), 'https://graph.microsoft.com/.default')
    assert.ok(!sim.apiRequests.some((q) => q.status === 401), 'no request made with an expired token')
    for (const t of sim.issued) assert.ok(r.stdout.includes(`::add-mask::${t}`))
    assert.ok(!r.stdout.replace(/^::add-mask::.*$/gm, '').includes('graph-secret-value-789'))
    assertNothingLeaks(sim, r)
  })
})

describe('never two go-lives', () => {
  test('an offer whose newest preview is live already: says so, starts nothing, succeeds', async () => {
    const sim = await simulate({ offer: 'already-live' })
    const r = await run(sim, { wait: 'true' })
    assert.equal(r.code, 0, r.stdout)
    assert.deepEqual(posts(sim), [])
    assert.equal(r.outputs.status, 'succeeded')
    assert.match(
      r.stdout,
      new RegExp(`Offer 'contoso-saas' is already live with submission ${sim.preview!.n}; no go-live was started\\.`),
    )
    assert.equal(r.outputs['operation-location'], `${sim.url}/submission/${PRODUCT_GUID}/${sim.preview!.n}`)
    assert.match(r.summary, /\| Started \| not needed: the offer was already live \|/)
  })

  test('a go-live in progress is attached to and followed to its end, with no POST', async () => {
    const sim = await simulate({ offer: 'live-running', job: { reads: 3 } })
    const r = await run(sim, { wait: 'true' })
    assert.equal(r.code, 0, r.stdout)
    assert.deepEqual(posts(sim), [])
    assert.equal(r.outputs['operation-location'], `${sim.url}/submission/${PRODUCT_GUID}/${sim.preview!.n}`)
    assert.equal(r.outputs['operation-id'], sim.preview!.n)
    assert.equal(r.outputs.status, 'succeeded')
    assert.match(r.stdout, /is already in progress \(submission \d{19}\); following it instead of starting another\./)
    assert.match(r.summary, /\| Started \| earlier; this step attached to it \|/)
  })

  test('a connection dropped after the service accepted the POST: the go-live is found, not started again', async () => {
    const sim = await simulate({ faults: [{ on: 'configure', kind: 'reset-after-accept' }], job: { reads: 2 } })
    const r = await run(sim, { wait: 'true', timeout: '20s' })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(posts(sim).length, 1)
    assert.equal(sim.goLivesStarted, 1)
    assert.match(r.stdout, /may have reached the service .*; looking for the go-live before sending it again\./)
    assert.match(r.stdout, /Following the go-live that request started \(submission \d{19}\)\./)
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('a connection dropped before the service saw the POST: sent again after looking, one go-live', async () => {
    const sim = await simulate({ faults: [{ on: 'configure', kind: 'reset' }] })
    const r = await run(sim, { timeout: '1s' })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(posts(sim).length, 2)
    assert.equal(sim.goLivesStarted, 1)
    assert.ok(sim.requests.filter((q) => q.route === 'submissions').length >= 2)
  })
})

describe('refused before any write, with one line that says what to do', () => {
  const cases: [string, Partial<IngestionScenario>, Record<string, string>, RegExp][] = [
    [
      'no preview',
      { offer: 'no-preview' },
      {},
      /^Cannot go live: offer 'contoso-saas' has no preview submission\. Publish it to preview first \(target: preview\), then go live\.$/,
    ],
    [
      'preview still running',
      { offer: 'preview-running' },
      {},
      /^Cannot go live yet: the latest preview of offer 'contoso-saas' \(submission \d{19}\) is running\. Wait for the preview to finish, then re-run\.$/,
    ],
    [
      'preview failed',
      { offer: 'preview-failed' },
      {},
      /^Cannot go live: the latest preview of offer 'contoso-saas' \(submission \d{19}\) failed\. Fix the offer and publish it to preview again, then go live\.$/,
    ],
    [
      'an older succeeded preview behind a newer failed one',
      { offer: 'older-preview-succeeded' },
      {},
      /the latest preview of offer 'contoso-saas' \(submission \d{19}\) failed/,
    ],
    [
      'unknown offer',
      {},
      { 'offer-id': 'no-such-offer' },
      /^No offer with the id 'no-such-offer' in the Partner Center account of this app: check offer-id/,
    ],
    [
      'app not in the Partner Center account (403)',
      { forbidden: true },
      {},
      /^Could not find offer 'contoso-saas': HTTP 403 \(forbidden: .*\)\. The app has no access to this Partner Center account: add it in Partner Center \(Account settings > User management > Azure AD applications\) with the Manager role\.$/,
    ],
    [
      'deprecated $version',
      {},
      { 'api-version': '2022-03-01-preview3' },
      /HTTP 400 \(badRequest: "2022-03-01-preview3 is a deprecated schema"\)\. Set api-version to a version the service still serves, such as 2022-07-01\.$/,
    ],
  ]
  for (const [name, scenario, more, message] of cases) {
    test(name, async () => {
      const sim = await simulate(scenario)
      const r = await run(sim, more)
      assert.equal(r.code, 1, r.stdout)
      assert.deepEqual(posts(sim), [])
      const errs = errors(r.stdout)
      assert.equal(errs.length, 1, r.stdout)
      assert.match(errs[0], message)
      assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, 'no stack trace')
    })
  }

  test('a token for another audience: 401 says the token must be for https://graph.microsoft.com', async () => {
    const tenantId = 'f2b6c1d0-0000-4000-8000-00000000aaaa'
    const clientId = 'c1d2e3f4-0000-4000-8000-00000000bbbb'
    const sim = await simulate({ aad: { tenantId, clientId, clientSecret: 's3cret-value', tokenLifetimeMs: 60_000 } })
    const issued = await fetch(`${sim.loginUrl}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: 's3cret-value',
        scope: 'https://cloudpartner.azure.com/.default',
      }),
    })
    const cppToken = ((await issued.json()) as { access_token: string }).access_token
    const r = await run(sim, { token: cppToken })
    assert.equal(r.code, 1)
    assert.match(
      errors(r.stdout)[0],
      /^Could not find offer 'contoso-saas': HTTP 401 \(InvalidAuthenticationToken: Access token validation failure\. Invalid audience\.\)\. The token must be issued for https:\/\/graph\.microsoft\.com \(scope https:\/\/graph\.microsoft\.com\/\.default\)/,
    )
    assert.equal(sim.apiRequests.length, 1)
  })
})

describe('following the job', () => {
  test('a failed job fails the step with every error, nested details and hints included, once on the run page and once in the summary', async () => {
    const sim = await simulate({ job: { reads: 2, outcome: 'failed' } })
    const r = await run(sim, { wait: 'true' })
    assert.equal(r.code, 1)
    assert.equal(r.outputs.status, 'failed')
    const reasons = [
      'internalServerError: Operation failed',
      'invalidState: Issues found during Certification. Contact [e-mail redacted] for the report. (the offer failed certification: read the certification report in Partner Center, fix the offer, publish it to preview, then go live)',
    ]
    assert.deepEqual(errors(r.stdout), [
      `The go-live failed: ${reasons.join('; ')} (operation ${r.outputs['operation-location']}).`,
    ])
    const summary = shown(r.summary)
    assert.match(summary, /^### Why it failed$/m)
    for (const reason of reasons) {
      assert.equal(summary.split(`- ${reason}`).length - 1, 1, `once in the summary: ${reason}`)
      const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning)/.test(l))
      assert.equal(annotations.join('\n').split(reason).length - 1, 1, `once on the run page: ${reason}`)
    }
    assertNothingLeaks(sim, r)
  })

  test('a promotion the service refuses as not the latest gets its hint', async () => {
    const sim = await simulate({
      job: {
        reads: 1,
        outcome: 'failed',
        errors: [
          {
            code: 'conflict',
            message: 'The submission cannot be pushed to live as its not the latest submission.',
            details: [{ code: 'invalidResource', message: 'Failure for resource' }],
          },
        ],
      },
    })
    const r = await run(sim, { wait: 'true' })
    assert.equal(r.code, 1)
    const [failure] = errors(r.stdout)
    assert.ok(
      failure.includes(
        'conflict: The submission cannot be pushed to live as its not the latest submission. (only the newest preview can go live: publish the latest changes to preview, wait for it to finish, then re-run)',
      ),
      r.stdout,
    )
    assert.ok(failure.includes('; invalidResource: Failure for resource'))
  })

  test('a cancelled job is canceled', async () => {
    const sim = await simulate({ job: { reads: 2, outcome: 'cancelled' } })
    const r = await run(sim, { wait: 'true' })
    assert.equal(r.code, 1)
    assert.equal(r.outputs.status, 'canceled')
    assert.match(errors(r.stdout).at(-1)!, /^The go-live was canceled without giving a reason/)
  })

  test('5xx answers on status reads are retried and the wait goes on', async () => {
    const sim = await simulate({
      job: { reads: 3 },
      faults: [{ on: 'job', kind: 'status', status: 500, nth: 2, times: 2 }],
    })
    const r = await run(sim, { wait: 'true' })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(sim.requests.filter((q) => q.route === 'job' && q.status === 500).length, 2)
  })

  test('a job status word the action does not know is named once, and the wait goes on', async () => {
    const sim = await simulate({ job: { reads: 5, unknownStatus: 'validating' } })
    const r = await run(sim, { wait: 'true' })
    assert.equal(r.code, 0, r.stdout)
    const lines = r.stdout.split('\n').filter((l) => l.includes("status 'validating'"))
    assert.equal(lines.length, 1, r.stdout)
    assert.match(lines[0], /which this action does not know; it keeps waiting/)
  })

  test('a later run follows either URL as operation-location, with no POST', async () => {
    const sim = await simulate({ job: { reads: 3 } })
    const first = await run(sim)
    const location = first.outputs['operation-location']
    const byJob = await run(sim, { 'operation-location': location, wait: 'true' })
    assert.equal(byJob.code, 0, byJob.stdout)
    assert.equal(byJob.outputs.status, 'succeeded')
    assert.equal(byJob.outputs['operation-id'], first.outputs['operation-id'])
    const submission = `${sim.url}/submission/${PRODUCT_GUID}/${sim.preview!.n}`
    const bySubmission = await run(sim, { 'operation-location': submission })
    assert.equal(bySubmission.code, 0, bySubmission.stdout)
    assert.equal(bySubmission.outputs.status, 'succeeded')
    assert.equal(posts(sim).length, 1)
    const wrong = await run(sim, { 'operation-location': `${sim.url}/product/${PRODUCT_GUID}` })
    assert.equal(wrong.code, 1)
    assert.match(
      errors(wrong.stdout)[0],
      /is not a go-live of the Product Ingestion API: it should end in \/configure\/\{jobId\}\/status or \/submission\/\{productId\}\/\{submissionId\}\./,
    )
  })
})

describe("the simulator answers bad go-live requests with the service's own 400s", () => {
  const body = (configure: string, submission: string, id: unknown) =>
    JSON.stringify({
      $schema: configure,
      resources: [{ $schema: submission, id, product: `product/${PRODUCT_GUID}`, target: { targetType: 'live' } }],
    })
  const HOST = 'https://schema.mp.microsoft.com/schema'
  const OLD = 'https://product-ingestion.azureedge.net/schema'
  const cases: [string, string, string, RegExp][] = [
    [
      'old $schema host',
      body(`${OLD}/configure/2022-03-01-preview2`, `${HOST}/submission/2022-03-01-preview2`, 'x'),
      '2022-07-01',
      /^Schema https:\/\/product-ingestion\.azureedge\.net\/schema\/configure\/2022-03-01-preview2 could not be accessed$/,
    ],
    [
      'a /0 submission id',
      body(`${HOST}/configure/2022-07-01`, `${HOST}/submission/2022-03-01-preview2`, `submission/${PRODUCT_GUID}/0`),
      '2022-07-01',
      /^Expected a submission id that isn't null or 0 since target type is Live$/,
    ],
    [
      'no submission id',
      body(`${HOST}/configure/2022-07-01`, `${HOST}/submission/2022-03-01-preview2`, null),
      '2022-07-01',
      /^Expected a submission id that isn't null or 0/,
    ],
    [
      'a submission schema that wants sources',
      body(`${HOST}/configure/2022-07-01`, `${HOST}/submission/2022-03-01-preview7`, 'x'),
      '2022-07-01',
      /^Invalid configuration: schema validation failed$/,
    ],
    [
      'a deprecated $version',
      body(`${HOST}/configure/2022-07-01`, `${HOST}/submission/2022-03-01-preview2`, 'x'),
      '2022-03-01-preview3',
      /^"2022-03-01-preview3 is a deprecated schema"$/,
    ],
  ]
  for (const [name, text, version, message] of cases) {
    test(name, async () => {
      const sim = await simulate()
      const answer = await fetch(`${sim.url}/configure?$version=${version}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sim.scenario.token}`, 'Content-Type': 'application/json' },
        body: text,
      })
      assert.equal(answer.status, 400)
      const { error } = (await answer.json()) as { error: { code: string; message: string } }
      assert.equal(error.code, 'badRequest')
      assert.match(error.message, message)
      assert.equal(sim.jobs.size, 0)
    })
  }
})
