// Runs every compiled test file with Node's own test runner. The files are listed here rather than
// passing the folder: from Node 21 on, `node --test DIR` reads DIR as a glob pattern and loads the
// folder as a module, so the same command would run no test on Node 22 and 24.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(root, 'build', '__tests__')

/** Every `*.test.js` below `dir`, sorted, as paths relative to the repository. */
export function testFiles(folder = dir) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .sort()
}

const files = testFiles()
if (files.length === 0) {
  console.error(`No test files under ${relative(root, dir)}: run npm run build first.`)
  process.exit(1)
}
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=4', ...process.argv.slice(2), ...files], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(run.status ?? 1)
