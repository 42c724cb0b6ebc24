/** Signing in without a pasted token: client secret, GitHub OIDC federation, renewal during waits. */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { EMAIL, errors, NODES, runAction, type RunResult } from '../harness.js'
import { Simulator, type Scenario } from '../simulator.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '2b6b3c4d-0000-4000-8000-00000000c11e'
const SECRET = 'app-secret-value~0123456789'
const SUBJECT = 'repo:contoso/offers:ref:refs/tags/v1.2.3'
const REQUEST_TOKEN = 'github-request-token-abc'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

async function simulate(scenario: Partial<Scenario> = {}): Promise<Simulator> {
  const sim = await Simulator.start({
    aad: { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, tokenLifetimeMs: 2000, federatedSubject: SUBJECT },
    github: { requestToken: REQUEST_TOKEN, subject: SUBJECT },
    ...scenario,
  })
  sims.push(sim)
  return sim
}

function app(sim: Simulator, more: Record<string, string> = {}): Record<string, string> {
  return {
    'publisher-id': 'contoso',
    'offer-id': 'contoso-offer',
    'tenant-id': TENANT,
    'client-id': CLIENT,
    'authority-host': sim.loginUrl,
    'base-url': sim.url,
    'poll-interval': '100ms',
    ...more,
  }
}

const oidcEnv = (sim: Simulator): Record<string, string> => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: `${sim.loginUrl}/idtoken?api-version=2.0`,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
})

/** Each issued token and the secret are masked, never printed, and never sent to another origin. */
function assertSecretsKept(sim: Simulator, run: RunResult, secrets: string[]): void {
  const masks = new Set(
    run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length)),
  )
  const log = run.stdout.replace(/^::add-mask::.*$/gm, '') + run.stderr
  for (const secret of [...secrets, ...sim.issued]) {
    assert.ok(masks.has(secret), `not masked: ${secret.slice(0, 6)}...`)
    assert.ok(
      !log.includes(secret) && !run.summary.includes(secret) && !JSON.stringify(run.outputs).includes(secret),
      'a secret was printed',
    )
  }
  for (const r of sim.requests) {
    if (r.server === 'login')
      assert.ok(
        !sim.issued.some((t) => r.authorization?.includes(t) || r.body.includes(t)),
        'a CPP token went to the login origin',
      )
    else assert.ok(!r.body.includes(SECRET) && !(r.authorization ?? '').includes(SECRET))
  }
  assert.doesNotMatch(log + run.summary, EMAIL)
}

describe('a wait that outlives several token lifetimes', () => {
  for (const way of ['client secret', 'GitHub OIDC federation'] as const) {
    test(`${way} (Node 24)`, { timeout: 60_000 }, async () => {
      const sim = await simulate({ operation: { durationMs: 7000 } })
      const inputs =
        way === 'client secret' ? app(sim, { 'client-secret': SECRET, wait: 'true' }) : app(sim, { wait: 'true' })
      const run = await runAction({ node: NODES.node24, inputs, env: way === 'client secret' ? {} : oidcEnv(sim) })
      assert.equal(run.code, 0, run.stdout)
      assert.equal(run.outputs.status, 'succeeded')
      // 7 s of operation with 2 s tokens: at least three tokens, each renewed before it expired.
      assert.ok(sim.issued.length >= 3, `${sim.issued.length} tokens issued`)
      assert.equal(
        sim.requests.filter((r) => r.server === 'api' && r.status === 401).length,
        0,
        'a request was made with an expired token',
      )
      assert.match(run.stdout, /Signed in as Azure AD app .* it is valid for 2s\./)
      assert.match(run.stdout, /Renewed the token as Azure AD app/)
      const tokenRequests = sim.requests.filter((r) => r.route === 'token')
      assert.ok(tokenRequests.every((r) => r.path === `/${TENANT}/oauth2/v2.0/token`))
      const form = new URLSearchParams(tokenRequests[0].body)
      assert.equal(form.get('scope'), 'https://cloudpartner.azure.com/.default')
      if (way === 'client secret') {
        assert.equal(form.get('client_secret'), SECRET)
        assertSecretsKept(sim, run, [SECRET])
      } else {
        assert.equal(form.get('client_secret'), null)
        assert.equal(form.get('client_assertion_type'), 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        const idTokenRequests = sim.requests.filter((r) => r.route === 'idtoken')
        assert.equal(idTokenRequests.length, tokenRequests.length)
        assert.equal(idTokenRequests[0].query.get('audience'), 'api://AzureADTokenExchange')
        assertSecretsKept(
          sim,
          run,
          tokenRequests.map((r) => new URLSearchParams(r.body).get('client_assertion')!),
        )
      }
    })
  }

  test('a 401 mid-wait renews the token once and goes on', async () => {
    const sim = await simulate({
      aad: { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, tokenLifetimeMs: 3_600_000 },
      faults: [{ on: 'operation', kind: 'status', status: 401, nth: 2 }],
    })
    const run = await runAction({
      inputs: app(sim, { 'client-secret': SECRET, wait: 'true', 'poll-interval': '20ms' }),
    })
    assert.equal(run.code, 0, run.stdout)
    assert.equal(sim.issued.length, 2)
    assert.match(run.stdout, /Renewed the token/)
  })

  test('a 401 right after a renewal fails with a clear message', async () => {
    const sim = await simulate({
      faults: [
        {
          on: 'golive',
          kind: 'status',
          status: 401,
          times: 2,
          body: '{"error":{"code":"Unauthorized","message":"Authentication failed."}}',
        },
      ],
    })
    const run = await runAction({ inputs: app(sim, { 'client-secret': SECRET }) })
    assert.equal(run.code, 1)
    assert.equal(
      errors(run.stdout)[0],
      `Could not start the go-live: HTTP 401 (Unauthorized: Authentication failed.) for a token just issued to Azure AD app ${CLIENT} (client secret). Check that the app is registered as a user of publisher 'contoso' in Partner Center (Account settings > User management).`,
    )
    assert.equal(sim.requests.filter((r) => r.route === 'golive').length, 2)
    assert.equal(sim.goLivesStarted, 0)
  })
})

describe('sign-in errors: reported with their code and a hint, not retried', () => {
  const cases: {
    name: string
    inputs: (sim: Simulator) => Record<string, string>
    env?: (sim: Simulator) => Record<string, string>
    scenario?: Partial<Scenario>
    message: RegExp
    requests: number
  }[] = [
    {
      name: 'wrong secret',
      inputs: (sim) => app(sim, { 'client-secret': 'not-the-secret' }),
      message: new RegExp(
        `^Azure AD refused to issue a token for app ${CLIENT} in tenant ${TENANT} \\(invalid_client, AADSTS7000215: Invalid client secret provided\\..*\\): the client secret is wrong or has expired: create a new one for the app and update the 'client-secret' secret\\.$`,
      ),
      requests: 1,
    },
    {
      name: 'unknown tenant',
      inputs: (sim) => app(sim, { 'tenant-id': 'fabrikam.onmicrosoft.com', 'client-secret': SECRET }),
      message:
        /^Azure AD refused to issue a token for app .* in tenant fabrikam.onmicrosoft.com \(invalid_request, AADSTS90002: Tenant 'fabrikam.onmicrosoft.com' not found\..*\): the tenant is unknown: check 'tenant-id'/,
      requests: 1,
    },
    {
      name: 'unknown application',
      inputs: (sim) => app(sim, { 'client-id': 'other-app', 'client-secret': SECRET }),
      message:
        /\(unauthorized_client, AADSTS700016: .*\): the application is not found in that tenant: check 'client-id' and 'tenant-id'\.$/,
      requests: 1,
    },
    {
      name: 'missing id-token: write permission',
      inputs: (sim) => app(sim),
      message:
        /^GitHub OIDC is not available to this job: add 'id-token: write' under 'permissions:' in the workflow \(or give 'client-secret' instead\)\.$/,
      requests: 0,
    },
    {
      name: 'federated credential subject does not match',
      inputs: (sim) => app(sim),
      env: oidcEnv,
      scenario: { github: { requestToken: REQUEST_TOKEN, subject: 'repo:contoso/offers:ref:refs/heads/main' } },
      message:
        /\(invalid_client, AADSTS700213: No matching federated identity record found.*\): no federated credential of the app matches this workflow: add one with subject 'repo:contoso\/offers:ref:refs\/heads\/main'\.$/,
      requests: 2,
    },
    {
      name: 'GitHub refuses the ID-token request',
      inputs: (sim) => app(sim),
      env: (sim) => ({ ...oidcEnv(sim), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'stale' }),
      message:
        /^Could not get a GitHub OIDC token for api:\/\/AzureADTokenExchange: .*401.*Check 'permissions: id-token: write'\.$/,
      requests: 1,
    },
    {
      name: 'both token and credentials',
      inputs: (sim) => app(sim, { token: 'x', 'client-secret': SECRET }),
      message: /^Give one way to sign in: either 'token', or 'tenant-id' and 'client-id'/,
      requests: 0,
    },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const sim = await simulate(c.scenario)
      const run = await runAction({ inputs: c.inputs(sim), env: c.env?.(sim) })
      assert.equal(run.code, 1)
      const lines = errors(run.stdout)
      assert.equal(lines.length, 1, run.stdout)
      assert.match(lines[0], c.message)
      assert.equal(sim.requests.length, c.requests, sim.requests.map((r) => r.route).join())
      assert.equal(sim.requests.filter((r) => r.server === 'api').length, 0)
      assert.ok(!run.stdout.replace(/^::add-mask::.*$/gm, '').includes(SECRET))
    })
  }
})
