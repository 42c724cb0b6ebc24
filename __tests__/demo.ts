/**
 * `npm run demo`: the bundled action puts an offer live against the local simulators, from the
 * go-live request to `succeeded`, and shows its log as the run page does, its outputs and its job
 * summary. Both APIs by
 * default; `npm run demo -- product-ingestion` (or `cloud-partner-portal`) shows one.
 */
import { ingestionInputs, runAction, simInputs } from './harness.js'
import { shown } from './markdown.js'
import { IngestionSimulator } from './ingestion-simulator.js'
import { Simulator } from './simulator.js'

const listing = (app: string) => [
  { displayText: 'Marketplace listing', uri: `https://azuremarketplace.microsoft.com/marketplace/apps/${app}` },
]

const demos = {
  'cloud-partner-portal': async () => {
    const sim = await Simulator.start({ operation: { durationMs: 6000, liveLinks: listing('contoso.contoso-offer') } })
    return {
      sim,
      title: `Simulated Cloud Partner Portal at ${sim.url}`,
      command: 'publisher-id: contoso, offer-id: contoso-offer, wait: true, poll-interval: 1s',
      inputs: simInputs(sim, { wait: 'true', 'poll-interval': '1s', timeout: '1m' }),
    }
  },
  'product-ingestion': async () => {
    const sim = await IngestionSimulator.start({ job: { durationMs: 4000 } })
    return {
      sim,
      title: `Simulated Product Ingestion API (Partner Center) at ${sim.url}`,
      command: 'api: product-ingestion, offer-id: contoso-saas, wait: true, poll-interval: 1s',
      inputs: ingestionInputs(sim, { wait: 'true', 'poll-interval': '1s', timeout: '1m' }),
    }
  },
}

const wanted = process.argv[2]
if (wanted && !(wanted in demos)) {
  console.error(`usage: npm run demo [-- ${Object.keys(demos).join(' | ')}]`)
  process.exit(2)
}
let failed = false
for (const [name, make] of Object.entries(demos)) {
  if (wanted && wanted !== name) continue
  const { sim, title, command, inputs } = await make()
  console.log(`\n===== ${name} =====\n${title}\n`)
  console.log(`$ node dist/index.js   (${command})\n`)
  const result = await runAction({ inputs, echo: true })
  await sim.close()
  console.log(`\nExit code: ${result.code}`)
  console.log('Outputs:')
  for (const [key, value] of Object.entries(result.outputs)) console.log(`  ${key} = ${value}`)
  console.log('\nJob summary (as GitHub renders its text):\n')
  console.log(shown(result.summary))
  console.log(`Go-lives started on the simulator: ${sim.goLivesStarted}; requests made: ${sim.requests.length}`)
  failed ||= result.code !== 0 || result.outputs.status !== 'succeeded'
}
process.exitCode = failed ? 1 : 0
