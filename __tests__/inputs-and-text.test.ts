/** Input checks at their edges, and the sanitiser at its bounds: whole words, lengths, schemes. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { APIS } from '../src/apis.js'
import { clean, forLog, linkTarget, MAX_LINE, redactEmails } from '../src/sanitize.js'
import { readSettings } from '../src/settings.js'

const base = { 'publisher-id': 'p', 'offer-id': 'o', token: 't' }
const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '', APIS)

test('boolean inputs are whole words, in any case', () => {
  for (const yes of ['true', 'True', 'YES', 'on', '1']) assert.equal(read({ ...base, wait: yes }).wait, true, yes)
  for (const no of ['false', 'No', 'OFF', '0']) assert.equal(read({ ...base, wait: no }).wait, false, no)
  for (const word of ['truex', 'xtrue', 'yes please', 'not false', 'falsey', 'offline', '10', 'on off']) {
    assert.throws(() => read({ ...base, wait: word }), { message: `Input 'wait' is '${word}'; use true or false.` })
  }
  for (const name of ['start', 'fail-on-timeout']) {
    assert.throws(() => read({ ...base, [name]: 'maybe' }), {
      message: `Input '${name}' is 'maybe'; use true or false.`,
    })
  }
  assert.equal(read({ ...base, 'fail-on-timeout': 'no' }).failOnTimeout, false)
  assert.equal(read({ ...base, start: ' false ' }).intent, 'follow')
})

test('api-version: letters, digits, dots and dashes only, the whole of it', () => {
  assert.equal(read({ ...base, 'api-version': '2022-03-01-preview3' }).apiVersion, '2022-03-01-preview3')
  for (const bad of ['2017-10-31&x=1', 'x/2017', '2017 10', '?2017', '2017#', '../2017']) {
    assert.throws(() => read({ ...base, 'api-version': bad }), {
      name: 'ActionError',
      message: `Input 'api-version' is '${bad.trim()}'; use a version such as 2017-10-31.`,
    })
  }
  assert.throws(
    () => read({ ...base, api: 'product-ingestion', 'offer-id': 'contoso-saas', 'api-version': 'v 2' }),
    /such as 2022-07-01\./,
  )
})

test('a token with any one of tenant-id, client-id or client-secret is refused', () => {
  for (const extra of ['tenant-id', 'client-id', 'client-secret']) {
    assert.throws(() => read({ ...base, [extra]: 'x' }), /^ActionError: Give one way to sign in/, extra)
  }
  const app = read({ 'publisher-id': 'p', 'offer-id': 'o', 'tenant-id': 't', 'client-id': 'c' })
  assert.equal(app.auth.kind, 'oidc')
  assert.throws(
    () => read({ 'publisher-id': 'p', 'offer-id': 'o', 'tenant-id': 't', 'client-id': 'c/d' }),
    /^ActionError: Input 'client-id' is 'c\/d', which is not an id/,
  )
  assert.throws(() => read({ ...base, 'poll-interval': '1s', 'base-url': 'https://api.example.test' }), {
    message: "Input 'poll-interval' must be at least 5s against api.example.test; it is '1s'.",
  })
  assert.equal(read({ ...base, 'request-timeout': '7s' }).requestTimeoutMs, 7000)
  assert.equal(read({ ...base, 'offer-id': 'contoso-saas', api: ' product-ingestion ' }).api.name, 'product-ingestion')
})

test('non-http(s) links never become links; length and credentials are checked at their bounds', () => {
  for (const bad of [
    'javascript:alert(1)//https://x.example',
    ' https://x.example',
    'relative/https://x',
    'mailto:x',
  ]) {
    assert.equal(linkTarget(bad), undefined, bad)
  }
  assert.equal(linkTarget('http://x.example/a'), 'http://x.example/a', 'plain http without a host list')
  assert.equal(linkTarget('HTTPS://X.example/a'), 'https://x.example/a')
  assert.equal(linkTarget('https://u@x.example/'), undefined, 'a user name alone')
  assert.equal(linkTarget('https://:p@x.example/'), undefined, 'a password alone')
  const at = (n: number) => `https://x.example/${'a'.repeat(n - 'https://x.example/'.length)}`
  assert.equal(linkTarget(at(MAX_LINE)), at(MAX_LINE))
  assert.equal(linkTarget(at(MAX_LINE + 1)), undefined)
  assert.equal(linkTarget("https://x.example/'q'`b`<c>"), 'https://x.example/%27q%27%60b%60%3Cc%3E')
  assert.equal(linkTarget('https://x.example/%E0%A4%A'), 'https://x.example/%E0%A4%A', 'a broken escape is kept')
})

test('forLog and clean at their bounds; every entity; line breaks of every kind', () => {
  assert.equal(forLog('x'.repeat(10), 10), 'x'.repeat(10))
  assert.equal(forLog('x'.repeat(11), 10), `${'x'.repeat(10)}...`)
  assert.equal(clean('&amp;&lt;&gt;&quot;&#39;&apos;&nbsp;x'), `&<>"'' x`)
  assert.equal(clean('a<br>b<BR />c<br/>d<br  >e'), 'a b c d e')
  assert.equal(clean(' a \n\t b '), 'a b')
  assert.equal(clean('x'.repeat(500)), 'x'.repeat(500))
  assert.equal(clean('x'.repeat(501)), `${'x'.repeat(497)}...`)
  // The HTML is cut at twice the line bound before it is read.
  assert.equal(clean(`${'<i></i>'.repeat(MAX_LINE)}tail`).includes('tail'), false)
  assert.equal(clean(`${'<b>'.repeat(10)}tail`), 'tail')
})

test('e-mail addresses in their written-out forms are redacted; a lone "at" is not', () => {
  for (const text of [
    'jon (at) contoso (dot) com',
    'jon[at]contoso.com',
    'jon {AT} contoso.com',
    'jon (at)contoso.com',
  ]) {
    assert.equal(redactEmails(`mail ${text}`), 'mail [e-mail redacted]', text)
  }
  assert.equal(redactEmails('meet (at) noon'), 'meet (at) noon')
  assert.equal(redactEmails('a tat b'), 'a tat b')
})
