/** What goes on the wire and what comes back: request shape, reuse, error bodies, failed attempts. */
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, test } from 'node:test'
import { errorDetail, Http, type HttpRequest } from '../src/http.js'
import type { RetryPolicy } from '../src/retry.js'
import { FakeClock } from './fake-clock.js'

interface Seen {
  method: string
  headers: IncomingMessage['headers']
  body: string
  port: number
}

/** A loopback server that answers each request with the next of `answers` (the last one repeats). */
async function serve(...answers: ((res: ServerResponse) => void)[]) {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', headers: req.headers, body, port: req.socket.remotePort ?? 0 })
      const answer = answers.length > 1 ? answers.shift()! : answers[0]
      answer(res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const url = (path: string) => new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`)
  return { seen, url }
}
const servers: ReturnType<typeof createServer>[] = []
after(() => {
  for (const s of servers) s.closeAllConnections()
  return Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
})

const json = (status: number, body: unknown) => (res: ServerResponse) => {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}
const text = (status: number, body: string) => (res: ServerResponse) => {
  res.writeHead(status, { 'Content-Type': 'text/html' })
  res.end(body)
}
const drop = (res: ServerResponse) => res.socket?.destroy()

function client(clock = new FakeClock(), retry?: RetryPolicy) {
  const debug: string[] = []
  const http = new Http({
    userAgent: 'ua/1',
    clock,
    requestTimeoutMs: 2000,
    retry,
    random: () => 0.5,
    debug: (l) => debug.push(l),
  })
  return { http, debug, clock }
}
const get = (url: URL, more: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url,
  purpose: 'read it',
  ...more,
})

test('a GET carries no body and no Content-Type; a POST carries its body as JSON; both reuse one connection', async () => {
  const { seen, url } = await serve(json(200, { ok: true }))
  const { http } = client()
  const first = await http.request(get(url('/a'), { headers: { Authorization: 'Bearer t' } }))
  assert.deepEqual(first.json, { ok: true })
  await http.request({ method: 'POST', url: url('/b'), purpose: 'post it', body: '{"x":1}' })
  await http.request({ method: 'POST', url: url('/c'), purpose: 'post it', body: '' })
  const [g, p, empty] = seen
  assert.equal(g.method, 'GET')
  assert.equal(g.body, '')
  assert.equal(g.headers['content-type'], undefined)
  assert.equal(g.headers['content-length'], undefined)
  assert.equal(g.headers.accept, 'application/json')
  assert.equal(g.headers.authorization, 'Bearer t')
  assert.equal(g.headers['user-agent'], 'ua/1')
  assert.equal(p.method, 'POST')
  assert.equal(p.body, '{"x":1}')
  assert.equal(p.headers['content-type'], 'application/json')
  assert.equal(empty.body, '')
  assert.equal(empty.headers['content-type'], 'application/json')
  assert.equal(empty.headers['content-length'], '0')
  assert.equal(new Set(seen.map((s) => s.port)).size, 1, 'one kept-alive connection')
})

test('each attempt is a debug line: the method, path, status or fault, and how long it took', async () => {
  const { url } = await serve(drop, json(200, {}))
  const { http, debug } = client()
  await http.request(get(url('/x/y?secret=1')))
  assert.equal(debug.length, 3, debug.join('\n'))
  assert.match(debug[0], /^GET \/x\/y failed: (ECONNRESET: )?socket hang up \(\d+ms\)$/)
  assert.match(debug[1], /^retrying in 500ms to [a-z ]+: (ECONNRESET: )?socket hang up$/)
  assert.match(debug[2], /^GET \/x\/y -> 200 \(\d+ms\)$/)
  assert.ok(!debug.join('').includes('secret'), 'no query string')
})

test('a go-live POST is not re-sent after a fault that may have reached the service', async () => {
  const { seen, url } = await serve(drop, json(202, {}))
  const { http } = client()
  await assert.rejects(
    http.request({ method: 'POST', url: url('/golive'), purpose: 'start', body: '', repeatable: false }),
    {
      name: 'MaybeSent',
    },
  )
  assert.equal(seen.length, 1)
  const retried = await serve(drop, json(202, {}))
  await http.request({ method: 'POST', url: retried.url('/golive'), purpose: 'start', body: '' })
  assert.equal(retried.seen.length, 2, 'a repeatable request is retried')
})

test('a 4xx whose body is not JSON fails at once; a 2xx that is not JSON is retried when JSON is expected', async () => {
  const { seen, url } = await serve(text(403, '<html>Forbidden by the gateway</html>'))
  const { http, clock } = client()
  const answer = await http.request(get(url('/'), { expectJson: true }))
  assert.equal(answer.status, 403)
  assert.equal(answer.json, undefined)
  assert.equal(answer.text, '<html>Forbidden by the gateway</html>')
  assert.equal(seen.length, 1)
  assert.deepEqual(clock.sleeps, [])
  const redirectish = await serve(text(304, ''))
  assert.equal((await http.request(get(redirectish.url('/'), { expectJson: true }))).status, 304)
  const page = await serve(text(200, '<html>proxy</html>'), json(200, { ok: 1 }))
  assert.deepEqual((await http.request(get(page.url('/'), { expectJson: true }))).json, { ok: 1 })
  assert.equal(page.seen.length, 2)
  const blank = await serve(text(200, '  \n'))
  assert.equal((await http.request(get(blank.url('/')))).json, undefined, 'white space is no JSON')
})

test('giving up counts the reasons: one attempt, or n x the same reason', async () => {
  const { url } = await serve(json(503, { error: { code: 'Busy' } }))
  const policy = (budgetMs: number) => client(new FakeClock(), { baseMs: 1000, capMs: 1000, budgetMs }).http
  // A wait that ends exactly at the budget is still taken; one that passes it is not.
  await assert.rejects(policy(500).request(get(url('/'))), {
    name: 'GaveUp',
    message: 'Could not read it: 2 attempts failed over 500ms (2 x HTTP 503 (Busy)).',
  })
  await assert.rejects(policy(499).request(get(url('/'))), {
    name: 'GaveUp',
    message: 'Could not read it: 1 attempt failed over 0ms (HTTP 503 (Busy)).',
  })
})

test('errorDetail: what gateways send (empty, no error object, no message) gives nothing or what there is', () => {
  for (const body of [
    undefined,
    null,
    '',
    'text',
    42,
    [],
    {},
    { error: null },
    { error: 'a string' },
    { error: 7 },
    { error: {} },
  ]) {
    assert.equal(errorDetail(body), '', JSON.stringify(body))
  }
  assert.equal(errorDetail({ error: { code: 'Code' } }), ' (Code)')
  assert.equal(errorDetail({ error: { message: 'Only text' } }), ' (Only text)')
  assert.equal(errorDetail({ error: { code: 'C', message: 'M' } }), ' (C: M)')
  assert.equal(errorDetail({ error: { code: 1, message: ['x'] } }), '')
  assert.equal(
    errorDetail({ error: { code: 'c'.repeat(150), message: 'm'.repeat(400) } }),
    ` (${'c'.repeat(100)}: ${'m'.repeat(300)})`,
  )
  assert.equal(errorDetail({ error: { message: 'Ask jon.doe@contoso.com' } }), ' (Ask [e-mail redacted])')
})

test('a request that must not run twice: what may have reached the service is never sent again by the client', async () => {
  const post = (url: URL): HttpRequest => ({
    method: 'POST',
    url,
    purpose: 'start',
    body: '{}',
    expectJson: true,
    repeatable: false,
  })
  for (const [what, answer] of [
    ['a gateway 504', text(504, '<html>Gateway Time-out</html>')],
    ['a 500', json(500, { error: { code: 'InternalServerError', message: 'x' } })],
    ['a 408', json(408, {})],
    ['a 202 with an empty body', text(202, '')],
    ['a 200 with a proxy page', text(200, '<html>ok</html>')],
    ['a cut connection', drop],
  ] as const) {
    const s = await serve(answer)
    const { http, clock } = client()
    await assert.rejects(http.request(post(s.url('/configure'))), (e: Error) => e.name === 'MaybeSent', what)
    assert.equal(s.seen.length, 1, what)
    assert.deepEqual(clock.sleeps, [], what)
  }
  // A 429: the service did not act; the caller is told, with the wait the service asked for.
  const throttled = await serve((res) => {
    res.writeHead(429, { 'Retry-After': '3', 'Content-Type': 'application/json' })
    res.end('{}')
  })
  const { http } = client()
  await assert.rejects(
    http.request(post(throttled.url('/configure'))),
    (e: Error & { retryAfterMs?: number }) => e.name === 'Throttled' && e.retryAfterMs === 3000,
  )
  assert.equal(throttled.seen.length, 1)
  // A connection never made carried nothing: retried as usual.
  const refused = client()
  const closed = await serve(json(200, {}))
  const port = closed.url('/').port
  for (const server of servers.splice(-1)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  await assert.rejects(
    refused.http.request(post(new URL(`http://127.0.0.1:${port}/configure`))),
    /GaveUp|attempts failed/,
  )
  assert.ok(refused.clock.sleeps.length > 1, `${refused.clock.sleeps.length} retries of a refused connection`)
})

test('retryWait: the same backoff as the client, and GaveUp past the budget', () => {
  const clock = new FakeClock()
  const { http } = client(clock, { baseMs: 1000, capMs: 30_000, budgetMs: 10_000 })
  assert.equal(http.retryWait(['HTTP 429'], 2000, clock.now(), 'start'), 2000 + 500)
  assert.equal(http.retryWait(['a', 'b', 'c'], undefined, clock.now(), 'start'), 2000)
  assert.throws(
    () => http.retryWait(['HTTP 429', 'HTTP 429'], 20_000, clock.now(), 'start the go-live'),
    /^GaveUp: Could not start the go-live: 2 attempts failed over 0ms \(2 x HTTP 429\)\.$/,
  )
})

test('a header Node cannot send is a local error: one line, no retry, the value not quoted', async () => {
  const s = await serve(json(200, {}))
  const { http, clock } = client()
  await assert.rejects(
    http.request({ method: 'GET', url: s.url('/x'), purpose: 'read it', headers: { Authorization: 'Bearer a\r\nb' } }),
    { name: 'ActionError', message: 'Could not read it: the request could not be built (ERR_INVALID_CHAR).' },
  )
  await assert.rejects(
    http.request({
      method: 'GET',
      url: s.url('/x'),
      purpose: 'read it',
      headers: { Authorization: 'Bearer \u201cx\u201d' },
    }),
    /the request could not be built \(ERR_INVALID_CHAR\)/,
  )
  assert.deepEqual(clock.sleeps, [])
  assert.equal(s.seen.length, 0)
})

test('error details: ten at most, three levels deep at most', () => {
  const many = { error: { code: 'Top', details: Array.from({ length: 15 }, (_, i) => ({ code: `D${i}` })) } }
  assert.equal(errorDetail(many), ` (${['Top', ...Array.from({ length: 9 }, (_, i) => `D${i}`)].join('; ')})`)
  const deep = {
    error: {
      code: 'L0',
      details: [{ code: 'L1', details: [{ code: 'L2', details: [{ code: 'L3', details: [{ code: 'L4' }] }] }] }],
    },
  }
  assert.equal(errorDetail(deep), ' (L0; L1; L2; L3)')
  const ten = { error: { code: 'Top', details: Array.from({ length: 9 }, (_, i) => ({ code: `D${i}` })) } }
  assert.equal(errorDetail(ten), ` (${['Top', ...Array.from({ length: 9 }, (_, i) => `D${i}`)].join('; ')})`)
})
