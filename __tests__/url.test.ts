/** Service URLs and the URLs the service gives, read and resolved. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isLoopback, parseServiceUrl, resolveUnder } from '../src/url.js'

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
