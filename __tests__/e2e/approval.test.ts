/**
 * The approval between preview and live, the bundle against the simulators: a preview run's
 * outputs tell "ready to approve" from "live already", and name the preview; a go-live given that
 * preview-id puts exactly that preview live, and is refused when a newer one was published since.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { errors, ingestionInputs, runAction, simInputs, type RunResult } from '../harness.js'
import { cpp, pi } from '../started.js'

const ok = (r: RunResult, what: string) => assert.equal(r.code, 0, `${what}: ${errors(r.stdout).join(' | ')}`)

describe('Product Ingestion: ready, live-already and preview-id', () => {
  test('a ready preview is "ready", its go-live with that preview-id runs, and afterwards it is "live-already"', async () => {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 2 }, job: { reads: 2 } })
    const preview = await runAction({ inputs: ingestionInputs(sim, { target: 'preview', wait: 'true' }) })
    ok(preview, 'preview')
    assert.equal(preview.outputs.status, 'succeeded')
    assert.equal(preview.outputs.ready, 'true')
    assert.equal(preview.outputs['live-already'], 'false')
    assert.equal(preview.outputs['preview-id'], sim.preview!.n)

    const live = await runAction({
      inputs: ingestionInputs(sim, { wait: 'true', 'preview-id': preview.outputs['preview-id'] }),
    })
    ok(live, 'go-live of the reviewed preview')
    assert.equal(live.outputs.status, 'succeeded')
    assert.equal(sim.goLivesStarted, 1)

    // The same status, succeeded, but nothing to approve any more.
    const again = await runAction({ inputs: ingestionInputs(sim, { target: 'preview', start: 'false' }) })
    ok(again, 'preview read again')
    assert.equal(again.outputs.status, 'succeeded')
    assert.equal(again.outputs.ready, 'false')
    assert.equal(again.outputs['live-already'], 'true')
  })

  test('a newer preview published after the review: the go-live of the reviewed one is refused, nothing sent', async () => {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 1 } })
    const reviewed = await runAction({ inputs: ingestionInputs(sim, { target: 'preview', wait: 'true' }) })
    ok(reviewed, 'the reviewed preview')
    sim.draftVersion++
    const newer = await runAction({ inputs: ingestionInputs(sim, { target: 'preview', wait: 'true' }) })
    ok(newer, 'a newer preview')
    assert.notEqual(newer.outputs['preview-id'], reviewed.outputs['preview-id'])

    const live = await runAction({ inputs: ingestionInputs(sim, { 'preview-id': reviewed.outputs['preview-id'] }) })
    assert.equal(live.code, 1)
    const [line] = errors(live.stdout)
    assert.match(
      line,
      new RegExp(
        `preview-id ${reviewed.outputs['preview-id']}: the newest preview .* is ${newer.outputs['preview-id']}`,
      ),
    )
    assert.equal(sim.goLivesStarted, 0)
  })

  test('preview-id is taken with target: live only', async () => {
    const sim = await pi({ offer: 'ready' })
    const r = await runAction({
      inputs: ingestionInputs(sim, { target: 'preview', 'preview-id': '1152921505697418916' }),
    })
    assert.equal(r.code, 1)
    assert.match(errors(r.stdout)[0], /^Input 'preview-id' is taken with target: live/)
    assert.equal(sim.apiRequests.length, 0)
  })
})

describe('Cloud Partner Portal: ready, live-already and preview-id', () => {
  test('a preview at sign-off is "ready" with its publish as preview-id; the go-live of it runs, another id is refused', async () => {
    const sim = await cpp({ awaitingSignoff: true })
    const preview = await runAction({ inputs: simInputs(sim, { target: 'preview', start: 'false' }) })
    ok(preview, 'preview')
    assert.equal(preview.outputs.status, 'succeeded')
    assert.equal(preview.outputs.ready, 'true')
    assert.equal(preview.outputs['live-already'], 'false')
    assert.equal(preview.outputs['preview-id'], preview.outputs['operation-id'])

    const wrong = await runAction({ inputs: simInputs(sim, { 'preview-id': 'another-publish' }) })
    assert.equal(wrong.code, 1)
    assert.match(errors(wrong.stdout)[0], /^Cannot go live with preview-id another-publish: the newest preview/)
    assert.equal(sim.goLivesStarted, 0)

    const live = await runAction({ inputs: simInputs(sim, { 'preview-id': preview.outputs['preview-id'] }) })
    ok(live, 'go-live of the reviewed preview')
    assert.equal(sim.goLivesStarted, 1)
  })
})
