/**
 * Fault injection: the bundled action against a simulator that drops, stalls, throttles and garbles
 * answers. Every scenario checks that at most one go-live was started, that the token went to the
 * API's origin only, and that operation-location was output once it was known.
 */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { errors, runAction, simInputs, type RunOptions, type RunResult } from '../harness.js'
import { Simulator, type Fault, type Scenario } from '../simulator.js'

interface Case {
  name: string
  scenario: Partial<Scenario>
  inputs?: Record<string, string>
  interrupt?: RunOptions['interrupt']
  /** What the run must have done beyond the invariants every case checks. */
  check: (run: RunResult, sim: Simulator) => void
  /** Go-lives the simulator may start: 0 when one was already running or the POST is refused. */
  goLives?: number
}

const rows: string[][] = []
const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

const succeeded = (run: RunResult): void => {
  assert.equal(run.code, 0, run.stdout)
  assert.equal(run.outputs.status, 'succeeded')
}
const gaps = (sim: Simulator, route: string): number[] => {
  const at = sim.requests.filter((r) => r.route === route).map((r) => r.at)
  return at.slice(1).map((t, i) => t - at[i])
}
/**
 * The first retry of the go-live POST: the wait the action chose (its debug line) is within the first
 * backoff (under a second), and the POST came again after that wait, plus `cutMs` for a request cut
 * at request-timeout. The time past the wait only bounds the run's own overhead, so it is generous:
 * the chosen wait is what is checked, not how fast a loaded machine schedules the runs.
 */
const firstRetryWithinBackoff = (run: RunResult, sim: Simulator, cutMs = 0): void => {
  // The POST's own retry: a read retried before it (a slow start) has a wait of its own.
  const said = /^::debug::retrying in (\d+)ms to start the go-live: /m.exec(run.stdout)
  assert.ok(said, 'no retry of the go-live POST was logged')
  const waitMs = Number(said[1])
  assert.ok(waitMs < 1000, `first wait ${waitMs} ms`)
  const gap = gaps(sim, 'golive')[0]
  // A timer may fire up to one clock tick early where ticks are coarse (Windows: 15.6 ms).
  assert.ok(gap >= cutMs + waitMs - 16 && gap < cutMs + waitMs + 5000, `gap ${gap} ms for a wait of ${waitMs} ms`)
}
const onPost = (kind: Fault['kind'], more: Partial<Fault> = {}): Partial<Scenario> => ({
  faults: [{ on: 'golive', kind, ...more }],
})
const onPoll = (kind: Fault['kind'], more: Partial<Fault> = {}): Partial<Scenario> => ({
  faults: [{ on: 'operation', kind, nth: 2, ...more }],
})

const cases: Case[] = [
  // Transient faults on the go-live POST: retried, the first retry within the first backoff, one go-live.
  ...(['reset', 'hang'] as const).map((kind): Case => ({
    name: `POST: ${kind}`,
    scenario: onPost(kind),
    check: (run, sim) => (succeeded(run), firstRetryWithinBackoff(run, sim, kind === 'hang' ? 1000 : 0)),
  })),
  ...[429, 500, 502, 503, 504].map((status): Case => ({
    name: `POST: HTTP ${status} twice`,
    scenario: onPost('status', { status, times: 2 }),
    check: (run, sim) => (
      succeeded(run),
      firstRetryWithinBackoff(run, sim),
      assert.equal(sim.requests.filter((r) => r.route === 'golive').length, 3)
    ),
  })),
  {
    // The POST is not sent again before the list is read: the go-live it started is there.
    name: 'POST: reset after the service accepted the go-live',
    scenario: onPost('reset-after-accept'),
    check: (run, sim) => {
      succeeded(run)
      assert.match(
        run.stdout,
        /The go-live request may have reached the service \([^)]*\): a go-live of offer 'contoso-offer' is listed \(operation [0-9a-f-]{36}, running\); following it instead of sending the request again\./,
      )
      // Decided from the list first; after the cut POST, the list again before anything else.
      assert.deepEqual(sim.requests.map((r) => r.route).slice(0, 4), [
        'submissions',
        'golive',
        'submissions',
        'operation',
      ])
    },
  },
  {
    name: 'POST: 409, a go-live already running (a re-run job)',
    scenario: { running: 'goLive' },
    goLives: 0,
    check: (run, sim) => {
      succeeded(run)
      assert.match(run.stdout, /Attaching to the go-live already running/)
      assert.equal(run.outputs['operation-id'], sim.operation!.id)
    },
  },
  {
    name: 'POST: 409, a publish running',
    scenario: { running: 'publish' },
    goLives: 0,
    check: (run) => {
      assert.equal(run.code, 1)
      assert.match(
        errors(run.stdout)[0],
        /^Cannot start the go-live yet: the preview publish of offer 'contoso-offer' \(http:\/\/127\.0\.0\.1:\d+\/api\/publishers\/contoso\/offers\/contoso-offer\/operations\/[0-9a-f-]{36}\)/,
      )
    },
  },
  {
    name: 'POST: 202 naming no operation',
    scenario: { location: 'none' },
    check: (run) => (
      succeeded(run),
      assert.match(run.stdout, /named no operation .*\n[\s\S]*?\nAttaching to the go-live already running/)
    ),
  },
  // Transient faults on status reads while waiting.
  ...(['reset', 'hang', 'not-json', 'truncated'] as const).map((kind): Case => ({
    name: `poll: ${kind}`,
    scenario: onPoll(kind),
    check: succeeded,
  })),
  ...[429, 500, 502, 503, 504].map((status): Case => ({
    name: `poll: HTTP ${status} three times`,
    scenario: onPoll('status', { status, times: 3 }),
    check: succeeded,
  })),
  {
    name: 'poll: 503 with Retry-After: 2 (seconds)',
    scenario: onPoll('status', { status: 503, headers: { 'Retry-After': '2' } }),
    check: (run, sim) => (
      succeeded(run),
      assert.ok(gaps(sim, 'operation')[1] >= 1990, `gap ${gaps(sim, 'operation')[1]}`)
    ),
  },
  {
    // Both dates come from the answer (a server clock far from ours): the wait is exactly their
    // difference, so the check does not depend on when the fault fires or on one-second rounding.
    name: 'poll: 429 with Retry-After as an HTTP date, the server clock months off',
    scenario: onPoll('status', {
      status: 429,
      nth: 2,
      headers: { Date: 'Thu, 01 Jan 2026 00:00:00 GMT', 'Retry-After': 'Thu, 01 Jan 2026 00:00:02 GMT' },
    }),
    check: (run, sim) => (
      succeeded(run),
      assert.ok(gaps(sim, 'operation')[1] >= 1990, `gap ${gaps(sim, 'operation')[1]}`)
    ),
  },
  {
    name: 'poll: 401 mid-wait with a pasted token (it expired)',
    scenario: onPoll('status', {
      status: 401,
      nth: 3,
      body: '{"error":{"code":"Unauthorized","message":"The access token has expired."}}',
    }),
    check: (run, sim) => {
      assert.equal(run.code, 1)
      assert.ok(run.outputs['operation-location'])
      assert.equal(run.outputs.status, 'running')
      assert.match(
        errors(run.stdout)[0],
        /^Could not read the operation status: HTTP 401 \(Unauthorized: The access token has expired\.\)\. The token is invalid or has expired .* To wait on it later, run this action with wait: true and operation-location: http:\/\/127\.0\.0\.1:\d+\/api\//,
      )
      assert.equal(sim.requests.filter((r) => r.status === 401 || r.fault).length, 1)
    },
  },
  {
    name: 'poll: a body of an unexpected shape',
    scenario: onPoll('odd-shape'),
    check: (run) => (
      assert.equal(run.code, 1),
      assert.match(
        errors(run.stdout)[0],
        /^The operation status answer has an unexpected shape \(an object with value, count\)/,
      ),
      assert.ok(run.outputs['operation-location'])
    ),
  },
  {
    name: 'poll: an oversized body',
    scenario: onPoll('huge'),
    check: (run) => (
      assert.equal(run.code, 1),
      assert.match(errors(run.stdout)[0], /^The answer to "read the operation status" is larger than 1024 KiB/),
      assert.ok(run.outputs['operation-location'])
    ),
  },
  {
    name: 'poll: a redirect to another origin',
    scenario: onPoll('redirect'),
    check: (run) => (
      assert.equal(run.code, 1),
      assert.match(
        errors(run.stdout)[0],
        /with a redirect \(302\) to http:\/\/127\.0\.0\.2:9\/api\/.*redirects are not followed/,
      )
    ),
  },
  {
    name: 'hostile Operation-Location on another origin',
    scenario: {},
    check: (run, sim) => {
      assert.equal(run.code, 1)
      assert.match(
        errors(run.stdout)[0],
        /^Refused the operation location the service returned http:\/\/127\.0\.0\.1:\d+\/api\/publishers\/contoso\/offers\/contoso-offer\/operations\/stolen: it is not on base-url's origin/,
      )
      assert.equal(attacker.requests.length, 0)
      // The list the decision is read from, then the POST; nothing after the hostile answer.
      assert.deepEqual(
        sim.requests.map((r) => r.route),
        ['submissions', 'golive'],
      )
    },
  },
  ...(['SIGINT', 'SIGTERM'] as const).map((signal): Case => ({
    name: `${signal} mid-wait`,
    scenario: { operation: { reads: 100_000 } },
    inputs: { 'poll-interval': '200ms' },
    interrupt: { signal, when: (out) => /🔄 Validate Pre-Requisites: inProgress/.test(out) },
    check: (run, sim) => {
      assert.equal(run.code, 1)
      assert.ok(run.stoppedInMs! < 2000, `stopped in ${run.stoppedInMs} ms`)
      assert.match(
        errors(run.stdout)[0],
        /^Cancelled: stopped waiting\. The go-live goes on in the service\. To wait on it later, run this action with wait: true and operation-location: http/,
      )
      assert.equal(run.outputs.status, 'running')
      assert.match(run.summary, /Job cancelled: the go-live of offer `contoso-offer` goes on/)
      assert.equal(sim.requests.filter((r) => r.route === 'cancel').length, 0)
    },
  })),
  {
    name: 'random faults over a long run (seed 20261121)',
    scenario: {
      operation: { reads: 40 },
      randomFaults: {
        seed: 20261121,
        rate: 0.3,
        kinds: ['reset', 'status', 'not-json', 'truncated', 'reset-after-accept'],
        on: ['golive', 'operation', 'submissions'],
      },
    },
    check: succeeded,
  },
]

let attacker: Simulator

describe('fault injection', { concurrency: 6 }, () => {
  for (const c of cases) {
    // Windows delivers no SIGINT or SIGTERM to another process: kill() ends it outright there.
    const skip = c.interrupt && process.platform === 'win32' ? 'no signals between processes on Windows' : false
    test(c.name, { timeout: 60_000, skip }, async () => {
      const scenario = { ...c.scenario, operation: { reads: 4, ...c.scenario.operation } }
      if (c.name.startsWith('hostile')) {
        attacker = await Simulator.start()
        sims.push(attacker)
        scenario.hostileLocation = `${attacker.url}/api/publishers/contoso/offers/contoso-offer/operations/stolen`
      }
      const sim = await Simulator.start(scenario)
      sims.push(sim)
      const run = await runAction({
        inputs: simInputs(sim, {
          wait: 'true',
          'poll-interval': '20ms',
          'request-timeout': '1s',
          timeout: '1m',
          ...c.inputs,
        }),
        interrupt: c.interrupt,
      })
      const injected = sim.requests
        .filter((r) => r.fault)
        .map((r) => `${r.route}:${r.fault === 'status' ? r.status : r.fault}`)
      const outcome = `exit ${run.code}, ${run.outputs.status ?? 'no status'}`
      rows.push([
        c.name,
        injected.length ? summarise(injected) : c.scenario.running ? `${c.scenario.running} running` : '-',
        outcome,
        String(sim.goLivesStarted),
      ])

      c.check(run, sim)
      // Invariants of every scenario.
      assert.ok(sim.goLivesStarted <= (c.goLives ?? 1), `${sim.goLivesStarted} go-lives started`)
      for (const r of sim.requests) assert.equal(r.server, 'api')
      assert.ok(sim.requests.every((r) => r.authorization === `Bearer ${sim.scenario.token}`))
      // A go-live read is a go-live known (a publish's operation read to decide is not one to follow).
      const known = sim.requests.some((r) => r.route === 'operation' && sim.goLiveIds.some((id) => r.path.endsWith(id)))
      if (known) assert.ok(run.outputs['operation-location'], 'operation-location not output although it was known')
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at \S+ \(/, 'a stack trace')
      assert.ok(!run.stdout.replace(/^::add-mask::.*$/gm, '').includes(sim.scenario.token), 'token printed')
    })
  }
})

after(() => {
  const header = ['scenario', 'faults injected', 'outcome', 'go-lives started']
  const table = [
    header,
    ...rows.sort((a, b) => cases.findIndex((c) => c.name === a[0]) - cases.findIndex((c) => c.name === b[0])),
  ]
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)))
  const line = (r: string[]): string => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  process.stdout.write(
    `\n${[line(header), line(widths.map((w) => '-'.repeat(w))), ...table.slice(1).map(line)].join('\n')}\n\n`,
  )
})

function summarise(items: string[]): string {
  const counts = new Map<string, number>()
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1)
  return [...counts].map(([k, n]) => (n > 1 ? `${n}x ${k}` : k)).join(', ')
}
