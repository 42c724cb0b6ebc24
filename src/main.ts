import * as core from '@actions/core'
import { APIS } from './apis.js'
import { systemClock, type Clock } from './clock.js'
import { cancel } from './cancel.js'
import { signIn } from './credentials.js'
import { dryRun } from './dry-run.js'
import { formatDuration } from './duration.js'
import { ActionError, Cancelled, NotFound } from './errors.js'
import { follow, readFirst } from './follow.js'
import { Http } from './http.js'
import { failureReasons, isTerminal, type Operation } from './operation.js'
import { ProgressLog, describeNow } from './progress.js'
import { annotations, outcomeOf, previewLinks, renderSummary, resumeHint, type Report } from './report.js'
import { reason, RunPage } from './runner.js'
import { NOUN, type Tracked } from './service.js'
import { readSettings, MASKED_INPUTS, type Settings } from './settings.js'
import { USER_AGENT } from './version.js'
import { waitForEnd } from './wait.js'

export interface Runtime {
  clock: Clock
  /** Aborts on SIGINT/SIGTERM: the action stops waiting and leaves the go-live running. */
  signal?: AbortSignal
}

/** inputs -> settings -> credentials -> start, resume or find -> wait -> report */
export async function run({ clock, signal }: Runtime = { clock: systemClock }): Promise<void> {
  const startedAt = clock.now()
  const report: Report = { outcome: 'error', elapsedMs: 0 }
  const page = new RunPage()
  // Read when the run fails: whether a go-live request went out.
  let client: Http | undefined
  try {
    for (const name of MASKED_INPUTS) {
      const value = core.getInput(name)
      if (value) page.mask(value)
    }
    const settings = readSettings((name) => core.getInput(name), APIS)
    // The token the action sends may be a part of the input (without 'Bearer '): masked as well.
    if (settings.auth.kind === 'token') page.mask(settings.auth.token)
    for (const address of settings.notificationEmails) page.mask(address)
    for (const remark of settings.remarks) (remark.level === 'warning' ? page.warning : page.notice)(remark.text)
    report.publisherId = settings.publisherId || undefined
    report.offerId = settings.offerId
    report.api = settings.api.title
    report.starting = settings.start && !settings.operationLocation && !settings.cancel && !settings.dryRun
    report.target = settings.target
    report.mode = settings.cancel ? 'cancel' : settings.dryRun ? 'dry-run' : undefined
    const noun = NOUN[settings.target]

    const http = new Http({
      userAgent: USER_AGENT,
      clock,
      signal,
      requestTimeoutMs: settings.requestTimeoutMs,
      debug: page.debug,
      info: page.info,
    })
    client = http
    const credentials = await page.group('Sign in', () =>
      signIn(settings.auth, {
        resource: settings.api.tokenResource,
        http,
        clock,
        mask: page.mask,
        log: page.info,
      }),
    )
    const service = await settings.api.connect({ http, credentials, settings, clock, signal, log: page.info })

    const track = (tracked: Tracked): void => {
      report.tracked = tracked
      report.operationId = settings.api.operationId(tracked.location)
      report.portal = tracked.portal ?? settings.api.portalUrl(tracked.location)
      page.output('operation-location', tracked.location.href)
      page.output('operation-id', report.operationId)
    }
    // The outputs name what the run follows: after a move, the go-live it follows now.
    const moved = (op: Operation): void => {
      if (op.movedTo && report.tracked) track({ ...report.tracked, location: op.movedTo })
    }
    const progress = new ProgressLog(clock, startedAt, page.info)
    if (settings.cancel) {
      await cancel({ settings, service, page, report, progress, track, clock, signal })
      return
    }
    if (settings.dryRun && settings.start && !settings.operationLocation) {
      await dryRun(settings, service, page, report)
      return
    }
    if (settings.dryRun)
      page.info('Dry run: this run only reads (start: false or operation-location), and does not wait.')
    const begun = await page.group(`${settings.start ? 'Start' : 'Find'} the ${noun}`, async () => {
      const tracked = await follow(settings, service, page.info)
      if (!tracked) return undefined
      // Known before the first read, so that a failure of that read still says how to resume.
      track(tracked)
      const first = await readFirst(tracked, service, settings, { clock, signal })
      moved(first)
      progress.read(first)
      return { tracked: report.tracked!, first }
    })
    if (!begun) {
      report.outcome = 'none'
      page.notice(`No ${noun} was found for offer '${settings.offerId}'; nothing to follow (start: false).`)
      return
    }
    const { tracked, first } = begun
    report.op = first
    report.outcome = outcomeOf(first.status)

    if (settings.wait && !settings.dryRun && report.outcome === 'running') {
      const result = await page.group(`Wait for the ${noun} (up to ${formatDuration(settings.timeoutMs)})`, () =>
        waitForEnd({
          service,
          url: tracked.location,
          clock,
          signal,
          first,
          deadline: clock.now() + settings.timeoutMs,
          intervalMs: settings.pollIntervalMs,
          onRead: (op, previous) => {
            report.op = op
            moved(op)
            progress.read(op, previous)
          },
          onReadFailed: (message, failingFor) => progress.readFailed(message, failingFor),
        }),
      )
      report.op = result.op
      report.outcome = result.timedOut ? 'timed-out' : outcomeOf(result.op.status)
    }
    conclude(report, settings, page)
  } catch (error) {
    report.requestSent = (client?.writesSent ?? 0) > 0
    fail(report, error, page)
  } finally {
    report.elapsedMs = clock.now() - startedAt
    if (report.op) page.output('status', report.op.status)
    if (page.outputProblem) {
      const location = report.tracked?.location
      page.fail(`${page.outputProblem}.${location ? ` ${resumeHint(location, report.target)}` : ''}`)
    }
    await writeSummary(report, page)
  }
}

function conclude(report: Report, settings: Settings, page: RunPage): void {
  const { op, tracked } = report
  if (!op || !tracked) return
  const noun = NOUN[settings.target]
  const offer = `Offer '${settings.offerId}'`
  const resume = resumeHint(tracked.location, settings.target)
  if (isTerminal(op.status)) {
    // A reason the failure line gives reaches the run page there, not twice.
    const reasons = new Set(failureReasons(op))
    for (const a of annotations(op)) {
      if (a.level === 'error' && (reasons.has(a.message) || reasons.has(`${a.title}: ${a.message}`))) continue
      ;(a.level === 'error' ? page.error : page.warning)(a.message, a.title)
    }
  }
  switch (report.outcome) {
    case 'succeeded':
      page.info(settings.target === 'live' ? `${offer} is live.` : readyLine(report, offer))
      return
    case 'running':
      page.info(
        `The ${noun} is ${op.rawStatus}; not waiting for it (${settings.dryRun ? 'dry run' : 'wait: false'}). ${resume}`,
      )
      return
    case 'timed-out': {
      const message = `Stopped waiting after ${formatDuration(settings.timeoutMs)}: ${describeNow(op)}. ${resume}`
      if (settings.failOnTimeout) page.fail(message)
      else page.warning(message)
      return
    }
    default: {
      const reasons = failureReasons(op)
      page.fail(
        `The ${noun} ${op.status === 'canceled' ? 'was canceled' : 'failed'}${reasons.length ? `: ${reasons.join('; ')}` : ' without giving a reason'} (operation ${tracked.location.href}).`,
      )
    }
  }
}

/** `Offer 'x' is ready to go live: …`, or live already, with where to look at the preview. */
function readyLine(report: Report, offer: string): string {
  switch (report.op?.preview) {
    case 'live':
      return `${offer} is live: this preview has gone live already.`
    case 'going-live':
      return `${offer}: this preview is being put live (its go-live is in progress); start: false with target: live follows it.`
    default: {
      const links = previewLinks(report).map((l) => `${l.text} ${l.url}`)
      return `${offer} is ready to go live: its preview passed validation and certification and waits for the publisher's sign-off.${links.length ? ` Preview: ${links.join(', ')}.` : ''}${report.portal ? ` Partner Center: ${report.portal}` : ''}`
    }
  }
}

function fail(report: Report, error: unknown, page: RunPage): void {
  const location = report.tracked?.location
  const noun = NOUN[report.target ?? 'live']
  if (error instanceof Cancelled) {
    report.outcome = 'interrupted'
    page.fail(
      location
        ? `Cancelled: stopped waiting. ${resumeHint(location, report.target)}`
        : report.requestSent
          ? `Cancelled after the ${noun} request was sent and before the service answered it: the ${noun} may have started. Re-running this step attaches to it instead of starting another; start: false follows it.`
          : `Cancelled before any ${noun} request was sent: nothing was started.`,
    )
    return
  }
  report.outcome = 'error'
  if (error instanceof ActionError) {
    report.error = error.message
    // A go-live the service says does not exist goes on nowhere, and one this run meant to
    // cancel is not to be waited on: no hint to resume either.
    const resumable = location && !(error instanceof NotFound) && report.mode !== 'cancel'
    page.fail(resumable ? `${error.message} ${resumeHint(location, report.target)}` : error.message)
    return
  }
  // A bug: its stack goes to the debug log, never to the run page's failure line.
  report.error = 'Unexpected error; see the log.'
  for (const line of (error instanceof Error ? (error.stack ?? '') : '').split('\n')) page.debug(line)
  page.fail(`Unexpected error: ${reason(error)}. Please report it; the debug log (ACTIONS_STEP_DEBUG) has the details.`)
}

async function writeSummary(report: Report, page: RunPage): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY || !report.offerId) return
  try {
    await core.summary.addRaw(renderSummary(report), true).write()
  } catch (error) {
    page.warning(`Could not write the job summary to GITHUB_STEP_SUMMARY (${reason(error)}).`)
  }
}
