/**
 * The mistakes a newcomer makes with the inputs, the bundle against the simulators: each is told
 * in one line that names the input to change, and none of them writes to the service.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { errors, ingestionInputs, runAction, simInputs } from '../harness.js'
import { cpp, pi } from '../started.js'

describe('publisher-id on an offer the Cloud Partner Portal does not know', () => {
  test('the 404 says that publisher-id chose that API, and how to use the other', async () => {
    const sim = await cpp()
    const r = await runAction({ inputs: simInputs(sim, { 'offer-id': 'contoso-saas' }) })
    assert.equal(r.code, 1)
    const [line] = errors(r.stdout)
    assert.match(line, /HTTP 404 .*offer 'contoso-saas' does not exist/)
    assert.match(line, /Cloud Partner Portal API because publisher-id is given/)
    assert.match(line, /leave publisher-id out \(or set api: product-ingestion\)/)
    assert.equal(sim.goLivesStarted, 0)
  })

  test('with api: cloud-partner-portal set, the 404 does not blame publisher-id for the choice', async () => {
    const sim = await cpp()
    const r = await runAction({
      inputs: simInputs(sim, { 'offer-id': 'contoso-saas', api: 'cloud-partner-portal' }),
    })
    assert.equal(r.code, 1)
    const [line] = errors(r.stdout)
    assert.match(line, /HTTP 404 .*check publisher-id and offer-id\.$/)
  })
})

/** The run page's notices, as the runner shows them (the text after `::notice::`). */
const notices = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('::notice'))
    .map((l) => l.slice(l.indexOf('::', 2) + 2))

describe('a forgotten target: preview', () => {
  test('Product Ingestion: a go-live while the draft holds changes its preview lacks says so, naming target: preview', async () => {
    const sim = await pi({ offer: 'ready', draftChanged: true })
    const r = await runAction({ inputs: ingestionInputs(sim) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    const said = notices(r.stdout).filter((n) => /holds changes that its newest preview/.test(n))
    assert.equal(said.length, 1, r.stdout)
    assert.match(said[0], /publish the draft first with target: preview, then go live/)
    // The go-live itself is what was asked for: the preview goes live.
    assert.equal(sim.goLivesStarted, 1)
  })

  test('Product Ingestion: with the draft the same as the preview, no such notice', async () => {
    const sim = await pi({ offer: 'ready', draftChanged: false })
    const r = await runAction({ inputs: ingestionInputs(sim) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.doesNotMatch(r.stdout, /holds changes that its newest preview/)
    assert.equal(sim.goLivesStarted, 1)
  })

  test('Product Ingestion: a dry run tells the same notice', async () => {
    const sim = await pi({ offer: 'ready', draftChanged: true })
    const r = await runAction({ inputs: ingestionInputs(sim, { 'dry-run': 'true' }) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(notices(r.stdout).filter((n) => /holds changes that its newest preview/.test(n)).length, 1)
    assert.equal(sim.goLivesStarted, 0)
  })

  test('Product Ingestion: an offer with no preview is refused, naming target: preview', async () => {
    const sim = await pi({ offer: 'no-preview' })
    const r = await runAction({ inputs: ingestionInputs(sim) })
    assert.equal(r.code, 1)
    assert.match(errors(r.stdout)[0], /has no preview submission\. Publish it to preview first \(target: preview\)/)
    assert.equal(sim.goLivesStarted, 0)
  })
})

describe('Cloud Partner Portal: a go-live asked too early or again', () => {
  test('while the preview still certifies: wait until it is ready to go live, not "until it ends"', async () => {
    const sim = await cpp({ running: 'publish' })
    const r = await runAction({ inputs: simInputs(sim) })
    assert.equal(r.code, 1)
    const [line] = errors(r.stdout)
    assert.match(line, /Wait until it is ready to go live/)
    assert.doesNotMatch(line, /Wait for it to end/)
    assert.equal(sim.goLivesStarted, 0)
  })

  test('a re-run after a go-live, with a preview published since: the log says a new go-live starts', async () => {
    const sim = await cpp({ ended: ['succeeded'], publishedBefore: true, awaitingSignoff: true })
    const r = await runAction({ inputs: simInputs(sim) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(notices(r.stdout).filter((n) => /went live before .*starts a new go-live/.test(n)).length, 1)
  })

  test('a first go-live says nothing of a new one', async () => {
    const sim = await cpp({ awaitingSignoff: true })
    const r = await runAction({ inputs: simInputs(sim) })
    assert.equal(r.code, 0, errors(r.stdout).join(' | '))
    assert.doesNotMatch(r.stdout, /went live before/)
  })
})

describe("another stage's operation-location", () => {
  const refusedAsOtherStage = (
    r: { code: number | null; stdout: string; outputs: Record<string, string> },
    its: string,
  ) => {
    assert.equal(r.code, 1)
    const [line] = errors(r.stdout)
    assert.match(line, new RegExp(`^Input 'operation-location' is a ${its} of offer .*: set target: `), line)
    assert.equal(r.outputs.status, undefined, 'no status of the other stage is reported as this one')
  }

  test('Product Ingestion: a preview job given to target: live is refused, running or ended', async () => {
    const sim = await pi({ offer: 'no-preview', preview: { reads: 3 } })
    const preview = await runAction({ inputs: ingestionInputs(sim, { target: 'preview', wait: 'false' }) })
    assert.equal(preview.code, 0, errors(preview.stdout).join(' | '))
    const location = preview.outputs['operation-location']
    assert.match(location, /\/configure\/[0-9a-f-]{36}\/status$/)
    const running = await runAction({ inputs: ingestionInputs(sim, { 'operation-location': location }) })
    refusedAsOtherStage(running, 'preview publish')
    assert.match(errors(running.stdout)[0], /set target: preview to follow it/)
    // Followed as a preview, it ends ready; given to a go-live run then, it is refused all the same.
    const ready = await runAction({
      inputs: ingestionInputs(sim, { target: 'preview', wait: 'true', 'operation-location': location }),
    })
    assert.equal(ready.outputs.status, 'succeeded', ready.stdout)
    const ended = await runAction({ inputs: ingestionInputs(sim, { 'operation-location': location, wait: 'true' }) })
    refusedAsOtherStage(ended, 'preview publish')
    assert.doesNotMatch(ended.stdout, /is live/)
    assert.equal(sim.goLivesStarted, 0)
  })

  test('Product Ingestion: a go-live job given to target: preview is refused', async () => {
    const sim = await pi({ offer: 'ready', job: { reads: 3 } })
    const live = await runAction({ inputs: ingestionInputs(sim, { wait: 'false' }) })
    assert.equal(live.code, 0, errors(live.stdout).join(' | '))
    const r = await runAction({
      inputs: ingestionInputs(sim, { target: 'preview', 'operation-location': live.outputs['operation-location'] }),
    })
    refusedAsOtherStage(r, 'go-live')
    assert.match(errors(r.stdout)[0], /this run has target: preview: set target: live to follow it/)
  })

  test('Cloud Partner Portal: a preview publish given to a go-live run, and a go-live to a preview run', async () => {
    const sim = await cpp({ awaitingSignoff: true })
    const found = await runAction({ inputs: simInputs(sim, { target: 'preview', start: 'false' }) })
    assert.equal(found.code, 0, errors(found.stdout).join(' | '))
    const r = await runAction({ inputs: simInputs(sim, { 'operation-location': found.outputs['operation-location'] }) })
    refusedAsOtherStage(r, 'preview publish')
    assert.match(errors(r.stdout)[0], /target: live \(the default\): set target: preview to follow it/)

    const live = await cpp({ running: 'goLive' })
    const goLive = await runAction({ inputs: simInputs(live, { start: 'false' }) })
    const p = await runAction({
      inputs: simInputs(live, { target: 'preview', 'operation-location': goLive.outputs['operation-location'] }),
    })
    refusedAsOtherStage(p, 'go-live')
  })

  test('a cancel of another stage is refused before anything is sent', async () => {
    const sim = await cpp({ awaitingSignoff: true, cancel: { reads: 1 } })
    const found = await runAction({ inputs: simInputs(sim, { target: 'preview', start: 'false' }) })
    const r = await runAction({
      inputs: simInputs(sim, { cancel: 'true', 'operation-location': found.outputs['operation-location'] }),
    })
    refusedAsOtherStage(r, 'preview publish')
    assert.equal(sim.requests.filter((q) => q.route === 'cancel').length, 0)
  })
})
