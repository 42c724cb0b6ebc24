import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { APIS } from '../src/apis.js'
import { readSettings } from '../src/settings.js'

const base = { 'publisher-id': 'contoso', 'offer-id': 'contoso-offer', token: 't0k3n' }
// A fixed instant: only the image-source SAS expiry reads it.
const NOW = Date.parse('2026-12-07T12:00:00Z')
const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '', APIS, NOW)

test('defaults fill every optional input', () => {
  const s = read(base)
  assert.equal(s.publisherId, 'contoso')
  assert.equal(s.offerId, 'contoso-offer')
  assert.deepEqual(s.auth, { kind: 'token', token: 't0k3n' })
  assert.equal(s.wait, false)
  assert.equal(s.timeoutMs, 5 * 3_600_000)
  assert.equal(s.pollIntervalMs, 60_000)
  assert.equal(s.requestTimeoutMs, 5 * 60_000, 'answers slower than a minute are normal')
  assert.equal(s.intent, 'start')
  assert.equal(s.api.name, 'cloud-partner-portal')
  assert.equal(s.failOnTimeout, true)
  assert.equal(s.baseUrl.href, 'https://cloudpartner.azure.com/')
  assert.equal(s.apiVersion, '2017-10-31')
  assert.equal(s.operationLocation, undefined)
})

test('a missing id fails before anything else, naming the input', () => {
  assert.throws(
    () => read({ ...base, api: 'cloud-partner-portal', 'publisher-id': '' }),
    /^ActionError: Input 'publisher-id' is required for api: cloud-partner-portal\. For a Partner Center offer, use api: product-ingestion \(or leave api out\), which needs no publisher-id\.$/,
  )
  // Left out, the API follows from publisher-id: the missing input names the API it assumed.
  assert.throws(
    () => read({ token: 't' }),
    /^ActionError: Input 'offer-id' is required \(api: product-ingestion, assumed because publisher-id is not given\)/,
  )
  assert.throws(() => read({ ...base, 'offer-id': '  ' }), /Input 'offer-id' is required/)
})

test('an id that would change the URL path or query is refused', () => {
  for (const bad of ['a/b', 'a?b', 'a#b', 'a%2Fb', 'a b', 'a\tb', '.', '..', 'a\\b']) {
    assert.throws(
      () => read({ ...base, 'offer-id': bad }),
      /Input 'offer-id' is .*which is not an id: it must not contain/,
      bad,
    )
  }
  assert.equal(read({ ...base, 'offer-id': 'offer.v2_preview-1' }).offerId, 'offer.v2_preview-1')
})

test('base-url must be https, or http on a loopback host', () => {
  assert.throws(
    () => read({ ...base, 'base-url': 'http://cloudpartner.azure.com' }),
    /Input 'base-url' is 'http:\/\/cloudpartner\.azure\.com', which is not https: use https:\/\/cloudpartner\.azure\.com \(plain http is allowed only for localhost\)\./,
  )
  assert.throws(() => read({ ...base, 'base-url': 'ftp://x' }), /which is not https: use https:\/\/x /)
  // A misspelt scheme is named, with the URL it should be.
  assert.throws(
    () => read({ ...base, 'base-url': 'htps://graph.microsoft.com/rp/product-ingestion' }),
    /^ActionError: Input 'base-url' is 'htps:\/\/graph\.microsoft\.com\/rp\/product-ingestion', which is not https: use https:\/\/graph\.microsoft\.com\/rp\/product-ingestion /,
  )
  assert.throws(() => read({ ...base, 'base-url': 'not a url' }), /Input 'base-url' is 'not a url', which is not a URL/)
  assert.throws(() => read({ ...base, 'base-url': 'https://user:pw@host' }), /without credentials, query or fragment/)
  assert.equal(read({ ...base, 'base-url': 'http://127.0.0.1:8080/' }).baseUrl.href, 'http://127.0.0.1:8080/')
  assert.equal(read({ ...base, 'base-url': 'http://localhost:1' }).baseUrl.host, 'localhost:1')
  assert.equal(read({ ...base, 'base-url': 'http://[::1]:1' }).baseUrl.host, '[::1]:1')
})

test('poll-interval is at least 5s unless the host is loopback', () => {
  assert.throws(
    () => read({ ...base, 'poll-interval': '2s' }),
    /Input 'poll-interval' must be at least 5s against cloudpartner.azure.com/,
  )
  assert.equal(read({ ...base, 'poll-interval': '5s' }).pollIntervalMs, 5000)
  assert.equal(read({ ...base, 'poll-interval': '50ms', 'base-url': 'http://127.0.0.1:9' }).pollIntervalMs, 50)
  assert.throws(() => read({ ...base, timeout: 'forever' }), /Input 'timeout' is 'forever', which is not a duration/)
})

test('booleans accept true/false and refuse anything else', () => {
  assert.equal(read({ ...base, wait: 'TRUE' }).wait, true)
  assert.equal(read({ ...base, 'fail-on-timeout': 'false' }).failOnTimeout, false)
  assert.throws(() => read({ ...base, wait: 'maybe' }), /Input 'wait' is 'maybe'; use true or false\./)
})

test('operation-location resolves against base-url and must stay on its origin', () => {
  const abs = read({
    ...base,
    'operation-location':
      'https://cloudpartner.azure.com/api/publishers/contoso/offers/o/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8',
  })
  assert.equal(
    abs.operationLocation?.pathname,
    '/api/publishers/contoso/offers/o/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8',
  )
  const rel = read({
    ...base,
    'operation-location': '/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31',
  })
  assert.equal(
    rel.operationLocation?.href,
    'https://cloudpartner.azure.com/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31',
  )
  assert.throws(
    () => read({ ...base, 'operation-location': 'https://evil.example/api/operations/x' }),
    /Refused the operation-location https:\/\/evil.example\/api\/operations\/x: it is not on base-url's origin/,
  )
  assert.throws(
    () => read({ ...base, 'operation-location': 'https://cloudpartner.azure.com/api/publishers/contoso/offers/o' }),
    /is not an operation URL: it should end in \/operations\/\{operationId\}/,
  )
  // An id no operation can have is refused with the reason, never quoted (it may hold an address).
  for (const id of ['jon%40contoso.com', 'a%0D%0A%3A%3Aerror%3A%3Ax', `${'a'.repeat(501)}`]) {
    assert.throws(
      () => read({ ...base, 'operation-location': `https://cloudpartner.azure.com/api/operations/${id}` }),
      (e: Error) => (
        assert.equal(
          e.message,
          'The operation-location names an operation id that no operation has (line breaks, spaces, an address or over 500 characters).',
        ),
        true
      ),
    )
  }
})

test('exactly one way to sign in', () => {
  assert.throws(
    () => read({ 'publisher-id': 'p', 'offer-id': 'o' }),
    /^ActionError: No way to sign in: set 'token', or 'tenant-id' and 'client-id' \(with 'client-secret', or without it to use GitHub OIDC federation\), for api: cloud-partner-portal, assumed because publisher-id is given; a token must be issued for https:\/\/cloudpartner\.azure\.com\. For an offer of the Product Ingestion API, set api: product-ingestion \(or leave publisher-id out\)\.$/,
  )
  assert.throws(
    () => read({ ...base, 'tenant-id': 't', 'client-id': 'c' }),
    /Give one way to sign in: either 'token', or 'tenant-id' and 'client-id'/,
  )
  assert.throws(() => read({ ...base, 'client-secret': 's' }), /Give one way to sign in/)
  assert.throws(
    () => read({ 'publisher-id': 'p', 'offer-id': 'o', 'tenant-id': 't' }),
    /No way to sign in: set 'client-id'/,
  )
  assert.throws(
    () => read({ 'publisher-id': 'p', 'offer-id': 'o', 'client-id': 'c', 'client-secret': 's' }),
    /No way to sign in: set 'tenant-id'/,
  )
  const secret = read({
    'publisher-id': 'p',
    'offer-id': 'o',
    'tenant-id': 'tenant',
    'client-id': 'app',
    'client-secret': 's3cret',
  })
  assert.equal(secret.auth.kind, 'client-secret')
  const oidc = read({ 'publisher-id': 'p', 'offer-id': 'o', 'tenant-id': 'tenant', 'client-id': 'app' })
  assert.equal(oidc.auth.kind, 'oidc')
  assert.equal(oidc.auth.kind === 'oidc' && oidc.auth.authorityHost.href, 'https://login.microsoftonline.com/')
  assert.throws(
    () => read({ 'publisher-id': 'p', 'offer-id': 'o', 'tenant-id': 'a/b', 'client-id': 'app' }),
    /Input 'tenant-id' is 'a\/b', which is not an id/,
  )
  assert.throws(
    () =>
      read({
        'publisher-id': 'p',
        'offer-id': 'o',
        'tenant-id': 't',
        'client-id': 'app',
        'authority-host': 'http://login.example',
      }),
    /Input 'authority-host' is 'http:\/\/login\.example', which is not https/,
  )
})

test('api picks the back end and its defaults; product-ingestion needs no publisher-id', () => {
  const s = read({ api: 'product-ingestion', 'offer-id': 'contoso-saas', token: 't' })
  assert.equal(s.api.name, 'product-ingestion')
  assert.equal(s.publisherId, '')
  assert.equal(s.baseUrl.href, 'https://graph.microsoft.com/rp/product-ingestion')
  assert.equal(s.apiVersion, '2022-07-01')
  assert.equal(s.api.tokenResource, 'https://graph.microsoft.com')
  assert.equal(
    read({ ...base, api: 'product-ingestion', 'api-version': '2022-03-01-preview2' }).apiVersion,
    '2022-03-01-preview2',
  )
  assert.throws(
    () => read({ ...base, api: 'partner-center' }),
    /^ActionError: Input 'api' is 'partner-center'; use cloud-partner-portal or product-ingestion\.$/,
  )
  assert.equal(read({ 'offer-id': 'contoso-saas', token: 't' }).api.name, 'product-ingestion', 'no publisher-id')
  assert.equal(read({ 'publisher-id': 'p', 'offer-id': 'o', token: 't' }).api.name, 'cloud-partner-portal')
  assert.equal(
    read({ api: 'product-ingestion', 'publisher-id': 'p', 'offer-id': 'contoso-saas', token: 't' }).api.name,
    'product-ingestion',
    'an explicit api wins',
  )
})

test('start: false is read as a whole word; operation-location takes either Product Ingestion form', () => {
  assert.equal(read({ ...base, start: 'false' }).intent, 'follow')
  assert.throws(() => read({ ...base, start: 'falsey' }), /Input 'start' is 'falsey'; use true or false\./)
  const pi = { api: 'product-ingestion', 'offer-id': 'contoso-saas', token: 't' }
  const job = read({
    ...pi,
    'operation-location':
      'https://graph.microsoft.com/rp/product-ingestion/configure/d4261631-c583-4949-a612-5150882632e9/status',
  })
  assert.equal(
    job.operationLocation?.pathname,
    '/rp/product-ingestion/configure/d4261631-c583-4949-a612-5150882632e9/status',
  )
  // A path relative to the host keeps base-url's prefix.
  const rel = read({ ...pi, 'operation-location': '/submission/5f3b0b52/1152921505698967817' })
  assert.equal(
    rel.operationLocation?.href,
    'https://graph.microsoft.com/rp/product-ingestion/submission/5f3b0b52/1152921505698967817',
  )
  assert.throws(
    () =>
      read({
        ...pi,
        'operation-location': 'https://graph.microsoft.com.evil.example/rp/product-ingestion/configure/a/status',
      }),
    /not on base-url's origin/,
  )
})

const short = { 'publisher-id': 'p', 'offer-id': 'o', token: 't' }
const cppInputs = { 'publisher-id': 'contoso', 'offer-id': 'contoso-offer', token: 't' }
const piInputs = { api: 'product-ingestion', 'offer-id': 'contoso-saas', token: 't' }

test('boolean inputs are whole words, in any case', () => {
  for (const yes of ['true', 'True', 'YES', 'on', '1']) assert.equal(read({ ...short, wait: yes }).wait, true, yes)
  for (const no of ['false', 'No', 'OFF', '0']) assert.equal(read({ ...short, wait: no }).wait, false, no)
  for (const word of ['truex', 'xtrue', 'yes please', 'not false', 'falsey', 'offline', '10', 'on off']) {
    assert.throws(() => read({ ...short, wait: word }), { message: `Input 'wait' is '${word}'; use true or false.` })
  }
  for (const name of ['start', 'fail-on-timeout']) {
    assert.throws(() => read({ ...short, [name]: 'maybe' }), {
      message: `Input '${name}' is 'maybe'; use true or false.`,
    })
  }
  assert.equal(read({ ...short, 'fail-on-timeout': 'no' }).failOnTimeout, false)
  assert.equal(read({ ...short, start: ' false ' }).intent, 'follow')
})

test('api-version: letters, digits, dots and dashes only, the whole of it', () => {
  assert.equal(read({ ...short, 'api-version': '2022-03-01-preview3' }).apiVersion, '2022-03-01-preview3')
  for (const bad of ['2017-10-31&x=1', 'x/2017', '2017 10', '?2017', '2017#', '../2017']) {
    assert.throws(() => read({ ...short, 'api-version': bad }), {
      name: 'ActionError',
      message: `Input 'api-version' is '${bad.trim()}'; use a version such as 2017-10-31.`,
    })
  }
  assert.throws(
    () => read({ ...short, api: 'product-ingestion', 'offer-id': 'contoso-saas', 'api-version': 'v 2' }),
    /such as 2022-07-01\./,
  )
})

test('a token with any one of tenant-id, client-id or client-secret is refused', () => {
  for (const extra of ['tenant-id', 'client-id', 'client-secret']) {
    assert.throws(() => read({ ...short, [extra]: 'x' }), /^ActionError: Give one way to sign in/, extra)
  }
  const app = read({ 'publisher-id': 'p', 'offer-id': 'o', 'tenant-id': 't', 'client-id': 'c' })
  assert.equal(app.auth.kind, 'oidc')
  assert.throws(
    () => read({ 'publisher-id': 'p', 'offer-id': 'o', 'tenant-id': 't', 'client-id': 'c/d' }),
    /^ActionError: Input 'client-id' is 'c\/d', which is not an id/,
  )
  assert.throws(() => read({ ...short, 'poll-interval': '1s', 'base-url': 'https://api.example.test' }), {
    message: "Input 'poll-interval' must be at least 5s against api.example.test; it is '1s'.",
  })
  assert.equal(read({ ...short, 'request-timeout': '7s' }).requestTimeoutMs, 7000)
  assert.equal(read({ ...short, 'offer-id': 'contoso-saas', api: ' product-ingestion ' }).api.name, 'product-ingestion')
})

test("a token pasted with its scheme: 'Bearer ' and the spaces after it taken off, with a notice", () => {
  const s = read({ ...cppInputs, token: 'Bearer   abc.def' })
  assert.deepEqual(s.auth, { kind: 'token', token: 'abc.def' })
  assert.deepEqual(s.remarks, [
    {
      level: 'notice',
      text: "Input 'token' began with 'Bearer '; the action sends the token without it (pass the token alone).",
    },
  ])
  // Only at the start: a token that merely contains the word is left whole.
  assert.deepEqual(read({ ...cppInputs, token: 'xbearer abc' }).auth, { kind: 'token', token: 'xbearer abc' })
})

test('each remark has the level its mistake deserves', () => {
  assert.equal(read({ ...piInputs, 'offer-id': 'Contoso-SaaS' }).remarks[0]?.level, 'notice')
  assert.equal(read({ ...piInputs, 'publisher-id': 'contoso' }).remarks[0]?.level, 'warning')
  assert.match(
    read({ ...piInputs, 'publisher-id': 'contoso' }).remarks[0]?.text ?? '',
    /set api: cloud-partner-portal if/,
  )
  assert.equal(read({ ...cppInputs, wait: 'true', timeout: '7h' }).remarks[0]?.level, 'warning')
  assert.deepEqual(read({ ...cppInputs, wait: 'true', timeout: '6h' }).remarks, [])
  assert.equal(read({ ...cppInputs, 'notification-emails': 'a@contoso.com' }).remarks[0]?.level, 'warning')
})

test('a publisher-id with spaces around it is used trimmed', () => {
  assert.equal(read({ ...cppInputs, 'publisher-id': '  contoso  ' }).publisherId, 'contoso')
})

test('boolean and duration inputs name themselves when they are wrong', () => {
  assert.throws(() => read({ ...cppInputs, 'dry-run': 'maybe' }), /Input 'dry-run'/)
  assert.throws(() => read({ ...cppInputs, cancel: 'maybe' }), /Input 'cancel'/)
  assert.throws(() => read({ ...cppInputs, 'request-timeout': 'soon' }), /Input 'request-timeout'/)
})

test("another API's operation-location is named as such, with the api input to set", () => {
  const location =
    'https://graph.microsoft.com/rp/product-ingestion/configure/0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/status'
  assert.throws(
    () => read({ ...cppInputs, 'operation-location': location }),
    /^ActionError: Input 'operation-location' is a go-live of the Product Ingestion API, and this run uses api: cloud-partner-portal: set api: product-ingestion/,
  )
})

/*
 * The image inputs as settings reads them with the rest (src/settings.ts): which target takes which
 * of plan-id, image-version and image-source, where a gallery image's tenant comes from when
 * image-tenant-id is left out, and that every id among them goes through the one id check, naming
 * the input. Each refusal is one line that says what to change, before any request.
 */
describe('the image inputs', () => {
  const SAS = `https://store.blob.core.windows.net/vhds/image.vhd?sv=2022-11-02&se=${encodeURIComponent(
    new Date(NOW + 30 * 86_400_000).toISOString(),
  )}&sp=rl&sig=abc`
  const GALLERY_ID =
    '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i/versions/1.2.0'
  const PI = { api: 'product-ingestion', 'offer-id': 'contoso-offer' }
  const TOKEN = { token: 't0k3n' }
  const refused = (inputs: Record<string, string>, message: string) =>
    assert.throws(() => read(inputs), { name: 'ActionError', message })

  test('image-version with target: preview and no image-source is refused: preview adds an image, live confirms one', () => {
    refused(
      { ...PI, ...TOKEN, target: 'preview', 'plan-id': 'gen2', 'image-version': '1.2.0' },
      "Input 'image-version' with target: preview needs image-source (the image to add before the publish); to check that a version went live, use target: live.",
    )
    // The same inputs with target: live are the confirmation the refusal points to.
    const live = read({ ...PI, ...TOKEN, target: 'live', 'plan-id': 'gen2', 'image-version': '1.2.0' })
    assert.deepEqual([live.target, live.image?.planId, live.image?.version], ['live', 'gen2', '1.2.0'])
    // With a source, preview adds the image before its publish.
    const preview = read({
      ...PI,
      ...TOKEN,
      target: 'preview',
      'plan-id': 'gen2',
      'image-version': '1.2.0',
      'image-source': SAS,
    })
    assert.equal(preview.image?.all?.kind, 'sas')
  })

  test('an image-source of spaces alone is no source: target: draft asks for one', () => {
    refused(
      { ...PI, ...TOKEN, target: 'draft', 'plan-id': 'gen2', 'image-version': '1.2.0', 'image-source': '  \n ' },
      "Input 'target' is draft, which adds an image version to a plan: set plan-id, image-version and image-source.",
    )
  })

  test('a publisher-id of spaces alone is not given: the API is chosen as if it were left out', () => {
    const s = read({ 'offer-id': 'contoso-offer', token: 't', 'publisher-id': '   ' })
    assert.equal(s.api.name, 'product-ingestion')
    assert.equal(s.apiAssumed, true)
    assert.deepEqual(s.remarks, [], 'no warning about a publisher-id nobody gave')
  })

  test("a gallery image without image-tenant-id is in the sign-in's tenant; a token names no tenant, so it is asked for", () => {
    const app = { ...PI, 'tenant-id': 'sign-in-tenant', 'client-id': 'app', 'client-secret': 's' }
    const image = { target: 'draft', 'plan-id': 'gen2', 'image-version': '1.2.0', 'image-source': GALLERY_ID }
    assert.deepEqual(read({ ...app, ...image }).image?.all, {
      kind: 'gallery',
      resourceId: GALLERY_ID,
      tenantId: 'sign-in-tenant',
    })
    assert.deepEqual(
      read({ ...app, ...image, 'image-tenant-id': 'gallery-tenant' }).image?.all,
      { kind: 'gallery', resourceId: GALLERY_ID, tenantId: 'gallery-tenant' },
      'image-tenant-id, when given, wins over the sign-in tenant',
    )
    assert.throws(
      () => read({ ...PI, ...TOKEN, ...image }),
      /^ActionError: Input 'image-tenant-id' is required for a gallery image/,
    )
  })

  test('plan-id and preview-id go through the id check, each named in its refusal', () => {
    const refusal = (name: string, value: string) =>
      `Input '${name}' is '${value}', which is not an id: it must not contain '/', '?', '#', '%', '\\' or spaces, nor be '.' or '..'.`
    refused(
      { ...PI, ...TOKEN, target: 'live', 'plan-id': 'gen2/../x', 'image-version': '1.2.0' },
      refusal('plan-id', 'gen2/../x'),
    )
    refused({ ...PI, ...TOKEN, target: 'live', 'preview-id': 'a?b' }, refusal('preview-id', 'a?b'))
    // A look-alike that NFKC folds into '/' is named as one, with the value as given.
    refused(
      { ...PI, ...TOKEN, target: 'live', 'preview-id': 'a／b' },
      "Input 'preview-id' is 'a／b', which is not an id: it must not contain '/', '?', '#', '%', '\\' or spaces, nor be '.' or '..', nor characters that read as those (such as fullwidth ones).",
    )
  })
})
