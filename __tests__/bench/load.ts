/**
 * Many runs of the bundle at once, as a release matrix starts them: `offers` offers of one account,
 * each named `runsPerOffer` times, against simulators behind one fixed-window throttle (the
 * account's). What must hold: exactly one go-live per offer, and every run ends with that
 * go-live's true outcome. What it costs: requests per run, throttled answers, how far apart the
 * runs finish. `npm run bench` runs it at full size; a test runs it small.
 */
import { ingestionInputs, runAction, simInputs, type RunResult } from '../harness.js'
import { IngestionSimulator } from '../ingestion-simulator.js'
import { FixedWindowThrottle } from '../sim-base.js'
import { Simulator } from '../simulator.js'

export interface LoadOptions {
  api: 'product-ingestion' | 'cloud-partner-portal'
  offers: number
  runsPerOffer: number
  /** The account's limit: requests per window. */
  limit: number
  windowMs: number
  /** How long each go-live runs on the service. */
  goLiveMs: number
}

export interface LoadResult {
  runs: number
  /** Offers that got other than exactly one go-live. */
  wrongGoLives: number
  /** Runs that did not end green with status succeeded. */
  untrue: string[]
  /** API requests per run (by kept-alive connection), sorted. */
  requestsPerRun: number[]
  throttled: number
  /** Wall time of each run, sorted. */
  durationsMs: number[]
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const throttle = new FixedWindowThrottle(options.limit, options.windowMs)
  const pi = options.api === 'product-ingestion'
  const sims: (Simulator | IngestionSimulator)[] = []
  try {
    const jobs: Promise<RunResult>[] = []
    for (let i = 0; i < options.offers; i++) {
      const sim = pi
        ? await IngestionSimulator.start({
            offerId: `contoso-saas-${i}`,
            job: { durationMs: options.goLiveMs },
            throttle,
          })
        : await Simulator.start({ offerId: `contoso-vm-${i}`, operation: { durationMs: options.goLiveMs }, throttle })
      sims.push(sim)
    }
    for (const sim of sims) {
      for (let k = 0; k < options.runsPerOffer; k++) {
        const more = { wait: 'true', 'poll-interval': '500ms', timeout: '5m' }
        const inputs =
          sim instanceof IngestionSimulator
            ? ingestionInputs(sim, more)
            : simInputs(sim as Simulator, { ...more, 'offer-id': sim.scenario.offerId })
        jobs.push(runAction({ inputs, timeoutMs: 240_000 }))
      }
    }
    const results = await Promise.all(jobs)
    const untrue = results.flatMap((r, i) =>
      r.code === 0 && r.outputs.status === 'succeeded'
        ? []
        : [
            `run ${i}: exit ${r.code}, status ${r.outputs.status}: ${r.stdout.split('\n').find((l) => l.startsWith('::error'))}`,
          ],
    )
    const requestsPerRun = sims
      .flatMap((sim) => {
        const byConnection = new Map<number, number>()
        for (const q of sim.apiRequests) byConnection.set(q.connection, (byConnection.get(q.connection) ?? 0) + 1)
        return [...byConnection.values()]
      })
      .sort((a, b) => a - b)
    return {
      runs: results.length,
      wrongGoLives: sims.filter((s) => s.goLivesStarted !== 1).length,
      untrue,
      requestsPerRun,
      throttled: throttle.throttled,
      durationsMs: results.map((r) => r.durationMs).sort((a, b) => a - b),
    }
  } finally {
    await Promise.all(sims.map((s) => s.close()))
  }
}

/** One line of figures for a load result. */
export function describeLoad(r: LoadResult): string {
  return `${r.runs} runs: ${r.wrongGoLives} offers without exactly one go-live, ${r.untrue.length} runs without their go-live's outcome; requests per run median ${median(r.requestsPerRun)}, max ${r.requestsPerRun.at(-1)}; ${r.throttled} answers 429; run time median ${(median(r.durationsMs) / 1000).toFixed(1)} s, slowest ${(r.durationsMs.at(-1)! / 1000).toFixed(1)} s`
}

export { median }
