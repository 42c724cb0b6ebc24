/**
 * The HTTP client's boundaries, against a loopback server that answers as scripted: the body size
 * limit to the byte, which answers "not JSON" applies to, a redirect to an unreadable Location, error
 * codes beside their messages, and how failing reasons are summed up.
 */
import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, test } from 'node:test'
import { Http } from '../src/http.js'
import { FakeClock } from './fake-clock.js'

type Script = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void
const servers: http.Server[] = []
after(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))))
async function serve(script: Script): Promise<URL> {
  let n = 0
  const server = http.createServer((req, res) => script(req, res, ++n))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`)
}
const client = (more: Partial<ConstructorParameters<typeof Http>[0]> = {}) =>
  new Http({ userAgent: 'test', clock: new FakeClock(), requestTimeoutMs: 5000, random: () => 0.5, ...more })
const get = (url: URL, more: Partial<Parameters<Http['request']>[0]> = {}) =>
  client({ maxBodyBytes: 1000 }).request({ method: 'GET', url, purpose: 'read it', ...more })

test('a body of exactly the limit is read; one byte more is refused', async () => {
  const url = await serve((req, res) => res.end(`"${'a'.repeat(req.url === '/x?more' ? 999 : 998)}"`))
  assert.equal((await get(url)).text.length, 1000)
  const more = new URL(url)
  more.search = 'more'
  await assert.rejects(get(more), /^ActionError: The answer to "read it" is larger than 1 KiB/)
})

test('"not JSON" is for 2xx answers only: a 300 with a page is returned as it is', async () => {
  const url = await serve((_, res) => {
    res.writeHead(300, { 'Content-Type': 'text/html' })
    res.end('<html></html>')
  })
  const answer = await get(url, { expectJson: true })
  assert.equal(answer.status, 300)
})

test('a 299 with a page where JSON was expected is retried, and named so when it gives up', async () => {
  const url = await serve((_, res) => {
    res.writeHead(299)
    res.end('<html></html>')
  })
  await assert.rejects(
    client().request({ method: 'GET', url, purpose: 'read it', expectJson: true }),
    /Could not read it: \d+ attempts failed over .+ \(\d+ x HTTP 299 with a body that is not JSON\)\./,
  )
})

test('a redirect to a Location no URL can be is reported as going to an unnamed place', async () => {
  const url = await serve((_, res) => {
    res.writeHead(302, { Location: 'http://[' })
    res.end()
  })
  await assert.rejects(get(url), /redirect \(302\) to an unnamed place; redirects are not followed/)
  const named = await serve((_, res) => {
    res.writeHead(307, { Location: 'https://elsewhere.example/login?x=1' })
    res.end()
  })
  await assert.rejects(
    get(named, { check: 'authority-host' }),
    /to https:\/\/elsewhere\.example\/login; .* Check authority-host\.$/,
  )
})

test('reasons that differ are listed apart, each counted, in the order first seen', async () => {
  const url = await serve((_, res, n) => {
    res.writeHead(n % 2 ? 503 : 500)
    res.end()
  })
  await assert.rejects(
    client().request({ method: 'GET', url, purpose: 'read it' }),
    /\(\d+ x HTTP 503, \d+ x HTTP 500\)\.$/,
  )
})

test('a cut connection is named by its error code beside the message', async () => {
  const url = await serve((req) => req.socket.destroy())
  const debug: string[] = []
  await assert.rejects(client({ debug: (l) => debug.push(l) }).request({ method: 'GET', url, purpose: 'read it' }))
  assert.match(debug.find((l) => l.includes('failed:')) ?? '', /^GET \/x failed: ECONNRESET: socket hang up \(/)
})

test('a host that takes connections and drops them has the full budget, not the one for a host never reached', async () => {
  const url = await serve((req) => req.socket.destroy())
  await assert.rejects(
    client().request({ method: 'GET', url, purpose: 'read it' }),
    /^GaveUp: Could not read it: \d+ attempts failed over 1m \d+s \(\d+ x ECONNRESET: socket hang up\)\.$/,
  )
})

test('a request that keeps failing says so once a minute, not once only', async () => {
  const url = await serve((_, res) => {
    res.writeHead(503)
    res.end()
  })
  const info: string[] = []
  await assert.rejects(client({ info: (l) => info.push(l) }).request({ method: 'GET', url, purpose: 'read it' }))
  assert.ok(info.length >= 2, info.join('\n'))
  assert.ok(
    info.every((l) =>
      /^Still trying to read it \(\d+ attempts over .+, last: HTTP 503\); the action keeps trying for up to .+ more\.$/.test(
        l,
      ),
    ),
    info.join('\n'),
  )
})
