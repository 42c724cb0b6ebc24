/** __tests__/PROMISES.md names, for each promise, tests that exist: a rewrite cannot drop one silently. */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { ROOT } from './harness.js'

test('every test PROMISES.md names exists in the end-to-end file it names, and every promise has one', async () => {
  const table = await readFile(join(ROOT, '__tests__/PROMISES.md'), 'utf8')
  const rows = table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| promise') && !line.startsWith('| ---'))
  assert.ok(rows.length >= 10, `${rows.length} promises`)
  for (const row of rows) {
    const [promise, heldBy] = row.split(' | ').map((cell) => cell.replace(/^\|/, '').replace(/\|$/, '').trim())
    const tests = heldBy.split(' · ')
    assert.ok(tests.length >= 1 && tests[0].length > 0, `no test holds: ${promise}`)
    for (const named of tests) {
      const match = /^`([a-z-]+\.test\.ts)`: (.+)$/.exec(named)
      assert.ok(match, `'${named}' is not "\`file\`: test name"`)
      const source = await readFile(join(ROOT, '__tests__/e2e', match[1]), 'utf8')
      const title = match[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      assert.match(
        source,
        new RegExp(`test\\(\\s*['"\`][^'"\n]*${title}`),
        `${match[1]} has no test '${match[2]}' (${promise})`,
      )
    }
  }
})
