/**
 * `npm run serve`: a simulator for a local `uses: ./` (or `act`) run of the action, on loopback.
 * It serves a go-live that succeeds after a few status reads, prints the inputs to run the action
 * with, and stops by itself.
 *
 *   npm run serve -- [--api product-ingestion|cloud-partner-portal] [--minutes N] [--url-file FILE] (--help)
 *
 * `--url-file` writes the base URL to FILE once it listens (for a workflow step to read).
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { IngestionSimulator } from './ingestion-simulator.js'
import { Simulator } from './simulator.js'

const USAGE = `usage: npm run serve -- [--api product-ingestion|cloud-partner-portal] [--minutes N] [--url-file FILE]

Starts a simulated marketplace API on loopback for a local run of the action (uses: ./, act, or
@github/local-action), with an offer whose go-live succeeds after three status reads, and prints the
inputs to run the action with.

  --api        product-ingestion (Partner Center offers) or cloud-partner-portal (the default)
  --minutes N  stop by itself after N minutes (default 10)
  --url-file F write the simulator's base URL to F once it listens, for a workflow step to read

The printed poll-interval of 1s is accepted because the simulator is on loopback; against the real
services the action needs at least 5s.`

let values: { api?: string; 'url-file'?: string; minutes?: string; help?: boolean }
try {
  values = parseArgs({
    options: {
      api: { type: 'string', default: 'cloud-partner-portal' },
      'url-file': { type: 'string' },
      minutes: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`)
  process.exit(2)
}
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const minutes = Number(values.minutes)
if (!['cloud-partner-portal', 'product-ingestion'].includes(values.api!) || !(minutes > 0)) {
  console.error(USAGE)
  process.exit(2)
}

const cpp = values.api === 'cloud-partner-portal'
const sim = cpp
  ? await Simulator.start({ operation: { reads: 3 } })
  : await IngestionSimulator.start({ job: { reads: 3 } })
const inputs: Record<string, string> = {
  ...(cpp
    ? { 'publisher-id': 'contoso', 'offer-id': 'contoso-offer' }
    : { api: 'product-ingestion', 'offer-id': 'contoso-saas' }),
  token: sim.scenario.token,
  'base-url': sim.url,
  wait: 'true',
  'poll-interval': '1s',
}
if (values['url-file']) await writeFile(values['url-file'], sim.url)
console.log(
  `Simulated ${cpp ? 'Cloud Partner Portal' : 'Product Ingestion API'} at ${sim.url}, stopping in ${minutes} min.`,
)
console.log(
  "Run the action with these inputs (the token is the simulator's test value, not a secret; a poll-interval under 5s is accepted for loopback hosts only):\n",
)
console.log('      - uses: ./')
console.log('        with:')
for (const [name, value] of Object.entries(inputs)) console.log(`          ${name}: ${value}`)
setTimeout(() => void sim.close().then(() => process.exit(0)), minutes * 60_000)
