import { CppClient } from '../src/cpp-client.js'
import type { Credentials } from '../src/credentials.js'
import { Http } from '../src/http.js'
import { readSettings } from '../src/settings.js'
import type { FakeClock } from './fake-clock.js'
import type { Simulator } from './simulator.js'

/** A CPP client on the fake clock, pointed at an in-process simulator, as main.ts wires it. */
export function cppClient(
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
  )
  const debug: string[] = []
  const http = new Http({
    userAgent: 'test',
    clock,
    requestTimeoutMs: settings.requestTimeoutMs,
    random: () => 0.5,
    debug: (l) => debug.push(l),
  })
  const token = sim.scenario.token
  const creds: Credentials = credentials ?? { token: async () => token, renew: async () => false, source: 'test' }
  return { client: new CppClient(http, creds, settings), http, settings, debug }
}
