// npm run mutation [-- --force] [-- --part N]: StrykerJS over src/ with the whole test suite
// (stryker.config.mjs), in four parts of src/ that each fit in under an hour on a 2-core machine.
// Each part keeps its results in reports/mutation-part-N.json, so a re-run only runs the mutants
// that changed or that a changed test reaches. `--force` runs them all again: the recorded score
// comes from a forced run, as the tap runner names a test by its file only, so a test file whose
// content changed is not seen as changed.
// A part with no kept results (or forced) first runs the in-process tests alone, which is quick;
// the end-to-end tests then run only against the mutants those left alive, on those results.
// At the end the score over every part is printed, with the commit each part was taken at.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

/** The four parts of src/, each about 1,600 lines. Every file of src/ is in exactly one. */
const PARTS = [
  ['src/product-ingestion/**/*.ts'],
  ['src/cloud-partner-portal/**/*.ts', 'src/image.ts', 'src/draft-change.ts', 'src/stages.ts'],
  ['src/report.ts', 'src/settings.ts', 'src/http.ts', 'src/watch.ts', 'src/credentials.ts'],
  [
    'src/*.ts',
    '!src/image.ts',
    '!src/draft-change.ts',
    '!src/stages.ts',
    '!src/report.ts',
    '!src/settings.ts',
    '!src/http.ts',
    '!src/watch.ts',
    '!src/credentials.ts',
  ],
]
const LOG = 'reports/mutation-parts.json'
const kept = (n) => `reports/mutation-part-${n}.json`

const core = createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')
const stryker = join(dirname(core), 'bin/stryker.js')

function stryke(tests, part, force) {
  const args = [stryker, 'run', 'stryker.config.mjs', '--incrementalFile', kept(part)]
  args.push('--mutate', PARTS[part - 1].join(','))
  if (force) args.push('--force')
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, MUTATION_TESTS: tests } })
  if (run.status !== 0) process.exit(run.status ?? 1)
}

/** Stryker's score: killed and timed out over every mutant a test could have killed. */
function score(reports) {
  const n = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, errors: 0 }
  for (const report of reports)
    for (const file of Object.values(report.files))
      for (const m of file.mutants) {
        if (m.status in n && m.status !== 'errors') n[m.status]++
        else if (m.status !== 'Ignored') n.errors++
      }
  const detected = n.Killed + n.Timeout
  const valid = detected + n.Survived + n.NoCoverage
  return { ...n, mutants: valid + n.errors, score: (100 * detected) / valid }
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' }).trim()
}

{
  const argv = process.argv.slice(2)
  const force = argv.includes('--force')
  const at = argv.indexOf('--part')
  const parts = at >= 0 ? [Number(argv[at + 1])] : PARTS.map((_, i) => i + 1)
  if (parts.some((p) => !PARTS[p - 1])) throw new Error(`--part takes 1 to ${PARTS.length}`)
  const log = existsSync(LOG) ? JSON.parse(readFileSync(LOG, 'utf8')) : {}
  for (const part of parts) {
    const started = Date.now()
    if (force || !existsSync(kept(part))) stryke('unit', part, true)
    stryke('all', part, false)
    const counts = score([JSON.parse(readFileSync(kept(part), 'utf8'))])
    const dirty = git('status', '--porcelain', '--', 'src', '__tests__', 'scripts', 'stryker.config.mjs') !== ''
    const head = git('rev-parse', 'HEAD')
    log[part] = {
      // The commit when the part ended; a forced part's in-process pass ran on the tests at its start.
      commit: head + (dirty ? ' (with uncommitted changes)' : ''),
      date: new Date().toISOString().slice(0, 10),
      forced: force,
      // The commit of the forced run whose results this one builds on.
      forcedAt: force ? head : (log[part]?.forcedAt ?? log[part]?.commit),
      minutes: Math.round((Date.now() - started) / 60_000),
      ...counts,
    }
    writeFileSync(LOG, JSON.stringify(log, null, 2) + '\n')
  }
  const all = PARTS.map((_, i) => i + 1).filter((p) => existsSync(kept(p)))
  const total = score(all.map((p) => JSON.parse(readFileSync(kept(p), 'utf8'))))
  console.log(
    `parts ${all.join(', ')} of ${PARTS.length}; commits: ${[...new Set(all.map((p) => log[p]?.commit))].join(', ')}`,
  )
  console.log(
    `mutation score: ${total.score.toFixed(2)}% (${total.Killed} killed, ${total.Timeout} timed out, ${total.Survived} survived, ${total.NoCoverage} reached by no test, ${total.errors} errors)`,
  )
}
