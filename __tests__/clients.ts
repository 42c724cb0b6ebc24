import { cloudPartnerPortal } from '../src/cloud-partner-portal/api.js'
import type { Credentials } from '../src/credentials.js'
import { Http } from '../src/http.js'
import { APIS } from '../src/apis.js'
import { act, connect, isDone, type MarketplaceService, type Tracked } from '../src/service.js'
import { readSettings } from '../src/settings.js'
import type { FakeClock } from './fake-clock.js'
import type { Simulator } from './simulator.js'

/** The CPP service on the fake clock, pointed at an in-process simulator, as main.ts wires it. */
export async function cppService(
  sim: Simulator,
  clock: FakeClock,
  credentials?: Credentials,
  inputs: Record<string, string> = {},
) {
  const settings = readSettings(
    (name) =>
      ({
        'publisher-id': 'contoso',
        'offer-id': 'contoso-offer',
        token: sim.scenario.token,
        'base-url': sim.url,
        'request-timeout': '2s',
        ...inputs,
      })[name] ?? '',
    APIS,
  )
  const debug: string[] = []
  const log: string[] = []
  const http = new Http({
    userAgent: 'test',
    clock,
    requestTimeoutMs: settings.requestTimeoutMs,
    random: () => 0.5,
    debug: (l) => debug.push(l),
  })
  const token = sim.scenario.token
  const creds: Credentials = credentials ?? { token: async () => token, renew: async () => false, source: 'test' }
  const stage = connect(cloudPartnerPortal, {
    http,
    credentials: creds,
    settings,
    clock,
    log: (l) => log.push(l),
  })
  // What a real run of the start intent does: decide, then carry the decision out.
  // A go-live or publish always has an operation to follow: a Done here is a fault of the stage.
  const start = async (): Promise<Tracked> => {
    const result = await act(await stage.decide(), (l) => log.push(l))
    if (isDone(result)) throw new Error(`the stage ended without an operation: ${result.done}`)
    return result
  }
  const service = { ...bind(stage), start }
  return { service, http, settings, debug, log }
}

/** The stage's methods, bound, so that they can be spread into a wider object. */
function bind(service: MarketplaceService): MarketplaceService {
  return {
    decide: () => service.decide(),
    find: () => service.find(),
    read: (location, started) => service.read(location, started),
    cancelRequest: (location) => service.cancelRequest(location),
    cancel: (location) => service.cancel(location),
  }
}
