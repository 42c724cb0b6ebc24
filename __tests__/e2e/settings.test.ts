/**
 * Settings a new user gets wrong: a service host that never answers, api left out or set to the
 * other API, inputs that are almost right, each answered with what is wrong and what to do. The
 * bundle, run as the runner runs it (a host that never answers: retry-budget.test, in this process).
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { errors, ingestionInputs, runAction, simInputs } from '../harness.js'
import { cpp, pi } from '../started.js'

describe('forgetting api, and the messages that name it', () => {
  test('a Partner Center offer without api: Product Ingestion is assumed and the offer goes live', async () => {
    const sim = await pi({ job: { reads: 1 } })
    const { api, ...inputs } = ingestionInputs(sim, { wait: 'true' })
    assert.equal(api, 'product-ingestion')
    const r = await runAction({ inputs })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('a CPP offer without api, with publisher-id: the Cloud Partner Portal, as before', async () => {
    const sim = await cpp({ operation: { reads: 1 } })
    const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '20ms' }) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(sim.goLivesStarted, 1)
  })

  test('api: cloud-partner-portal without publisher-id says how to choose the other API', async () => {
    const sim = await cpp()
    const r = await runAction({ inputs: simInputs(sim, { api: 'cloud-partner-portal', 'publisher-id': '' }) })
    assert.equal(r.code, 1)
    assert.deepEqual(errors(r.stdout), [
      "Input 'publisher-id' is required for api: cloud-partner-portal. For a Partner Center offer, use api: product-ingestion (or leave api out), which needs no publisher-id.",
    ])
    assert.equal(sim.requests.length, 0)
  })

  test('no way to sign in names the API assumed, the resource its token is for, and how to choose the other', async () => {
    const r = await runAction({ inputs: { 'offer-id': 'contoso-saas' } })
    assert.equal(r.code, 1)
    assert.deepEqual(errors(r.stdout), [
      "No way to sign in: set 'token', or 'tenant-id' and 'client-id' (with 'client-secret', or without it to use GitHub OIDC federation), for api: product-ingestion, assumed because publisher-id is not given; a token must be issued for https://graph.microsoft.com. For an offer of the Cloud Partner Portal API, set api: cloud-partner-portal and publisher-id.",
    ])
    // Assumed from a publisher-id: the line says how to choose the other API, as every missing input's does.
    const cpp = await runAction({ inputs: { 'offer-id': 'contoso-offer', 'publisher-id': 'contoso' } })
    assert.equal(cpp.code, 1)
    assert.deepEqual(errors(cpp.stdout), [
      "No way to sign in: set 'token', or 'tenant-id' and 'client-id' (with 'client-secret', or without it to use GitHub OIDC federation), for api: cloud-partner-portal, assumed because publisher-id is given; a token must be issued for https://cloudpartner.azure.com. For an offer of the Product Ingestion API, set api: product-ingestion (or leave publisher-id out).",
    ])
  })

  test("an operation-location of the other API is named as that API's", async () => {
    const sim = await cpp()
    const r = await runAction({
      inputs: simInputs(sim, {
        'operation-location':
          'https://graph.microsoft.com/rp/product-ingestion/configure/d4261631-c583-4949-a612-5150882632e9/status',
      }),
    })
    assert.equal(r.code, 1)
    assert.deepEqual(errors(r.stdout), [
      "Input 'operation-location' is a go-live of the Product Ingestion API, and this run uses api: cloud-partner-portal: set api: product-ingestion (as the run that printed it did).",
    ])
  })
})

describe('inputs that are almost right', () => {
  test("a token pasted with 'Bearer ' is used without it, with a notice, and masked", async () => {
    const sim = await cpp({ operation: { reads: 1 } })
    const r = await runAction({
      inputs: simInputs(sim, { token: `Bearer ${sim.scenario.token}`, wait: 'true', 'poll-interval': '20ms' }),
    })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.match(r.stdout, /^::notice::Input 'token' began with 'Bearer '; the action sends the token without it/m)
    assert.ok(r.stdout.includes(`::add-mask::${sim.scenario.token}\n`), 'the token alone is masked')
    assert.ok(sim.apiRequests.every((q) => q.authorization === `Bearer ${sim.scenario.token}`))
  })

  test('an upper-case Partner Center offer id is looked up in lower case, with a notice', async () => {
    const sim = await pi({ job: { reads: 1 } })
    const r = await runAction({ inputs: ingestionInputs(sim, { 'offer-id': 'Contoso-SaaS', wait: 'true' }) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.match(
      r.stdout,
      /^::notice::Offer ids are lower-case on Product Ingestion: looking up 'contoso-saas' for offer-id 'Contoso-SaaS'\.$/m,
    )
    assert.equal(sim.requests.find((q) => q.route === 'product')?.query.get('externalId'), 'contoso-saas')
  })

  test('publisher-id with Product Ingestion, and a timeout past a hosted job, are warned of', async () => {
    const sim = await pi({ job: { reads: 1 } })
    const r = await runAction({
      inputs: ingestionInputs(sim, { 'publisher-id': 'contoso', wait: 'true', timeout: '8h' }),
    })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.match(r.stdout, /^::warning::Input 'publisher-id' is not used by api: product-ingestion/m)
    assert.match(r.stdout, /^::warning::Input 'timeout' is 8h, longer than GitHub-hosted jobs may run \(6h\)/m)
  })

  test("a misspelt scheme names it and the URL to write, not 'null'", async () => {
    const r = await runAction({
      inputs: { 'offer-id': 'contoso-saas', token: 't', 'base-url': 'htps://graph.microsoft.com/rp/product-ingestion' },
    })
    assert.equal(r.code, 1)
    assert.deepEqual(errors(r.stdout), [
      "Input 'base-url' is 'htps://graph.microsoft.com/rp/product-ingestion', which is not https: use https://graph.microsoft.com/rp/product-ingestion (plain http is allowed only for localhost).",
    ])
  })
})
