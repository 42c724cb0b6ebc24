import { ActionError } from './errors.js'
import { parseDuration } from './duration.js'
import type { Auth } from './credentials.js'
import type { MarketplaceApi, Target } from './service.js'
import { STAGE_NAMES, STAGES, type Stage } from './stages.js'
import { readImage } from './image.js'
import { isLoopback, parseServiceUrl } from './url.js'

/** Everything the action does is decided by this object, checked once here at the edge. */
export interface Settings extends Target {
  api: MarketplaceApi
  auth: Auth
  /**
   * What the run is for, read once here: start (decide, then carry the decision out), follow
   * (operation-location, or with `start: false` the offer's own operation) or cancel. `dryRun`
   * modifies any of them: it reads, decides and says, and never writes nor waits.
   */
  intent: Intent
  wait: boolean
  requestTimeoutMs: number
  failOnTimeout: boolean
  /** Follow this go-live instead of starting one. */
  operationLocation?: URL
  /** Decide and say what would be sent, with reads only; never write, never wait. */
  dryRun: boolean
  /** What the run should tell the user about its inputs before it starts: assumptions and risks. */
  remarks: { level: 'notice' | 'warning'; text: string }[]
}

export type Intent = 'start' | 'follow' | 'cancel'

/** `cancel: true` cancels; operation-location or `start: false` follows; else the run starts. */
export function intentOf(inputs: { cancel: boolean; start: boolean; operationLocation?: URL }): Intent {
  if (inputs.cancel) return 'cancel'
  return inputs.start && !inputs.operationLocation ? 'start' : 'follow'
}

/** Inputs whose values are secrets, or personal data: masked before anything else reads them. */
export const MASKED_INPUTS = ['token', 'client-secret', 'notification-emails', 'image-source'] as const

/** Defaults that do not depend on the API; base-url and api-version come from the API's own. */
export const DEFAULTS = {
  target: 'live',
  'dry-run': 'false',
  cancel: 'false',
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

const BEARER = /^bearer\s+/i

/** GitHub-hosted jobs are stopped after this long. */
export const HOSTED_JOB_LIMIT_MS = 6 * 3_600_000

/**
 * `apis`: the back ends the `api` input may name (src/apis.ts). Without `api`, a `publisher-id`
 * means the one API that takes a publisher (the Cloud Partner Portal), none the other.
 */
export function readSettings(readInput: ReadInput, apis: readonly MarketplaceApi[], now = Date.now()): Settings {
  const remarks: Settings['remarks'] = []
  const given = readInput('api').trim()
  const publisherGiven = readInput('publisher-id').trim() !== ''
  const api = given ? readApi(given, apis) : (apis.find((a) => a.needsPublisher === publisherGiven) ?? apis[0])
  const which = given
    ? `api: ${api.name}`
    : `api: ${api.name}, assumed because publisher-id is ${api.needsPublisher ? '' : 'not '}given`
  const other = apis.find((a) => a !== api)
  const input = (name: string): string =>
    readInput(name).trim() || ({ ...DEFAULTS, ...api.defaults } as Record<string, string>)[name] || ''

  if (!input('offer-id')) {
    throw new ActionError(`Input 'offer-id' is required (${which}): the id of the offer to put live.`)
  }
  if (api.needsPublisher && !input('publisher-id')) {
    throw new ActionError(
      `Input 'publisher-id' is required for ${which}.${other ? ` For a Partner Center offer, use api: ${other.name} (or leave api out), which needs no publisher-id.` : ''}`,
    )
  }
  if (!api.needsPublisher && publisherGiven) {
    remarks.push({
      level: 'warning',
      text: `Input 'publisher-id' is not used by api: ${api.name} (the account comes from the token); leave it out, or set api: ${other?.name ?? 'cloud-partner-portal'} if the offer is served by that API.`,
    })
  }
  const publisherId = api.needsPublisher ? pathSegment(input('publisher-id'), 'publisher-id') : ''
  const givenOfferId = pathSegment(input('offer-id'), 'offer-id')
  const offerId = api.normaliseOfferId?.(givenOfferId) ?? givenOfferId
  if (offerId !== givenOfferId) {
    remarks.push({
      level: 'notice',
      text: `Offer ids are lower-case on ${api.title}: looking up '${offerId}' for offer-id '${givenOfferId}'.`,
    })
  }
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

  const timeoutMs = parseDuration(input('timeout'), 'timeout')
  const wait = bool(input('wait'), 'wait')
  if (wait && timeoutMs > HOSTED_JOB_LIMIT_MS) {
    remarks.push({
      level: 'warning',
      text: `Input 'timeout' is ${input('timeout')}, longer than GitHub-hosted jobs may run (6h): such a job is stopped first. For longer go-lives, start without waiting and follow with start: false (README, "Start now, follow later").`,
    })
  }
  // A token pasted with its scheme: the scheme is the action's to add.
  const token = input('token').replace(BEARER, '')
  if (token !== input('token')) {
    remarks.push({
      level: 'notice',
      text: "Input 'token' began with 'Bearer '; the action sends the token without it (pass the token alone).",
    })
  }
  const target = readTarget(input('target'))
  const notificationEmails = readEmails(readInput('notification-emails'))
  if (notificationEmails.length && !(api.needsPublisher && target === 'preview')) {
    remarks.push({
      level: 'warning',
      text:
        target === 'preview'
          ? `Input 'notification-emails' is not used by api: ${api.name}: Partner Center mails the publisher's own contacts; leave it out.`
          : "Input 'notification-emails' is used only with target: preview (a go-live takes no addresses); leave it out.",
    })
  }
  // Read in this order, so that of several bad inputs the same one is named first.
  const auth = readAuth((name) => (name === 'token' ? token : input(name)), api, which, other)
  const start = bool(input('start'), 'start')
  const dryRun = bool(input('dry-run'), 'dry-run')
  const cancel = bool(input('cancel'), 'cancel')
  const requestTimeoutMs = parseDuration(input('request-timeout'), 'request-timeout')
  const failOnTimeout = bool(input('fail-on-timeout'), 'fail-on-timeout')
  const location = input('operation-location')
  const operationLocation = location ? readOperationLocation(location, api, baseUrl, apis) : undefined
  const source = readInput('image-source').trim()
  const image = readImage(
    {
      planId: input('plan-id') && pathSegment(input('plan-id'), 'plan-id'),
      version: input('image-version'),
      source,
      tenantId: input('image-tenant-id') || (auth.kind === 'token' ? '' : auth.tenantId),
    },
    { now, galleries: api.galleries, apiName: api.name, remarks },
  )
  checkImageTarget(target, image !== undefined, source !== '', cancel)
  if (api.oneRequest?.includes(target) && (operationLocation || !start)) {
    const what = operationLocation ? "Input 'operation-location' is given" : 'Input start is false'
    throw new ActionError(
      `${what} with target: ${target} on api: ${api.name}: a ${STAGES[target].noun} there is one request, done when the step ends, with nothing to follow later; leave it out.`,
    )
  }
  const previewId = input('preview-id') ? pathSegment(input('preview-id'), 'preview-id') : undefined
  if (previewId !== undefined && target !== 'live') {
    throw new ActionError(
      `Input 'preview-id' is taken with target: live (the go-live of the preview reviewed); this run has target: ${target}. Leave it out.`,
    )
  }
  return {
    api,
    apiAssumed: !given,
    publisherId,
    offerId,
    auth,
    target,
    notificationEmails,
    intent: intentOf({ cancel, start, operationLocation }),
    dryRun,
    wait,
    timeoutMs,
    pollIntervalMs,
    requestTimeoutMs,
    failOnTimeout,
    operationLocation,
    baseUrl,
    apiVersion,
    remarks,
    image,
    previewId,
  }
}

/**
 * What each target does with the image inputs: draft needs them all; preview adds the image first
 * when given; live confirms a version and takes no source (an image reaches live only through preview).
 */
function checkImageTarget(target: Stage, image: boolean, source: boolean, cancel: boolean): void {
  if (target === 'draft' && !source) {
    throw new ActionError(
      "Input 'target' is draft, which adds an image version to a plan: set plan-id, image-version and image-source.",
    )
  }
  if (target === 'draft' && cancel) {
    throw new ActionError(
      'Input cancel is true with target: draft: a draft change ends in seconds and cannot be cancelled; leave cancel out.',
    )
  }
  if (target === 'preview' && image && !source) {
    throw new ActionError(
      "Input 'image-version' with target: preview needs image-source (the image to add before the publish); to check that a version went live, use target: live.",
    )
  }
  if (target === 'live' && source) {
    throw new ActionError(
      "Input 'image-source' is not taken with target: live: an image reaches live only through preview. Add it with target: preview (or draft), then go live with plan-id and image-version to confirm it.",
    )
  }
}

/** operation-location as `api` reads it; one that is another API's go-live says so, and which. */
function readOperationLocation(value: string, api: MarketplaceApi, baseUrl: URL, apis: readonly MarketplaceApi[]): URL {
  try {
    return api.operationUrl(value, baseUrl, 'operation-location')
  } catch (error) {
    for (const other of apis.filter((a) => a !== api)) {
      try {
        other.operationUrl(value, new URL(other.defaults['base-url']), 'operation-location')
      } catch {
        continue
      }
      throw new ActionError(
        `Input 'operation-location' is a go-live of the ${other.title} API, and this run uses api: ${api.name}: set api: ${other.name} (as the run that printed it did).`,
      )
    }
    throw error
  }
}

function readApi(name: string, apis: readonly MarketplaceApi[]): MarketplaceApi {
  const api = apis.find((a) => a.name === name)
  if (!api) {
    throw new ActionError(`Input 'api' is '${name}'; use ${apis.map((a) => a.name).join(' or ')}.`)
  }
  return api
}

function readAuth(input: ReadInput, api: MarketplaceApi, which: string, other?: MarketplaceApi): Auth {
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
      `No way to sign in: set ${missing} (with 'client-secret', or without it to use GitHub OIDC federation), for ${which}; a token must be issued for ${api.tokenResource}.${other ? ` For an offer of the ${other.title} API, set api: ${other.name}${other.needsPublisher ? ' and publisher-id' : api.needsPublisher ? ' (or leave publisher-id out)' : ''}.` : ''}`,
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

function readTarget(value: string): Stage {
  const stage = STAGE_NAMES.find((name) => name === value)
  if (stage) return stage
  const choices = STAGE_NAMES.map((name) => `${name} (${STAGES[name].does})`)
  throw new ActionError(`Input 'target' is '${value}'; use ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}.`)
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/

/**
 * `a@x.com,b@y.com`: the addresses, each checked. They are personal data: a message names an
 * entry by its place, never by its text.
 */
export function readEmails(value: string): string[] {
  if (!value.trim()) return []
  const list = value.split(',').map((e) => e.trim())
  const bad = list.findIndex((e) => !EMAIL.test(e))
  if (bad >= 0) {
    throw new ActionError(
      `Input 'notification-emails' has an entry that is not an e-mail address (entry ${bad + 1} of ${list.length}): give only e-mail addresses, separated by commas (no semicolons, spaces inside an address, or trailing comma).`,
    )
  }
  return list
}

function bool(value: string, inputName: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new ActionError(`Input '${inputName}' is '${value}'; use true or false.`)
}
