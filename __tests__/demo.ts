/**
 * `npm run demo`: the bundled action takes an offer through the whole release against the local
 * simulators: `target: preview` publishes the draft and waits until it is ready to go live, then
 * `target: live` puts that preview live. Each run's log is shown as the run page does, with its
 * outputs and its job summary. Both APIs by default; `npm run demo -- product-ingestion` (or
 * `cloud-partner-portal`) shows one.
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
    const sim = await Simulator.start({
      publish: {
        durationMs: 3000,
        previewLinks: [
          { displayText: 'Preview', uri: 'https://portal.azure.com/#create/contoso.contoso-offerpreview' },
        ],
      },
      operation: { durationMs: 4000, liveLinks: listing('contoso.contoso-offer') },
    })
    const step = (target: string) => ({
      command: `publisher-id: contoso, offer-id: contoso-offer, target: ${target}, wait: true, poll-interval: 1s`,
      inputs: simInputs(sim, { target, wait: 'true', 'poll-interval': '1s', timeout: '1m' }),
    })
    return { sim, title: `Simulated Cloud Partner Portal at ${sim.url}`, steps: [step('preview'), step('live')] }
  },
  'product-ingestion': async () => {
    const sim = await IngestionSimulator.start({
      offer: 'no-preview',
      preview: { durationMs: 3000 },
      job: { durationMs: 3000 },
    })
    const step = (target: string) => ({
      command: `api: product-ingestion, offer-id: contoso-saas, target: ${target}, wait: true, poll-interval: 1s`,
      inputs: ingestionInputs(sim, { target, wait: 'true', 'poll-interval': '1s', timeout: '1m' }),
    })
    return {
      sim,
      title: `Simulated Product Ingestion API (Partner Center) at ${sim.url}, an offer never published`,
      steps: [step('preview'), step('live')],
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
  const { sim, title, steps } = await make()
  console.log(`\n===== ${name} =====\n${title}\n`)
  for (const { command, inputs } of steps) {
    console.log(`$ node dist/index.js   (${command})\n`)
    const result = await runAction({ inputs, echo: true })
    console.log(`\nExit code: ${result.code}`)
    console.log('Outputs:')
    for (const [key, value] of Object.entries(result.outputs)) console.log(`  ${key} = ${value}`)
    console.log('\nJob summary (as GitHub renders its text):\n')
    console.log(shown(result.summary))
    failed ||= result.code !== 0 || result.outputs.status !== 'succeeded'
  }
  await sim.close()
  console.log(`Go-lives started on the simulator: ${sim.goLivesStarted}; requests made: ${sim.requests.length}`)
}
process.exitCode = failed ? 1 : 0
