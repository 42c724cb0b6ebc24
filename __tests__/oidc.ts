/** A CPP simulator that signs in with GitHub OIDC federation, and the inputs of a run that does. */
import { simInputs } from './harness.js'
import type { Scenario, Simulator } from './simulator.js'
import { cpp } from './started.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '2b6b3c4d-0000-4000-8000-00000000c11e'
const SUBJECT = 'repo:contoso/offers:environment:marketplace'
const REQUEST_TOKEN = 'github-request-token-trust'

/** A CPP simulator whose sign-in is GitHub OIDC federation, closed after the file's tests. */
export function simulate(scenario: Partial<Scenario> = {}): Promise<Simulator> {
  return cpp({
    aad: { tenantId: TENANT, clientId: CLIENT, tokenLifetimeMs: 3_600_000, federatedSubject: SUBJECT },
    github: { requestToken: REQUEST_TOKEN, subject: SUBJECT },
    ...scenario,
  })
}

/** Inputs and environment of a run signed in with GitHub OIDC federation against the simulator's login origin. */
export const oidc = (sim: Simulator, more: Record<string, string> = {}) => ({
  inputs: simInputs(sim, {
    token: '',
    'tenant-id': TENANT,
    'client-id': CLIENT,
    'authority-host': sim.loginUrl,
    'poll-interval': '50ms',
    wait: 'true',
    ...more,
  }),
  env: {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${sim.loginUrl}/idtoken?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
  },
})
