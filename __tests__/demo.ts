/**
 * `npm run demo`: the bundled action puts an offer live against the local simulator, from the
 * go-live request to `succeeded`, and shows its log, its outputs and its job summary.
 */
import { runAction, simInputs } from './harness.js'
import { Simulator } from './simulator.js'

const sim = await Simulator.start({
  operation: {
    durationMs: 6000,
    liveLinks: [
      {
        displayText: 'Marketplace listing',
        uri: 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.contoso-offer',
      },
    ],
  },
})
console.log(`Simulated Cloud Partner Portal at ${sim.url}\n`)
console.log('$ node dist/index.js   (publisher-id: contoso, offer-id: contoso-offer, wait: true, poll-interval: 1s)\n')
const result = await runAction({
  inputs: simInputs(sim, { wait: 'true', 'poll-interval': '1s', timeout: '1m' }),
  echo: true,
})
await sim.close()
console.log(`\nExit code: ${result.code}`)
console.log('Outputs:')
for (const [name, value] of Object.entries(result.outputs)) console.log(`  ${name} = ${value}`)
console.log('\nJob summary:\n')
console.log(result.summary)
console.log(`Go-lives started on the simulator: ${sim.goLivesStarted}; requests made: ${sim.requests.length}`)
process.exitCode = result.code === 0 && result.outputs.status === 'succeeded' ? 0 : 1
