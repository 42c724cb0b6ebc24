import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { VERSION } from '../src/version.js'
import { ROOT } from './harness.js'

test('dist/ is what bundling the current src/ gives', { timeout: 120_000 }, async () => {
  const { bundle } = (await import(pathToFileURL(join(ROOT, 'scripts/bundle.mjs')).href)) as {
    bundle: () => Promise<Record<string, string>>
  }
  const expected = await bundle()
  const shipped = (await readdir(join(ROOT, 'dist'))).sort()
  assert.deepEqual(shipped, Object.keys(expected).sort(), 'dist/ has other files than the bundle: run npm run bundle')
  for (const [name, text] of Object.entries(expected)) {
    const actual = await readFile(join(ROOT, 'dist', name), 'utf8')
    assert.ok(actual === text, `dist/${name} is stale: run npm run bundle and commit dist/`)
  }
})

test("dist/index.js is at most 250 kB, and has no comment but the bundler's module lines", async () => {
  // Every byte of it is read at each start of the action.
  const text = await readFile(join(ROOT, 'dist/index.js'), 'utf8')
  const bytes = Buffer.byteLength(text)
  assert.ok(bytes <= 250_000, `dist/index.js is ${(bytes / 1000).toFixed(1)} kB`)
  const commentLines = text
    .split('\n')
    .filter((line) => /^\s*(\/\*|\/\/)/.test(line) && !/^;\/\/ CONCATENATED MODULE: /.test(line))
  assert.deepEqual(commentLines.slice(0, 3), [])
})

test('the User-Agent version is the package version', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  assert.equal(VERSION, pkg.version)
})
