/**
 * Product Ingestion with a client secret, through run() in this process (src/product-ingestion/
 * account.ts): a 401 for a token the action has just been issued says what to check in Partner
 * Center and for which resource the token must be, not "pass a fresh one".
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FakeClock } from '../fake-clock.js'
import { errors } from '../harness.js'
import { runInProcess } from '../in-process.js'
import { errorAnswer } from '../sim-base.js'
import { pi } from '../started.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '2b6b3c4d-0000-4000-8000-00000000c11e'
const SECRET = 'app-secret-value~0123456789'

test('a 401 right after a renewal names the app, the resource and where to add the app', async () => {
  const sim = await pi({
    offer: 'ready',
    aad: { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, tokenLifetimeMs: 3_600_000 },
    faults: [errorAnswer('product', 401, 'Unauthorized', 'Authentication failed.', { times: 2 })],
  })
  const r = await runInProcess(
    {
      api: 'product-ingestion',
      'offer-id': sim.scenario.offerId,
      'tenant-id': TENANT,
      'client-id': CLIENT,
      'client-secret': SECRET,
      'authority-host': sim.loginUrl,
      'base-url': sim.url,
      'request-timeout': '5s',
    },
    { clock: new FakeClock(Date.now()) },
  )
  assert.equal(r.exitCode, 1)
  assert.deepEqual(errors(r.stdout), [
    `Could not find offer '${sim.scenario.offerId}': HTTP 401 (Unauthorized: Authentication failed.). A token just issued to Azure AD app ${CLIENT} (client secret) was refused: check that it is issued for https://graph.microsoft.com and that the app is added in Partner Center (Account settings > User management > Azure AD applications).`,
  ])
  assert.equal(sim.requests.filter((q) => q.route === 'product').length, 2)
})
