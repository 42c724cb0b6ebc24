/**
 * src/cloud-partner-portal/technical.ts: a VM plan's images in a CPP offer document (draft-api.md
 * §3): VM offers keep a map of versions per plan, core VM offers one per plan and per disk
 * generation; the whole document goes back in the PUT, with the read-only keys out. Nulls where
 * plans belong are skipped, never a crash.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  draftPlan,
  entryOf,
  findPlan,
  slotView,
  viewOf,
  withVersion,
} from '../../src/cloud-partner-portal/technical.js'

const VM = 'microsoft-azure-virtualmachines.vmImages'
const CORE = 'microsoft-azure-corevm.vmImagesPublicAzure'
const vmDoc = () => ({
  offerTypeId: 'microsoft-azure-virtualmachines',
  definition: {
    displayText: 'kept',
    plans: [
      { planId: 'other', [VM]: {} },
      {
        planId: 'Gen2',
        'microsoft-azure-corevm.legacyOfferId': 'read-only',
        [VM]: { '1.1.0': { osVhdUrl: 'https://S.blob/vhds/a.vhd?sig=x', lunVhdDetails: [] } },
      },
    ],
  },
  'microsoft-azure-corevm.legacyPublisherId': 'read-only',
})
const coreDoc = () => ({
  offerTypeId: 'microsoft-azure-corevm',
  definition: {
    plans: [
      {
        planId: 'gen2',
        [CORE]: { '1.1.0': { osVhdUrl: 'https://s.blob/vhds/b.vhd?sig=y', showInGui: true } },
        diskGenerations: [
          { planId: 'gen1', [CORE]: { '1.1.0': { osVhdUrl: 'https://s.blob/vhds/c.vhd?sig=z', showInGui: false } } },
        ],
      },
    ],
  },
})

test('findPlan and draftPlan: the plan by its planId, whatever its case; else the plans the offer has', () => {
  assert.equal(findPlan(vmDoc(), 'gen2')?.planId, 'Gen2')
  assert.equal(findPlan({}, 'gen2'), undefined)
  assert.equal(findPlan({ definition: { plans: 'none' } }, 'gen2'), undefined)
  assert.throws(
    () => draftPlan(vmDoc(), 'gen3', 'contoso-vm'),
    /no plan 'gen3'; its plans are 'other', 'Gen2'.*the Cloud Partner Portal/,
  )
})

test('viewOf: a VM plan is one image type; a core plan one per disk generation, a hidden version deprecated', () => {
  const vm = vmDoc()
  assert.deepEqual(viewOf(vm, findPlan(vm, 'Gen2')!), {
    types: ['Gen2'],
    versions: [{ number: '1.1.0', state: 'generallyAvailable', sources: { Gen2: 'https://s.blob/vhds/a.vhd' } }],
  })
  const core = coreDoc()
  assert.deepEqual(viewOf(core, findPlan(core, 'gen2')!), {
    types: ['gen2', 'gen1'],
    versions: [
      {
        number: '1.1.0',
        state: 'deprecated',
        sources: { gen2: 'https://s.blob/vhds/b.vhd', gen1: 'https://s.blob/vhds/c.vhd' },
      },
    ],
  })
  assert.equal(slotView(undefined, 'gen2'), undefined)
  assert.equal(slotView(vmDoc(), 'gen3'), undefined)
  assert.deepEqual(slotView(vmDoc(), 'gen2')?.types, ['Gen2'])
})

test('withVersion (VM offer): the whole document back, the version added to the plan, read-only keys out', () => {
  const doc = vmDoc()
  const sent = withVersion(doc, 'gen2', '1.2.0', 'https://s.blob/vhds/new.vhd?sig=n', new Date('2026-12-07T00:00:00Z'))
  const plan = findPlan(sent, 'gen2')!
  assert.deepEqual(plan[VM], {
    '1.1.0': { osVhdUrl: 'https://S.blob/vhds/a.vhd?sig=x', lunVhdDetails: [] },
    '1.2.0': { osVhdUrl: 'https://s.blob/vhds/new.vhd?sig=n', lunVhdDetails: [] },
  })
  assert.equal((sent.definition as { displayText: string }).displayText, 'kept')
  assert.deepEqual(findPlan(sent, 'other')![VM], {})
  assert.equal(JSON.stringify(sent).includes('legacy'), false)
  // What was read is not changed.
  assert.equal(Object.keys(findPlan(doc, 'gen2')![VM] as object).length, 1)
  assert.ok('microsoft-azure-corevm.legacyPublisherId' in doc)
  assert.deepEqual(entryOf(sent, 'gen2', '1.2.0'), { osVhdUrl: 'https://s.blob/vhds/new.vhd?sig=n', lunVhdDetails: [] })
  assert.equal(entryOf(sent, 'gen3', '1.2.0'), undefined)
})

test('withVersion (core VM offer): the version in the plan and in each disk generation, dated', () => {
  const sent = withVersion(
    coreDoc(),
    'gen2',
    '1.2.0',
    'https://s.blob/vhds/new.vhd?sig=n',
    new Date('2026-03-04T23:00:00Z'),
  )
  const plan = findPlan(sent, 'gen2')!
  const entry = (id: string) => ({
    osVhdUrl: 'https://s.blob/vhds/new.vhd?sig=n',
    label: '1.2.0',
    mediaName: `${id}-1.2.0`,
    publishedDate: '03/04/2026',
    description: '1.2.0',
    showInGui: true,
  })
  assert.deepEqual((plan[CORE] as Record<string, unknown>)['1.2.0'], entry('gen2'))
  const [gen1] = plan.diskGenerations as Record<string, Record<string, unknown>>[]
  assert.deepEqual(gen1[CORE]['1.2.0'], entry('gen1'))
  assert.ok('1.1.0' in gen1[CORE])
  // A core plan without a map yet gets one.
  const bare = withVersion(
    { offerTypeId: 'microsoft-azure-corevm', definition: { plans: [{ planId: 'p' }] } },
    'p',
    '1.0.0',
    'u',
    new Date('2026-12-07T00:00:00Z'),
  )
  assert.equal((findPlan(bare, 'p')![CORE] as Record<string, { mediaName: string }>)['1.0.0'].mediaName, 'p-1.0.0')
})

test('the rest of the rules: a draft plan found, a version a generation lacks, every generation shown, odd documents', () => {
  assert.equal(draftPlan(vmDoc(), 'gen2', 'contoso-vm').planId, 'Gen2')
  assert.equal(findPlan(null, 'gen2'), undefined)
  const core = coreDoc()
  const plan = findPlan(core, 'gen2')!
  // Version 1.0.0 only in the plan, shown: generally available, with the plan's image only.
  ;(plan[CORE] as Record<string, unknown>)['1.0.0'] = { osVhdUrl: 'https://s.blob/vhds/old.vhd', showInGui: true }
  assert.deepEqual(
    viewOf(core, plan).versions.find((v) => v.number === '1.0.0'),
    { number: '1.0.0', state: 'generallyAvailable', sources: { gen2: 'https://s.blob/vhds/old.vhd' } },
  )
  // A disk generation that is not an object is left alone, not written into.
  const odd = coreDoc()
  ;(findPlan(odd, 'gen2')!.diskGenerations as unknown[]).push('not a generation')
  const sent = withVersion(odd, 'gen2', '1.2.0', 'u', new Date('2026-12-07T00:00:00Z'))
  assert.deepEqual(viewOf(sent, findPlan(sent, 'gen2')!).types, ['gen2', 'gen1'])
})

test('findPlan: null plans are skipped', () => {
  const plan = { planId: 'contoso-vm' }
  assert.equal(findPlan({ definition: { plans: [null, plan] } }, 'Contoso-VM'), plan)
  assert.equal(findPlan({ definition: { plans: [null] } }, 'contoso-vm'), undefined)
})
