import type { Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { ActionError } from './errors.js'
import type { Http } from './http.js'
import { under } from './url.js'

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
  /** core.getIDToken: the GitHub OIDC token for federation. */
  getIdToken: (audience: string) => Promise<string>
  log: (line: string) => void
}

export async function signIn(auth: Auth, deps: SignInDeps): Promise<Credentials> {
  if (auth.kind === 'token') {
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
    })
    const body = (response.json ?? {}) as Record<string, unknown>
    if (response.status !== 200 || typeof body.access_token !== 'string') {
      throw new ActionError(explainAadError(response.status, body, auth, deps.resource, assertion))
    }
    deps.mask(body.access_token)
    const lifetimeMs = Math.max(1, Number(body.expires_in) || 3600) * 1000
    return { token: body.access_token, expiresAt: deps.clock.now() + lifetimeMs, lifetimeMs }
  }
}

/** Renew five minutes ahead, or a fifth of the lifetime ahead for short-lived tokens. */
function renewAt(issued: Issued): number {
  return issued.expiresAt - Math.min(5 * 60_000, issued.lifetimeMs / 5)
}

async function githubIdToken(deps: SignInDeps): Promise<string> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError(
      "GitHub OIDC is not available to this job: add 'id-token: write' under 'permissions:' in the workflow (or give 'client-secret' instead).",
    )
  }
  let idToken: string
  try {
    idToken = await deps.getIdToken(OIDC_AUDIENCE)
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 200)
    throw new ActionError(
      `Could not get a GitHub OIDC token for ${OIDC_AUDIENCE}: ${reason}. Check 'permissions: id-token: write'.`,
    )
  }
  deps.mask(idToken)
  return idToken
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
