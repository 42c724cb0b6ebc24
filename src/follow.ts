/**
 * The follow intent: the operation at operation-location, or with `start: false` the offer's own
 * (none is not an error), followed without writing anything.
 */
import { NOUN, type Tracked } from './service.js'
import { begin, resumed, watch, type RunContext } from './watch.js'

export async function follow(run: RunContext): Promise<void> {
  const { settings, service, page, report } = run
  const noun = NOUN[settings.target]
  if (settings.dryRun)
    page.info('Dry run: this run only reads (start: false or operation-location), and does not wait.')
  const begun = await begin(run, `Find the ${noun}`, async (): Promise<Tracked | undefined> => {
    if (!settings.operationLocation) return service.find('outcome')
    page.info(
      `Following operation ${settings.api.operationId(settings.operationLocation)} from operation-location; no ${noun} is started.`,
    )
    return resumed(run, settings.operationLocation)
  })
  if (begun) return watch(run, begun.first)
  report.outcome = 'none'
  page.notice(`No ${noun} was found for offer '${settings.offerId}'; nothing to follow (start: false).`)
}
