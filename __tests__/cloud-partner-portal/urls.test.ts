/** The operation URL of a CPP answer, held to what an operation id can be. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { resolveOperationUrl } from '../../src/cloud-partner-portal/urls.js'

test('an operation id no operation can have: an address in it, or over 500 characters', () => {
  const base = new URL('https://cloudpartner.azure.com')
  const at = (id: string) => `https://cloudpartner.azure.com/api/publishers/p/offers/o/operations/${id}`
  assert.throws(
    () => resolveOperationUrl(at('jon@contoso.com'), base, 'Location header'),
    /The Location header names an operation id that no operation has \(line breaks, spaces, an address or over 500 characters\)\.$/,
  )
  assert.throws(() => resolveOperationUrl(at('a'.repeat(501)), base, 'Location header'), /no operation has/)
  assert.equal(
    resolveOperationUrl(at('a'.repeat(500)), base, 'Location header')
      .pathname.split('/')
      .pop()!.length,
    500,
  )
})
