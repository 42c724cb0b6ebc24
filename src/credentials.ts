import type { Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { ActionError } from './errors.js'
import type { Http } from './http.js'
import { describeShape } from './json.js'
import { isLoopback, under } from './url.js'

/** The ways to sign in the inputs allow. */
export type Auth =
  | { kind: 'token'; token: string }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost: URL }
  | { kind: 'oidc'; tenantId: string; clientId: string; authorityHost: URL }

export const OIDC_AUDIENCE = 'api://AzureADTokenExchange'

export interface Credentials {
  /** A token that is valid now: renewed ahead of its expiry where it can be. */
  token(): Promise<string>
  /** After a 401: get a new token. False when that is impossible (a pasted token). */
  renew(): Promise<boolean>
  /** For messages: what the token came from. */
  readonly source: string
}

export interface SignInDeps {
  /** What the token is for: the API's resource (v2 scope `{resource}/.default`). */
  resource: string
  http: Http
  clock: Clock
  /** core.setSecret: every token is masked the moment it exists. */
  mask: (secret: string) => void
  log: (line: string) => void
}

/**
 * Why `value` cannot be sent as a bearer token, or undefined when it can: a token is printable
 * ASCII. Never quotes the value; says where the first bad character is and what it looks like.
 */
export function unsendable(value: string): string | undefined {
  const at = [...value].findIndex((c) => c < '!' || c > '~')
  if (at < 0) return undefined
  const c = [...value][at]
  const what = /[\r\n]/.test(c)
    ? 'a line break'
    : /\s/.test(c)
      ? 'white space'
      : c < ' ' || c === '\x7f'
        ? 'a control character'
        : `a non-ASCII character (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, such as a curly quote pasted from a document)`
  return `${what} at position ${at + 1}`
}

export async function signIn(auth: Auth, deps: SignInDeps): Promise<Credentials> {
  if (auth.kind === 'token') {
    const bad = unsendable(auth.token)
    if (bad) {
      throw new ActionError(
        `Input 'token' cannot be sent as a bearer token: it holds ${bad}. Paste the token alone, as one line.`,
      )
    }
    deps.log('Using the token given in the token input.')
    return { token: async () => auth.token, renew: async () => false, source: "the 'token' input" }
  }
  const credentials = new AzureAdCredentials(auth, deps)
  await credentials.token()
  return credentials
}

interface Issued {
  token: string
  expiresAt: number
  lifetimeMs: number
}

class AzureAdCredentials implements Credentials {
  readonly source: string
  private current?: Issued

  constructor(
    private readonly auth: Exclude<Auth, { kind: 'token' }>,
    private readonly deps: SignInDeps,
  ) {
    this.source = `Azure AD app ${auth.clientId} (${auth.kind === 'oidc' ? 'GitHub OIDC federation' : 'client secret'})`
  }

  async token(): Promise<string> {
    if (!this.current || this.deps.clock.now() >= renewAt(this.current)) await this.renew()
    return this.current!.token
  }

  async renew(): Promise<boolean> {
    const first = !this.current
    this.current = await this.issue()
    this.deps.log(
      `${first ? 'Signed in' : 'Renewed the token'} as ${this.source}; it is valid for ${formatDuration(this.current.lifetimeMs)}.`,
    )
    return true
  }

  private async issue(): Promise<Issued> {
    const { auth, deps } = this
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      scope: `${deps.resource}/.default`,
    })
    let assertion: string | undefined
    if (auth.kind === 'client-secret') {
      form.set('client_secret', auth.clientSecret)
    } else {
      assertion = await githubIdToken(deps)
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      form.set('client_assertion', assertion)
    }
    const response = await deps.http.request({
      method: 'POST',
      url: under(auth.authorityHost, `/${encodeURIComponent(auth.tenantId)}/oauth2/v2.0/token`),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      purpose: 'get a token from Azure AD',
      expectJson: true,
      check: 'authority-host',
    })
    const body = (response.json ?? {}) as Record<string, unknown>
    if (response.status !== 200 || typeof body.access_token !== 'string') {
      throw new ActionError(explainAadError(response.status, body, auth, deps.resource, assertion))
    }
    deps.mask(body.access_token)
    const bad = unsendable(body.access_token)
    if (bad) {
      throw new ActionError(
        `Azure AD issued a token that cannot be sent as a bearer token (it holds ${bad}): check authority-host.`,
      )
    }
    const lifetimeMs = Math.max(1, Number(body.expires_in) || 3600) * 1000
    return { token: body.access_token, expiresAt: deps.clock.now() + lifetimeMs, lifetimeMs }
  }
}

/** Renew five minutes ahead, or a fifth of the lifetime ahead for short-lived tokens. */
function renewAt(issued: Issued): number {
  return issued.expiresAt - Math.min(5 * 60_000, issued.lifetimeMs / 5)
}

/**
 * The GitHub OIDC token for the federation, asked of the runner's own endpoint through the one
 * HTTP client: the request token goes to the host of ACTIONS_ID_TOKEN_REQUEST_URL only (no
 * redirect is followed), within request-timeout, cancelled with the run, retried as any request.
 */
async function githubIdToken(deps: SignInDeps): Promise<string> {
  const endpoint = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!endpoint || !requestToken) {
    throw new ActionError(
      "GitHub OIDC is not available to this job: add 'id-token: write' under 'permissions:' in the workflow (or give 'client-secret' instead).",
    )
  }
  deps.mask(requestToken)
  const url = oidcEndpoint(endpoint)
  url.searchParams.set('audience', OIDC_AUDIENCE)
  const purpose = `get a GitHub OIDC token for ${OIDC_AUDIENCE}`
  const response = await deps.http.request({
    method: 'GET',
    url,
    headers: { Authorization: `Bearer ${requestToken}` },
    purpose,
    expectJson: true,
    check: "the runner's ACTIONS_ID_TOKEN_REQUEST_URL",
  })
  const value = (response.json as { value?: unknown } | undefined)?.value
  if (response.status !== 200 || typeof value !== 'string' || value === '') {
    const detail =
      response.status !== 200 ? `HTTP ${response.status}` : `an answer with no token (${describeShape(response.json)})`
    throw new ActionError(
      `Could not ${purpose}: ${detail}.${response.status === 401 || response.status === 403 ? " Check 'permissions: id-token: write'." : ' Re-run the job.'}`,
    )
  }
  deps.mask(value)
  const bad = unsendable(value)
  if (bad) throw new ActionError(`Could not ${purpose}: the token GitHub issued holds ${bad}.`)
  return value
}

/** ACTIONS_ID_TOKEN_REQUEST_URL, as the runner sets it: https (http on loopback), no credentials. */
function oidcEndpoint(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ActionError('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL: GitHub OIDC cannot be used in this job.')
  }
  if ((url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) || url.username || url.password) {
    throw new ActionError(
      `ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL without credentials; it points to ${url.protocol}//${url.host}.`,
    )
  }
  return url
}

const NO_FEDERATED_MATCH = 'no federated credential of the app matches this workflow'

const AAD_HINTS: [RegExp, string][] = [
  [
    /AADSTS7000215|AADSTS7000222|invalid client secret/i,
    "the client secret is wrong or has expired: create a new one for the app and update the 'client-secret' secret",
  ],
  [
    /AADSTS90002|AADSTS900023|AADSTS90013|tenant .*not found/i,
    "the tenant is unknown: check 'tenant-id' (the directory id of the app's tenant)",
  ],
  [/AADSTS700016|AADSTS700038/i, "the application is not found in that tenant: check 'client-id' and 'tenant-id'"],
  [/AADSTS70021|AADSTS700211|AADSTS700212|AADSTS700213|AADSTS7002\d\d/i, NO_FEDERATED_MATCH],
  [
    /AADSTS700024|AADSTS700027|AADSTS50027/i,
    'the GitHub OIDC token was not accepted: check the federated credential (issuer https://token.actions.githubusercontent.com, audience api://AzureADTokenExchange)',
  ],
]

export function explainAadError(
  status: number,
  body: Record<string, unknown>,
  auth: Exclude<Auth, { kind: 'token' }>,
  resource: string,
  assertion?: string,
): string {
  const code = typeof body.error === 'string' ? body.error.slice(0, 100) : `HTTP ${status}`
  // Cut before any pattern runs over it: the answer may be far longer than Azure AD's.
  const description =
    typeof body.error_description === 'string' ? body.error_description.slice(0, 2000).split(/\r?\n/)[0].trim() : ''
  const aadsts = /AADSTS\d+/.exec(description)?.[0]
  let hint = AAD_HINTS.find(([pattern]) => pattern.test(description))?.[1]
  if (!hint && aadsts === 'AADSTS500011') hint = `the resource ${resource} is not known in that tenant`
  if (!hint && code === 'invalid_client')
    hint = "the app's credentials were refused: check 'client-id' and 'client-secret'"
  if (!hint && code === 'unauthorized_client')
    hint = "the app may not use this grant: check 'client-id' and the app registration"
  if (hint === NO_FEDERATED_MATCH && assertion) {
    const subject = jwtSubject(assertion)
    if (subject) hint += `: add one with subject '${subject}'`
  }
  const detail = [aadsts, description.replace(/^AADSTS\d+:\s*/, '').slice(0, 200)].filter(Boolean).join(': ')
  return `Azure AD refused to issue a token for app ${auth.clientId} in tenant ${auth.tenantId} (${code}${detail ? `, ${detail}` : ''}): ${hint ?? 'check tenant-id, client-id and the credential'}.`
}

/** The `sub` claim of a JWT, to tell the user which federated credential subject to register. */
function jwtSubject(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown }
    return typeof payload.sub === 'string' ? payload.sub : undefined
  } catch {
    return undefined
  }
}
