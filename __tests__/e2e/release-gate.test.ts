/**
 * The README's release workflows, run as pasted against the simulators, job by job as GitHub runs
 * them: `needs:`, a job's and a step's `if:`, job outputs, an environment with required reviewers
 * (the test plays the reviewer and counts each approval asked), `gh workflow enable/disable` (the
 * test keeps which workflows are switched on), and an hourly schedule (the test ticks it). Every
 * step that uses the action is the bundle, signed in with GitHub OIDC as its job's environment;
 * its `with:` is kept as written, with only `base-url` and `authority-host` (the simulator) and
 * `poll-interval: 20ms` (so that an hour of polling takes milliseconds) added. Against the Cloud
 * Partner Portal the same steps run with `publisher-id` added, as the README says.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'yaml'
import { errors, ROOT, runAction, type RunResult } from '../harness.js'
import type { IngestionScenario } from '../ingestion-simulator.js'
import type { Scenario } from '../simulator.js'
import { cpp, pi } from '../started.js'

const TENANT = 'f2b6c1d0-0000-4000-8000-00000000aaaa'
const CLIENT = 'c1d2e3f4-0000-4000-8000-00000000bbbb'
const REPO = 'repo:contoso/release'
/** The environment whose required reviewers approve the go-live (README, "The whole release"). */
const REVIEWED = 'marketplace-live'
const ACTION = 'cpp-go-live-action/cpp-go-live-action@v1'

interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  with?: Record<string, string | number | boolean>
  run?: string
}
interface Job {
  needs?: string | string[]
  if?: string
  environment?: string
  outputs?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  name: string
  file?: string
  jobs: Record<string, Job>
}

async function readmeWorkflows(): Promise<Workflow[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(([, text]) => ({ text, doc: parse(text) as Partial<Workflow> | null }))
    .filter(({ doc }) => doc?.jobs !== undefined)
    .map(({ text, doc }) => ({ ...(doc as Workflow), file: /^# (\S+\.yml):/.exec(text)?.[1] }))
}

/** What one workflow run sees of the world, and what the test keeps between runs. */
interface World {
  api: 'product-ingestion' | 'cloud-partner-portal'
  sim: { url: string; loginUrl: string }
  /** Workflows switched on (`gh workflow enable`). */
  enabled: Set<string>
  /** Jobs that waited for a reviewer, by workflow and job. */
  approvals: string[]
  /** Every run of the action, in order, with its inputs. */
  runs: { job: string; inputs: Record<string, string>; result: RunResult }[]
}

type Context = Record<string, unknown>

/** The expressions the README uses, evaluated as GitHub does; any other form fails the test. */
function evaluate(expression: string, ctx: Context): unknown {
  const expr = expression.trim()
  if (expr.includes('&&')) return expr.split('&&').every((part) => Boolean(evaluate(part, ctx)))
  if (expr === 'always()') return true
  let m = /^contains\(fromJSON\('(.*)'\), (.+)\)$/.exec(expr)
  if (m) return (JSON.parse(m[1]) as unknown[]).includes(evaluate(m[2], ctx))
  m = /^(.+?) (==|!=) '(.*)'$/.exec(expr)
  if (m) return (evaluate(m[1], ctx) === m[3]) === (m[2] === '==')
  m = /^(.+?) \|\| (false|true)$/.exec(expr)
  if (m) return evaluate(m[1], ctx) || m[2]
  assert.match(expr, /^[a-z][\w.-]*$/i, `an expression this test does not know: ${expr}`)
  return expr.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], ctx)
}

const substitute = (value: string, ctx: Context): string =>
  value.replace(/\$\{\{ (.*?) \}\}/g, (_, e: string) => String(evaluate(e, ctx) ?? ''))

/** One run of a workflow: its jobs in order, each after the jobs it needs. */
async function runWorkflow(workflow: Workflow, world: World): Promise<Record<string, string>> {
  const results: Record<string, { result: string; outputs: Record<string, string> }> = {}
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const needs = [job.needs ?? []].flat()
    for (const need of needs) assert.ok(results[need], `${workflow.name}/${name} needs ${need}, which runs later`)
    const needsCtx = Object.fromEntries(needs.map((n) => [n, results[n]]))
    const base: Context = {
      secrets: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT },
      github: { token: 'github-token' },
      inputs: {},
      needs: needsCtx,
    }
    const allNeedsOk = needs.every((n) => results[n].result === 'success')
    if (!(job.if ? Boolean(evaluate(job.if, { ...base, always: true })) && allNeedsOk : allNeedsOk)) {
      results[name] = { result: 'skipped', outputs: {} }
      continue
    }
    if (job.environment === REVIEWED) world.approvals.push(`${workflow.file ?? workflow.name}/${name}`)
    const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {}
    let failed = false
    for (const step of job.steps) {
      const ctx = { ...base, steps }
      const wanted = step.if
        ? Boolean(evaluate(step.if, ctx)) && (failed ? step.if.includes('always()') : true)
        : !failed
      if (!wanted) continue
      if (step.uses) {
        assert.equal(step.uses, ACTION)
        const inputs = Object.fromEntries(
          Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]),
        )
        if (world.api === 'cloud-partner-portal') inputs['publisher-id'] = 'contoso'
        const result = await runAction({
          inputs: {
            ...inputs,
            'base-url': world.sim.url,
            'authority-host': world.sim.loginUrl,
            'poll-interval': '20ms',
          },
          env: {
            ACTIONS_ID_TOKEN_REQUEST_URL: `${world.sim.loginUrl}/idtoken?api-version=2.0`,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: `github-request-token:${job.environment}`,
          },
          timeoutMs: 30_000,
        })
        world.runs.push({ job: `${workflow.file ?? workflow.name}/${name}`, inputs, result })
        if (step.id) steps[step.id] = { outputs: result.outputs, outcome: result.code === 0 ? 'success' : 'failure' }
        if (result.code !== 0) failed = true
      } else if (step.run) {
        const m = /^gh workflow (enable|disable) (\S+) --repo "\$GITHUB_REPOSITORY"$/.exec(step.run.trim())
        assert.ok(m, `a run: step this test does not know: ${step.run}`)
        if (m[1] === 'enable') world.enabled.add(m[2])
        else world.enabled.delete(m[2])
      }
    }
    const outputs = Object.fromEntries(
      Object.entries(job.outputs ?? {}).map(([k, v]) => [k, substitute(v, { ...base, steps })]),
    )
    results[name] = { result: failed ? 'failure' : 'success', outputs }
  }
  return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.result]))
}

/** The identity the README's set-up registers: one federated credential per environment. */
const signIn = {
  aad: {
    tenantId: TENANT,
    clientId: CLIENT,
    tokenLifetimeMs: 3_600_000,
    federatedSubject: [`${REPO}:environment:marketplace`, `${REPO}:environment:${REVIEWED}`],
  },
}

/** GitHub issues each job's ID token for its environment: the job's request token says which. */
async function world(api: World['api'], scenario: Partial<IngestionScenario> & Partial<Scenario>): Promise<World> {
  const github = {
    requestToken: 'github-request-token:none',
    subject: `${REPO}:ref:refs/tags/v1.2.3`,
    jobs: Object.fromEntries(
      ['marketplace', REVIEWED].map((env) => [`github-request-token:${env}`, `${REPO}:environment:${env}`]),
    ),
  }
  const sim =
    api === 'product-ingestion'
      ? await pi({ ...signIn, github, ...scenario })
      : await cpp({ ...signIn, github, offerId: 'contoso-saas', ...scenario })
  return { api, sim, enabled: new Set(), approvals: [], runs: [] }
}

const summary = (w: World) =>
  w.runs
    .map(
      (r) =>
        `${r.job}: exit ${r.result.code}, status ${r.result.outputs.status} ${errors(r.result.stdout).join(' | ')}`,
    )
    .join('\n')

describe('the README release workflows, as pasted', async () => {
  const workflows = await readmeWorkflows()
  const oneWorkflow = workflows.find((w) => !w.file && w.jobs.preview && w.jobs['go-live']?.needs === 'preview')
  const byFile = (file: string) => workflows.find((w) => w.file === file)

  test('the README has both forms of the gate', () => {
    assert.ok(oneWorkflow, 'the one-workflow gate')
    for (const file of ['release-preview.yml', 'preview-status.yml', 'golive-status.yml']) assert.ok(byFile(file), file)
  })

  for (const api of ['product-ingestion', 'cloud-partner-portal'] as const) {
    test(`${api}: tag pushed, preview ready, one approval, live`, async () => {
      const w = await world(api, {
        offer: 'no-preview',
        preview: { durationMs: 50 },
        job: { durationMs: 50 },
        publish: { durationMs: 50 },
        operation: { durationMs: 50 },
      })
      const jobs = await runWorkflow(oneWorkflow!, w)
      assert.deepEqual(jobs, { preview: 'success', 'go-live': 'success' }, summary(w))
      assert.deepEqual(w.approvals, ['Release with approval/go-live'])
      assert.deepEqual(
        w.runs.map((r) => [r.inputs.target, r.result.outputs.status]),
        [
          ['preview', 'succeeded'],
          ['live', 'succeeded'],
        ],
      )
      assert.match(w.runs[0].result.summary, /is ready to go live/)
      assert.match(w.runs[1].result.summary, /^## ✅ Offer `contoso-[a-z]+` is live$/m)
    })

    test(`${api}: a preview that fails certification fails the preview job; nobody is asked to approve`, async () => {
      const w = await world(api, {
        offer: 'no-preview',
        preview: { durationMs: 50, outcome: 'failed' },
        publish: { durationMs: 50, outcome: 'failed', failure: 'failed' },
      })
      const jobs = await runWorkflow(oneWorkflow!, w)
      assert.deepEqual(jobs, { preview: 'failure', 'go-live': 'skipped' }, summary(w))
      assert.deepEqual(w.approvals, [])
    })

    test(`${api}: over days: hourly runs follow the preview, one approval, then the go-live follow-up`, async () => {
      const w = await world(api, {
        offer: 'no-preview',
        preview: { reads: 6 },
        job: { reads: 4 },
        publish: { reads: 4 },
        operation: { reads: 3 },
      })
      assert.deepEqual(await runWorkflow(byFile('release-preview.yml')!, w), { preview: 'success' }, summary(w))
      assert.equal(w.runs[0].result.outputs.status !== 'succeeded', true, 'the publish is not ready at once')
      const hourly: string[] = []
      for (let hour = 1; hour <= 24 && w.enabled.size > 0; hour++) {
        for (const file of ['preview-status.yml', 'golive-status.yml']) {
          if (!w.enabled.has(file)) continue
          const jobs = await runWorkflow(byFile(file)!, w)
          hourly.push(`${hour} ${file} ${JSON.stringify(jobs)} ${w.runs.at(-1)!.result.outputs.status}`)
        }
      }
      const all = `${hourly.join('\n')}\n${summary(w)}`
      assert.equal(w.enabled.size, 0, all)
      assert.deepEqual(w.approvals, ['preview-status.yml/go-live'], all)
      assert.ok(
        hourly.some((h) => /^\d+ preview-status\.yml .* running$/.test(h)),
        all,
      )
      const last = w.runs.at(-1)!
      assert.equal(last.job, 'golive-status.yml/status')
      assert.equal(last.result.outputs.status, 'succeeded', all)
      assert.ok(
        w.runs.every((r) => r.result.code === 0),
        all,
      )
      const posts = w.runs.filter((r) => /Started the (preview publish|go-live)/.test(r.result.stdout))
      assert.deepEqual(
        posts.map((r) => r.inputs.target),
        ['preview', 'live'],
        all,
      )
    })
  }
})
