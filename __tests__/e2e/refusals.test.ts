/**
 * Refusals as the bundle tells them (`node dist/index.js` against the simulators): an input a
 * stage cannot take is refused before any request, and a job the service refused is quoted in the
 * service's own words, the action's hint apart from the quote.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { BlobStore } from '../blob-store.js'
import { errors, ingestionInputs, runAction, simInputs } from '../harness.js'
import { goLiveRequest } from '../ingestion-simulator.js'
import { cpp, pi } from '../started.js'

const blobs = await BlobStore.start()
after(() => blobs.close())

test('a CPP draft change given an operation-location is refused before any request: it is one PUT, with nothing to follow', async () => {
  const sim = await cpp({ vm: { planId: 'contoso-vm', published: [] } })
  const r = await runAction({
    inputs: simInputs(sim, {
      target: 'draft',
      'plan-id': 'contoso-vm',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
      'operation-location': `${sim.url}/api/publishers/contoso/offers/contoso-offer/operations/6d9a5d83-0c2a-4b58-9f2b-6b2d4f7e1a01`,
    }),
  })
  assert.equal(r.code, 1)
  assert.deepEqual(errors(r.stdout), [
    "Input 'operation-location' is given with target: draft on api: cloud-partner-portal: a draft change there is one request, done when the step ends, with nothing to follow later; leave it out.",
  ])
  assert.equal(sim.apiRequests.length, 0)
})

test("a job refused because another publish holds the offer quotes the service's words alone", async () => {
  const sim = await pi({ offer: 'preview-running', job: { reads: 1 } })
  const older = sim.submissions.find((s) => s.target === 'live')!
  const jobId = await goLiveRequest(sim, older.n)
  const r = await runAction({
    inputs: ingestionInputs(sim, { 'operation-location': `${sim.url}/configure/${jobId}/status`, timeout: '2s' }),
  })
  assert.equal(r.code, 1)
  const [line] = errors(r.stdout)
  const quoted = /The service said: (.*)$/.exec(line)?.[1]
  assert.equal(quoted, `"internalServerError: An In Progress submission ${sim.preview!.n} already exists."`, line)
})
