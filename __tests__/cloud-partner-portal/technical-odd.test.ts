/** src/cloud-partner-portal/technical.ts on an offer document with nulls where plans belong: skipped, never a crash. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findPlan } from '../../src/cloud-partner-portal/technical.js'

test('findPlan: null plans are skipped', () => {
  const plan = { planId: 'contoso-vm' }
  assert.equal(findPlan({ definition: { plans: [null, plan] } }, 'Contoso-VM'), plan)
  assert.equal(findPlan({ definition: { plans: [null] } }, 'contoso-vm'), undefined)
})
