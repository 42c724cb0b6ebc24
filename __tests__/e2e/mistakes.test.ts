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
