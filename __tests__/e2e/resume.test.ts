/**
 * Picking a run up later, the bundle against the simulators: the hint a run leaves (in the log and
 * in the summary) names every input the later run needs, and a run given exactly those inputs
 * follows the same operation of the same stage to its end.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { errors, ingestionInputs, runAction, simInputs, type RunResult } from '../harness.js'
import { cpp, pi } from '../started.js'

/** The inputs a hint tells to set: "run this action with a: 1, b: 2 and c: 3, and the same …". */
function hinted(text: string, where: string): Record<string, string> {
  const set = /run this action with (.*?), and the same /.exec(text)?.[1]
  assert.ok(set, `${where} has no resume hint:\n${text}`)
  return Object.fromEntries(
    set
      .replace(/`/g, '')
      .split(/, | and /)
      .map((pair) => {
        const at = pair.indexOf(': ')
        assert.ok(at > 0, `${where}: '${pair}' is not an input`)
        return [pair.slice(0, at), pair.slice(at + 2)]
      }),
  )
}

/** The hints of a run that left its operation running: the log's and the summary's, each as inputs. */
function hints(r: RunResult): { log: Record<string, string>; summary: Record<string, string> } {
  const line = r.stdout.split('\n').find((l) => l.includes('To wait on it later'))
  const summary = r.summary.split('\n').find((l) => l.startsWith('To wait on it later'))
  return { log: hinted(line ?? '', 'the log'), summary: hinted(summary ?? '', 'the summary') }
}

const ok = (r: RunResult, what: string) => assert.equal(r.code, 0, `${what}: ${errors(r.stdout).join(' | ')}`)

describe('the resume hint of a preview publish left running', () => {
  test('Product Ingestion: the hint in the log and the summary, run as given, follows the preview to ready', async () => {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 4 }, job: { reads: 4 } })
    const base = (more: Record<string, string>) => ingestionInputs(sim, more)
    const first = await runAction({ inputs: base({ target: 'preview', wait: 'false' }), timeoutMs: 30_000 })
    ok(first, 'the publish')
    assert.match(first.outputs.status, /^(notStarted|running)$/)
    const { log, summary } = hints(first)
    assert.deepEqual(summary, log, 'the summary tells the same inputs as the log')
    assert.equal(log.target, 'preview')
    assert.equal(log['operation-location'], first.outputs['operation-location'])

    const later = await runAction({ inputs: base(log), timeoutMs: 30_000 })
    ok(later, 'the follow-up')
    assert.equal(later.outputs.status, 'succeeded')
    assert.match(later.stdout, /Offer 'contoso-saas' is ready to go live/)
    assert.equal(sim.previewsStarted, 1)
    assert.equal(sim.goLivesStarted, 0)
  })

  test('Cloud Partner Portal: the same, with publisher-id named among the inputs to repeat', async () => {
    const sim = await cpp({ publish: { reads: 4 } })
    const base = (more: Record<string, string>) => simInputs(sim, { 'poll-interval': '20ms', ...more })
    const first = await runAction({ inputs: base({ target: 'preview', wait: 'false' }), timeoutMs: 30_000 })
    ok(first, 'the publish')
    assert.match(first.outputs.status, /^(notStarted|running)$/)
    const { log, summary } = hints(first)
    assert.deepEqual(summary, log)
    assert.equal(log.target, 'preview')
    assert.match(first.summary, /the same `offer-id`, `publisher-id` and sign-in inputs/)

    const later = await runAction({ inputs: base(log), timeoutMs: 30_000 })
    ok(later, 'the follow-up')
    assert.equal(later.outputs.status, 'succeeded')
    assert.match(later.stdout, /Offer 'contoso-offer' is ready to go live/)
    assert.equal(sim.goLivesStarted, 0)
  })
})
