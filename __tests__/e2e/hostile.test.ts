/**
 * Hostile answers against the bundle, read the way the runner reads the log: nothing the service
 * sends may start a command, switch masking off, show a token or an e-mail address, put a foreign
 * link in the summary, or take more than a moment to handle.
 */
import assert from 'node:assert/strict'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { errors, readAsRunner, runAction, simInputs, type RunResult } from '../harness.js'
import { shown } from '../markdown.js'
import { Simulator, type Scenario } from '../simulator.js'

const sims: Simulator[] = []
after(() => Promise.all(sims.map((s) => s.close())))
async function simulate(scenario: Partial<Scenario>): Promise<Simulator> {
  const sim = await Simulator.start(scenario)
  sims.push(sim)
  return sim
}

/** Lines that would start commands, switch them off, or break lines, as the runner parses them. */
const INJECTIONS = [
  '\n::add-mask::x\n::stop-commands::pwned\n',
  '\r::error::injected by CR',
  '\u2028::warning::injected by LS\u2029::notice::by PS',
  '\u0085::set-output name=status::succeeded',
  'text ##[stop-commands]pwned ##[error]legacy mid-line',
  '   ::group::leading spaces',
  '::debug::at the start',
]
/** E-mail addresses, plain and in the encodings that slip past a naive filter. */
const ADDRESSES = [
  'jon@contoso.com',
  'jon%40contoso.com',
  'jon&#64;contoso.com',
  'jon(at)contoso(dot)com',
  'JON＠CONTOSO.COM',
]
/** Markdown and HTML that would render as links, images, headings or markup. */
const MARKUP = [
  '[click](https://evil.example/a)',
  '![pixel](https://evil.example/p.png)',
  '<img src="https://evil.example/i.png">',
  '<a href="https://evil.example">x</a>',
  '# Heading',
  'bare https://evil.example/auto and www.evil.example',
  '$\\begin{x}$',
]

const hostile = INJECTIONS.join(' ') + ' ' + ADDRESSES.join(' ') + ' ' + MARKUP.join(' ')

function operation(status: string, more: Record<string, unknown> = {}): string {
  return JSON.stringify({
    status,
    steps: [
      {
        id: 'x\n::error::id',
        stepName: `Certification ${hostile}`,
        status: `blocked${INJECTIONS[1]}`,
        estimatedTimeFrame: MARKUP[0],
        progressPercentage: 0,
        messages: [
          { messageHtml: hostile, level: 'error' },
          { messageHtml: `warn ${hostile}`, level: 'warning' },
        ],
      },
    ],
    messages: [{ messageHtml: hostile, level: 'error' }],
    error: { code: 'X', message: hostile },
    previewLinks: [
      'javascript:alert(1)',
      '/relative/path',
      'https://evil.example/phish',
      'https://azuremarketplace.microsoft.com/x)](https://evil.example',
      'https://azuremarketplace.microsoft.com/mail/jon@contoso.com',
    ],
    liveLinks: [
      { displayText: `Listing ${MARKUP[0]}`, uri: 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso' },
    ],
    notificationEmails: 'jon@contoso.com',
    ...more,
  })
}

/** Every way the run can show something, checked as the runner and GitHub would show it. */
function assertInert(r: RunResult, secrets: string[], allowedMasks = secrets): void {
  const view = readAsRunner(r.stdout)
  const allowed = new Set(['add-mask', 'group', 'endgroup', 'debug', 'error', 'warning', 'notice'])
  for (const c of view.commands) {
    assert.ok(!c.legacy, `a legacy command got through: ##[${c.name}]`)
    assert.ok(allowed.has(c.name), `a command the action did not mean: ${c.name}`)
    if (c.name === 'add-mask') assert.ok(allowedMasks.includes(c.data), `masked something not secret: ${c.data}`)
  }
  const seen = [...view.visible, r.stderr, JSON.stringify(r.outputs), shown(r.summary)].join('\n')
  for (const secret of secrets) assert.ok(!seen.includes(secret), 'a token is visible')
  assert.doesNotMatch(seen, /jon|@contoso|contoso\.com\b.*jon/i, 'an e-mail address is visible')
  for (const l of view.visible) assert.doesNotMatch(l.trimStart(), /^::/, `a line that reads as a command: ${l}`)
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'a stack trace')
  // The summary: links only to the simulator or to Microsoft's hosts, no images, headings or HTML.
  const md = r.summary
  for (const [, target] of md.matchAll(/\]\(([^)]*)\)/g)) {
    // A link the service sent may point only to Microsoft's hosts, and cannot break out of its ().
    assert.match(
      target,
      /^(https:\/\/partner\.microsoft\.com\/dashboard\/commercial-marketplace\/|https:\/\/azuremarketplace\.microsoft\.com\/)[^()\s\]]*$/,
      `a foreign link: ${target}`,
    )
  }
  assert.doesNotMatch(md, /!\[|<img|<a |<script/i, 'an image or HTML from the service')
  assert.doesNotMatch(md.replace(/\]\([^)]*\)/g, ']'), /https?:\/\/evil|www\.evil/, 'an autolink from the service')
  assert.ok(
    md
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .every((l) => /^##? |^### (Steps|Links|Why it failed|Why it was canceled)$/.test(l)),
    'a heading from the service',
  )
}

describe('hostile answers', () => {
  test('operation text full of commands, addresses and markup: inert in the log, annotations, outputs and summary', async () => {
    const sim = await simulate({
      faults: [{ on: 'operation', kind: 'status', status: 200, times: 1000, body: operation('failed') }],
    })
    const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '20ms' }) })
    assert.equal(r.code, 1)
    assert.equal(r.outputs.status, 'failed')
    assertInert(r, [sim.scenario.token])
    assert.ok(r.durationMs < 3000, `${r.durationMs} ms`)
    // The failure is still explained, in one line each.
    assert.ok(errors(r.stdout).some((e) => e.startsWith('The go-live failed: Certification')))
  })

  test('a service that tries to switch commands off cannot reveal tokens renewed afterwards', async () => {
    const tenantId = 'f2b6c1d0-0000-4000-8000-00000000aaaa'
    const clientId = 'c1d2e3f4-0000-4000-8000-00000000bbbb'
    const sim = await simulate({
      aad: { tenantId, clientId, clientSecret: 'hostile-test-secret', tokenLifetimeMs: 1000 },
      faults: [{ on: 'operation', kind: 'status', status: 200, times: 1000, body: operation('running') }],
    })
    const r = await runAction({
      inputs: simInputs(sim, {
        token: '',
        'tenant-id': tenantId,
        'client-id': clientId,
        'client-secret': 'hostile-test-secret',
        'authority-host': sim.loginUrl,
        wait: 'true',
        timeout: '3500ms',
        'fail-on-timeout': 'false',
        'poll-interval': '250ms',
      }),
    })
    assert.equal(r.code, 0, r.stdout)
    assert.ok(sim.issued.length >= 3, `${sim.issued.length} tokens issued`)
    const view = readAsRunner(r.stdout)
    for (const t of sim.issued) assert.ok(view.masks.includes(t), 'a renewed token the runner did not mask')
    assertInert(r, ['hostile-test-secret', ...sim.issued])
  })

  test('an operation id with line breaks, commands or an address in the Location is not followed: the go-live is found in the list', async () => {
    const sim = await simulate({
      hostileLocation:
        '/api/publishers/contoso/offers/contoso-offer/operations/abc%0D%0A::stop-commands::x%0A%23%23[error]y%20jon%40contoso.com',
    })
    const r = await runAction({ inputs: simInputs(sim, { timeout: '5s', 'poll-interval': '200ms' }) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assertInert(r, [sim.scenario.token])
    // The outputs name the operation the list gave, exactly; nothing of the hostile id is read.
    assert.equal(r.outputs['operation-id'], sim.operation!.id)
    assert.ok(r.outputs['operation-location'].endsWith(`/operations/${sim.operation!.id}`))
    assert.equal(sim.goLivesStarted, 1)
    // Every operation read names the listed id (a random GUID, which may itself hold 'abc').
    const reads = sim.requests.filter((q) => q.route === 'operation')
    assert.ok(reads.length > 0, 'the listed go-live was not read')
    assert.ok(
      reads.every((q) => q.path.includes(sim.operation!.id) && !q.path.includes('stop-commands')),
      reads.map((q) => q.path).join(' '),
    )
  })

  test('a redirect whose target holds an address, and Azure AD errors full of commands, are one inert line', async () => {
    const sim = await simulate({
      faults: [
        {
          on: 'golive',
          kind: 'status',
          status: 302,
          headers: { Location: 'https://evil.example/jon@contoso.com/::add-mask::' },
          body: '',
        },
      ],
    })
    const r = await runAction({ inputs: simInputs(sim) })
    assert.equal(r.code, 1)
    assertInert(r, [sim.scenario.token])
    assert.match(
      errors(r.stdout)[0],
      /redirect \(302\) to https:\/\/evil\.example\/\[e-mail redacted\]\/::add-mask::; redirects are not followed/,
    )

    const tenantId = 'f2b6c1d0-0000-4000-8000-00000000aaaa'
    const aad = await simulate({
      aad: { tenantId, clientId: 'c', clientSecret: 's', tokenLifetimeMs: 60_000 },
      faults: [
        {
          on: 'token',
          kind: 'status',
          status: 400,
          body: JSON.stringify({
            error: 'invalid_client',
            error_description: `AADSTS7000215: Invalid client secret for jon@contoso.com ${hostile}`,
          }),
        },
      ],
    })
    const signIn = await runAction({
      inputs: simInputs(aad, {
        token: '',
        'tenant-id': tenantId,
        'client-id': 'c',
        'client-secret': 'wrong-secret-value',
        'authority-host': aad.loginUrl,
      }),
    })
    assert.equal(signIn.code, 1)
    assertInert(signIn, ['wrong-secret-value'])
    assert.match(errors(signIn.stdout)[0], /AADSTS7000215: Invalid client secret for \[e-mail redacted\]/)
  })

  test('a 400 KB message and 3,000 steps: handled at once, the summary under 1 MiB and saying what it left out', async () => {
    const steps = Array.from({ length: 3000 }, (_, i) => ({
      id: `s${i}`,
      stepName: `Step ${i} <b>`,
      status: 'complete',
      messages: [{ messageHtml: `<i>${i}</i> jon@contoso.com`, level: 'information' }],
    }))
    const big = JSON.stringify({
      status: 'succeeded',
      steps,
      messages: [{ messageHtml: `${'a@'.repeat(50_000)}${'<'.repeat(300_000)}`, level: 'error' }],
    })
    assert.ok(big.length < 1024 * 1024, `${big.length} bytes`)
    const sim = await simulate({ faults: [{ on: 'operation', kind: 'status', status: 200, times: 1000, body: big }] })
    const r = await runAction({ inputs: simInputs(sim) })
    assert.equal(r.code, 0, r.stdout.slice(0, 2000))
    assert.ok(r.durationMs < 3000, `${r.durationMs} ms`)
    assert.ok(Buffer.byteLength(r.summary) < 1024 * 1024, `${Buffer.byteLength(r.summary)} bytes`)
    assert.match(r.summary, /^2900 more steps are not shown\.$/m)
    assertInert(r, [sim.scenario.token])
  })
})

describe('the environment', () => {
  test('an IPv6 loopback base-url works', async () => {
    const sim = await simulate({ host: '::1', operation: { reads: 2 } })
    assert.match(sim.url, /^http:\/\/\[::1\]:\d+$/)
    const r = await runAction({ inputs: simInputs(sim, { wait: 'true', 'poll-interval': '20ms' }) })
    assert.equal(r.code, 0, r.stdout)
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('an unwritable GITHUB_OUTPUT or summary: one clear line each, no stack trace, the resume hint kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'golive-ro-'))
    try {
      const sim = await simulate({ operation: { reads: 5 } })
      // A directory cannot be appended to, whoever runs the test (root included).
      const r = await runAction({ inputs: simInputs(sim), env: { GITHUB_OUTPUT: dir, GITHUB_STEP_SUMMARY: dir } })
      assert.equal(r.code, 1, r.stdout)
      const errs = errors(r.stdout)
      assert.equal(errs.length, 1, r.stdout)
      assert.match(
        errs[0],
        /^Could not write the step output 'operation-location' to GITHUB_OUTPUT \(EISDIR: .*\)\. The go-live goes on in the service\. To wait on it later, run this action with wait: true and operation-location: http/,
      )
      assert.match(r.stdout, /^::warning::Could not write the job summary to GITHUB_STEP_SUMMARY \(EISDIR: /m)
      assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /)
      assert.equal(sim.goLivesStarted, 1)
      await chmod(dir, 0o755)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
