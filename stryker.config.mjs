// `npm run mutation` (scripts/mutation.mjs): StrykerJS over src/ with the project's own tests.
// Each test file is one test to Stryker (the tap runner), run on its own as `node file`.
// The end-to-end tests reach src/ through the bundle, which the sandbox's build makes from the
// instrumented sources; scripts/mutation-hook.cjs carries the active mutant into the bundle and
// brings back which mutants it reached.

// Not the checks of the repository's files (repo.test, dist.test: action.yml, workflows, the
// install, dist/), which run no code of src/.
const UNIT = ['build/__tests__/!(repo|dist|promises).test.js', 'build/__tests__/!(e2e)/**/*.test.js']
const END_TO_END = ['build/__tests__/e2e/*.test.js']

/** MUTATION_TESTS=unit: the in-process tests only (the first, cheap pass of scripts/mutation.mjs). */
const tests = process.env.MUTATION_TESTS === 'unit' ? UNIT : [...UNIT, ...END_TO_END]

export default {
  plugins: ['@stryker-mutator/tap-runner'],
  testRunner: 'tap',
  mutate: ['src/**/*.ts'],
  buildCommand: 'node scripts/mutation-build.mjs',
  tap: {
    testFiles: tests,
    nodeArgs: ['--require', './scripts/mutation-hook.cjs', '--require', '{{hookFile}}'],
    forceBail: true,
  },
  coverageAnalysis: 'perTest',
  // Results are kept and reused: a mutant is run again only when it, or a test that reaches it, changed.
  incremental: true,
  // scripts/mutation.mjs runs src/ in parts, each with its own file (--incrementalFile).
  incrementalFile: 'reports/mutation-part-all.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // The end-to-end tests mostly wait on timers and sockets: more runners than cores keep both busy.
  concurrency: 6,
  timeoutMS: 30000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
