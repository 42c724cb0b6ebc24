/**
 * src/product-ingestion/technical.ts on answers with nulls where objects belong: a plan list, a
 * resource tree and a configuration read as far as they make sense, never a crash (JSON from the
 * network is whatever the service or a proxy sends).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  parsePlans,
  pickConfiguration,
  TECH_TYPES,
  viewOf,
  type PlanRef,
} from '../../src/product-ingestion/technical.js'

const GUID = '5f3b0b52-0c7e-4a8e-9d3e-2a0f5d7c9b11'
const PLAN: PlanRef = { id: `plan/${GUID}/8d1a0c33-1111-4c9e-9a0e-000000000001`, externalId: 'gen2' }

test('parsePlans: null entries are skipped', () => {
  assert.deepEqual(parsePlans({ value: [null, { id: PLAN.id, identity: { externalId: 'gen2' } }, null] }), [PLAN])
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
