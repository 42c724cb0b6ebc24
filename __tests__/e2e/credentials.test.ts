/**
 * Sign-in and inputs that nothing can turn against the user: the OIDC request follows no redirect,
 * has a time limit, stops on SIGTERM and is retried on 429; tokens that cannot be a header value
 * are refused at once; look-alike ids, credentials in URLs; outputs written exactly. The bundle,
 * run as the runner runs it.
 */
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, describe, test } from 'node:test'
import { errors, ingestionInputs, runAction, simInputs } from '../harness.js'
import { oidc, simulate } from '../oidc.js'
import { IngestionSimulator } from '../ingestion-simulator.js'

const closers: (() => Promise<void>)[] = []
after(() => Promise.all(closers.map((close) => close())))

/** A second loopback host that records every request it receives. */
async function recorder(): Promise<{ url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = []
  const server = createServer((req, res) => {
    seen.push(req)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end('{"value":"stolen.jwt.token"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.2:${(server.address() as AddressInfo).port}`, seen }
}

describe('GitHub OIDC', () => {
  test('a redirect is not followed: the request token never reaches the other host, one line names it', async () => {
    const other = await recorder()
    const sim = await simulate({
      faults: [{ on: 'idtoken', kind: 'status', status: 302, headers: { Location: `${other.url}/idtoken` } }],
    })
    const r = await runAction(oidc(sim))
    assert.equal(r.code, 1)
    assert.equal(other.seen.length, 0, 'the other host was reached')
    const lines = errors(r.stdout)
    assert.equal(lines.length, 1, lines.join(' | '))
    assert.match(
      lines[0],
      /^The service answered "get a GitHub OIDC token for api:\/\/AzureADTokenExchange" with a redirect \(302\) to http:\/\/127\.0\.0\.2:\d+\/idtoken; redirects are not followed, so credentials stay on their origin\. Check the runner's ACTIONS_ID_TOKEN_REQUEST_URL\.$/,
    )
    assert.equal(sim.requests.filter((q) => q.route === 'idtoken').length, 1)
    assert.equal(sim.requests.filter((q) => q.route === 'token' || q.server === 'api').length, 0)
  })

  test('the Azure AD token endpoint does not follow a redirect either', async () => {
    const other = await recorder()
    const sim = await simulate({
      faults: [{ on: 'token', kind: 'status', status: 307, headers: { Location: `${other.url}/token` } }],
    })
    const r = await runAction(oidc(sim))
    assert.equal(r.code, 1)
    assert.equal(other.seen.length, 0)
    assert.match(errors(r.stdout)[0], /redirect \(307\) to http:\/\/127\.0\.0\.2:\d+\/token; .*Check authority-host\.$/)
  })

  test('a 429 with Retry-After is waited out and retried, then the sign-in goes on', async () => {
    const sim = await simulate({
      operation: { reads: 1 },
      faults: [{ on: 'idtoken', kind: 'status', status: 429, headers: { 'Retry-After': '1' }, body: '{}' }],
    })
    const r = await runAction(oidc(sim))
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(r.outputs.status, 'succeeded')
    const asked = sim.requests.filter((q) => q.route === 'idtoken')
    assert.equal(asked.length, 2)
    assert.ok(asked[1].at - asked[0].at >= 990, `retried after ${asked[1].at - asked[0].at} ms`)
  })

  test(
    'one that hangs stops at SIGTERM, and the line says nothing was started',
    { skip: process.platform === 'win32' && 'no signals between processes on Windows' },
    async () => {
      const sim = await simulate({ faults: [{ on: 'idtoken', kind: 'hang' }] })
      const r = await runAction({
        ...oidc(sim),
        interrupt: { signal: 'SIGTERM', when: (out) => out.includes('::group::Sign in') },
      })
      assert.ok(r.stoppedInMs! < 2000, `still running ${r.stoppedInMs} ms after SIGTERM`)
      assert.equal(r.code, 1)
      assert.deepEqual(errors(r.stdout), ['Cancelled before any go-live request was sent: nothing was started.'])
    },
  )

  test('one that hangs is cut at request-timeout', async () => {
    const sim = await simulate({ faults: [{ on: 'idtoken', kind: 'hang', times: 2 }], operation: { reads: 1 } })
    const r = await runAction({ ...oidc(sim, { 'request-timeout': '1s' }), timeoutMs: 30_000 })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(sim.requests.filter((q) => q.route === 'idtoken').length, 3)
  })
})

describe('tokens that cannot be a header value', () => {
  for (const [what, token, why] of [
    ['a line break', 'pasted-cpp-token-123\r\nX-Injected: yes', /a line break at position 21/],
    [
      'curly quotes from a document',
      '\u201cpasted-cpp-token-123\u201d',
      /a non-ASCII character \(U\+201C[^)]*\) at position 1/,
    ],
  ] as const) {
    test(`a token with ${what} is refused at once, before any request, without its value`, async () => {
      const sim = await simulate()
      const r = await runAction({ inputs: simInputs(sim, { token }), timeoutMs: 20_000 })
      assert.equal(r.code, 1)
      assert.ok(r.durationMs < 10_000, `${r.durationMs} ms: retried as a network fault`)
      const lines = errors(r.stdout)
      assert.equal(lines.length, 1)
      assert.match(lines[0], /^Input 'token' cannot be sent as a bearer token: it holds /)
      assert.match(lines[0], why)
      assert.ok(!r.stdout.replace(/^::add-mask::.*$/gm, '').includes('pasted-cpp-token'), 'the value was printed')
      assert.equal(sim.requests.length, 0)
    })
  }

  test('an issued token that cannot be a header value is refused, not retried for minutes', async () => {
    const sim = await simulate()
    // Azure AD answers with a token holding a line break.
    const run = oidc(sim)
    const r = await runAction({
      ...run,
      inputs: { ...run.inputs, 'authority-host': await badTokenEndpoint() },
      timeoutMs: 20_000,
    })
    assert.equal(r.code, 1)
    assert.ok(r.durationMs < 10_000)
    assert.match(
      errors(r.stdout)[0],
      /^Azure AD issued a token that cannot be sent as a bearer token \(it holds a line break at position 4\)/,
    )
    assert.equal(sim.apiRequests.length, 0)
  })
})

/** An Azure AD stand-in whose token holds a line break. */
async function badTokenEndpoint(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: 'aad\nX-Injected: 1' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('ids and URLs', () => {
  for (const id of ['a\uff0fb', 'a\uff1fb', 'a\uff03b', 'a\uff3cb', '\uff0e\uff0e', '\u2025', 'a\uff05b']) {
    test(`a look-alike id ('${id}') is refused before any request`, async () => {
      const sim = await simulate()
      for (const input of ['offer-id', 'publisher-id']) {
        const r = await runAction({ inputs: simInputs(sim, { [input]: id }) })
        assert.equal(r.code, 1)
        assert.match(
          errors(r.stdout)[0],
          new RegExp(`^Input '${input}' is '${id}', which is not an id: .*nor characters that read as those`),
        )
      }
      assert.equal(sim.requests.length, 0)
    })
  }

  test('a Product Ingestion offer id that cannot be one is refused before any request; case aside, it is looked up', async () => {
    const sim = await IngestionSimulator.start({ job: { reads: 1 } })
    closers.push(() => sim.close())
    for (const id of ['ab', 'contoso saas', '-contoso', 'contoso.saas', 'x'.repeat(51)]) {
      const r = await runAction({ inputs: ingestionInputs(sim, { 'offer-id': id }) })
      assert.equal(r.code, 1, id)
      assert.match(errors(r.stdout)[0], /which (cannot be a Partner Center offer id|is not an id)/, id)
    }
    assert.equal(sim.requests.length, 0)
    const upper = await runAction({ inputs: ingestionInputs(sim, { 'offer-id': 'Contoso-SaaS', wait: 'true' }) })
    assert.equal(upper.code, 0, errors(upper.stdout).join(' | '))
  })

  test('credentials in operation-location, base-url or an answer: refused, never followed or printed', async () => {
    const sim = await simulate()
    const port = new URL(sim.url).port
    const withPassword = `http://user:hunter2@127.0.0.1:${port}/api/publishers/contoso/offers/contoso-offer/operations/0b7c5c1e-4a2f-4e8b-9a51-2f3d7e6c1a90`
    const resumed = await runAction({ inputs: simInputs(sim, { 'operation-location': withPassword }) })
    assert.equal(resumed.code, 1)
    assert.match(
      errors(resumed.stdout)[0],
      /^Refused the operation-location http:\/\/127\.0\.0\.1:\d+\/api\/.*: it carries credentials/,
    )
    const base = await runAction({ inputs: simInputs(sim, { 'base-url': `http://user:hunter2@127.0.0.1:${port}` }) })
    assert.equal(base.code, 1)
    assert.match(errors(base.stdout)[0], /^Input 'base-url' must be a plain host URL without credentials/)
    for (const r of [resumed, base]) {
      assert.ok(!`${r.stdout}${r.summary}${JSON.stringify(r.outputs)}`.includes('hunter2'), 'the password was printed')
    }
    assert.equal(sim.requests.length, 0)
    const answering = await simulate()
    answering.scenario.hostileLocation = withPassword.replace(`:${port}/`, `:${new URL(answering.url).port}/`)
    const r = await runAction({ inputs: simInputs(answering) })
    assert.equal(r.code, 1)
    assert.match(errors(r.stdout)[0], /it carries credentials/)
    assert.ok(!`${r.stdout}${r.summary}${JSON.stringify(r.outputs)}`.includes('hunter2'))
    assert.equal(answering.requests.filter((q) => q.route === 'operation').length, 0)
  })

  test('a long operation-location is written exactly, and a later run resumes from it', async () => {
    // A gateway's long path prefix: the URL is longer than any log line the sanitiser lets through.
    const sim = await IngestionSimulator.start({ job: { reads: 2 } })
    closers.push(() => sim.close())
    const prefix = `/gw/${'tenant-segment-'.repeat(150)}`
    const gateway = await prefixProxy(sim.url, prefix)
    const started = await runAction({
      inputs: ingestionInputs(sim, { 'base-url': `${gateway}${prefix}/rp/product-ingestion` }),
    })
    assert.equal(started.code, 0, errors(started.stdout).join(' | '))
    const location = started.outputs['operation-location']
    assert.ok(location.length > 2200, `${location.length} characters`)
    assert.ok(location.startsWith(`${gateway}${prefix}/rp/product-ingestion/configure/`), location.slice(0, 80))
    const resumed = await runAction({
      inputs: ingestionInputs(sim, {
        'base-url': `${gateway}${prefix}/rp/product-ingestion`,
        'operation-location': location,
        wait: 'true',
      }),
    })
    assert.equal(resumed.code, 0, errors(resumed.stdout).join(' | '))
    assert.equal(resumed.outputs.status, 'succeeded')
    assert.equal(resumed.outputs['operation-location'], location)
  })
})

/** A gateway in front of `target` that serves it under a path prefix. */
async function prefixProxy(target: string, prefix: string): Promise<string> {
  const origin = new URL(target).origin
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += String(chunk)
    const path = (req.url ?? '/').startsWith(prefix) ? (req.url ?? '/').slice(prefix.length) : '/missing'
    const answer = await fetch(`${origin}${path}`, {
      method: req.method,
      headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
      body: req.method === 'POST' ? body : undefined,
    })
    res.writeHead(answer.status, { 'Content-Type': 'application/json' })
    res.end(await answer.text())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
