import assert from 'node:assert/strict'
import { test } from 'node:test'
import { clean, forLog, forMarkdown, linkTarget, MAX_LINE, redactEmails } from '../src/sanitize.js'
import { shown } from './markdown.js'

test('forLog: one line, whatever breaks lines for the runner', () => {
  for (const br of ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c']) {
    const out = forLog(`a${br}::add-mask::x`)
    assert.doesNotMatch(out, /[\r\n\u2028\u2029\u0085\u000b\u000c]/, JSON.stringify(br))
    assert.equal(out, 'a ::add-mask::x')
  }
})

test('forLog: no ::command at the start (after white space), no ##[ anywhere', () => {
  assert.equal(forLog('::error::x'), ': :error::x')
  assert.equal(forLog('   ::stop-commands::t'), '   : :stop-commands::t')
  assert.equal(forLog('step ::warning:: mid-line stays'), 'step ::warning:: mid-line stays')
  assert.equal(forLog('a ##[stop-commands]t ##[error]x ###[y'), 'a ## [stop-commands]t ## [error]x ### [y')
  assert.doesNotMatch(forLog('#'.repeat(10) + '['), /##\[/)
})

test('forLog: bounded, with the cut said', () => {
  const out = forLog('x'.repeat(MAX_LINE * 3))
  assert.equal(out.length, MAX_LINE + 3)
  assert.ok(out.endsWith('...'))
})

test('e-mail addresses are redacted, in their common encodings too', () => {
  for (const address of [
    'jon@contoso.com',
    'Jon.Doe+release@mail.contoso.co.uk',
    'jon%40contoso.com',
    'jon&#64;contoso.com',
    'jon&#x40;contoso.com',
    'jon&commat;contoso.com',
    'jon\\u0040contoso.com',
    'jon＠contoso.com',
    'jon(at)contoso.com',
    'jon [at] contoso [dot] com',
    'jöns@exämple.de',
  ]) {
    assert.equal(redactEmails(`to ${address}.`), 'to [e-mail redacted].', address)
  }
  assert.equal(redactEmails('version 1.2 at 10:00, 50% done'), 'version 1.2 at 10:00, 50% done')
})

test('forMarkdown: links, images, headings, HTML, math and autolinks from the service are inert', () => {
  const hostile =
    '# H [a](https://evil.example) ![i](https://evil.example/p.png) <img src=x> https://evil.example www.evil.example $x$ | `c` *b* _i_ ~s~ \\'
  const md = forMarkdown(hostile)
  // Outside the character references, not one character that Markdown or HTML would act on.
  assert.doesNotMatch(md.replace(/&#\d+;/g, ''), /[[\]()<>#!|`*_~$\\&]/, md)
  assert.doesNotMatch(md, /https?:\/\/|www\./)
  // A person reads the same text as the service sent (GitHub shows the entities as characters).
  assert.equal(shown(md), hostile)
})

test('linkTarget: absolute http(s) only, no credentials or addresses, cannot break out of ()', () => {
  for (const bad of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '/relative',
    'data:text/html,x',
    'ftp://x.example/',
    'https://u:p@x.example/',
    'https://x.example/jon@contoso.com',
    'https://x.example/jon%40contoso.com',
    '',
  ]) {
    assert.equal(linkTarget(bad), undefined, bad)
  }
  assert.equal(
    linkTarget('https://x.example/a)](https://evil.example'),
    'https://x.example/a%29%5D%28https://evil.example',
  )
  assert.equal(linkTarget('https://x.example/a b'), 'https://x.example/a%20b')
  const hosts = ['microsoft.com', 'azure.com'] as const
  assert.equal(
    linkTarget('https://azuremarketplace.microsoft.com/x', hosts),
    'https://azuremarketplace.microsoft.com/x',
  )
  assert.equal(linkTarget('https://microsoft.com.evil.example/x', hosts), undefined)
  assert.equal(linkTarget('https://evilmicrosoft.com/x', hosts), undefined)
  assert.equal(linkTarget('http://azuremarketplace.microsoft.com/x', hosts), undefined)
})

test('clean: HTML to plain text, bounded', () => {
  assert.equal(clean('<b>No image</b> for&nbsp;plan &lt;x&gt;<br/>Fix it.'), 'No image for plan <x> Fix it.')
  assert.equal(clean('x'.repeat(600)).length, 500)
})

/** The median time of three runs of f, in milliseconds. */
function median3(f: () => unknown): number {
  const runs = [0, 1, 2].map(() => {
    const started = performance.now()
    f()
    return performance.now() - started
  })
  return runs.sort((a, b) => a - b)[1]
}

test('the cost is linear: 1 MiB of the worst inputs for each pattern takes milliseconds', { timeout: 20_000 }, () => {
  const MiB = 1024 * 1024
  const inputs = [
    '<'.repeat(MiB),
    'a'.repeat(MiB),
    'a@'.repeat(MiB / 2),
    'a@b.'.repeat(MiB / 4),
    '#'.repeat(MiB),
    ':'.repeat(MiB),
    'a [at] '.repeat(MiB / 7),
  ]
  for (const text of inputs) {
    for (const [name, f] of [
      ['forLog', forLog],
      ['forMarkdown', forMarkdown],
      ['clean', clean],
    ] as const) {
      // Milliseconds, where a pattern that backtracks would take minutes on 1 MiB: the median of
      // three runs under 200 ms leaves a loaded 2-core machine room for a GC or a preemption.
      const ms = median3(() => f(text))
      assert.ok(ms < 200, `${name} on ${JSON.stringify(text.slice(0, 8))}...: ${ms.toFixed(1)} ms`)
    }
    // The e-mail pattern itself, on uncut text, is linear: four times the text, about four times
    // the time (quadratic would be sixteen). Measured as a ratio in one run, the median of three.
    const time = (t: string): number => median3(() => redactEmails(t))
    // On 16 and 64 KiB: a quadratic pattern fails this in seconds instead of blocking for hours.
    const quarter = time(text.slice(0, 16 * 1024))
    const whole = time(text.slice(0, 64 * 1024))
    assert.ok(
      whole < 8 * quarter + 20,
      `redactEmails: ${quarter.toFixed(1)} ms for 16 KiB, ${whole.toFixed(1)} ms for 64 KiB of ${JSON.stringify(text.slice(0, 8))}`,
    )
  }
})

test('linkTarget: an address hidden in escapes is found even beside a malformed escape', () => {
  // Decoded at once, %ZZ would fail the whole decoding and leave the address encoded.
  for (const url of [
    'https://h.example/ops/%6A%6F%6E%40contoso%2Ecom/%ZZ',
    'https://h.example/ops/%ZZ/jon%40contoso%2Ecom',
    'https://h.example/ops/50%/%6A%6F%6E%40contoso%2Ecom',
  ]) {
    assert.equal(linkTarget(url), undefined, url)
  }
  // A literal % (no valid escape) is fine on its own.
  assert.equal(linkTarget('https://h.example/ops/50%'), 'https://h.example/ops/50%')
})

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
