/**
 * The draft stage on Product Ingestion, the bundle against the simulator (draft-api.md): a new
 * image version added to a VM plan's technical configuration in the draft, every published
 * version kept, the configuration sent back whole; then preview and live with the version
 * checked and confirmed. Each refusal happens before any write.
 */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { BlobStore } from '../blob-store.js'
import { errors, secretKept, ingestionInputs, runAction, type RunResult } from '../harness.js'
import { PLAN_GUID, PRODUCT_GUID, type IngestionSimulator, type VmScenario } from '../ingestion-simulator.js'
import { pi } from '../started.js'

const blobs = await BlobStore.start({
  '/vhds/image-1.2.0.vhd': { bytes: 30 * 2 ** 30 },
  '/vhds/image-1.1.0.vhd': { bytes: 30 * 2 ** 30 },
  '/vhds/copying.vhd': { bytes: 30 * 2 ** 30, copyStatus: 'pending' },
})
after(() => blobs.close())

const PUBLISHED = [
  { version: '1.0.0', uri: `${blobs.url}/vhds/image-1.0.0.vhd?sv=2022-11-02&sp=rl&sig=old` },
  { version: '1.1.0', uri: `${blobs.url}/vhds/image-1.1.0.vhd?sv=2022-11-02&sp=rl&sig=old` },
]
const vm = (more: Partial<VmScenario> = {}): VmScenario => ({ planId: 'gen2-plan', published: PUBLISHED, ...more })
const run = (sim: IngestionSimulator, more: Record<string, string> = {}) =>
  runAction({
    inputs: ingestionInputs(sim, {
      target: 'draft',
      'plan-id': 'gen2-plan',
      'image-version': '1.2.0',
      'image-source': blobs.sas(),
      ...more,
    }),
    timeoutMs: 30_000,
  })
const ok = (r: RunResult, what: string) => assert.equal(r.code, 0, `${what}: ${errors(r.stdout).join(' | ')}`)
const configures = (sim: IngestionSimulator) => sim.requests.filter((r) => r.route === 'configure')
/** The resource of the n-th draft change as the service received it. */
const sent = (sim: IngestionSimulator, n = 0) =>
  (JSON.parse(sim.draftBodies[n]) as { resources: Record<string, unknown>[] }).resources[0]

describe('Product Ingestion, target: draft', () => {
  test('adds the version to the draft, every published version kept and unknown fields sent back as read', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim)
    ok(r, 'draft')
    assert.equal(r.outputs.status, 'succeeded')
    assert.equal(sim.draftChanges, 1)
    assert.deepEqual(sim.versionsOf('draft'), ['1.0.0', '1.1.0', '1.2.0'])
    const resource = sent(sim)
    // The published versions go back exactly as read: the service reads a missing one as a deletion.
    const read = sim.configs.get(1)!.vmImageVersions as unknown[]
    assert.deepEqual((resource.vmImageVersions as unknown[]).slice(0, 2), read)
    assert.deepEqual(resource.futureField, { kept: true })
    assert.equal('validations' in resource, false)
    assert.equal(resource.plan, `plan/${PRODUCT_GUID}/${PLAN_GUID}`)
    // One VHD for both image types, as every client sends it.
    const added = (resource.vmImageVersions as Record<string, unknown>[])[2]
    assert.deepEqual(
      (added.vmImages as { imageType: string }[]).map((i) => i.imageType),
      ['x64Gen1', 'x64Gen2'],
    )
    assert.equal((added.vmImages as { source: { osDisk: { uri: string } } }[])[0].source.osDisk.uri, blobs.sas())
    // The image was checked with its own SAS and no token, before the write.
    const head = blobs.requests.find((q) => q.method === 'HEAD')
    assert.ok(head, 'a HEAD of the VHD')
    assert.equal(head.authorization, undefined)
    assert.match(r.summary, /^## ✅ Plan `gen2-plan` of offer `contoso-saas` has version `1\.2\.0` in its draft$/m)
    assert.match(r.summary, /\| Images \| x64Gen1, x64Gen2 from a VHD &#40;SAS URL&#41; \|/)
    secretKept(r, blobs.sas())
  })

  test('the same version with the same blob (another SAS) changes nothing, and says so', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim, { 'image-version': '1.1.0', 'image-source': blobs.sas('/vhds/image-1.1.0.vhd') })
    ok(r, 'unchanged')
    assert.equal(configures(sim).length, 0)
    assert.match(
      r.stdout,
      /Version 1\.1\.0 is in the live of plan 'gen2-plan' already, with the same image: the draft is not changed\./,
    )
    assert.equal(r.outputs.status, 'succeeded')
  })

  test('a published number with another image is refused before any write: published versions cannot be edited', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim, { 'image-version': '1.1.0' })
    assert.equal(r.code, 1)
    assert.equal(configures(sim).length, 0)
    assert.match(
      errors(r.stdout)[0],
      /version 1\.1\.0: it is published \(live\) in plan 'gen2-plan' with another image, and published versions cannot be edited: choose a new image-version\./,
    )
  })

  test('a draft that holds an unpublished version takes no second one: refused, naming it', async () => {
    const sim = await pi({
      offer: 'already-live',
      vm: vm({ draftOnly: [{ version: '1.1.5', uri: `${blobs.url}/vhds/x.vhd?sig=a` }] }),
    })
    const r = await run(sim)
    assert.equal(r.code, 1)
    assert.equal(configures(sim).length, 0)
    assert.match(errors(r.stdout)[0], /already holds version 1\.1\.5, not yet published/)
  })

  test('a plan at the cap of 100 versions is refused, naming the oldest to deprecate; from 95 a warning', async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ version: `0.${i}.0`, uri: `${blobs.url}/vhds/v${i}.vhd?sig=a` }))
    const full = await pi({ offer: 'already-live', vm: vm({ published: many(100) }) })
    const refused = await run(full)
    assert.equal(refused.code, 1)
    assert.equal(configures(full).length, 0)
    assert.match(
      errors(refused.stdout)[0],
      /100 active versions, the service's limit of 100\. Deprecate the oldest first \(in Partner Center\): 0\.0\.0, 0\.1\.0, 0\.2\.0\./,
    )
    const near = await pi({ offer: 'already-live', vm: vm({ published: many(95) }) })
    const warned = await run(near)
    ok(warned, 'near the cap')
    assert.match(warned.stdout, /will have 96 active versions; the service takes at most 100/)
  })

  test('while a publish of the offer runs, the draft is not changed', async () => {
    const sim = await pi({ offer: 'preview-running', vm: vm() })
    const r = await run(sim)
    assert.equal(r.code, 1)
    assert.equal(configures(sim).length, 0)
    assert.match(
      errors(r.stdout)[0],
      /Cannot change the draft of offer 'contoso-saas': its preview publish \(submission \d+\) is in progress/,
    )
  })

  test('a plan id the offer does not have lists the plans it has', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim, { 'plan-id': 'gen3-plan' })
    assert.equal(r.code, 1)
    assert.match(
      errors(r.stdout)[0],
      /Offer 'contoso-saas' has no plan 'gen3-plan'; its plans are 'other-plan', 'gen2-plan': check plan-id/,
    )
  })

  test('an old schema host in the configuration is re-posted on schema.mp.microsoft.com, with a notice', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm({ oldSchemaHost: true, core: true, planForm: 'externalId' }) })
    const r = await run(sim)
    ok(r, 'old host')
    assert.match(
      String(sent(sim).$schema),
      /^https:\/\/schema\.mp\.microsoft\.com\/schema\/core-virtual-machine-plan-technical-configuration\//,
    )
    assert.match(r.stdout, /schema on the old host .*sent as https:\/\/schema\.mp\.microsoft\.com/)
    assert.deepEqual(sim.versionsOf('draft'), ['1.0.0', '1.1.0', '1.2.0'])
  })

  test('the image is checked before anything is written: a SAS the account refuses, a missing blob, a copy in progress', async () => {
    for (const [source, words] of [
      [blobs.sas(undefined, { sig: 'wrong' }), /cannot be read with its SAS \(HTTP 403\)/],
      [blobs.sas('/vhds/missing.vhd'), /does not exist \(HTTP 404\)/],
      [blobs.sas('/vhds/copying.vhd'), /is still being copied \(x-ms-copy-status: pending\)/],
    ] as const) {
      const sim = await pi({ offer: 'already-live', vm: vm() })
      const r = await run(sim, { 'image-source': source })
      assert.equal(r.code, 1, String(words))
      assert.equal(configures(sim).length, 0)
      assert.match(errors(r.stdout)[0], words)
      assert.match(errors(r.stdout)[0], /\?<SAS>\)/)
    }
  })

  test('input errors come before any request at all', async () => {
    for (const [more, words] of [
      [
        { 'image-source': blobs.sas(undefined, { days: -1 }) },
        /expired on .*create a new SAS that lasts at least three weeks/,
      ],
      [{ 'image-source': blobs.sas(undefined, { sp: 'l' }) }, /does not grant read \(sp has no r\)/],
      [{ 'image-source': blobs.sas().replace(/&sig=[^&]+/, '') }, /has no signature \(sig\)/],
      [{ 'image-source': blobs.sas().replace('http://127.0.0.1', 'http://blob.example') }, /is not https/],
      [{ 'image-version': '1.2' }, /Input 'image-version' is '1\.2'; the Marketplace takes three numbers/],
      [{ 'image-source': '/subscriptions/x/galleries/y' }, /not an Azure Compute Gallery image version id/],
      [
        { 'image-source': '' },
        /Input 'target' is draft, which adds an image version to a plan: set plan-id, image-version and image-source\./,
      ],
      [{ 'plan-id': '' }, /Input 'plan-id' is required/],
      [{ 'image-source': `x64Gen3=${blobs.sas()}` }, /names the image type 'x64Gen3'/],
    ] as const) {
      const sim = await pi({ offer: 'already-live', vm: vm() })
      const before = blobs.requests.length
      const r = await run(sim, more)
      assert.equal(r.code, 1, String(words))
      assert.equal(sim.apiRequests.length, 0, String(words))
      assert.equal(blobs.requests.length, before)
      assert.match(errors(r.stdout)[0], words)
    }
  })

  test('a warning when the SAS ends within three weeks: certification may take that long', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim, { 'image-source': blobs.sas(undefined, { days: 10 }) })
    ok(r, 'short SAS')
    assert.match(r.stdout, /^::warning::The SAS of image-source ends on .*, in less than three weeks/m)
  })

  test('a gallery image per image type, with its tenant', async () => {
    const gallery = (v: string) =>
      `/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/linux-${v}/versions/2026.1207.0`
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim, {
      'image-source': `x64Gen1=${gallery('gen1')}\nx64Gen2=${gallery('gen2')}`,
      'image-tenant-id': '72f988bf-86f1-41af-91ab-2d7cd011db47',
    })
    ok(r, 'gallery')
    const added = (sent(sim).vmImageVersions as Record<string, unknown>[])[2]
    assert.deepEqual(added.vmImages, [
      {
        imageType: 'x64Gen1',
        source: {
          sourceType: 'sharedImageGallery',
          sharedImage: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', resourceId: gallery('gen1') },
        },
      },
      {
        imageType: 'x64Gen2',
        source: {
          sourceType: 'sharedImageGallery',
          sharedImage: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', resourceId: gallery('gen2') },
        },
      },
    ])
    assert.match(r.summary, /from a gallery image/)
  })

  test('a draft the resource tree does not show is read by its durable id (either resource type)', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm({ core: true, draftOnlyByDurableId: true }) })
    const r = await run(sim)
    ok(r, 'durable id')
    assert.ok(
      sim.requests.some(
        (q) =>
          q.path.endsWith(`/core-virtual-machine-plan-technical-configuration/${PRODUCT_GUID}/${PLAN_GUID}`) &&
          q.status === 200,
      ),
    )
    assert.deepEqual(sim.versionsOf('draft'), ['1.0.0', '1.1.0', '1.2.0'])
  })

  test('a draft job the service fails (the recorded R1 answer) fails the step with its words, and nothing is published', async () => {
    // draft-api.md §7 R1, as the service answered microsoft-partner-center-github-action#10.
    const R1 = [
      {
        code: 'badRequest',
        message: "Cannot delete image '9.0.20230404' of type 'X64Gen1' as it is already published.",
        details: [
          {
            code: 'invalidResource',
            message:
              'Failure for resource: virtual-machine-plan-technical-configuration-0, schema: virtual-machine-plan-technical-configuration',
          },
        ],
      },
    ]
    const sim = await pi({ offer: 'already-live', vm: vm({ draftJobErrors: R1 }) })
    const r = await run(sim, { target: 'preview' })
    assert.equal(r.code, 1)
    assert.equal(sim.previewsStarted, 0)
    assert.match(
      errors(r.stdout)[0],
      /^The draft change failed: badRequest: Cannot delete image '9\.0\.20230404' of type 'X64Gen1' as it is already published\.; invalidResource: Failure for resource: virtual-machine-plan-technical-configuration-0.*\(job http:\/\/127\.0\.0\.1:\d+\/rp\/product-ingestion\/configure\/[0-9a-f-]{36}\/status\); nothing else was started\./,
    )
  })

  test('a configure cut off after the service took it is not sent again: the draft read again holds the version', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm(), faults: [{ on: 'configure', kind: 'reset-after-accept' }] })
    const r = await run(sim)
    ok(r, 'cut')
    assert.equal(configures(sim).length, 1)
    assert.equal(sim.draftChanges, 1)
    assert.match(r.stdout, /The draft change may have reached the service .*reading the draft before sending it again/)
    assert.match(r.stdout, /Plan 'gen2-plan' holds version 1\.2\.0 in its draft now\./)
  })

  test('target preview with the version already in the draft: no draft change, and the publish goes on as before', async () => {
    const sim = await pi({
      offer: 'already-live',
      preview: { reads: 1 },
      vm: vm({ draftOnly: [{ version: '1.2.0', uri: blobs.sas() }] }),
    })
    const r = await run(sim, { target: 'preview', wait: 'true' })
    ok(r, 'preview')
    assert.equal(sim.draftChanges, 0)
    assert.equal(sim.previewsStarted, 1)
    assert.match(
      r.stdout,
      /Version 1\.2\.0 is in the draft of plan 'gen2-plan' already, with the same image: the draft is not changed\./,
    )
    assert.deepEqual(sim.versionsOf('preview'), ['1.0.0', '1.1.0', '1.2.0'])
  })

  test('a dry run prints the configure body it would send, its SAS redacted, and writes nothing', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim, { 'dry-run': 'true' })
    ok(r, 'dry run')
    assert.equal(configures(sim).length, 0)
    assert.match(
      r.stdout,
      /Dry run: this step would add version 1\.2\.0 to plan 'gen2-plan' in the draft \(x64Gen1, x64Gen2 from a VHD \(SAS URL\)\)\./,
    )
    const line = r.stdout.split('\n').find((l) => l.startsWith('Dry run: it would send POST'))!
    assert.match(line, /\/vhds\/image-1\.2\.0\.vhd\?<SAS>/)
    assert.match(line, /"versionNumber":"1\.1\.0"/)
    // The published versions' SAS are secrets too: redacted in the printed configuration.
    assert.match(line, /image-1\.1\.0\.vhd\?<SAS>/)
    assert.equal(r.stdout.includes('sig=old'), false)
    assert.match(
      r.stdout,
      /The entry for version 1\.2\.0: \{"versionNumber":"1\.2\.0","vmImages":\[\{"imageType":"x64Gen1"/,
    )
  })
})

describe('Product Ingestion, the image through preview to live', () => {
  test('target preview with the image: the draft change, then the publish; target live checks and confirms the version', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm(), preview: { reads: 1 }, job: { reads: 1 } })
    const tooSoon = await run(sim, { target: 'live', 'image-source': '' })
    assert.equal(tooSoon.code, 1)
    assert.match(
      errors(tooSoon.stdout)[0],
      /Cannot go live with version 1\.2\.0: the preview of plan 'gen2-plan' does not hold it \(it has 1\.0\.0, 1\.1\.0\)\. Publish it to preview first/,
    )
    assert.equal(sim.goLivesStarted, 0)

    const preview = await run(sim, { target: 'preview', wait: 'true' })
    ok(preview, 'preview')
    assert.equal(sim.draftChanges, 1)
    assert.equal(sim.previewsStarted, 1)
    assert.deepEqual(sim.versionsOf('preview'), ['1.0.0', '1.1.0', '1.2.0'])
    // The outputs name the preview publish, not the draft change.
    assert.match(preview.outputs['operation-location'], /\/configure\/[0-9a-f-]{36}\/status$/)
    assert.notEqual(preview.outputs['operation-location'], undefined)

    const live = await run(sim, { target: 'live', 'image-source': '', wait: 'true' })
    ok(live, 'live')
    assert.match(live.stdout, /Confirmed: version 1\.2\.0 of plan 'gen2-plan' is live \(x64Gen1, x64Gen2\)\./)
    assert.match(live.summary, /`1\.2\.0` \(confirmed live\)/)
    assert.deepEqual(sim.versionsOf('live'), ['1.0.0', '1.1.0', '1.2.0'])
  })

  test('a go-live whose live configuration does not list the version fails, saying what is live instead', async () => {
    const sim = await pi({
      offer: 'ready',
      job: { reads: 1 },
      vm: vm({ staleLive: true, previewOnly: [{ version: '1.2.0', uri: `${blobs.url}/vhds/image-1.2.0.vhd?sig=a` }] }),
    })
    const r = await run(sim, { target: 'live', 'image-source': '', wait: 'true' })
    assert.equal(r.code, 1)
    assert.equal(sim.goLivesStarted, 1)
    assert.equal(r.outputs.status, 'succeeded')
    assert.match(
      errors(r.stdout)[0],
      /^The go-live ended, but the live configuration of plan 'gen2-plan' does not list version 1\.2\.0: live has 1\.0\.0, 1\.1\.0\. Check the plan in Partner Center\./,
    )
  })

  test('image-source with target: live is refused: an image reaches live only through preview', async () => {
    const sim = await pi({ offer: 'already-live', vm: vm() })
    const r = await run(sim, { target: 'live' })
    assert.equal(r.code, 1)
    assert.equal(sim.apiRequests.length, 0)
    assert.match(
      errors(r.stdout)[0],
      /Input 'image-source' is not taken with target: live: an image reaches live only through preview/,
    )
  })
})
