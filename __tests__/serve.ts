/**
 * Serves the simulator for a workflow job that runs the action with `uses: ./`:
 * `node build/__tests__/serve.js URL_FILE [MINUTES]` writes the base URL to URL_FILE and serves a
 * go-live that succeeds after a few status reads, then stops by itself after MINUTES (default 10).
 */
import { writeFile } from 'node:fs/promises'
import { Simulator } from './simulator.js'

const [urlFile, minutes = '10'] = process.argv.slice(2)
if (!urlFile) {
  console.error('usage: node build/__tests__/serve.js URL_FILE [MINUTES]')
  process.exit(2)
}
const sim = await Simulator.start({ operation: { reads: 3 } })
await writeFile(urlFile, sim.url)
console.log(`Simulator at ${sim.url}; token ${sim.scenario.token} (a test value); stopping in ${minutes} min.`)
setTimeout(() => void sim.close().then(() => process.exit(0)), Number(minutes) * 60_000)
