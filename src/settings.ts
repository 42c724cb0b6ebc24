import { ActionError } from './errors.js'
import { parseDuration } from './duration.js'
import type { Auth } from './credentials.js'
import type { MarketplaceApi, Target } from './service.js'
import { isLoopback, parseServiceUrl } from './url.js'

/** Everything the action does is decided by this object, checked once here at the edge. */
export interface Settings extends Target {
  api: MarketplaceApi
  auth: Auth
  /** False: never send a go-live request; follow operation-location, or the offer's go-live. */
  start: boolean
  wait: boolean
  requestTimeoutMs: number
  failOnTimeout: boolean
  /** Follow this go-live instead of starting one. */
  operationLocation?: URL
}

/** Inputs whose values are secrets: masked before anything else reads them. */
export const SECRET_INPUTS = ['token', 'client-secret'] as const

/** Defaults that do not depend on the API; base-url and api-version come from the API's own. */
export const DEFAULTS = {
  api: 'cloud-partner-portal',
  start: 'true',
  wait: 'false',
  timeout: '5h',
  'poll-interval': '1m',
  // Answers slower than a minute are normal for these services; a silent socket is still cut.
  'request-timeout': '5m',
  'fail-on-timeout': 'true',
  'authority-host': 'https://login.microsoftonline.com',
} as const

/** The CPP service rejects fast polling; loopback (the simulator) may poll as fast as a test needs. */
export const MIN_REMOTE_POLL_MS = 5000

type ReadInput = (name: string) => string

/** `apis`: the back ends the `api` input may name (src/apis.ts). */
export function readSettings(readInput: ReadInput, apis: readonly MarketplaceApi[]): Settings {
  const api = readApi(readInput('api').trim() || DEFAULTS.api, apis)
  const input = (name: string): string =>
    readInput(name).trim() || ({ ...DEFAULTS, ...api.defaults } as Record<string, string>)[name] || ''

  const publisherId = api.needsPublisher ? pathSegment(input('publisher-id'), 'publisher-id') : ''
  const offerId = pathSegment(input('offer-id'), 'offer-id')
  api.checkOfferId?.(offerId)
  const baseUrl = parseServiceUrl(input('base-url'), 'base-url')
  const apiVersion = input('api-version')
  if (!/^[0-9A-Za-z.-]+$/.test(apiVersion)) {
    throw new ActionError(
      `Input 'api-version' is '${apiVersion}'; use a version such as ${api.defaults['api-version']}.`,
    )
  }

  const pollIntervalMs = parseDuration(input('poll-interval'), 'poll-interval')
  if (pollIntervalMs < MIN_REMOTE_POLL_MS && !isLoopback(baseUrl)) {
    throw new ActionError(
      `Input 'poll-interval' must be at least 5s against ${baseUrl.host}; it is '${input('poll-interval')}'.`,
    )
  }

  const location = input('operation-location')
  return {
    api,
    publisherId,
    offerId,
    auth: readAuth(input),
    start: bool(input('start'), 'start'),
    wait: bool(input('wait'), 'wait'),
    timeoutMs: parseDuration(input('timeout'), 'timeout'),
    pollIntervalMs,
    requestTimeoutMs: parseDuration(input('request-timeout'), 'request-timeout'),
    failOnTimeout: bool(input('fail-on-timeout'), 'fail-on-timeout'),
    operationLocation: location ? api.operationUrl(location, baseUrl, 'operation-location') : undefined,
    baseUrl,
    apiVersion,
  }
}

function readApi(name: string, apis: readonly MarketplaceApi[]): MarketplaceApi {
  const api = apis.find((a) => a.name === name)
  if (!api) {
    throw new ActionError(`Input 'api' is '${name}'; use ${apis.map((a) => a.name).join(' or ')}.`)
  }
  return api
}

function readAuth(input: ReadInput): Auth {
  const token = input('token')
  const tenantId = input('tenant-id')
  const clientId = input('client-id')
  const clientSecret = input('client-secret')
  if (token) {
    if (tenantId || clientId || clientSecret) {
      throw new ActionError(
        "Give one way to sign in: either 'token', or 'tenant-id' and 'client-id' (with 'client-secret', or without it for GitHub OIDC), not both.",
      )
    }
    return { kind: 'token', token }
  }
  if (!tenantId || !clientId) {
    const missing =
      !tenantId && !clientId ? "'token', or 'tenant-id' and 'client-id'" : tenantId ? "'client-id'" : "'tenant-id'"
    throw new ActionError(
      `No way to sign in: set ${missing} (with 'client-secret', or without it to use GitHub OIDC federation).`,
    )
  }
  const app = {
    tenantId: pathSegment(tenantId, 'tenant-id'),
    clientId: pathSegment(clientId, 'client-id'),
    authorityHost: parseServiceUrl(input('authority-host'), 'authority-host'),
  }
  return clientSecret ? { kind: 'client-secret', clientSecret, ...app } : { kind: 'oidc', ...app }
}

/**
 * Ids go into URL paths: anything that could change the path or query is refused, not escaped;
 * so is a look-alike that a gateway normalising Unicode (NFKC) would turn into one ('／', '？',
 * '＃', '＼', '．．', '‥').
 */
function pathSegment(value: string, inputName: string): string {
  if (!value) throw new ActionError(`Input '${inputName}' is required.`)
  const folded = value.normalize('NFKC')
  for (const form of [value, folded]) {
    if (form === '.' || form === '..' || /[/?#%\\\s\p{Cc}]/u.test(form)) {
      throw new ActionError(
        `Input '${inputName}' is '${value}', which is not an id: it must not contain '/', '?', '#', '%', '\\' or spaces, nor be '.' or '..'${form === value ? '' : ', nor characters that read as those (such as fullwidth ones)'}.`,
      )
    }
  }
  return value
}

function bool(value: string, inputName: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new ActionError(`Input '${inputName}' is '${value}'; use true or false.`)
}
