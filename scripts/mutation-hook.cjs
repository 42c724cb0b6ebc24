// Loaded into each test process of a mutation run (stryker.config.json), ahead of Stryker's own
// hook. The end-to-end tests run the bundle as a separate node process, which Stryker does not see:
// this hook makes each such process (through NODE_OPTIONS, which the test harness passes on) write
// down the mutants it reached, and adds them to the test process's coverage before Stryker's hook
// writes it. So a mutant reached only through the bundle is run against the end-to-end tests that
// reach it. The active mutant reaches the bundle the same way: __STRYKER_ACTIVE_MUTANT__.
'use strict'
const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

const NAMESPACE = process.env.STRYKER_NAMESPACE || '__stryker__'
const DIR = 'MUTATION_COVERAGE_DIR'

if (process.env[DIR]) {
  // A process the tests started: say what it reached.
  const dir = process.env[DIR]
  process.on('exit', () => {
    const reached = globalThis[NAMESPACE]?.mutantCoverage?.static
    if (reached && Object.keys(reached).length > 0) {
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(reached))
    }
  })
} else {
  // The test process: collect what its children reached. This listener runs before Stryker's,
  // which was registered after it.
  const dir = mkdtempSync(join(tmpdir(), 'mutation-coverage-'))
  process.env[DIR] = dir
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(__filename)}`.trim()
  process.on('exit', () => {
    const ns = (globalThis[NAMESPACE] ??= {})
    const coverage = (ns.mutantCoverage ??= { static: {}, perTest: {} })
    for (const name of readdirSync(dir)) {
      const reached = JSON.parse(readFileSync(join(dir, name), 'utf8'))
      for (const [id, hits] of Object.entries(reached)) {
        coverage.static[id] = (coverage.static[id] ?? 0) + hits
      }
    }
    rmSync(dir, { recursive: true, force: true })
  })
}
