/**
 * The draft stage on the Cloud Partner Portal, the bundle against the simulator (draft-api.md §3):
 * the whole offer PUT back with one version more and If-Match (the ETag read, else `*`), a 412
 * read again and applied once more, read-only keys left out; then preview and live with the
 * version checked and confirmed in the Production slot.
 */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { BlobStore } from '../blob-store.js'
import { errors, secretKept, runAction, simInputs, type RunResult } from '../harness.js'
import type { CppVmScenario, Simulator } from '../simulator.js'
import { cpp } from '../started.js'

const blobs = await BlobStore.start()
after(() => blobs.close())

const PUBLISHED = [{ version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` }]
const vm = (more: Partial<CppVmScenario> = {}): CppVmScenario => ({
  planId: 'contoso-vm',
  published: PUBLISHED,
  ...more,
})
const run = (sim: Simulator, more: Record<string, string> = {}) =>
  runAction({
    inputs: simInputs(sim, {
      target: 'draft',
      'plan-id': 'contoso-vm',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
      'poll-interval': '20ms',
      ...more,
    }),
    timeoutMs: 30_000,
  })
const ok = (r: RunResult, what: string) => assert.equal(r.code, 0, `${what}: ${errors(r.stdout).join(' | ')}`)
const puts = (sim: Simulator) => sim.requests.filter((r) => r.route === 'put-offer')
const plan = (doc: Record<string, unknown> | undefined, id = 'contoso-vm') =>
  ((doc?.definition as { plans: Record<string, unknown>[] }).plans ?? []).find((p) => p.planId === id)!

describe('Cloud Partner Portal, target: draft', () => {
  test('PUTs the whole offer back with the version added, If-Match the ETag it read', async () => {
    const sim = await cpp({ vm: vm() })
    const before = structuredClone(sim.draft!)
    const r = await run(sim)
    ok(r, 'draft')
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(puts(sim).length, 1)
    assert.match(String(puts(sim)[0].headers['if-match']), /^W\/"datetime'/)
    assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
    const images = plan(sim.draft)['microsoft-azure-virtualmachines.vmImages'] as Record<string, unknown>
    assert.deepEqual(images['1.2.0'], { osVhdUrl: blobs.sas(), lunVhdDetails: [] })
    // Everything else comes back as it was read.
    const other = (doc: Record<string, unknown>) => ({
      ...doc,
      definition: { ...(doc.definition as object), plans: [] },
    })
    assert.deepEqual(other(sim.draft!), other(before))
    assert.deepEqual(plan(sim.draft, 'other-plan'), plan(before, 'other-plan'))
    assert.match(r.summary, /^## ✅ Plan `contoso-vm` of offer `contoso-offer` has version `1\.2\.0` in its draft$/m)
    secretKept(r, blobs.sas())
  })

  test('no ETag on the GET: If-Match: *; a core VM offer gets the version in the plan and its disk generation, read-only keys left out', async () => {
    const sim = await cpp({ vm: vm({ core: true, noEtag: true }) })
    const r = await run(sim)
    ok(r, 'core')
    assert.equal(puts(sim)[0].headers['if-match'], '*')
    assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
    assert.deepEqual(sim.versionsOf('draft', 'contoso-vm-gen2'), ['1.1.0', '1.2.0'])
    assert.equal('microsoft-azure-corevm.legacyOfferId' in plan(sim.draft), false)
  })

  test('a 412 (the draft changed meanwhile) reads it again and applies the version once more, keeping the other change', async () => {
    const sim = await cpp({ vm: vm({ editedBeforePut: true }) })
    const r = await run(sim)
    ok(r, '412')
    assert.deepEqual(
      sim.puts.map((p) => p.status),
      [412, 200],
    )
    assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
    const offer = (sim.draft!.definition as { offer: Record<string, unknown> }).offer
    assert.equal(offer['microsoft-azure-marketplace.summary'], 'Edited by a person meanwhile')
  })

  test('a PUT answered 500 "Retry is OK" (recorded, pub#28) is sent again after the draft was read and found without it', async () => {
    // draft-api.md §7 R7, abridged.
    const R7 = JSON.stringify({
      Variant: {
        serviceName: 'Variant',
        error:
          'snapshot() resulted in an internal conflict! Retry is OK.\r\n[\r\n  "azure-sku [variantId: edccc6b4-0e81-4af3-9d08-ada64584105d, configuration.externalId: k8s-1dot17dot11-ubuntu-1804] -- mismatch(1)"]',
      },
    })
    const sim = await cpp({ vm: vm(), faults: [{ on: 'put-offer', kind: 'status', status: 500, body: R7 }] })
    const r = await run(sim)
    ok(r, '500')
    assert.equal(puts(sim).length, 2)
    assert.deepEqual(sim.versionsOf('draft'), ['1.1.0', '1.2.0'])
    assert.match(r.stdout, /The draft change may have reached the service \(HTTP 500/)
  })

  test('refused before any write: a published number with another image, a running publish, a gallery source, a plan that is not there', async () => {
    const published = await cpp({ vm: vm() })
    const a = await run(published, { 'image-version': '1.1.0' })
    assert.equal(a.code, 1)
    assert.match(errors(a.stdout)[0], /it is published \(live\) in plan 'contoso-vm' with another image/)
    assert.equal(puts(published).length, 0)

    const busy = await cpp({ vm: vm(), running: 'publish' })
    const b = await run(busy)
    assert.equal(b.code, 1)
    assert.match(
      errors(b.stdout)[0],
      /Cannot change the draft of offer 'contoso-offer': an operation \(.*\) is in progress/,
    )
    assert.equal(puts(busy).length, 0)

    const noGallery = await cpp({ vm: vm() })
    const c = await run(noGallery, {
      'image-source':
        '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/g/providers/Microsoft.Compute/galleries/c/images/i/versions/1.0.0',
    })
    assert.equal(c.code, 1)
    assert.match(errors(c.stdout)[0], /is a gallery image, which api: cloud-partner-portal does not take/)
    assert.equal(noGallery.apiRequests.length, 0)

    const noPlan = await cpp({ vm: vm() })
    const d = await run(noPlan, { 'plan-id': 'contoso-vm2' })
    assert.equal(d.code, 1)
    assert.match(
      errors(d.stdout)[0],
      /Offer 'contoso-offer' has no plan 'contoso-vm2'; its plans are 'other-plan', 'contoso-vm'/,
    )
  })

  test('the VHD is checked before the PUT: a blob that is not there, or a SAS that does not open it, writes nothing', async () => {
    for (const [source, words] of [
      [blobs.sas('/vhds/missing.vhd'), /does not exist \(HTTP 404\)/],
      [blobs.sas(undefined, { sig: 'wrong' }), /cannot be read with its SAS \(HTTP 403\)/],
    ] as const) {
      const sim = await cpp({ vm: vm() })
      const r = await run(sim, { 'image-source': source })
      assert.equal(r.code, 1, String(words))
      assert.equal(puts(sim).length, 0)
      assert.match(errors(r.stdout)[0], words)
    }
  })

  test('a go-live whose Production slot does not list the version fails, saying what is live instead', async () => {
    const sim = await cpp({ vm: vm(), publish: { reads: 1 }, operation: { reads: 1 } })
    const preview = await run(sim, { target: 'preview', wait: 'true' })
    ok(preview, 'preview')
    // The Production slot goes on showing what was live before (a stale read).
    sim.slotDoc = (slot) => (slot === 'Production' ? structuredClone(sim.draftBefore) : sim.draft)
    const live = await run(sim, { target: 'live', 'image-source': '', wait: 'true' })
    assert.equal(live.code, 1)
    assert.match(
      errors(live.stdout)[0],
      /^The go-live ended, but the live configuration of plan 'contoso-vm' does not list version 1\.2\.0: live has 1\.1\.0\./,
    )
  })

  test('a dry run prints the PUT with its If-Match, the SAS redacted, and sends nothing', async () => {
    const sim = await cpp({ vm: vm() })
    const r = await run(sim, { 'dry-run': 'true' })
    ok(r, 'dry run')
    assert.equal(puts(sim).length, 0)
    const line = r.stdout.split('\n').find((l) => l.startsWith('Dry run: it would send PUT'))!
    assert.match(
      line,
      /^Dry run: it would send PUT \/api\/publishers\/contoso\/offers\/contoso-offer\?api-version=2017-10-31 \(If-Match: W\/"datetime'/,
    )
    assert.match(line, /image-1\.2\.0\.vhd\?<SAS>/)
    // The published versions' SAS are secrets too: redacted in the printed offer.
    assert.match(line, /image-1\.1\.0\.vhd\?<SAS>/)
    assert.equal(r.stdout.includes('sig=old'), false)
    assert.match(
      r.stdout,
      /The entry for version 1\.2\.0: \{"osVhdUrl":"http:\/\/127\.0\.0\.1:\d+\/vhds\/image-1\.2\.0\.vhd\?<SAS>","lunVhdDetails":\[\]\}/,
    )
  })

  test('the same rules as on Product Ingestion: the same blob changes nothing, a pending version or the cap refuses', async () => {
    const same = await cpp({ vm: vm() })
    const a = await run(same, { 'image-version': '1.1.0', 'image-source': blobs.sas('/vhds/image-1.1.0.vhd') })
    ok(a, 'unchanged')
    assert.equal(puts(same).length, 0)
    assert.match(
      a.stdout,
      /Version 1\.1\.0 is in the live of plan 'contoso-vm' already, with the same image: the draft is not changed\./,
    )

    const pending = await cpp({ vm: vm({ draftOnly: [{ version: '1.1.5', uri: `${blobs.url}/vhds/x.vhd?sig=a` }] }) })
    const b = await run(pending)
    assert.equal(b.code, 1)
    assert.equal(puts(pending).length, 0)
    assert.match(errors(b.stdout)[0], /already holds version 1\.1\.5, not yet published/)

    const many = Array.from({ length: 100 }, (_, i) => ({
      version: `0.${i}.0`,
      uri: `${blobs.url}/vhds/v${i}.vhd?sig=a`,
    }))
    const full = await cpp({ vm: vm({ published: many }) })
    const c = await run(full)
    assert.equal(c.code, 1)
    assert.equal(puts(full).length, 0)
    assert.match(
      errors(c.stdout)[0],
      /has 100 active versions, the service's limit of 100\. Deprecate the oldest first/,
    )
  })
})

describe('Cloud Partner Portal, the image through preview to live', () => {
  test('target preview with the image PUTs the draft, then publishes; live checks the Preview slot and confirms Production', async () => {
    const sim = await cpp({ vm: vm(), publish: { reads: 1 }, operation: { reads: 1 } })
    const tooSoon = await run(sim, { target: 'live', 'image-source': '' })
    assert.equal(tooSoon.code, 1)
    assert.match(errors(tooSoon.stdout)[0], /the preview of plan 'contoso-vm' does not hold it \(it has 1\.1\.0\)/)
    assert.equal(sim.goLivesStarted, 0)

    const preview = await run(sim, { target: 'preview', wait: 'true' })
    ok(preview, 'preview')
    assert.equal(puts(sim).length, 1)
    assert.equal(sim.publishesStarted, 1)
    assert.deepEqual(sim.versionsOf('Preview'), ['1.1.0', '1.2.0'])

    const live = await run(sim, { target: 'live', 'image-source': '', wait: 'true' })
    ok(live, 'live')
    assert.match(live.stdout, /Confirmed: version 1\.2\.0 of plan 'contoso-vm' is live/)
    assert.deepEqual(sim.versionsOf('Production'), ['1.1.0', '1.2.0'])
  })
})
