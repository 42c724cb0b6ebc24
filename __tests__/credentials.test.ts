/** Signing in to Azure AD: what is sent, when a token is renewed, and what a refusal says. */
import assert from 'node:assert/strict'
import { afterEach, test } from 'node:test'
import { explainAadError, OIDC_AUDIENCE, signIn, unsendable, type Auth, type SignInDeps } from '../src/credentials.js'
import { ActionError } from '../src/errors.js'
import type { Http, HttpRequest, HttpResponse } from '../src/http.js'
import { FakeClock } from './fake-clock.js'

const AUTHORITY = new URL('https://login.example.test')
const SECRET_APP: Extract<Auth, { kind: 'client-secret' }> = {
  kind: 'client-secret',
  tenantId: 'tenant-1',
  clientId: 'app-1',
  clientSecret: 's3cret',
  authorityHost: AUTHORITY,
}
const OIDC_APP: Extract<Auth, { kind: 'oidc' }> = {
  kind: 'oidc',
  tenantId: 'tenant-1',
  clientId: 'app-1',
  authorityHost: AUTHORITY,
}
const RESOURCE = 'https://graph.example.test'

function answer(status: number, json: unknown): HttpResponse {
  return { status, headers: {}, text: JSON.stringify(json), json }
}

const ID_TOKEN = 'header.eyJzdWIiOiJyZXBvOmNvbnRvc28vYXBwOnJlZjpyZWZzL3RhZ3MvdjEifQ.signature'

/**
 * Azure AD as a list of answers, one per token request, with what each request carried; GitHub's
 * ID-token endpoint (token.example.test) answers with `github`'s answer.
 */
function azureAd(...answers: HttpResponse[]) {
  const requests: HttpRequest[] = []
  const idTokens: string[] = []
  const github = { answer: answer(200, { value: ID_TOKEN }), requests: [] as HttpRequest[] }
  const http = {
    request: async (request: HttpRequest) => {
      if (request.url.hostname === 'token.example.test') {
        github.requests.push(request)
        idTokens.push(request.url.searchParams.get('audience') ?? '')
        return github.answer
      }
      requests.push(request)
      const next = answers.length > 1 ? answers.shift() : answers[0]
      return next!
    },
  } as unknown as Http
  const clock = new FakeClock()
  const masked: string[] = []
  const log: string[] = []
  const deps: SignInDeps = {
    resource: RESOURCE,
    http,
    clock,
    mask: (s) => masked.push(s),
    log: (l) => log.push(l),
  }
  const form = (i: number) => new URLSearchParams(requests[i].body)
  return { requests, deps, clock, masked, log, idTokens, form, github }
}

const OIDC_ENV = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const
afterEach(() => {
  for (const name of OIDC_ENV) delete process.env[name]
})
function oidcAvailable(): void {
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = 'https://token.example.test/idtoken?api-version=2.0'
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token'
}

test('a pasted token is used as it is: no request, no renewal', async () => {
  const { requests, deps, log } = azureAd(answer(500, {}))
  const credentials = await signIn({ kind: 'token', token: 'pasted' }, deps)
  assert.equal(await credentials.token(), 'pasted')
  assert.equal(await credentials.renew(), false)
  assert.equal(credentials.source, "the 'token' input")
  assert.equal(requests.length, 0)
  assert.deepEqual(log, ['Using the token given in the token input.'])
})

test('a client secret: one form POST to the tenant, for the resource, and the token masked', async () => {
  const { requests, deps, masked, log, form } = azureAd(answer(200, { access_token: 'aad-1', expires_in: 3600 }))
  const credentials = await signIn(SECRET_APP, deps)
  assert.equal(requests.length, 1)
  const [request] = requests
  assert.equal(request.method, 'POST')
  assert.equal(request.url.href, 'https://login.example.test/tenant-1/oauth2/v2.0/token')
  assert.equal(request.headers?.['Content-Type'], 'application/x-www-form-urlencoded')
  assert.equal(request.expectJson, true)
  assert.equal(request.purpose, 'get a token from Azure AD')
  assert.deepEqual(Object.fromEntries(form(0)), {
    grant_type: 'client_credentials',
    client_id: 'app-1',
    scope: `${RESOURCE}/.default`,
    client_secret: 's3cret',
  })
  assert.deepEqual(masked, ['aad-1'])
  assert.equal(await credentials.token(), 'aad-1')
  assert.equal(credentials.source, 'Azure AD app app-1 (client secret)')
  assert.deepEqual(log, ['Signed in as Azure AD app app-1 (client secret); it is valid for 1h.'])
})

test('GitHub OIDC: the ID token for the exchange audience is the assertion, masked', async () => {
  oidcAvailable()
  const { deps, masked, idTokens, form, log, github } = azureAd(answer(200, { access_token: 'aad-1', expires_in: 600 }))
  const credentials = await signIn(OIDC_APP, deps)
  assert.deepEqual(idTokens, ['api://AzureADTokenExchange'])
  // The runner's endpoint, its own query kept, with the request token; a GET through the one client.
  const [asked] = github.requests
  assert.equal(asked.method, 'GET')
  assert.equal(asked.url.searchParams.get('api-version'), '2.0')
  assert.equal(asked.headers?.Authorization, 'Bearer request-token')
  assert.equal(OIDC_AUDIENCE, 'api://AzureADTokenExchange')
  const sent = Object.fromEntries(form(0))
  assert.equal(sent.client_assertion_type, 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
  assert.match(sent.client_assertion, /^header\./)
  assert.equal(sent.client_secret, undefined)
  assert.deepEqual(masked, ['request-token', sent.client_assertion, 'aad-1'])
  assert.equal(credentials.source, 'Azure AD app app-1 (GitHub OIDC federation)')
  assert.deepEqual(log, ['Signed in as Azure AD app app-1 (GitHub OIDC federation); it is valid for 10m.'])
})

test('GitHub OIDC without id-token permission, or a failing ID token request: one line that says what to fix', async () => {
  const { deps, requests, github } = azureAd(answer(200, { access_token: 'aad-1' }))
  await assert.rejects(signIn(OIDC_APP, deps), {
    name: 'ActionError',
    message:
      "GitHub OIDC is not available to this job: add 'id-token: write' under 'permissions:' in the workflow (or give 'client-secret' instead).",
  })
  for (const name of OIDC_ENV) {
    process.env[name] = 'set'
    await assert.rejects(signIn(OIDC_APP, deps), /GitHub OIDC is not available/, `${name} alone is not enough`)
    delete process.env[name]
  }
  oidcAvailable()
  github.answer = answer(403, { message: 'forbidden by policy' })
  await assert.rejects(signIn(OIDC_APP, deps), {
    name: 'ActionError',
    message: `Could not get a GitHub OIDC token for ${OIDC_AUDIENCE}: HTTP 403. Check 'permissions: id-token: write'.`,
  })
  github.answer = answer(200, { count: 0 })
  await assert.rejects(signIn(OIDC_APP, deps), {
    name: 'ActionError',
    message: `Could not get a GitHub OIDC token for ${OIDC_AUDIENCE}: an answer with no token (an object with count). Re-run the job.`,
  })
  github.answer = answer(200, { value: 'eyJ\r\nabc' })
  await assert.rejects(signIn(OIDC_APP, deps), /the token GitHub issued holds a line break at position 4\.$/)
  // An empty token is no token; an answer other than 200 is a failure whatever its body holds.
  github.answer = answer(200, { value: '' })
  await assert.rejects(signIn(OIDC_APP, deps), {
    message: `Could not get a GitHub OIDC token for ${OIDC_AUDIENCE}: an answer with no token (an object with value). Re-run the job.`,
  })
  github.answer = answer(500, { value: ID_TOKEN })
  await assert.rejects(signIn(OIDC_APP, deps), {
    message: `Could not get a GitHub OIDC token for ${OIDC_AUDIENCE}: HTTP 500. Re-run the job.`,
  })
  github.answer = { status: 404, headers: {}, text: '', json: undefined }
  await assert.rejects(signIn(OIDC_APP, deps), {
    name: 'ActionError',
    message: `Could not get a GitHub OIDC token for ${OIDC_AUDIENCE}: HTTP 404. Re-run the job.`,
  })
  // A 200 that is not JSON (a proxy's page) is retried by the client, not read as "no token".
  assert.ok(github.requests.every((q) => q.expectJson === true))
  for (const url of [
    'http://token.example.test/x',
    'ftp://127.0.0.1/x',
    'https://user:pass@token.example.test/x',
    'not a url',
  ]) {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = url
    await assert.rejects(
      signIn(OIDC_APP, deps),
      /ACTIONS_ID_TOKEN_REQUEST_URL (must be an https URL without credentials|is not a URL)/,
      url,
    )
  }
  assert.equal(requests.length, 0, 'nothing reaches Azure AD without an assertion')
})

test('a token is renewed only once it is near its expiry: five minutes ahead, a fifth of a short lifetime', async () => {
  const { requests, deps, clock, log } = azureAd(
    answer(200, { access_token: 'aad-1', expires_in: 3600 }),
    answer(200, { access_token: 'aad-2', expires_in: 100 }),
    answer(200, { access_token: 'aad-3', expires_in: 3600 }),
  )
  const credentials = await signIn(SECRET_APP, deps)
  for (let i = 0; i < 5; i++) assert.equal(await credentials.token(), 'aad-1')
  assert.equal(requests.length, 1, 'no request while the token is fresh')
  clock.advance(3600_000 - 300_000 - 1)
  assert.equal(await credentials.token(), 'aad-1')
  assert.equal(requests.length, 1, 'one millisecond before the renewal point')
  clock.advance(1)
  assert.equal(await credentials.token(), 'aad-2')
  assert.equal(requests.length, 2)
  assert.equal(log[1], 'Renewed the token as Azure AD app app-1 (client secret); it is valid for 1m 40s.')
  // 100 s of lifetime: renewed 20 s ahead, not 5 minutes ahead (which would be every call).
  clock.advance(79_999)
  assert.equal(await credentials.token(), 'aad-2')
  assert.equal(requests.length, 2)
  clock.advance(1)
  assert.equal(await credentials.token(), 'aad-3')
  assert.equal(requests.length, 3)
})

test('renew() always asks Azure AD for a new token', async () => {
  const { requests, deps } = azureAd(answer(200, { access_token: 'aad-1' }), answer(200, { access_token: 'aad-2' }))
  const credentials = await signIn(SECRET_APP, deps)
  assert.equal(await credentials.renew(), true)
  assert.equal(requests.length, 2)
  assert.equal(await credentials.token(), 'aad-2')
})

test('a lifetime that is missing, zero or not a number counts as one hour; a tiny one as one second', async () => {
  for (const [expiresIn, lifetime] of [
    [undefined, '1h'],
    [0, '1h'],
    ['soon', '1h'],
    ['120', '2m'],
    [0.2, '1s'],
  ] as const) {
    const { deps, log } = azureAd(answer(200, { access_token: 'aad', expires_in: expiresIn }))
    await signIn(SECRET_APP, deps)
    assert.equal(
      log[0],
      `Signed in as Azure AD app app-1 (client secret); it is valid for ${lifetime}.`,
      `${expiresIn}`,
    )
  }
})

test('a 200 without an access_token, or a refusal, is an ActionError that masks nothing', async () => {
  for (const body of [{}, { access_token: 42 }, null, { token_type: 'Bearer' }]) {
    const { deps, masked } = azureAd(answer(200, body))
    await assert.rejects(signIn(SECRET_APP, deps), (e: Error) => {
      assert.ok(e instanceof ActionError)
      assert.equal(
        e.message,
        'Azure AD refused to issue a token for app app-1 in tenant tenant-1 (HTTP 200): check tenant-id, client-id and the credential.',
      )
      return true
    })
    assert.deepEqual(masked, [])
  }
  const { deps } = azureAd(answer(401, { access_token: 'not-for-you', error: 'invalid_client' }))
  await assert.rejects(signIn(SECRET_APP, deps), /\(invalid_client\): the app's credentials were refused/)
})

const explain = (status: number, body: Record<string, unknown>, assertion?: string) =>
  explainAadError(status, body, SECRET_APP, RESOURCE, assertion)
const PREFIX = 'Azure AD refused to issue a token for app app-1 in tenant tenant-1'

test('Azure AD errors: each known code gets its hint, the code and first line of the description', () => {
  const cases: [string, string][] = [
    [
      'AADSTS7000215',
      "the client secret is wrong or has expired: create a new one for the app and update the 'client-secret' secret",
    ],
    ['AADSTS7000222', 'the client secret is wrong or has expired'],
    ['AADSTS90002', "the tenant is unknown: check 'tenant-id' (the directory id of the app's tenant)"],
    ['AADSTS900023', 'the tenant is unknown'],
    ['AADSTS90013', 'the tenant is unknown'],
    ['AADSTS700016', "the application is not found in that tenant: check 'client-id' and 'tenant-id'"],
    ['AADSTS700038', 'the application is not found'],
    ['AADSTS70021', 'no federated credential of the app matches this workflow'],
    ['AADSTS700213', 'no federated credential of the app matches this workflow'],
    ['AADSTS700299', 'no federated credential of the app matches this workflow'],
    [
      'AADSTS700024',
      'the GitHub OIDC token was not accepted: check the federated credential (issuer https://token.actions.githubusercontent.com, audience api://AzureADTokenExchange)',
    ],
    ['AADSTS700027', 'the GitHub OIDC token was not accepted'],
    ['AADSTS50027', 'the GitHub OIDC token was not accepted'],
    ['AADSTS500011', `the resource ${RESOURCE} is not known in that tenant`],
  ]
  for (const [code, hint] of cases) {
    const message = explain(400, {
      error: 'invalid_request',
      error_description: `${code}: Something went wrong.\r\nTrace ID: 123\nCorrelation ID: 456`,
    })
    assert.ok(
      message.startsWith(`${PREFIX} (invalid_request, ${code}: Something went wrong.): ${hint}`),
      `${code}: ${message}`,
    )
    assert.ok(message.endsWith('.'), message)
    assert.ok(!message.includes('Trace ID'), message)
  }
  // The text alone, without a code, is enough for the patterns written as text.
  assert.match(
    explain(400, { error: 'x', error_description: 'Invalid client secret provided.' }),
    /client secret is wrong/,
  )
  assert.match(explain(400, { error: 'x', error_description: "Tenant 'abc' not found." }), /the tenant is unknown/)
})

test('Azure AD errors that match no hint: the generic advice, and error codes as hints of last resort', () => {
  assert.equal(
    explain(400, { error: 'invalid_request', error_description: 'AADSTS9999999: Something new.' }),
    `${PREFIX} (invalid_request, AADSTS9999999: Something new.): check tenant-id, client-id and the credential.`,
  )
  assert.equal(
    explain(401, { error: 'invalid_client' }),
    `${PREFIX} (invalid_client): the app's credentials were refused: check 'client-id' and 'client-secret'.`,
  )
  assert.equal(
    explain(400, { error: 'unauthorized_client', error_description: 'Nope.' }),
    `${PREFIX} (unauthorized_client, Nope.): the app may not use this grant: check 'client-id' and the app registration.`,
  )
  // A known code wins over the error code's fallback.
  assert.match(explain(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Bad.' }), /secret is wrong/)
  assert.equal(
    explain(502, { error: 42, error_description: ['not', 'text'] }),
    `${PREFIX} (HTTP 502): check tenant-id, client-id and the credential.`,
  )
  const long = explain(400, { error: 'e'.repeat(150), error_description: `AADSTS1: ${'d'.repeat(500)}` })
  assert.ok(long.includes(`(${'e'.repeat(100)}, AADSTS1: ${'d'.repeat(200)})`), long)
})

test('Azure AD descriptions: the first line only, cut before matching, the code prefix dropped once', () => {
  assert.equal(
    explain(400, { error: 'e', error_description: 'AADSTS90002:   Tenant gone.  \nTrace ID: 1' }),
    `${PREFIX} (e, AADSTS90002: Tenant gone.): the tenant is unknown: check 'tenant-id' (the directory id of the app's tenant).`,
  )
  assert.match(explain(400, { error: 'e', error_description: 'AADSTS90002: a\nb' }), /\(e, AADSTS90002: a\)/)
  // A code further on is named, but the text keeps its own words.
  assert.equal(
    explain(400, { error: 'e', error_description: 'Failed with AADSTS90002: no tenant.' }),
    `${PREFIX} (e, AADSTS90002: Failed with AADSTS90002: no tenant.): the tenant is unknown: check 'tenant-id' (the directory id of the app's tenant).`,
  )
  // Only the first 2000 characters are read: a code past them is not seen.
  assert.match(
    explain(400, { error: 'e', error_description: `${'x'.repeat(2000)} AADSTS7000215` }),
    /check tenant-id, client-id and the credential\.$/,
  )
})

test('no federated credential matches: the hint names the subject to register, from the ID token', () => {
  const jwt = (payload: unknown) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`
  const body = { error: 'invalid_client', error_description: 'AADSTS70021: No matching federated identity record.' }
  assert.match(
    explain(400, body, jwt({ sub: 'repo:contoso/app:environment:prod' })),
    /workflow: add one with subject 'repo:contoso\/app:environment:prod'\.$/,
  )
  for (const assertion of [jwt({ sub: 7 }), 'not-a-jwt', 'h.%%%.s', undefined]) {
    assert.match(explain(400, body, assertion), /matches this workflow\.$/, String(assertion))
  }
  // The subject is only added to that hint.
  assert.doesNotMatch(
    explain(400, { error: 'x', error_description: 'AADSTS90002: No tenant.' }, jwt({ sub: 'repo:a/b' })),
    /subject/,
  )
})

test('a token that cannot be a header value is refused at once, saying what is wrong and never the value', async () => {
  const { deps, requests } = azureAd(answer(200, { access_token: 'aad\n1' }))
  for (const [token, why] of [
    ['eyJ0eXAi\r\nX-Injected: 1', 'a line break at position 9'],
    [
      '\u201ceyJ0eXAi\u201d',
      'a non-ASCII character (U+201C, such as a curly quote pasted from a document) at position 1',
    ],
    ['caf\u00e9', 'a non-ASCII character (U+00E9, such as a curly quote pasted from a document) at position 4'],
    ['Bearer eyJ0eXAi', 'white space at position 7'],
    ['eyJ\u0007', 'a control character at position 4'],
    ['eyJ\u007f', 'a control character at position 4'],
  ]) {
    await assert.rejects(signIn({ kind: 'token', token }, deps), (e: Error) => {
      assert.equal(e.name, 'ActionError')
      assert.equal(
        e.message,
        `Input 'token' cannot be sent as a bearer token: it holds ${why}. Paste the token alone, as one line.`,
      )
      assert.ok(!e.message.includes('eyJ0eXAi'), 'the value is not quoted')
      return true
    })
  }
  assert.equal(unsendable('eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2ln-_~+/='), undefined)
  // One issued by a misbehaving endpoint: refused too, after it was masked.
  await assert.rejects(
    signIn(SECRET_APP, deps),
    /^ActionError: Azure AD issued a token that cannot be sent as a bearer token \(it holds a line break at position 4\): check authority-host\.$/,
  )
  assert.equal(requests.length, 1)
})

test('where a pasted token first goes wrong: a space, a control character, DEL, or a non-ASCII one', () => {
  assert.equal(unsendable('ab!~'), undefined)
  assert.equal(unsendable('ab c'), 'white space at position 3')
  assert.equal(unsendable('ab\x1fc'), 'a control character at position 3')
  assert.equal(unsendable('ab\x7fc'), 'a control character at position 3')
  assert.equal(unsendable('ab\u00a0c'), 'white space at position 3')
  assert.match(unsendable('ab\u00e9')!, /^a non-ASCII character \(U\+00E9, /)
})
