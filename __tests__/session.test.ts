/** Requests to a marketplace API: where the token goes, one renewal on a 401, and what a non-2xx says. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Credentials } from '../src/credentials.js'
import { ActionError, NotFound } from '../src/errors.js'
import type { Http, HttpRequest, HttpResponse } from '../src/http.js'
import { Session, type SessionRequest } from '../src/session.js'

const BASE = 'https://api.example.test'

function answer(status: number, json?: unknown): HttpResponse {
  return { status, headers: {}, text: json === undefined ? '' : JSON.stringify(json), json }
}

/** A session over scripted answers, with credentials that count their renewals. */
function session(answers: HttpResponse[], canRenew = true) {
  const sent: HttpRequest[] = []
  const http = {
    request: async (request: HttpRequest) => {
      sent.push(request)
      return answers.shift() ?? answer(599)
    },
  } as unknown as Http
  let tokens = 0
  let renewals = 0
  const credentials: Credentials = {
    token: async () => `token-${tokens++}`,
    renew: async () => {
      renewals++
      return canRenew
    },
    source: 'test',
  }
  const explained: unknown[][] = []
  const s = new Session(http, credentials, {
    origin: BASE,
    versioned: (url) => {
      const copy = new URL(url)
      copy.searchParams.set('api-version', '2099')
      return copy
    },
    explain401: (purpose, detail, renewed) => {
      explained.push([purpose, detail, renewed])
      return `401 ${purpose}${detail} renewed=${renewed}`
    },
    explain: (status, detail, purpose) => `${status} ${purpose}${detail}`,
  })
  return { s, sent, renewals: () => renewals, explained }
}

const GET: SessionRequest = { method: 'GET', url: new URL(`${BASE}/offers/x`), purpose: 'read the offer' }

test('the request carries the bearer token, the version and what the caller gave, and nothing else', async () => {
  const { s, sent } = session([answer(200, {})])
  await s.send({ ...GET, expectJson: true, repeatable: false, body: '{"a":1}', method: 'POST' })
  assert.deepEqual(sent, [
    {
      method: 'POST',
      url: new URL(`${BASE}/offers/x?api-version=2099`),
      headers: { Authorization: 'Bearer token-0' },
      body: '{"a":1}',
      purpose: 'read the offer',
      expectJson: true,
      repeatable: false,
      check: 'base-url',
    },
  ])
})

test('the token goes to base-url origin only: another origin, scheme or port is refused before sending', async () => {
  for (const other of ['https://evil.example.test/x', 'http://api.example.test/x', 'https://api.example.test:8443/x']) {
    const { s, sent } = session([answer(200, {})])
    await assert.rejects(s.send({ ...GET, url: new URL(other) }), {
      name: 'ActionError',
      message: `Refused to send the token to ${new URL(other).origin}: it goes to base-url's origin ${BASE} only.`,
    })
    assert.equal(sent.length, 0)
  }
})

test('a 401 renews the token once and sends again with the new one', async () => {
  const { s, sent, renewals } = session([answer(401), answer(200, { ok: 1 })])
  const response = await s.send(GET)
  assert.equal(response.status, 200)
  assert.equal(renewals(), 1)
  assert.deepEqual(
    sent.map((r) => r.headers?.Authorization),
    ['Bearer token-0', 'Bearer token-1'],
  )
})

test('a 401 that no renewal can mend, or that comes again after one, is explained once', async () => {
  const pasted = session([answer(401, { error: { code: 'Unauthorized', message: 'expired' } })], false)
  await assert.rejects(pasted.s.send(GET), {
    name: 'ActionError',
    message: '401 read the offer (Unauthorized: expired) renewed=false',
  })
  assert.equal(pasted.sent.length, 1)

  const twice = session([answer(401), answer(401, { error: { code: 'Still' } })])
  await assert.rejects(twice.s.send(GET), { message: '401 read the offer (Still) renewed=true' })
  assert.equal(twice.sent.length, 2)
  assert.equal(twice.renewals(), 1)
})

test('other answers are returned by send(); ok() turns any non-2xx into its explanation', async () => {
  for (const status of [200, 201, 202, 204, 299]) {
    const { s } = session([answer(status)])
    assert.equal((await s.ok(GET)).status, status)
  }
  for (const status of [199, 300, 304, 400, 403, 409, 500]) {
    const { s } = session([answer(status, { error: { code: 'Code', message: 'text' } }), answer(status)])
    assert.equal((await s.send(GET)).status, status, 'send() returns it')
    await assert.rejects(s.ok(GET), (e: Error) => {
      assert.ok(e instanceof ActionError && !(e instanceof NotFound))
      assert.equal(e.message, `${status} read the offer`)
      return true
    })
  }
  const { s } = session([answer(403, { error: { code: 'Forbidden', message: 'no' } })])
  await assert.rejects(s.ok(GET), { message: '403 read the offer (Forbidden: no)' })
})

test('a 404 is a NotFound that names what is missing only when the caller says what that is', async () => {
  const named = session([answer(404, { error: { code: 'NotFound', message: 'gone' } })])
  await assert.rejects(named.s.ok({ ...GET, missing: "offer 'x'" }), (e: Error) => {
    assert.ok(e instanceof NotFound)
    assert.equal(e.message, "Could not read the offer: HTTP 404 (NotFound: gone); offer 'x' does not exist.")
    return true
  })
  const unnamed = session([answer(404)])
  await assert.rejects(unnamed.s.ok(GET), (e: Error) => {
    assert.ok(!(e instanceof NotFound))
    assert.equal(e.message, '404 read the offer')
    return true
  })
})
