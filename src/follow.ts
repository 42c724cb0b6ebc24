import type { Clock } from './clock.js'
import { NotFound } from './errors.js'
import type { Operation } from './operation.js'
import { lookAgain, lookBudget, type MarketplaceService, type Tracked } from './service.js'
import type { Settings } from './settings.js'

/**
 * Which go-live this run follows: the one at operation-location; with `start: false`, the offer's
 * own (none is not an error: undefined); otherwise one started now, at most once.
 */
export async function follow(
  settings: Settings,
  service: MarketplaceService,
  log: (line: string) => void,
): Promise<Tracked | undefined> {
  if (settings.operationLocation) {
    const id = settings.api.operationId(settings.operationLocation)
    log(`Following operation ${id} from operation-location; no go-live is started.`)
    return { location: settings.operationLocation, how: 'resumed' }
  }
  if (!settings.start) return service.find()
  return service.start()
}

/**
 * The first read. A go-live the service just accepted may answer 404 for a short while: that is
 * read again before it is reported. One the user named is reported at once, naming the input.
 */
export async function readFirst(
  tracked: Tracked,
  service: MarketplaceService,
  settings: Settings,
  runtime: { clock: Clock; signal?: AbortSignal },
): Promise<Operation> {
  if (tracked.how === 'resumed') {
    try {
      return await service.read(tracked.location)
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound(`${error.message} Check operation-location.`)
      throw error
    }
  }
  let missing: NotFound | undefined
  const op = await lookAgain(
    async () => {
      try {
        return await service.read(tracked.location)
      } catch (error) {
        if (!(error instanceof NotFound)) throw error
        missing = error
        return undefined
      }
    },
    { ...runtime, ...lookBudget(settings) },
  )
  if (op) return op
  throw missing ?? new NotFound(`The go-live at ${tracked.location.href} could not be read.`)
}
