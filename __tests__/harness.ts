/** Runs the bundled action as the runner does: a separate node process, INPUT_* variables, files. */
import { spawn } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DIST = join(ROOT, 'dist/index.js')

/** The machine's own Node (the one running the tests) and Node 24, which action.yml declares. */
export const NODES = {
  system: process.execPath,
  node24: join(ROOT, 'node_modules/node24/bin/node'),
}

export interface RunOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  node?: string
  /** Send this signal once `when` holds for the output so far (or after `afterMs`). */
  interrupt?: { signal: NodeJS.Signals; when?: (stdout: string) => boolean; afterMs?: number }
  /** The test's bound on the whole run; the process is killed past it. */
  timeoutMs?: number
  /** Also copy the action's log, as the run page shows it (no debug lines), to this process's stdout. */
  echo?: boolean
}

export interface RunResult {
  code: number | null
  stdout: string
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

export async function runAction(options: RunOptions): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'golive-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: Record<string, string> = {
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
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
    if (options.echo) process.stdout.write(chunk.toString('utf8').replace(/^::debug::.*\n/gm, ''))
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
    stderr,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    durationMs: ended - started,
    stoppedInMs: interruptedAt !== undefined ? ended - interruptedAt : undefined,
  }
  await rm(dir, { recursive: true, force: true })
  return result
}

/** The GITHUB_OUTPUT file: `name<<delimiter`, value lines, `delimiter`; the last value of a name wins. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const end = lines.indexOf(match[2], i + 1)
    outputs[match[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
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

/** A self-signed certificate for 127.0.0.1, made with openssl, and the file to trust it through. */
export async function makeCertificate(): Promise<{
  key: string
  cert: string
  caFile: string
  cleanup: () => Promise<void>
}> {
  const dir = await mkdtemp(join(tmpdir(), 'golive-tls-'))
  const keyFile = join(dir, 'key.pem')
  const caFile = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  )
  return {
    key: await readFile(keyFile, 'utf8'),
    cert: await readFile(caFile, 'utf8'),
    caFile,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}

/** Anything in a text that looks like an e-mail address. */
export const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/
