/**
 * src/product-ingestion/technical.ts: a VM plan's technical configuration as the Product
 * Ingestion API holds it (draft-api.md §1): found by the plan's id, either resource type, either
 * form of `plan`; sent back whole with one version added, its ids resolved, read-only fields out.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  choosePlan,
  parsePlans,
  pickConfiguration,
  TECH_TYPES,
  versionEntry,
  viewOf,
  withVersion,
  type PlanRef,
} from '../../src/product-ingestion/technical.js'

const GUID = '5f3b0b52-0c7e-4a8e-9d3e-2a0f5d7c9b11'
const PLAN: PlanRef = { id: `plan/${GUID}/8d1a0c33-1111-4c9e-9a0e-000000000001`, externalId: 'Gen2-Plan' }
const LEAF = PLAN.id.split('/')[2]
const HOST = 'https://schema.mp.microsoft.com/schema'

test('parsePlans: plans with a durable id and the id Partner Center shows; others left out', () => {
  assert.deepEqual(
    parsePlans({
      value: [
        { id: PLAN.id, identity: { externalId: 'Gen2-Plan' } },
        { id: 'plan/not a durable id', identity: { externalId: 'x' } },
        { id: PLAN.id.replace('0001', '0002') },
        'garbage',
      ],
    }),
    [PLAN],
  )
  assert.throws(() => parsePlans({ items: [] }), /^Error: The plan list has an unexpected shape|unexpected shape/)
})

test('choosePlan: the plan-id as Partner Center shows it, whatever its case; else the plans it has', () => {
  assert.equal(choosePlan([PLAN], 'gen2-plan', 'contoso'), PLAN)
  assert.throws(() => choosePlan([PLAN], 'gen3', 'contoso'), /has no plan 'gen3'; its plans are 'Gen2-Plan'/)
})

test('pickConfiguration: either resource type, by id or $schema; the plan by durable id, its last segment or externalId', () => {
  const forms = [PLAN.id, `plan/${LEAF}`, { externalId: 'GEN2-PLAN' }]
  for (const type of TECH_TYPES) {
    for (const plan of forms) {
      const byId = { id: `${type}/${GUID}/${LEAF}`, plan }
      const bySchema = { $schema: `${HOST}/${type}/2022-03-01-preview3`, plan }
      for (const config of [byId, bySchema]) {
        const tree = { resources: [{ id: 'plan/x', plan }, { $schema: `${HOST}/listing/x`, plan }, config] }
        assert.equal(pickConfiguration(tree, PLAN), config, `${type} ${JSON.stringify(plan)}`)
      }
    }
  }
  const other = { id: `${TECH_TYPES[0]}/${GUID}/other`, plan: `plan/${GUID}/other` }
  assert.equal(pickConfiguration({ resources: [other] }, PLAN), undefined)
  assert.equal(
    pickConfiguration({ resources: [{ id: `${TECH_TYPES[0]}/x`, plan: { externalId: 'gen3' } }] }, PLAN),
    undefined,
  )
  assert.equal(pickConfiguration(undefined, PLAN), undefined)
  assert.equal(pickConfiguration({ resources: 'none' }, PLAN), undefined)
})

test('viewOf: the image types of the skus, and each version with its state and images (the blob, not the SAS)', () => {
  const config = {
    skus: [{ imageType: 'x64Gen2' }, { imageType: 'x64Gen1' }, { imageType: 'x64Gen2' }, { imageType: '' }, 'bad'],
    vmImageVersions: [
      {
        versionNumber: '1.0.0',
        vmImages: [
          { imageType: 'x64Gen2', source: { osDisk: { uri: 'https://S.blob/vhds/a.vhd?sig=x' } } },
          { imageType: 'x64Gen1', source: { sharedImage: { resourceId: '/Subscriptions/X/Versions/1' } } },
          { imageType: 'arm64Gen2', source: 'odd' },
          { imageType: 'x64Gen1x', source: {} },
        ],
      },
      { versionNumber: '0.9.0', lifecycleState: 'deprecated' },
    ],
  }
  assert.deepEqual(viewOf(config), {
    types: ['x64Gen2', 'x64Gen1'],
    versions: [
      {
        number: '1.0.0',
        state: 'generallyAvailable',
        sources: {
          x64Gen2: 'https://s.blob/vhds/a.vhd',
          x64Gen1: '/subscriptions/x/versions/1',
          arm64Gen2: '',
          x64Gen1x: '',
        },
      },
      { number: '0.9.0', state: 'deprecated', sources: {} },
    ],
  })
  assert.deepEqual(viewOf({}), { types: [], versions: [] })
})

test('versionEntry: the schema form of a SAS source and of a gallery source, generally available', () => {
  const url = new URL('https://s.blob/vhds/a.vhd?sp=r&sig=x')
  assert.deepEqual(
    versionEntry('1.2.0', {
      x64Gen2: { kind: 'sas', url },
      x64Gen1: { kind: 'gallery', resourceId: '/subscriptions/s/versions/1', tenantId: 't' },
    }),
    {
      versionNumber: '1.2.0',
      vmImages: [
        { imageType: 'x64Gen2', source: { sourceType: 'sasUri', osDisk: { uri: url.href }, dataDisks: [] } },
        {
          imageType: 'x64Gen1',
          source: {
            sourceType: 'sharedImageGallery',
            sharedImage: { tenantId: 't', resourceId: '/subscriptions/s/versions/1' },
          },
        },
      ],
      lifecycleState: 'generallyAvailable',
    },
  )
})

test('withVersion: the configuration as read with one version appended, ids resolved, read-only fields out', () => {
  const published = { versionNumber: '1.1.0', vmImages: [] }
  const config = {
    $schema: `${HOST}/${TECH_TYPES[1]}/2022-03-01-preview3`,
    id: `${TECH_TYPES[1]}/stale/ids`,
    product: 'product/stale',
    plan: { externalId: 'Gen2-Plan' },
    operatingSystem: { family: 'linux' },
    unknownField: { kept: true },
    validations: [{ x: 1 }],
    resourceName: 'read-only',
    vmImageVersions: [published],
  }
  const entry = { versionNumber: '1.2.0' }
  const { resource, notices } = withVersion(config, { guid: GUID, plan: PLAN, entry })
  assert.deepEqual(resource, {
    $schema: config.$schema,
    id: `${TECH_TYPES[1]}/${GUID}/${LEAF}`,
    product: `product/${GUID}`,
    plan: PLAN.id,
    operatingSystem: { family: 'linux' },
    unknownField: { kept: true },
    vmImageVersions: [published, entry],
  })
  assert.deepEqual(notices, [])
  // What was read is not changed.
  assert.equal(config.vmImageVersions.length, 1)
  assert.ok('validations' in config)
})

test('withVersion: a $schema on the old host is moved to schema.mp.microsoft.com, with a notice; none is given one', () => {
  const old =
    'https://product-ingestion.azureedge.net/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview3'
  const moved = withVersion({ $schema: old }, { guid: GUID, plan: PLAN, entry: {} })
  assert.equal(moved.resource.$schema, `${HOST}/virtual-machine-plan-technical-configuration/2022-03-01-preview3`)
  assert.equal(moved.notices.length, 1)
  assert.match(moved.notices[0], /old host .*sent as https:\/\/schema\.mp\.microsoft\.com\//)
  const none = withVersion({}, { guid: GUID, plan: PLAN, entry: {} })
  assert.equal(none.resource.$schema, `${HOST}/${TECH_TYPES[0]}/2022-03-01-preview3`)
  assert.equal(none.resource.id, `${TECH_TYPES[0]}/${GUID}/${LEAF}`)
  assert.deepEqual(none.resource.vmImageVersions, [{}])
})

test('the rest of the rules: durable ids only, the old host over http too, the plans named where Partner Center shows them', () => {
  assert.deepEqual(
    parsePlans({
      value: [
        { id: `x${PLAN.id}`, identity: { externalId: 'a' } },
        { id: `${PLAN.id}/more`, identity: { externalId: 'b' } },
      ],
    }),
    [],
  )
  const old =
    'http://product-ingestion.azureedge.net/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview3'
  assert.equal(
    withVersion({ $schema: old }, { guid: GUID, plan: PLAN, entry: {} }).resource.$schema,
    `${HOST}/virtual-machine-plan-technical-configuration/2022-03-01-preview3`,
  )
  const elsewhere = `${HOST}/x?from=https://product-ingestion.azureedge.net/`
  const kept = withVersion({ $schema: elsewhere }, { guid: GUID, plan: PLAN, entry: {} })
  assert.equal(kept.resource.$schema, elsewhere)
  assert.deepEqual(kept.notices, [])
  assert.throws(() => choosePlan([PLAN], 'gen3', 'contoso'), /check plan-id \(the plan id shown in Partner Center\)/)
})

// Answers with nulls where objects belong are read as far as they make sense, never a crash: JSON
// from the network is whatever the service or a proxy sends.
test('parsePlans: null entries are skipped', () => {
  assert.deepEqual(parsePlans({ value: [null, { id: PLAN.id, identity: { externalId: PLAN.externalId } }, null] }), [
    PLAN,
  ])
})

test('pickConfiguration: null resources are skipped', () => {
  const config = { id: `${TECH_TYPES[0]}/${GUID}/x`, plan: PLAN.id }
  assert.equal(pickConfiguration({ resources: [null, config] }, PLAN), config)
})

test('viewOf: null skus, versions, images and sources are read as nothing', () => {
  const view = viewOf({
    skus: [null, { imageType: 'x64Gen2' }],
    vmImageVersions: [null, { versionNumber: '1.0.0', vmImages: [null, { imageType: 'x64Gen2', source: null }] }],
  })
  assert.deepEqual(view, {
    types: ['x64Gen2'],
    versions: [{ number: '1.0.0', state: 'generallyAvailable', sources: { x64Gen2: '' } }],
  })
})
