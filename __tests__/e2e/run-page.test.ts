/** What a release engineer sees on the run page: the job summary, the log, the annotations. */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { shown } from '../markdown.js'
import { EMAIL, runAction, simInputs, type RunResult } from '../harness.js'
import { Simulator, type Scenario } from '../simulator.js'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))

async function run(
  scenario: Partial<Scenario>,
  more: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<{ run: RunResult; sim: Simulator }> {
  const sim = await Simulator.start(scenario)
  sims.push(sim)
  const result = await runAction({
    inputs: simInputs(sim, { wait: 'true', 'poll-interval': '10ms', ...more }),
    env,
  })
  // The summary as a person reads it on the run page.
  return { run: { ...result, summary: shown(result.summary) }, sim }
}

/** Nothing that looks like a bearer token or an e-mail address, anywhere the user can see. */
function assertClean(r: RunResult, sim: Simulator): void {
  const visible = [r.stdout.replace(/^::add-mask::.*$/gm, ''), r.stderr, r.summary, JSON.stringify(r.outputs)].join(
    '\n',
  )
  assert.doesNotMatch(visible, EMAIL)
  assert.doesNotMatch(visible, /Bearer|authorization/i)
  assert.ok(!visible.includes(sim.scenario.token))
}

describe('job summary', () => {
  test('succeeded: headline, facts, steps table with symbols, live link', async () => {
    const { run: r, sim } = await run({
      operation: {
        reads: 3,
        liveLinks: [
          { displayText: 'Contoso VM', uri: 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm' },
        ],
      },
    })
    assert.equal(r.code, 0)
    assert.match(r.summary, /^## ✅ Offer `contoso-offer` is live$/m)
    assert.match(r.summary, /^\| Publisher \| `contoso` \|$/m)
    // The API URL needs a token: the summary names the operation and links where a person can look.
    assert.ok(r.summary.includes(`| Operation | \`${sim.operation!.id}\` |`), r.summary)
    assert.match(
      r.summary,
      /^\| Partner Center \| \[Open the offer\]\(https:\/\/partner\.microsoft\.com\/dashboard\/commercial-marketplace\/overview\) \|$/m,
    )
    assert.ok(!r.summary.includes(`](${r.outputs['operation-location']})`), 'a link to the API')
    assert.match(r.summary, /^\| Status \| \*\*succeeded\*\* \|$/m)
    assert.match(r.summary, /^\| Elapsed \| \d+(ms|s) \|$/m)
    assert.match(r.summary, /^\| Step \| Status \| Progress \| Estimated time \| Last message \|$/m)
    for (const step of [
      'Validate Pre-Requisites',
      'Certification',
      'Packaging and Lead Generation Registration',
      'Publisher signoff',
      'Live',
    ]) {
      assert.match(r.summary, new RegExp(`^\\| ${step} \\| ✅ complete \\| 100% \\| .* \\| .+ \\|$`, 'm'), step)
    }
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning) title=/.test(l))
    assert.deepEqual(annotations, [
      '::warning title=Packaging and Lead Generation Registration::The plan contoso-plan has no test drive; continuing.',
    ])
    assert.match(
      r.summary,
      /^- Live: \[Contoso VM\]\(https:\/\/azuremarketplace.microsoft.com\/marketplace\/apps\/contoso.vm\)$/m,
    )
    assertClean(r, sim)
  })

  test('failed: the blocked step and its (redacted) message, once in the summary and once on the run page', async () => {
    const { run: r, sim } = await run({ operation: { reads: 3, outcome: 'failed' } })
    assert.equal(r.code, 1)
    assert.match(r.summary, /^## ❌ Go-live of offer `contoso-offer` failed$/m)
    assert.match(
      r.summary,
      /^\| Certification \| ❌ blocked \| 0% \| < 5 day \| No virtual machine image was found for the plan contoso-plan\. Contact \[e-mail redacted\]\. \|$/m,
    )
    assert.match(r.summary, /^\| Live \| ⏳ notStarted \| 0% \|/m)
    const message = 'No virtual machine image was found for the plan contoso-plan. Contact [e-mail redacted].'
    assert.equal(r.summary.split(message).length - 1, 1, 'the reason once in the summary (the steps table)')
    assert.doesNotMatch(r.summary, /### Why it failed/)
    // Once among the annotations of the run page (the failure line is one); the log's progress line aside.
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning)/.test(l))
    assert.equal(annotations.length, 1, annotations.join('\n'))
    assert.equal(annotations.join('\n').split(message).length - 1, 1, 'the reason once on the run page')
    assertClean(r, sim)
  })

  test('timed out: still running, with the resume line', async () => {
    const { run: r, sim } = await run({ operation: { reads: 100_000 } }, { timeout: '200ms', 'poll-interval': '50ms' })
    assert.equal(r.code, 1)
    assert.match(r.summary, /^## ⌛ Stopped waiting: the go-live of offer `contoso-offer` is still running$/m)
    assert.match(r.summary, /^\| Status \| \*\*running\*\* \|$/m)
    assert.ok(
      r.summary.includes(
        `To wait on it later, run this action with \`wait: true\` and \`operation-location: ${r.outputs['operation-location']}\`, and the same \`offer-id\`, \`publisher-id\` and sign-in inputs.`,
      ),
    )
    assertClean(r, sim)
  })

  test('an error before any operation still writes a summary with the error line', async () => {
    const { run: r } = await run({}, { 'offer-id': 'missing' })
    assert.equal(r.code, 1)
    assert.match(r.summary, /^## ❌ Go-live of offer `missing` could not be started$/m)
    // The first request is the list the go-live is decided from.
    assert.match(r.summary, /^> Could not list the offer.s submissions: HTTP 404 /m)
  })
})

describe('log', () => {
  test('one group per phase, a line per step change, and no poll noise over a long wait', async () => {
    const { run: r, sim } = await run({ operation: { reads: 400 } })
    assert.equal(r.code, 0)
    const polls = sim.requests.filter((x) => x.route === 'operation').length
    assert.equal(polls, 401)
    const groups = r.stdout.split('\n').filter((l) => l.startsWith('::group::'))
    assert.deepEqual(groups, [
      '::group::Sign in',
      '::group::Start the go-live',
      '::group::Wait for the go-live (up to 5h)',
    ])
    const said = r.stdout.split('\n').filter((l) => l && !l.startsWith('::'))
    // 5 steps x (notStarted, inProgress, complete) + the operation's status changes + start and end lines.
    assert.ok(said.length <= 5 * 3 + 2 + 4, `${said.length} lines for ${polls} polls:\n${said.join('\n')}`)
    assert.equal(said.filter((l) => l.startsWith('Still waiting')).length, 0, 'a heartbeat before 10 minutes')
    assertClean(r, sim)
  })

  test('debug lines (ACTIONS_STEP_DEBUG) give method, path, status and duration, never headers or tokens', async () => {
    const { run: r, sim } = await run({ operation: { reads: 2 } }, {}, { ACTIONS_STEP_DEBUG: 'true' })
    const debug = r.stdout.split('\n').filter((l) => l.startsWith('::debug::'))
    assert.ok(
      debug.some((l) =>
        /^::debug::POST \/api\/publishers\/contoso\/offers\/contoso-offer\/golive -> 202 \(\d+ms\)$/.test(l),
      ),
      debug.join('\n'),
    )
    assert.ok(
      debug.some((l) =>
        /^::debug::GET \/api\/publishers\/contoso\/offers\/contoso-offer\/operations\/[0-9a-f-]{36} -> 200 \(\d+ms\)$/.test(
          l,
        ),
      ),
    )
    assertClean(r, sim)
  })
})
