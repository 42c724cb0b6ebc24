/** The bundled action, run as the runner runs it, against the simulator: issue "start, wait, report". */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { EMAIL, errors, loopbackCertificate, NODES, runAction, simInputs, type RunOptions } from '../harness.js'
import { FAILURE_MESSAGE, Simulator, type Scenario } from '../simulator.js'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

async function simulate(scenario: Partial<Scenario> = {}, tls?: { key: string; cert: string }): Promise<Simulator> {
  const sim = await Simulator.start(scenario, tls)
  sims.push(sim)
  return sim
}

function inputs(sim: Simulator, more: Record<string, string> = {}): Record<string, string> {
  return simInputs(sim, { 'poll-interval': '20ms', ...more })
}

/** What no run may ever show: the token outside its mask command, or any e-mail address. */
function assertNothingLeaks(
  sim: Simulator,
  run: { stdout: string; stderr: string; outputs: Record<string, string>; summary: string },
): void {
  const log = run.stdout.replace(/^::add-mask::.*$/gm, '')
  for (const [where, text] of [
    ['log', log + run.stderr],
    ['outputs', JSON.stringify(run.outputs)],
    ['summary', run.summary],
  ]) {
    assert.ok(!text.includes(sim.scenario.token), `token in ${where}`)
    assert.doesNotMatch(text, EMAIL, `e-mail address in ${where}`)
  }
}

const matrix: { name: string; node: keyof typeof NODES; scenario: Partial<Scenario> }[] = [
  {
    name: 'Operation-Location, object body, client vocabulary',
    node: 'node24',
    scenario: { location: 'operation-location' },
  },
  {
    name: 'relative Location, array body, documented vocabulary',
    node: 'node24',
    scenario: { location: 'location', operation: { shape: 'array', vocabulary: 'documented' } },
  },
  {
    name: 'legacy $-id Location, object body, documented vocabulary',
    node: 'system',
    scenario: { location: 'location-legacy', operation: { vocabulary: 'documented' } },
  },
  {
    name: 'relative Location, array body, client vocabulary',
    node: 'system',
    scenario: { location: 'location', operation: { shape: 'array' } },
  },
]

describe('a go-live from start to succeeded', () => {
  for (const { name, node, scenario } of matrix) {
    test(`${name} (${node})`, async () => {
      const sim = await simulate({ ...scenario, operation: { reads: 4, ...scenario.operation } })
      const run = await runAction({ node: NODES[node], inputs: inputs(sim, { wait: 'true' }) })
      assert.equal(run.code, 0, run.stdout)
      const op = sim.operation!
      const expectedId =
        scenario.location === 'location-legacy' ? `contoso$contoso-offer$2$preview-${op.id.slice(0, 8)}` : op.id
      assert.equal(run.outputs['operation-id'], expectedId)
      assert.ok(run.outputs['operation-location'].startsWith(`${sim.url}/api/`), run.outputs['operation-location'])
      assert.ok(
        run.outputs['operation-location'].endsWith(expectedId) ||
          run.outputs['operation-location'].includes(`${expectedId}?`),
      )
      assert.equal(run.outputs.status, 'succeeded')
      assert.equal(sim.goLivesStarted, 1)
      assert.match(run.stdout, /✅ Live: complete \(100%\)/)
      assert.match(run.stdout, /Offer 'contoso-offer' is live\./)
      assertNothingLeaks(sim, run)
    })
  }

  test('the log tells each step change once, not every poll', async () => {
    const sim = await simulate({ operation: { reads: 20 } })
    const run = await runAction({ inputs: inputs(sim, { wait: 'true' }) })
    assert.equal(run.code, 0)
    const certification = run.stdout.split('\n').filter((l) => /^\S+ Certification:/.test(l))
    assert.deepEqual(
      certification.map((l) => l.split(':')[1].trim().split(' ')[0]),
      ['notStarted', 'inProgress', 'complete'],
    )
    assert.equal(sim.requests.filter((r) => r.route === 'operation').length, 21)
  })
})

describe('requests', () => {
  test('go-live is a POST with bearer token, JSON headers, a User-Agent and api-version', async () => {
    const sim = await simulate()
    const run = await runAction({ inputs: inputs(sim) })
    assert.equal(run.code, 0, run.stdout)
    // The list the decision is read from, then the POST, then the operation it names.
    const [list, post, read] = sim.requests
    assert.equal(list.route, 'submissions')
    assert.equal(post.method, 'POST')
    assert.equal(post.path, '/api/publishers/contoso/offers/contoso-offer/golive')
    assert.equal(post.query.get('api-version'), '2017-10-31')
    assert.equal(post.headers.authorization, `Bearer ${sim.scenario.token}`)
    assert.equal(post.headers['content-type'], 'application/json')
    assert.equal(post.headers.accept, 'application/json')
    assert.match(String(post.headers['user-agent']), /^cpp-go-live-action\/\d+\.\d+\.\d+/)
    assert.equal(read.route, 'operation')
    assert.equal(read.query.get('api-version'), '2017-10-31')
  })

  test('without wait, the operation is read once so status tells the truth', async () => {
    const sim = await simulate({ operation: { reads: 3 } })
    const run = await runAction({ inputs: inputs(sim, { wait: 'false' }) })
    assert.equal(run.code, 0)
    assert.deepEqual(
      sim.requests.map((r) => r.route),
      ['submissions', 'golive', 'operation'],
    )
    assert.equal(run.outputs.status, 'notStarted')
    assert.match(
      run.stdout,
      /not waiting for it \(wait: false\)\. The go-live goes on in the service\. To wait on it later, run this action with wait: true and operation-location: http/,
    )
  })

  test('over HTTPS, with the certificate trusted through NODE_EXTRA_CA_CERTS, on Node 24', async () => {
    const cert = await loopbackCertificate()
    const sim = await simulate({ operation: { reads: 2 } }, cert)
    assert.ok(sim.url.startsWith('https://'))
    const run = await runAction({
      node: NODES.node24,
      inputs: inputs(sim, { wait: 'true' }),
      env: { NODE_EXTRA_CA_CERTS: cert.caFile },
    })
    assert.equal(run.code, 0, run.stdout)
    assert.equal(run.outputs.status, 'succeeded')
    assert.ok(run.outputs['operation-location'].startsWith('https://127.0.0.1:'))
  })

  test('one TLS connection per origin for the whole run, renewals included; the process exits at once', async () => {
    const cert = await loopbackCertificate()
    const tenantId = 'f2b6c1d0-0000-4000-8000-00000000aaaa'
    const clientId = 'c1d2e3f4-0000-4000-8000-00000000bbbb'
    const sim = await simulate(
      {
        operation: { durationMs: 3000 },
        aad: { tenantId, clientId, clientSecret: 'tls-secret', tokenLifetimeMs: 1000 },
      },
      cert,
    )
    const run = await runAction({
      node: NODES.node24,
      inputs: inputs(sim, {
        token: '',
        'tenant-id': tenantId,
        'client-id': clientId,
        'client-secret': 'tls-secret',
        'authority-host': sim.loginUrl,
        wait: 'true',
        'poll-interval': '200ms',
      }),
      env: { NODE_EXTRA_CA_CERTS: cert.caFile },
    })
    const ended = Date.now()
    assert.equal(run.code, 0, run.stdout)
    assert.ok(sim.issued.length >= 3, `${sim.issued.length} tokens`)
    assert.ok(sim.apiRequests.length >= 10, `${sim.apiRequests.length} requests`)
    assert.deepEqual(sim.connections, { api: 1, login: 1 })
    // Kept-alive sockets do not hold the process: it ends right after its last request.
    const exitDelay = ended - sim.requests.at(-1)!.at
    assert.ok(exitDelay < 1500, `exited ${exitDelay} ms after the last request`)
  })

  test('resume: operation-location is waited on and no go-live is started', async () => {
    const sim = await simulate({ running: 'goLive', location: 'location-legacy', operation: { reads: 3 } })
    const opPath = sim.operationPath(sim.operation!)
    const run = await runAction({
      inputs: inputs(sim, { wait: 'true', 'operation-location': `${opPath}?api-version=2017-10-31` }),
    })
    // The preset operation of a 'running' scenario stays running: it is the same as one started elsewhere.
    assert.equal(sim.requests.filter((r) => r.route === 'golive').length, 0)
    assert.match(run.stdout, /Following operation [0-9a-f-]{36} from operation-location; no go-live is started\./)
    assert.equal(run.outputs['operation-location'], `${sim.url}${opPath}?api-version=2017-10-31`)
    assert.equal(run.outputs['operation-id'], sim.operation!.id)
  })
})

describe('how an operation ends', () => {
  test('a failed go-live fails the step quoting the failing step, once on the run page, e-mails redacted', async () => {
    const sim = await simulate({ operation: { reads: 3, outcome: 'failed' } })
    const run = await runAction({ inputs: inputs(sim, { wait: 'true' }) })
    assert.equal(run.code, 1)
    assert.equal(run.outputs.status, 'failed')
    const expected = FAILURE_MESSAGE.replace('jondoe@contoso.com', '[e-mail redacted]')
    // The reason reaches the run page once: in the failure line, not in an annotation beside it.
    assert.deepEqual(errors(run.stdout), [
      `The go-live failed: Certification: ${expected} (operation ${run.outputs['operation-location']}).`,
    ])
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace')
    assertNothingLeaks(sim, run)
  })

  test('a canceled go-live fails the step', async () => {
    const sim = await simulate({ operation: { reads: 2, outcome: 'canceled' } })
    const run = await runAction({ inputs: inputs(sim, { wait: 'true' }) })
    assert.equal(run.code, 1)
    assert.equal(run.outputs.status, 'canceled')
    assert.match(errors(run.stdout).at(-1)!, /^The go-live was canceled/)
  })

  test('a wait that runs out fails the step, or only warns with fail-on-timeout: false', async () => {
    for (const failOnTimeout of ['true', 'false']) {
      const sim = await simulate({ operation: { reads: 100_000 } })
      const run = await runAction({
        inputs: inputs(sim, {
          wait: 'true',
          timeout: '300ms',
          'poll-interval': '50ms',
          'fail-on-timeout': failOnTimeout,
        }),
      })
      assert.equal(run.outputs.status, 'running')
      assert.ok(run.outputs['operation-location'])
      const line =
        failOnTimeout === 'true'
          ? errors(run.stdout).at(-1)
          : run.stdout.split('\n').find((l) => l.startsWith('::warning::'))
      assert.match(
        line ?? '',
        /Stopped waiting after 300ms: operation running; step '.*' is .*\. The go-live goes on in the service\. To wait on it later, run this action with wait: true and operation-location: http/,
      )
      assert.equal(run.code, failOnTimeout === 'true' ? 1 : 0)
    }
  })
})

describe('errors: one clear line, no stack, no retry of client errors', () => {
  const cases: {
    name: string
    scenario?: Partial<Scenario>
    inputs?: Record<string, string>
    message: RegExp
    requests: number
  }[] = [
    {
      name: '400',
      scenario: {
        goLiveAnswer: {
          status: 400,
          body: { error: { code: 'BadRequest', message: "The argument: 'OfferTypeId' cannot be null or empty." } },
        },
      },
      message:
        /^Could not start the go-live: HTTP 400 \(BadRequest: The argument: 'OfferTypeId' cannot be null or empty\.\)\./,
      requests: 2,
    },
    {
      name: '401',
      inputs: { token: 'expired-token' },
      // The first request is the list the go-live is decided from.
      message:
        /^Could not list the offer's submissions: HTTP 401 \(Unauthorized: .*\)\. The token is invalid or has expired/,
      requests: 1,
    },
    {
      name: '403',
      inputs: { 'publisher-id': 'fabrikam' },
      message:
        /HTTP 403 .*has no access to publisher 'fabrikam': add the application as a user of the account in Partner Center \(Account settings > User management\)/,
      requests: 1,
    },
    {
      name: '404',
      inputs: { 'offer-id': 'missing-offer' },
      message:
        /HTTP 404 .*Publisher 'contoso' or offer 'missing-offer' does not exist: check publisher-id and offer-id\./,
      requests: 1,
    },
    {
      name: '422',
      scenario: {
        goLiveAnswer: {
          status: 422,
          body: { error: { code: 'ValidationFailed', message: 'Plan contoso-plan has no image.' } },
        },
      },
      message:
        /HTTP 422 \(ValidationFailed: Plan contoso-plan has no image\.\)\. The offer failed validation: fix it, publish it again, then go live/,
      requests: 2,
    },
    {
      name: '409 with a publish running',
      scenario: { running: 'publish' },
      message:
        /^Cannot start the go-live yet: the preview publish of offer 'contoso-offer' \(http:\/\/127\.0\.0\.1:\d+\/api\/publishers\/contoso\/offers\/contoso-offer\/operations\/[0-9a-f-]{36}\) is not ready to go live \(it has not reached the publisher's sign-off\)\. Wait until it is ready to go live \(target: preview with wait: true follows it until then\), then re-run this step\.$/,
      // Refused before any write: the list, and the publish's operation and the offer status it is read from.
      requests: 3,
    },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const sim = await simulate(c.scenario)
      const run = await runAction({ inputs: inputs(sim, c.inputs) })
      assert.equal(run.code, 1)
      const lines = errors(run.stdout)
      assert.equal(lines.length, 1, run.stdout)
      assert.match(lines[0], c.message)
      assert.equal(lines[0].split('\n').length, 1)
      assert.equal(sim.requests.length, c.requests)
      assert.ok(sim.requests.filter((r) => r.route === 'golive').length <= 1, 'a client error was retried')
      assert.equal(sim.goLivesStarted, 0)
      assert.equal(run.outputs['operation-location'], undefined)
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /)
    })
  }
})

describe('bad input fails before any request', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [
      { api: 'cloud-partner-portal', 'publisher-id': '' },
      /^Input 'publisher-id' is required for api: cloud-partner-portal\. For a Partner Center offer, use api: product-ingestion/,
    ],
    [{ 'offer-id': '../other' }, /^Input 'offer-id' is '\.\.\/other', which is not an id/],
    [{ 'offer-id': 'a?b=c' }, /^Input 'offer-id' is 'a\?b=c', which is not an id/],
    [{ 'poll-interval': 'often' }, /^Input 'poll-interval' is 'often', which is not a duration/],
    [
      { 'base-url': 'http://cloudpartner.example.com' },
      /^Input 'base-url' is 'http:\/\/cloudpartner\.example\.com', which is not https/,
    ],
    [
      { 'operation-location': 'https://evil.example/api/operations/1' },
      /^Refused the operation-location https:\/\/evil.example\/api\/operations\/1: it is not on base-url's origin/,
    ],
    [{ token: '' }, /^No way to sign in: set 'token', or 'tenant-id' and 'client-id'/],
    [{ 'tenant-id': 'contoso.onmicrosoft.com', 'client-id': 'app' }, /^Give one way to sign in/],
  ]
  for (const [bad, message] of cases) {
    test(JSON.stringify(bad), async () => {
      const sim = await simulate()
      const options: RunOptions = { inputs: { ...inputs(sim), ...bad } }
      if (bad['base-url']) options.inputs['base-url'] = bad['base-url']
      const run = await runAction(options)
      assert.equal(run.code, 1)
      assert.deepEqual(
        errors(run.stdout).map((l) => message.test(l)),
        [true],
        run.stdout,
      )
      assert.equal(sim.requests.length, 0)
      assert.equal(run.summary.includes('::'), false)
    })
  }
})

before(() => assert.ok(NODES.node24))
