/**
 * How a run with an image version ends, through run() in this process on Product Ingestion
 * (src/watch.ts, src/report.ts): a draft change that succeeded says so on the log and heads the
 * summary with the plan and version; one that failed is headed as a failure; the version is
 * confirmed live only after a go-live that succeeded, never in a dry run or after a failure.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from './blob-store.js'
import { FakeClock } from './fake-clock.js'
import { errors, groups, ingestionInputs } from './harness.js'
import { DELETE_PUBLISHED_ERRORS, type IngestionScenario, type IngestionSimulator } from './ingestion-simulator.js'
import { runInProcess } from './in-process.js'
import { pi } from './started.js'

const blobs = await BlobStore.start({ '/vhds/image-1.2.0.vhd': { bytes: 30 * 2 ** 30 } })
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]
const IN_PREVIEW = [{ version: '1.2.0', uri: `${blobs.url}/vhds/image-1.2.0.vhd?sv=2022-11-02&sp=rl&sig=new` }]
const image = { 'plan-id': 'gen2-plan', 'image-version': '1.2.0' }
const run = (sim: IngestionSimulator, more: Record<string, string>) =>
  runInProcess(ingestionInputs(sim, { ...image, 'request-timeout': '5s', ...more }), { clock: new FakeClock() })
const heading = (summary: string) => /^## (.*)$/m.exec(summary)?.[1]
const ready = (more: Partial<IngestionScenario> = {}) =>
  pi({
    offer: 'ready',
    job: { reads: 1 },
    vm: { planId: 'gen2-plan', published: PUBLISHED, previewOnly: IN_PREVIEW },
    ...more,
  })

test('a draft change that succeeded: the log says the plan holds the version, the summary names plan and version', async () => {
  const sim = await pi({ offer: 'already-live', vm: { planId: 'gen2-plan', published: PUBLISHED } })
  const r = await run(sim, { target: 'draft', 'image-source': blobs.sas() })
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  const offer = sim.scenario.offerId
  assert.match(
    r.stdout,
    new RegExp(`^Plan 'gen2-plan' of offer '${offer}' has version 1\\.2\\.0 in its draft\\.$`, 'm'),
  )
  assert.equal(heading(r.summary), `✅ Plan \`gen2-plan\` of offer \`${offer}\` has version \`1.2.0\` in its draft`)
  assert.match(r.summary, /^\| Plan \| `gen2-plan` \|$/m)
  assert.match(r.summary, /^\| Image version \| `1\.2\.0`( \(.+\))? \|$/m)
})

test('a draft change whose job failed is headed as a failure, not as a version in the draft', async () => {
  const sim = await pi({
    offer: 'already-live',
    vm: {
      planId: 'gen2-plan',
      published: PUBLISHED,
      draftJobErrors: DELETE_PUBLISHED_ERRORS('1.1.0', 'x64Gen1', 'virtual-machine-plan-technical-configuration'),
    },
  })
  const r = await run(sim, { target: 'draft', 'image-source': blobs.sas() })
  assert.equal(r.exitCode, 1)
  assert.match(errors(r.stdout)[0], /Cannot delete image '1\.1\.0' of type 'X64Gen1' as it is already published\./)
  assert.match(heading(r.summary) ?? '', /^❌ /)
  assert.doesNotMatch(r.stdout, /in its draft\.$/m)
})

test('a go-live that succeeded with image-version: the version is confirmed live, in its own group', async () => {
  const sim = await ready()
  const r = await run(sim, { target: 'live', wait: 'true' })
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  assert.ok(groups(r.stdout).includes('Confirm version 1.2.0'), groups(r.stdout).join(' | '))
  assert.match(r.summary, /^\| Image version \| `1\.2\.0` \(confirmed live\) \|$/m)
})

test("a go-live that failed with image-version: the failure is the go-live's, and no version is confirmed", async () => {
  const sim = await ready({ job: { reads: 1, outcome: 'failed' } })
  const r = await run(sim, { target: 'live', wait: 'true' })
  assert.equal(r.exitCode, 1)
  assert.match(errors(r.stdout).at(-1) ?? '', /^The go-live failed/)
  assert.ok(!groups(r.stdout).some((g) => g.startsWith('Confirm version')), groups(r.stdout).join(' | '))
  assert.doesNotMatch(r.summary, /confirmed live/)
})

test('a dry run with image-version confirms nothing: it sends nothing and claims nothing of the live', async () => {
  const sim = await ready()
  const r = await run(sim, { target: 'live', 'dry-run': 'true' })
  assert.equal(r.exitCode, 0, errors(r.stdout).join('\n'))
  assert.equal(sim.goLivesStarted, 0)
  assert.ok(!groups(r.stdout).some((g) => g.startsWith('Confirm version')), groups(r.stdout).join(' | '))
  assert.doesNotMatch(r.summary, /confirmed live/)
})
