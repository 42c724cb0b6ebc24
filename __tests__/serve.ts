/**
 * `npm run serve`: a simulator for a local `uses: ./` (or `act`) run of the action, on loopback.
 * It serves a go-live that succeeds after a few status reads, prints the inputs to run the action
 * with, and stops by itself.
 *
 *   npm run serve -- [--api cloud-partner-portal|product-ingestion] [--url-file FILE] [--minutes N]
 *
 * `--url-file` writes the base URL to FILE once it listens (for a workflow step to read).
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { IngestionSimulator } from './ingestion-simulator.js'
import { Simulator } from './simulator.js'

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'cloud-partner-portal' },
    'url-file': { type: 'string' },
    minutes: { type: 'string', default: '10' },
  },
})
const minutes = Number(values.minutes)
if (!['cloud-partner-portal', 'product-ingestion'].includes(values.api!) || !(minutes > 0)) {
  console.error(
    'usage: npm run serve -- [--api cloud-partner-portal|product-ingestion] [--url-file FILE] [--minutes N]',
  )
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
console.log("Run the action with these inputs (the token is the simulator's test value, not a secret):\n")
console.log('      - uses: ./')
console.log('        with:')
for (const [name, value] of Object.entries(inputs)) console.log(`          ${name}: ${value}`)
setTimeout(() => void sim.close().then(() => process.exit(0)), minutes * 60_000)
