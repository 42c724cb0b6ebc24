/**
 * The requests a run sends, as a user notices them: a first read that fails with anything but a
 * 404, a cancellation while a request hangs, and the request-timeout that decides how long a slow
 * answer is waited for (the bound on re-sent go-live requests: retry-budget.test, in this process).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { errors, runAction, simInputs } from '../harness.js'
import { cpp } from '../started.js'

test('a 403 on the first read after a start fails at once with the reason and the resume hint', async () => {
  const sim = await cpp({
    faults: [{ on: 'operation', kind: 'status', status: 403, body: '{"error":{"code":"Forbidden","message":"No."}}' }],
  })
  const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '20ms' }) })
  assert.equal(r.code, 1)
  assert.equal(sim.requests.filter((q) => q.route === 'operation').length, 1, 'read for the whole look')
  assert.ok(r.durationMs < 10_000, `${r.durationMs} ms`)
  const [failure] = errors(r.stdout)
  assert.match(failure, /^Could not read the operation status: HTTP 403 \(Forbidden: No\.\)\./)
  assert.match(
    failure,
    /To wait on it later, run this action with wait: true and operation-location: http:\/\/127\.0\.0\.1:\d+\/api\//,
  )
})

test(
  'SIGTERM while a request hangs ends the step at once, and the go-live goes on',
  { skip: process.platform === 'win32' && 'no signals between processes on Windows' },
  async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const sim = await cpp({ faults: [{ on: 'operation', kind: 'hang', times: 100 }] })
      const r = await runAction({
        inputs: simInputs(sim, { wait: 'true' }),
        interrupt: { signal, when: (out) => out.includes('Started the go-live') },
        timeoutMs: 20_000,
      })
      assert.ok(r.stoppedInMs! < 2000, `${signal}: still running ${r.stoppedInMs} ms after it`)
      assert.equal(r.code, 1)
      assert.match(errors(r.stdout)[0], /^Cancelled: stopped waiting\. The go-live goes on in the service\./)
      assert.equal(sim.goLivesStarted, 1)
    }
  },
)

test('request-timeout decides how long a slow answer is waited for', async () => {
  // Within it: one POST, waited for.
  const patient = await cpp({ faults: [{ on: 'golive', kind: 'slow', delayMs: 1500 }] })
  const waited = await runAction({ inputs: simInputs(patient, { 'request-timeout': '4s' }) })
  assert.equal(waited.code, 0, errors(waited.stdout).join(' | '))
  assert.equal(patient.requests.filter((q) => q.route === 'golive').length, 1)
  // Past it: the request is cut, the list is read before the POST is sent again, one go-live.
  const hasty = await cpp({ faults: [{ on: 'golive', kind: 'slow', delayMs: 1500 }] })
  const cut = await runAction({ inputs: simInputs(hasty, { 'request-timeout': '1s' }) })
  assert.equal(cut.code, 0, errors(cut.stdout).join(' | '))
  assert.match(
    cut.stdout,
    /^::debug::POST \/api\/publishers\/contoso\/offers\/contoso-offer\/golive failed: .*\(1s\)$/m,
  )
  assert.deepEqual(
    hasty.apiRequests.map((q) => q.route).slice(0, 4),
    ['submissions', 'golive', 'submissions', 'golive'],
    'the slow POST was not cut, or was sent again before looking',
  )
  assert.equal(hasty.goLivesStarted, 1)
})
