/**
 * The sanitiser's and the Retry-After reader's edges: addresses written out with spaces around
 * "(at)", encodings that need a whole run decoded, the pre-cut of long service text, quotes in a
 * link target, and Retry-After in fractions of a second.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseRetryAfter } from '../src/retry.js'
import { clean, linkTarget, redactEmails } from '../src/sanitize.js'

test('addresses written out with "at" and "dot", with or without spaces, are redacted', () => {
  for (const text of [
    'jon (at) contoso (dot) com',
    'jon(at)contoso(dot)com',
    'jon [ at ] contoso.com',
    'jon {at}contoso.com',
  ]) {
    assert.equal(redactEmails(`mail ${text} now`), 'mail [e-mail redacted] now', text)
  }
  // "at" between words is not an address.
  assert.equal(redactEmails('meet at noon (at) home'), 'meet at noon (at) home')
})

test('an address encoded in several escapes is read whole: decoded as one run', () => {
  assert.equal(linkTarget('https://contoso.com/p?to=jon%40contoso.com', ['contoso.com']), undefined)
  // A two-byte UTF-8 escape decodes only whole: the run from the @ on is decoded together.
  assert.equal(linkTarget('https://contoso.com/jon%40%C3%A9x.com', ['contoso.com']), undefined)
  assert.equal(linkTarget("https://contoso.com/a'b", ['contoso.com']), 'https://contoso.com/a%27b')
  assert.equal(linkTarget('https://contoso.com/%C3%A9', ['contoso.com']), 'https://contoso.com/%C3%A9')
  // A run that does not decode is kept as it is, so its %40 still reads as the @ of an address.
  assert.equal(linkTarget('https://contoso.com/jon%E0%40contoso.com', ['contoso.com']), undefined)
})

test('service text is cut before it is cleaned, far enough out that markup does not eat the text', () => {
  // 3,200 characters of markup around 400 of text: all of the text is kept.
  assert.equal(clean('<i>x</i>'.repeat(400)), 'x'.repeat(400))
})

test('Retry-After in seconds, fractions of a second, or as a date', () => {
  assert.equal(parseRetryAfter('7', 0), 7000)
  assert.equal(parseRetryAfter('1.25', 0), 1250)
  assert.equal(parseRetryAfter(' 2 ', 0), 2000)
  assert.equal(parseRetryAfter('Wed, 02 Dec 2026 10:00:05 GMT', Date.parse('2026-12-02T10:00:00Z')), 5000)
  assert.equal(parseRetryAfter('soon', 0), undefined)
})
