/**
 * run() of src/main.ts in this process, with INPUT_* variables and the runner's files, and what it
 * wrote read back: for outcomes that need an injected clock or signal, which the bundle cannot take.
 * The end-to-end tests (harness.ts) run the bundle as the runner does; these run the same flow.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run, type Runtime } from '../src/main.js'
import { lineEnds, parseOutputs } from './harness.js'

export interface InProcessResult {
  stdout: string
  outputs: Record<string, string>
  summary: string
  exitCode: number
}

// @actions/core keeps the first GITHUB_STEP_SUMMARY path it sees: one file for every run here.
const dir = mkdtempSync(join(tmpdir(), 'golive-in-process-'))
// Removed when the test file's process ends, so a run of the suite leaves no folder behind.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
export const SUMMARY_FILE = join(dir, 'summary')
const OUTPUT_FILE = join(dir, 'output')

/** Writes made within run(), told apart from the test runner's own report on the same stdout. */
const capture = new AsyncLocalStorage<string[]>()
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  const into = capture.getStore()
  if (!into) return write(chunk, ...rest)
  into.push(String(chunk))
  return true
}) as typeof process.stdout.write

/** One run: `env` on top of the runner's variables (undefined removes one), then all restored. */
export async function runInProcess(
  inputs: Record<string, string>,
  runtime: Runtime,
  env: Record<string, string | undefined> = {},
): Promise<InProcessResult> {
  writeFileSync(SUMMARY_FILE, '')
  writeFileSync(OUTPUT_FILE, '')
  const set: Record<string, string | undefined> = {
    GITHUB_OUTPUT: OUTPUT_FILE,
    GITHUB_STEP_SUMMARY: SUMMARY_FILE,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...env,
  }
  const saved = Object.fromEntries(Object.keys(set).map((name) => [name, process.env[name]]))
  const exitCode = process.exitCode
  const written: string[] = []
  try {
    for (const [name, value] of Object.entries(set)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    process.exitCode = 0
    await capture.run(written, () => run(runtime))
    return {
      stdout: lineEnds(written.join('')),
      outputs: parseOutputs(readFileSync(OUTPUT_FILE, 'utf8')),
      summary: lineEnds(readFileSync(SUMMARY_FILE, 'utf8')),
      exitCode: Number(process.exitCode ?? 0),
    }
  } finally {
    process.exitCode = exitCode
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
