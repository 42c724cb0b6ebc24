/**
 * Input and answer edges a user meets once: a token pasted with "Bearer", the remarks each level
 * of mistake gets, service URLs with stray slashes or spaces, loopback told apart from look-alikes,
 * ids of operations no operation can have, and error bodies with deep or many details.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { errorDetail } from '../src/answer.js'
import { APIS } from '../src/apis.js'
import { resolveOperationUrl } from '../src/cloud-partner-portal/urls.js'
import { unsendable } from '../src/credentials.js'
import { readSettings } from '../src/settings.js'
import { isLoopback, parseServiceUrl, resolveUnder } from '../src/url.js'

const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '', APIS)
const cpp = { 'publisher-id': 'contoso', 'offer-id': 'contoso-offer', token: 't' }
const pi = { api: 'product-ingestion', 'offer-id': 'contoso-saas', token: 't' }

test("a token pasted with its scheme: 'Bearer ' and the spaces after it taken off, with a notice", () => {
  const s = read({ ...cpp, token: 'Bearer   abc.def' })
  assert.deepEqual(s.auth, { kind: 'token', token: 'abc.def' })
  assert.deepEqual(s.remarks, [
    {
      level: 'notice',
      text: "Input 'token' began with 'Bearer '; the action sends the token without it (pass the token alone).",
    },
  ])
  // Only at the start: a token that merely contains the word is left whole.
  assert.deepEqual(read({ ...cpp, token: 'xbearer abc' }).auth, { kind: 'token', token: 'xbearer abc' })
})

test('each remark has the level its mistake deserves', () => {
  assert.equal(read({ ...pi, 'offer-id': 'Contoso-SaaS' }).remarks[0]?.level, 'notice')
  assert.equal(read({ ...pi, 'publisher-id': 'contoso' }).remarks[0]?.level, 'warning')
  assert.match(read({ ...pi, 'publisher-id': 'contoso' }).remarks[0]?.text ?? '', /set api: cloud-partner-portal if/)
  assert.equal(read({ ...cpp, wait: 'true', timeout: '7h' }).remarks[0]?.level, 'warning')
  assert.deepEqual(read({ ...cpp, wait: 'true', timeout: '6h' }).remarks, [])
  assert.equal(read({ ...cpp, 'notification-emails': 'a@contoso.com' }).remarks[0]?.level, 'warning')
})

test('a publisher-id with spaces around it is used trimmed', () => {
  assert.equal(read({ ...cpp, 'publisher-id': '  contoso  ' }).publisherId, 'contoso')
})

test('boolean and duration inputs name themselves when they are wrong', () => {
  assert.throws(() => read({ ...cpp, 'dry-run': 'maybe' }), /Input 'dry-run'/)
  assert.throws(() => read({ ...cpp, cancel: 'maybe' }), /Input 'cancel'/)
  assert.throws(() => read({ ...cpp, 'request-timeout': 'soon' }), /Input 'request-timeout'/)
})

test("another API's operation-location is named as such, with the api input to set", () => {
  const location =
    'https://graph.microsoft.com/rp/product-ingestion/configure/0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/status'
  assert.throws(
    () => read({ ...cpp, 'operation-location': location }),
    /^ActionError: Input 'operation-location' is a go-live of the Product Ingestion API, and this run uses api: cloud-partner-portal: set api: product-ingestion/,
  )
})

test('service URLs: trailing slashes and spaces taken off; loopback only for loopback addresses', () => {
  assert.equal(parseServiceUrl(' https://example.com/api/// ', 'base-url').href, 'https://example.com/api')
  assert.throws(() => parseServiceUrl('http://example.com//', 'base-url'), /use https:\/\/example\.com \(plain/)
  assert.equal(isLoopback(new URL('http://127.0.0.1:8080')), true)
  assert.equal(isLoopback(new URL('http://127.example.com')), false)
  assert.throws(() => parseServiceUrl('https://user@example.com', 'base-url'), /without credentials/)
  assert.throws(() => parseServiceUrl('https://:pw@example.com', 'base-url'), /without credentials/)
})

test('a URL the service gave, with spaces around it or absolute, is resolved as given', () => {
  const base = new URL('https://example.com/gw')
  assert.equal(resolveUnder('  /gw/ops/1  ', base, 'location').href, 'https://example.com/gw/ops/1')
  // An absolute URL keeps its own path; a relative one gets base-url's prefix.
  assert.equal(resolveUnder('https://example.com/ops/1', base, 'location').href, 'https://example.com/ops/1')
  assert.equal(resolveUnder('/ops/1', base, 'location').href, 'https://example.com/gw/ops/1')
  assert.throws(() => resolveUnder('https://u@example.com/ops/1', base, 'location'), /carries credentials/)
})

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

test('where a pasted token first goes wrong: a space, a control character, DEL, or a non-ASCII one', () => {
  assert.equal(unsendable('ab!~'), undefined)
  assert.equal(unsendable('ab c'), 'white space at position 3')
  assert.equal(unsendable('ab\x1fc'), 'a control character at position 3')
  assert.equal(unsendable('ab\x7fc'), 'a control character at position 3')
  assert.equal(unsendable('ab\u00a0c'), 'white space at position 3')
  assert.match(unsendable('ab\u00e9')!, /^a non-ASCII character \(U\+00E9, /)
})

test('error details: ten at most, three levels deep at most', () => {
  const many = { error: { code: 'Top', details: Array.from({ length: 15 }, (_, i) => ({ code: `D${i}` })) } }
  assert.equal(errorDetail(many), ` (${['Top', ...Array.from({ length: 9 }, (_, i) => `D${i}`)].join('; ')})`)
  const deep = {
    error: {
      code: 'L0',
      details: [{ code: 'L1', details: [{ code: 'L2', details: [{ code: 'L3', details: [{ code: 'L4' }] }] }] }],
    },
  }
  assert.equal(errorDetail(deep), ' (L0; L1; L2; L3)')
  const ten = { error: { code: 'Top', details: Array.from({ length: 9 }, (_, i) => ({ code: `D${i}` })) } }
  assert.equal(errorDetail(ten), ` (${['Top', ...Array.from({ length: 9 }, (_, i) => `D${i}`)].join('; ')})`)
})
