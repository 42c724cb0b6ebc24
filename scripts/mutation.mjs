// npm run mutation [-- stryker options]: StrykerJS over src/ with the whole test suite
// (stryker.config.mjs). Results are kept in reports/stryker-incremental.json, so a re-run only runs
// the mutants that changed or that a changed test reaches; `-- --force` runs them all.
// Without kept results, a first pass runs the in-process tests alone, which is quick; the
// end-to-end tests then run only against the mutants those left alive.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

const core = createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')
const stryker = join(dirname(core), 'bin/stryker.js')
const extra = process.argv.slice(2)

function pass(tests) {
  const env = { ...process.env, MUTATION_TESTS: tests }
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...extra], { stdio: 'inherit', env })
  if (run.status !== 0) process.exit(run.status ?? 1)
}

if (!existsSync('reports/stryker-incremental.json') || extra.includes('--force')) pass('unit')
pass('all')
