/**
 * `npm run serve`: a simulator for a local `uses: ./` (or `act`) run of the action, on loopback.
 * It serves an offer in the state a scenario names (by default a go-live that succeeds after a few
 * status reads), prints the inputs to run the action with, and stops by itself.
 *
 *   npm run serve -- [--api product-ingestion|cloud-partner-portal] [--scenario NAME] [--minutes N] [--url-file FILE] (--help)
 *
 * `--url-file` writes the base URL to FILE once it listens (for a workflow step to read).
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { IngestionSimulator, type IngestionScenario } from './ingestion-simulator.js'
import { Simulator, type Scenario } from './simulator.js'

/** The app the simulator's sign-in knows, for the wrong-audience scenario. */
const LOCAL_APP = {
  tenantId: '00000000-0000-4000-8000-00000000000a',
  clientId: '00000000-0000-4000-8000-00000000000b',
  clientSecret: 'local-secret',
  tokenLifetimeMs: 3_600_000,
}

/** What each scenario sets up, on each API, and what to try against it. */
const SCENARIOS: Record<
  string,
  { about: string; cpp: Partial<Scenario>; pi: Partial<IngestionScenario>; more?: Record<string, string> }
> = {
  'go-live': {
    about: 'an offer whose go-live succeeds after three status reads',
    cpp: { operation: { reads: 3 } },
    pi: { job: { reads: 3 } },
  },
  'never-published': {
    about:
      'an offer with nothing in preview: target: live is refused (publish first); target: preview publishes it and certifies it in three reads',
    cpp: { publish: { reads: 3 } },
    pi: { offer: 'no-preview', preview: { reads: 3 } },
    more: { target: 'preview' },
  },
  certifying: {
    about:
      'a preview publish still certifying: a go-live is refused until it is ready; target: preview with start: false follows it',
    cpp: { running: 'publish', publish: { reads: 1_000_000 } },
    pi: { offer: 'preview-running', preview: { reads: 1_000_000 } },
  },
  failed: {
    about: 'a go-live that fails certification: the step fails with the service reasons',
    cpp: { operation: { reads: 2, outcome: 'failed' } },
    pi: { job: { reads: 2, outcome: 'failed' } },
  },
  'wrong-audience': {
    about:
      "a token issued for the other API (the simulator's own sign-in gave it): the step fails with the 401 and names the audience it needs",
    cpp: { aad: LOCAL_APP },
    pi: { aad: LOCAL_APP },
  },
  'list-lag': {
    about:
      'a submissions list that shows a new go-live only 15 s after it starts: start it with wait: false, then follow with start: false at once',
    cpp: { operation: { reads: 20 }, listingDelayMs: 15_000 },
    pi: { job: { reads: 20 }, listingDelayMs: 15_000 },
    more: { wait: 'false' },
  },
}

const USAGE = `usage: npm run serve -- [--api product-ingestion|cloud-partner-portal] [--scenario NAME] [--minutes N] [--url-file FILE]

Starts a simulated marketplace API on loopback for a local run of the action (uses: ./, act,
@github/local-action, or node dist/index.js with INPUT_ variables), with an offer in the state the
scenario names, and prints the inputs to run the action with.

  --api         product-ingestion (Partner Center offers) or cloud-partner-portal (the default)
  --scenario    what the offer is like (default go-live):
${Object.entries(SCENARIOS)
  .map(([name, { about }]) => `                  ${name}: ${about}`)
  .join('\n')}
  --minutes N   stop by itself after N minutes (default 10)
  --url-file F  write the simulator's base URL to F once it listens, for a workflow step to read

The printed poll-interval of 1s is accepted because the simulator is on loopback; against the real
services the action needs at least 5s.`

let values: { api?: string; scenario?: string; 'url-file'?: string; minutes?: string; help?: boolean }
try {
  values = parseArgs({
    options: {
      api: { type: 'string', default: 'cloud-partner-portal' },
      scenario: { type: 'string', default: 'go-live' },
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
const scenario = SCENARIOS[values.scenario!]
if (!['cloud-partner-portal', 'product-ingestion'].includes(values.api!) || !(minutes > 0) || !scenario) {
  console.error(USAGE)
  process.exit(2)
}

const cpp = values.api === 'cloud-partner-portal'
const sim = cpp ? await Simulator.start(scenario.cpp) : await IngestionSimulator.start(scenario.pi)
const inputs: Record<string, string> = {
  ...(cpp
    ? { 'publisher-id': 'contoso', 'offer-id': 'contoso-offer' }
    : { api: 'product-ingestion', 'offer-id': 'contoso-saas' }),
  token: values.scenario === 'wrong-audience' ? await otherAudience(sim, cpp) : sim.scenario.token,
  'base-url': sim.url,
  wait: 'true',
  'poll-interval': '1s',
  ...scenario.more,
}
if (values['url-file']) await writeFile(values['url-file'], sim.url)
console.log(
  `Simulated ${cpp ? 'Cloud Partner Portal' : 'Product Ingestion API'} at ${sim.url}, stopping in ${minutes} min: ${scenario.about}.`,
)
console.log(
  "Run the action with these inputs (the token is the simulator's test value, not a secret; a poll-interval under 5s is accepted for loopback hosts only):\n",
)
console.log('      - uses: ./')
console.log('        with:')
for (const [name, value] of Object.entries(inputs)) console.log(`          ${name}: ${value}`)
console.log(
  `\nOr run the bundle by hand, as the runner does: each input as INPUT_<NAME> (upper case, dashes kept), e.g.\n  env ${Object.entries(
    inputs,
  )
    .map(([name, value]) => `'INPUT_${name.toUpperCase()}=${value}'`)
    .join(' ')} node dist/index.js`,
)
setTimeout(() => void sim.close().then(() => process.exit(0)), minutes * 60_000)

/** A token the simulator's own sign-in issues for the other API: what a mixed-up app setup passes. */
async function otherAudience(sim: Simulator | IngestionSimulator, cpp: boolean): Promise<string> {
  const tenant = sim.scenario.aad!.tenantId
  const other = cpp ? 'https://graph.microsoft.com' : 'https://cloudpartner.azure.com'
  const response = await fetch(`${sim.loginUrl}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.scenario.aad!.clientId,
      client_secret: sim.scenario.aad!.clientSecret!,
      scope: `${other}/.default`,
    }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}
