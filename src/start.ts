import type { CppClient } from './cpp-client.js'
import { ActionError } from './errors.js'
import { isGoLive, operationId } from './operation.js'
import type { Settings } from './settings.js'

export interface Started {
  location: URL
  /** started: this step started it; attached: it was already running; resumed: from operation-location. */
  how: 'started' | 'attached' | 'resumed'
}

/**
 * Starts the go-live at most once. A retried POST is safe: if an earlier attempt (or an earlier run
 * of the job) did start it, the service answers 409 and this attaches to the running go-live.
 */
export async function startOrResume(
  settings: Settings,
  client: CppClient,
  log: (line: string) => void,
): Promise<Started> {
  if (settings.operationLocation) {
    log(`Resuming operation ${operationId(settings.operationLocation)}; no go-live is started.`)
    return { location: settings.operationLocation, how: 'resumed' }
  }
  const answer = await client.goLive()
  if (answer.kind === 'accepted' && answer.location) {
    log(`Started the go-live of offer '${settings.offerId}': operation ${operationId(answer.location)}.`)
    return { location: answer.location, how: 'started' }
  }
  const why =
    answer.kind === 'conflict'
      ? `The service answered 409 Conflict${answer.detail}: an operation is already running on offer '${settings.offerId}'.`
      : 'The service accepted the go-live but named no operation (no Operation-Location or Location header).'
  log(`${why} Looking for it among the running operations.`)

  const running = await client.runningSubmissions()
  const goLive = running.find(isGoLive)
  if (goLive) {
    const location = client.operationUrl(goLive.id)
    log(`Attaching to the go-live already running (operation ${goLive.id}) instead of starting another.`)
    return { location, how: answer.kind === 'conflict' ? 'attached' : 'started' }
  }
  const other = running[0]
  if (other) {
    throw new ActionError(
      `Cannot start the go-live: a ${other.type || 'different'} operation is already running on offer '${settings.offerId}' (${client.operationUrl(other.id).href}). Wait for it to end, then re-run this step.`,
    )
  }
  throw new ActionError(
    `${why} No running operation is listed on offer '${settings.offerId}' now; it may have just ended. Re-run this step in a few minutes.`,
  )
}
