import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { FakeClock } from './fake-clock.js'
import { cppService } from './clients.js'
import { Simulator, type Fault } from './simulator.js'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))
async function sim(faults: Fault[], more: Parameters<typeof Simulator.start>[0] = {}) {
  const s = await Simulator.start({ faults, ...more })
  sims.push(s)
  return s
}

test('transient answers are retried with growing jittered waits, the first within 2 s', async () => {
  const s = await sim([{ on: 'golive', kind: 'status', status: 503, times: 3 }])
  const clock = new FakeClock()
  const { service } = await cppService(s, clock)
  const answer = await service.start()
  assert.equal(answer.how, 'started')
  assert.equal(s.requests.filter((r) => r.route === 'golive').length, 4)
  assert.deepEqual(clock.sleeps, [500, 1000, 2000])
  assert.ok(clock.sleeps[0] < 2000)
})

test('a request gives up after about two minutes, saying how many attempts failed and why', async () => {
  const s = await sim([{ on: 'golive', kind: 'status', status: 500, times: 1000 }])
  const clock = new FakeClock()
  const { service } = await cppService(s, clock)
  await assert.rejects(service.start(), (e: Error) => {
    assert.equal(e.name, 'GaveUp')
    assert.match(
      e.message,
      /^Could not start the go-live: (\d+) attempts failed over 1m \d+s \(\1 x HTTP 500 \(InternalServerError: We cannot complete the request now, please try again later\.\)\)\.$/,
    )
    return true
  })
  const total = clock.sleeps.reduce((a, b) => a + b, 0)
  assert.ok(total <= 120_000 && total > 60_000, `slept ${total} ms`)
})

test('Retry-After is honoured in seconds and as an HTTP date when it asks for longer', async () => {
  const date = new Date(Date.now() + 9000).toUTCString()
  const s = await sim([
    { on: 'operation', kind: 'status', status: 429, headers: { 'Retry-After': '7' } },
    { on: 'operation', kind: 'status', status: 503, headers: { 'Retry-After': date }, nth: 2 },
  ])
  const clock = new FakeClock()
  const { service } = await cppService(s, clock)
  const answer = await service.start()
  assert.ok(answer.location)
  const op = await service.read(answer.location)
  assert.equal(op.status, 'notStarted')
  // Never before Retry-After, and spread at most half of it (at least 1 s) past.
  assert.ok(clock.sleeps[0] >= 7000 && clock.sleeps[0] < 7000 + 3500, `seconds wait ${clock.sleeps[0]}`)
  assert.ok(clock.sleeps[1] >= 7000 && clock.sleeps[1] <= 9000 + 4500, `HTTP-date wait ${clock.sleeps[1]}`)
})

test('client errors are not retried: one request, one clear line', async () => {
  const cases: [Partial<Parameters<typeof Simulator.start>[0]>, Record<string, string>, RegExp][] = [
    [
      {
        goLiveAnswer: {
          status: 400,
          body: { error: { code: 'BadRequest', message: "The argument: 'OfferTypeId' cannot be null or empty." } },
        },
      },
      {},
      /^Could not start the go-live: HTTP 400 \(BadRequest: The argument: 'OfferTypeId' cannot be null or empty\.\)\. The service found the request malformed/,
    ],
    [
      {},
      { token: 'wrong' },
      /^Could not list the offer's submissions: HTTP 401 \(Unauthorized: .*\)\. The token is invalid or has expired \(CPP tokens live 60 to 90 minutes\)/,
    ],
    [
      {},
      { 'publisher-id': 'fabrikam' },
      /HTTP 403 \(Forbidden: User does not have the required permissions\)\. The service principal has no access to publisher 'fabrikam'/,
    ],
    [
      {},
      { 'offer-id': 'nope' },
      /HTTP 404 \(NotFound: Offer 'nope' was not found\.\)\. Publisher 'contoso' or offer 'nope' does not exist: check publisher-id and offer-id\./,
    ],
    [
      { goLiveAnswer: { status: 422, body: { error: { code: 'ValidationFailed', message: 'Plan has no image' } } } },
      {},
      /HTTP 422 \(ValidationFailed: Plan has no image\)\. The offer failed validation/,
    ],
  ]
  for (const [scenario, inputs, message] of cases) {
    const s = await sim([], scenario)
    const clock = new FakeClock()
    const token = inputs.token ?? s.scenario.token
    const { service } = await cppService(
      s,
      clock,
      { token: async () => token, renew: async () => false, source: 't' },
      inputs,
    )
    await assert.rejects(service.start(), (e: Error) => e.name === 'ActionError' && message.test(e.message))
    // Each request once, nothing after the error: the list the go-live is decided from, and the
    // POST only when the list could be read (the go-live's own client errors, 400 and 422).
    const posted = Boolean(scenario?.goLiveAnswer)
    assert.deepEqual(
      s.requests.map((r) => r.route),
      posted ? ['submissions', 'golive'] : ['submissions'],
      String(message),
    )
    assert.deepEqual(clock.sleeps, [])
  }
})

test('a redirect is not followed, so the token cannot be carried to another origin', async () => {
  const s = await sim([{ on: 'golive', kind: 'redirect' }])
  const { service } = await cppService(s, new FakeClock())
  await assert.rejects(
    service.start(),
    /answered "start the go-live" with a redirect \(302\) to http:\/\/127.0.0.2:9\/api\/publishers\/contoso\/offers\/contoso-offer\/golive; redirects are not followed/,
  )
  assert.deepEqual(
    s.requests.map((r) => r.route),
    ['submissions', 'golive'],
  )
})

test('a huge body is refused with a clear error; a truncated or non-JSON one is retried', async () => {
  const s = await sim([
    { on: 'operation', kind: 'huge' },
    { on: 'operation', kind: 'truncated', nth: 2 },
    { on: 'operation', kind: 'not-json', nth: 3 },
  ])
  const clock = new FakeClock()
  const { service } = await cppService(s, clock)
  const answer = await service.start()
  assert.ok(answer.location)
  await assert.rejects(
    service.read(answer.location),
    /The answer to "read the operation status" is larger than 1024 KiB/,
  )
  const op = await service.read(answer.location)
  assert.equal(op.status, 'notStarted')
  assert.equal(s.requests.filter((r) => r.route === 'operation').length, 4)
  assert.equal(clock.sleeps.length, 2)
})

test('every CPP request carries the bearer token, api-version, Accept and the User-Agent', async () => {
  const s = await sim([])
  const { service } = await cppService(s, new FakeClock())
  const answer = await service.start()
  assert.ok(answer.location)
  await service.read(answer.location)
  await service.find()
  for (const r of s.requests) {
    assert.equal(r.authorization, `Bearer ${s.scenario.token}`)
    assert.equal(r.query.get('api-version'), '2017-10-31')
  }
  assert.deepEqual(
    s.requests.map((r) => r.route),
    ['submissions', 'golive', 'operation', 'submissions'],
  )
})

test('an operation on another origin is refused before any request goes there', async () => {
  const s = await sim([], { hostileLocation: 'http://127.0.0.2:9/api/operations/steal' })
  const { service } = await cppService(s, new FakeClock())
  await assert.rejects(
    service.start(),
    /Refused the operation location the service returned http:\/\/127.0.0.2:9\/api\/operations\/steal: it is not on base-url's origin/,
  )
  await assert.rejects(
    service.read(new URL('http://127.0.0.2:9/api/operations/x')),
    /Refused to send the token to http:\/\/127.0.0.2:9/,
  )
})

test('a host that does not resolve is a transient fault, given up on with the reason', async () => {
  const s = await sim([])
  const clock = new FakeClock()
  const { service } = await cppService(s, clock, undefined, { 'base-url': 'https://cpp.invalid' })
  await assert.rejects(
    service.start(),
    /^GaveUp: Could not list the offer's submissions: cpp\.invalid has not answered in \d+s \(\d+ attempts: \d+ x getaddrinfo (ENOTFOUND|EAI_AGAIN) cpp\.invalid\)\. Check base-url: is the host name right, and can the runner reach it\?$/,
  )
})

test("Retry-After as an HTTP date is read against the answer's own Date: a skewed clock neither fails nor stalls", async () => {
  for (const skewHours of [-5, 5]) {
    const served = new Date(Date.now() + skewHours * 3_600_000)
    served.setMilliseconds(0)
    const s = await sim([
      {
        on: 'operation',
        kind: 'status',
        status: 503,
        headers: { Date: served.toUTCString(), 'Retry-After': new Date(served.getTime() + 3000).toUTCString() },
      },
    ])
    const clock = new FakeClock()
    const { service } = await cppService(s, clock)
    const answer = await service.start()
    const op = await service.read(answer.location)
    assert.equal(op.status, 'notStarted')
    assert.equal(clock.sleeps.length, 1, `server clock ${skewHours}h off`)
    assert.ok(
      clock.sleeps[0] >= 3000 && clock.sleeps[0] < 3000 + 1500,
      `server clock ${skewHours}h off: ${clock.sleeps[0]}`,
    )
  }
})
