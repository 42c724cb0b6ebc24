import { formatDuration } from './duration.js'
import { isTerminal, type Operation } from './operation.js'
import { describeRequest, outcomeOf } from './report.js'
import { NOUN, TooLate, type Tracked } from './service.js'
import { begin, resumed, waitOn, type RunContext } from './watch.js'

/** Nothing left to cancel: the status has ended, and the service's operation with it. */
const ended = (op: Operation): boolean => isTerminal(op.status) && !op.stillRuns

/**
 * The cancel intent: the operation at operation-location, else the one `start: false` finds, is
 * cancelled and read until it reads canceled, within `timeout` whatever `wait` says (the services
 * answer a cancel before it takes effect, CPP's 202 whether or not it cancelled anything).
 */
export async function cancel(run: RunContext): Promise<void> {
  const { settings, service, page, report, progress } = run
  const noun = NOUN[settings.target]
  const offer = `offer '${settings.offerId}'`
  const found = await begin(run, `Find the ${noun} to cancel`, async (): Promise<Tracked | undefined> =>
    settings.operationLocation ? resumed(run, settings.operationLocation) : service.find(),
  )
  if (!found) {
    report.cancel = 'nothing'
    report.outcome = 'none'
    page.notice(`Nothing to cancel: ${offer} has no ${noun}.`)
    return
  }
  const { tracked, first } = found
  report.op = first
  if (ended(first)) {
    if (first.status === 'canceled') return alreadyCanceled(run, first)
    if (tracked.how === 'resumed') {
      report.cancel = 'too-late'
      report.outcome = outcomeOf(first.status)
      page.fail(`Too late to cancel: the ${noun} at operation-location has already ended (${first.rawStatus}).`)
    } else {
      report.cancel = 'nothing'
      report.outcome = 'none'
      page.notice(`Nothing to cancel: the last ${noun} of ${offer} has ended (${first.rawStatus}).`)
    }
    return
  }
  // Asked first in every run, dry or not: an operation that cannot be cancelled says why.
  const request = service.cancelRequest(tracked.location)
  if (settings.dryRun) {
    report.plan = { what: `cancel the ${noun} in progress (${first.rawStatus})`, request }
    report.outcome = 'dry-run'
    const { line } = describeRequest(request)
    page.info(
      `Dry run: this step would cancel the ${noun} in progress: it would send ${line} with no body. Nothing was sent.`,
    )
    return
  }
  let op: Operation
  try {
    op = await page.group(`Cancel the ${noun}`, () => service.cancel(tracked.location))
  } catch (error) {
    if (!(error instanceof TooLate)) throw error
    if (error.op.status === 'canceled') return alreadyCanceled(run, error.op)
    report.op = error.op
    report.cancel = 'too-late'
    report.outcome = outcomeOf(error.op.status)
    page.fail(error.message)
    return
  }
  report.op = op
  progress.read(op, first)
  if (!ended(op)) {
    const result = await waitOn(run, 'Wait for the cancel to take effect', op)
    report.op = result.op
    if (result.timedOut) {
      report.cancel = 'goes-on'
      report.outcome = 'timed-out'
      page.fail(
        `The ${noun} goes on: the service accepted the cancel, but after ${formatDuration(settings.timeoutMs)} the ${noun} still reads ${result.op.rawStatus}. Check it in Partner Center; the service may no longer allow cancelling it.`,
      )
      return
    }
  }
  const last = report.op
  if (last.status === 'canceled') {
    report.cancel = 'canceled'
    report.outcome = 'canceled'
    page.info(`Cancelled the ${noun} of ${offer} (${last.rawStatus}).`)
    return
  }
  report.cancel = 'too-late'
  report.outcome = outcomeOf(last.status)
  page.fail(`Too late to cancel: the ${noun} of ${offer} ended ${last.rawStatus} before the cancel took effect.`)
}

/** A cancel run again after one that worked: what it asked for holds, so the step succeeds. */
function alreadyCanceled(run: RunContext, op: Operation): void {
  const { report, page, settings } = run
  report.op = op
  report.cancel = 'canceled'
  report.outcome = 'canceled'
  page.info(
    `Already canceled: the ${NOUN[settings.target]} of offer '${settings.offerId}' reads ${op.rawStatus}; nothing was sent.`,
  )
}
