/**
 * Retries that go on for minutes, through run() in this process on a clock that moves only when the
 * action sleeps: a host that never answered is given up on within about a minute, one that has
 * answered gets the long budget, a go-live request that may have reached the service is sent three
 * times at most, and a 429 from the OIDC token endpoint that never ends is given up on.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { FakeClock } from './fake-clock.js'
import { errors, ingestionInputs, simInputs } from './harness.js'
import { runInProcess } from './in-process.js'
import { oidc, simulate } from './oidc.js'
import { cpp, pi } from './started.js'

const visible = (stdout: string) =>
  stdout.split('\n').filter((l) => l && !l.startsWith('::debug') && !l.startsWith('::add-mask'))

describe('a host that never answered fails within about a minute, naming it and the input', () => {
  for (const [what, base] of [
    ['does not resolve', 'https://graph.microsft.invalid/rp/product-ingestion'],
    ['refuses the connection', 'http://127.0.0.1:1/rp/product-ingestion'],
  ] as const) {
    test(`a base-url whose host ${what}`, async () => {
      const clock = new FakeClock()
      const started = clock.now()
      const r = await runInProcess(
        { api: 'product-ingestion', 'offer-id': 'contoso-saas', token: 't', 'base-url': base },
        { clock },
      )
      assert.equal(r.exitCode, 1)
      const host = new URL(base).host
      const failure = visible(r.stdout).find((l) => l.startsWith('::error::'))!
      assert.match(
        failure,
        new RegExp(
          `^::error::Could not find offer 'contoso-saas': ${host.replace(/\./g, '\\.')} has not answered in (\\d+s|1m( \\d+s)?) .*Check base-url: is the host name right, and can the runner reach it\\?$`,
        ),
      )
      // Given up within a minute of retries (the backoff is random: the next wait would have passed it).
      const waited = clock.now() - started
      assert.ok(waited <= 60_000, `gave up after ${waited} ms of retries`)
      assert.ok(Number(/\((\d+) attempts:/.exec(failure)?.[1]) >= 4, 'retried before giving up')
      // Not silent: a visible line once the retries have gone on for about 30 s, at most one a minute.
      const still = visible(r.stdout).filter((l) => l.startsWith('Still trying to find offer'))
      assert.equal(still.length, waited >= 30_000 ? 1 : 0, `${waited} ms: ${still.join('\n')}`)
      for (const line of still) assert.match(line, /the action keeps trying for up to \d+s more\.$/)
    })
  }

  test('once a host has answered, its faults get the long budget, shown once a minute', async () => {
    const sim = await cpp({ faults: [{ on: 'operation', kind: 'reset', times: 1000 }] })
    const clock = new FakeClock()
    const r = await runInProcess(simInputs(sim, { wait: 'true', 'request-timeout': '5s' }), { clock })
    assert.equal(r.exitCode, 1)
    assert.doesNotMatch(r.stdout, /has not answered/)
    // The read after the start gave up on the long budget, two minutes, not the unreached host's one.
    const failure = visible(r.stdout).find((l) => l.startsWith('::error::'))!
    assert.match(failure, /^::error::Could not read the operation status: \d+ attempts failed over (1m [3-5]\ds|2m)/)
    // Shown on the page, at most once a minute: one or two lines over those two minutes.
    const still = visible(r.stdout).filter((l) => l.startsWith('Still trying to read the operation status'))
    assert.ok(still.length >= 1 && still.length <= 2, `${still.length} visible retry lines over two minutes`)
  })
})

test('a go-live request that may have reached the service is sent three times at most, and says so', async () => {
  const sim = await pi({ faults: [{ on: 'configure', kind: 'reset', times: 100 }] })
  const r = await runInProcess(ingestionInputs(sim, { timeout: '1m' }), { clock: new FakeClock() })
  assert.equal(r.exitCode, 1)
  assert.equal(sim.requests.filter((q) => q.route === 'configure').length, 3)
  assert.match(
    errors(r.stdout)[0],
    /^Could not start the go-live: 3 requests failed before an answer \(.*\), and no go-live was listed within 1m\. Re-run this step; it will not start a second go-live\.$/,
  )
})

test('a 429 that never ends is given up on without blaming id-token: write', async () => {
  // Two minutes of retries: in this process, on a clock that moves only when the action sleeps.
  const sim = await simulate({
    faults: [{ on: 'idtoken', kind: 'status', status: 429, times: 1000, body: '{}' }],
  })
  const { inputs, env } = oidc(sim)
  const r = await runInProcess(inputs, { clock: new FakeClock() }, env)
  assert.equal(r.exitCode, 1)
  const [failure] = errors(r.stdout)
  assert.match(
    failure,
    /^Could not get a GitHub OIDC token for api:\/\/AzureADTokenExchange: \d+ attempts failed over \d+m( \d+s)? \(\d+ x HTTP 429\)\.$/,
  )
  assert.doesNotMatch(failure, /id-token/)
  assert.ok(sim.requests.filter((q) => q.route === 'idtoken').length > 5)
})
