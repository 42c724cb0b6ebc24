/**
 * `npm run bench`: what the action costs a release job. Every figure is taken beside its reference
 * in the same run (interleaved, so machine noise hits both alike) and quoted as a median.
 * Writes the table to stdout and into BENCHMARKS.md between the bench markers.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { DIST, ROOT, simInputs } from '../harness.js'
import { Simulator, type Scenario } from '../simulator.js'
import { describeLoad, load } from './load.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11)
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

interface Measured {
  wallMs: number
  code: number | null
  /** From /usr/bin/time -v, when present. */
  maxRssKb?: number
  cpuMs?: number
}

/** One process, timed from spawn to exit, with its resource use when /usr/bin/time is present. */
async function measure(args: string[], env: Record<string, string> = {}, withTime = false): Promise<Measured> {
  const command = withTime && TIME ? TIME : process.execPath
  const argv = withTime && TIME ? ['-v', process.execPath, ...args] : args
  const started = process.hrtime.bigint()
  const child = spawn(command, argv, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const kill = setTimeout(() => child.kill('SIGKILL'), 120_000)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(kill)
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const field = (name: string): number | undefined => {
    const m = new RegExp(`${name}: ([\\d.]+)`).exec(stderr)
    return m ? Number(m[1]) : undefined
  }
  const user = field('User time \\(seconds\\)')
  const sys = field('System time \\(seconds\\)')
  return {
    wallMs,
    code,
    maxRssKb: field('Maximum resident set size \\(kbytes\\)'),
    cpuMs: user !== undefined && sys !== undefined ? (user + sys) * 1000 : undefined,
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

function inputs(sim: Simulator, more: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(simInputs(sim, more)).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
}

/** Runs the action against a fresh simulator (each go-live starts on an idle offer). */
async function action(
  scenario: Partial<Scenario>,
  more: Record<string, string> = {},
  withTime = false,
): Promise<Measured & { sim: Simulator; endedAt: number }> {
  const sim = await Simulator.start(scenario)
  try {
    const m = await measure([DIST], inputs(sim, more), withTime)
    return { ...m, sim, endedAt: Date.now() }
  } finally {
    await sim.close()
  }
}

/**
 * The floor of the action's own dependencies: a bundle of only @actions/core and
 * @actions/http-client (undici left out as in dist/) that makes the same requests as a go-live
 * without wait (the submissions list it is decided from, the POST, then one read of the operation
 * it names) and sets the same outputs.
 */
const FLOOR = `import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'
const base = core.getInput('base-url')
const token = core.getInput('token')
core.setSecret(token)
const client = new HttpClient('floor', undefined, { keepAlive: true, allowRedirects: false })
const headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' }
const offer = '/api/publishers/' + core.getInput('publisher-id') + '/offers/' + core.getInput('offer-id')
const list = await client.get(base + offer + '/submissions?api-version=2017-10-31', headers)
JSON.parse(await list.readBody())
const started = await client.post(base + offer + '/golive?api-version=2017-10-31', '', { ...headers, 'Content-Type': 'application/json' })
await started.readBody()
const location = new URL(started.message.headers['operation-location'], base)
core.setOutput('operation-location', location.href)
const read = await client.get(location.href + '?api-version=2017-10-31', headers)
const op = JSON.parse(await read.readBody())
core.setOutput('status', op.status)
`

async function floorBundle(): Promise<string> {
  const dir = join(ROOT, 'build/bench-reference')
  await mkdir(dir, { recursive: true })
  const entry = join(ROOT, 'build/bench-reference-entry.js')
  await writeFile(entry, FLOOR)
  const ncc = createRequire(import.meta.url)('@vercel/ncc') as (f: string, o: object) => Promise<{ code: string }>
  const { code } = await ncc(entry, { minify: false, sourceMap: false, quiet: true, target: 'es2022' })
  await writeFile(join(dir, 'index.js'), code)
  await writeFile(join(dir, 'package.json'), '{"type":"module"}')
  return join(dir, 'index.js')
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size
  return total
}

const rows: [string, string, string, string, string][] = []
const row = (figure: string, how: string, value: string, target: string, met: boolean): void => {
  rows.push([figure, how, value, target, met ? 'met' : 'MISSED'])
  console.log(`${met ? 'met   ' : 'MISSED'} ${figure}: ${value} (target ${target})`)
}

console.log(
  `Benchmarking dist/ on Node ${process.version}, ${ROUNDS} rounds; /usr/bin/time ${TIME ? 'present' : 'absent'}.`,
)
const reference = await floorBundle()

// Start-up and fail-fast: bare node, the toolkit-only reference, the action, and two failures, interleaved.
const r = {
  bare: [] as number[],
  ref: [] as number[],
  act: [] as number[],
  notFound: [] as number[],
  badInput: [] as number[],
}
for (let i = 0; i < ROUNDS; i++) {
  r.bare.push((await measure(['-e', '0'])).wallMs)
  const floorSim = await Simulator.start({})
  // The same environment as the action's runs below (no GITHUB_OUTPUT file for either).
  const floor = await measure([reference], inputs(floorSim))
  await floorSim.close()
  if (floor.code !== 0 || floorSim.goLivesStarted !== 1) throw new Error(`the floor bundle failed (exit ${floor.code})`)
  r.ref.push(floor.wallMs)
  const ok = await action({})
  if (ok.code !== 0) throw new Error(`the action failed in the start-up run (exit ${ok.code})`)
  r.act.push(ok.wallMs)
  r.notFound.push((await action({}, { 'offer-id': 'missing-offer' })).wallMs)
  r.badInput.push((await action({}, { 'offer-id': 'a/b' })).wallMs)
}
const perRound = (xs: number[], ys: number[]): number => median(xs.map((x, i) => x / ys[i]))
const overFloor = perRound(r.act, r.ref)
row(
  'start-up',
  `node dist/index.js, go-live without wait / the floor: only @actions/core + http-client making the same requests (${median(r.act).toFixed(0)} / ${median(r.ref).toFixed(0)} ms)`,
  `${overFloor.toFixed(3)}x`,
  '<= 1.05x',
  overFloor <= 1.05,
)
rows.push([
  '(beside bare node)',
  `the action / node -e 0 (${median(r.bare).toFixed(0)} ms); the floor / node -e 0: ${perRound(r.ref, r.bare).toFixed(2)}x`,
  `${perRound(r.act, r.bare).toFixed(2)}x`,
  'none (retired)',
  '',
])

const bytes = await dirBytes(join(ROOT, 'dist'))
row('bundle', 'bytes of dist/ as shipped', `${(bytes / 1000).toFixed(0)} kB`, '<= 600 kB', bytes <= 600_000)
const mainBytes = (await stat(DIST)).size
row(
  'bundle (index.js)',
  'bytes of dist/index.js, read at every start',
  `${(mainBytes / 1000).toFixed(0)} kB`,
  '<= 250 kB',
  mainBytes <= 250_000,
)

if (TIME) {
  const rss: number[] = []
  const bareRss: number[] = []
  for (let i = 0; i < Math.max(3, ROUNDS >> 1); i++) {
    rss.push((await action({}, {}, true)).maxRssKb!)
    bareRss.push((await measure(['-e', '0'], {}, true)).maxRssKb!)
  }
  const mib = median(rss) / 1024
  row(
    'memory',
    `peak RSS of the start-up run (bare node: ${(median(bareRss) / 1024).toFixed(0)} MiB)`,
    `${mib.toFixed(1)} MiB`,
    '<= 60 MiB',
    mib <= 60,
  )
} else {
  rows.push(['memory', 'needs /usr/bin/time', 'n/a', '<= 60 MiB', 'not measured'])
}

// Polling economy: a 1-hour operation polled every minute, with one minute compressed to 50 ms.
const MINUTE = 50
const requests: number[] = []
for (let i = 0; i < 3; i++) {
  const run = await action(
    { operation: { durationMs: 60 * MINUTE } },
    { wait: 'true', 'poll-interval': `${MINUTE}ms`, timeout: '1m' },
  )
  if (run.code !== 0) throw new Error(`the polling run failed (exit ${run.code})`)
  requests.push(run.sim.requests.length)
}
row(
  'polling economy',
  `requests over a 1-hour operation at a 1-minute interval (1 min = ${MINUTE} ms)`,
  `${median(requests)}`,
  '<= 62',
  median(requests) <= 62,
)

// Idle cost: CPU while waiting. A sleeping Node uses no CPU, but some seconds after each burst of
// work V8's memory reducer runs a GC; at the default 1-minute interval every poll is followed by one.
// So a wait is measured with polls spaced wider than that delay (10 s), and the cost of one such
// cycle (poll + the GC after it) is priced at 60 cycles an hour. Time cannot be compressed here.
if (TIME) {
  const WAIT_MS = 40_000
  const INTERVAL_MS = 10_000
  const perCycle: number[] = []
  for (let i = 0; i < 2; i++) {
    const quick = await action({}, {}, true)
    const waiting = await action(
      { operation: { durationMs: WAIT_MS } },
      { wait: 'true', 'poll-interval': `${INTERVAL_MS}ms`, timeout: '2m' },
      true,
    )
    const cycles = waiting.sim.requests.length - quick.sim.requests.length
    perCycle.push((waiting.cpuMs! - quick.cpuMs!) / cycles)
  }
  const hour = (60 * median(perCycle)) / 1000
  row(
    'idle cost',
    `CPU per hour of waiting at poll-interval 1m: 60 x ${median(perCycle).toFixed(1)} ms (a poll and the GC after it, measured over ${WAIT_MS / 1000} s polling every ${INTERVAL_MS / 1000} s)`,
    `${hour.toFixed(2)} s/h`,
    '<= 1 s/h',
    hour <= 1,
  )
} else {
  rows.push(['idle cost', 'needs /usr/bin/time', 'n/a', '<= 1 s/h', 'not measured'])
}

// Detection delay: from the operation's end on the service to the step's end.
const delays: number[] = []
const INTERVAL = 1000
for (let i = 0; i < 5; i++) {
  const run = await action(
    { operation: { durationMs: 2000 } },
    { wait: 'true', 'poll-interval': `${INTERVAL}ms`, timeout: '1m' },
  )
  delays.push(run.endedAt - (run.sim.operation!.startedAt + 2000))
}
row(
  'detection delay',
  `operation end -> step end, polling every ${INTERVAL} ms`,
  `${median(delays).toFixed(0)} ms`,
  `<= ${INTERVAL + 1000} ms`,
  median(delays) <= INTERVAL + 1000,
)

const nf = perRound(r.notFound, r.act)
const bi = perRound(r.badInput, r.act)
row('fail-fast (404)', 'wall time to fail on a 404 / start-up, same rounds', `${nf.toFixed(2)}x`, '<= 1.5x', nf <= 1.5)
row(
  'fail-fast (bad input)',
  'wall time to fail on a bad offer-id / start-up, same rounds',
  `${bi.toFixed(2)}x`,
  '<= 1.5x',
  bi <= 1.5,
)

// Load: a matrix of 50 runs at once (25 offers of one account, each named twice) behind the
// account's throttle (50 requests a second), on each API.
const LOAD = { offers: 25, runsPerOffer: 2, limit: 50, windowMs: 1000, goLiveMs: 4000 }
for (const api of ['product-ingestion', 'cloud-partner-portal'] as const) {
  const result = await load({ api, ...LOAD })
  console.log(`load (${api}): ${describeLoad(result)}`)
  for (const line of result.untrue) console.log(`  ${line}`)
  const perRun = median(result.requestsPerRun)
  const slowest = result.durationsMs.at(-1)! / median(result.durationsMs)
  const held = result.wrongGoLives === 0 && result.untrue.length === 0
  row(
    `load (${api})`,
    `${result.runs} runs at once, ${LOAD.offers} offers each named twice, behind a ${LOAD.limit}/s throttle (${result.throttled} answers 429), ${LOAD.goLiveMs / 1000} s go-lives polled every 500 ms: one go-live per offer and every run's true outcome ${held ? 'held' : 'FAILED'}; requests per run max ${result.requestsPerRun.at(-1)}; slowest run ${slowest.toFixed(2)}x the median`,
    `${perRun} requests/run`,
    'one go-live per offer, every outcome true; <= 20 requests/run',
    held && result.requestsPerRun.at(-1)! <= 20,
  )
}

const table = [
  '| figure | how | median | target | |',
  '|---|---|---|---|---|',
  ...rows.map((x) => `| ${x.join(' | ')} |`),
  '',
  `Node ${process.version}, ${ROUNDS} interleaved rounds for start-up and fail-fast, ${new Date().toISOString().slice(0, 10)}.`,
].join('\n')
console.log(`\n${table}\n`)
const file = join(ROOT, 'BENCHMARKS.md')
const md = existsSync(file)
  ? await readFile(file, 'utf8')
  : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n'
// Written as Prettier writes it, so that the bench leaves `npm run lint` green.
const prettier = (await import('prettier')) as typeof import('prettier')
const updated = md.replace(
  /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
  `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
)
const options = (await prettier.resolveConfig(file)) ?? {}
await writeFile(file, await prettier.format(updated, { ...options, filepath: file }))
await rm(join(ROOT, 'build/bench-reference'), { recursive: true, force: true })
console.log('BENCHMARKS.md updated.')
