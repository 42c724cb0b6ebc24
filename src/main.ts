import * as core from '@actions/core'
import { APIS } from './apis.js'
import { systemClock, type Clock } from './clock.js'
import { cancel } from './cancel.js'
import { signIn } from './credentials.js'
import { ActionError, Cancelled, NotFound, Refused } from './errors.js'
import { follow } from './follow.js'
import type { Operation } from './operation.js'
import { Http } from './http.js'
import { ProgressLog } from './progress.js'
import { renderSummary, resumeHint, type Report } from './report.js'
import { reason, RunPage } from './runner.js'
import { connect, NOUN } from './service.js'
import { readSettings, MASKED_INPUTS, type Intent } from './settings.js'
import { imageSecrets } from './image.js'
import { STAGES } from './stages.js'
import { start } from './start.js'
import { USER_AGENT } from './version.js'
import { type RunContext } from './watch.js'

export interface Runtime {
  clock: Clock
  /** Aborts on SIGINT/SIGTERM: the action stops waiting and leaves the go-live running. */
  signal?: AbortSignal
}

/** The rooms of the run's intents, side by side: each decides, acts (or says, in a dry run) and reports. */
const INTENTS: Record<Intent, (run: RunContext) => Promise<void>> = { start, follow, cancel }

/** inputs -> settings -> credentials -> the intent (start, follow or cancel) -> wait -> report */
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
    const settings = readSettings((name) => core.getInput(name), APIS, clock.now())
    // The token the action sends may be a part of the input (without 'Bearer '): masked as well.
    if (settings.auth.kind === 'token') page.mask(settings.auth.token)
    for (const address of settings.notificationEmails) page.mask(address)
    for (const secret of imageSecrets(settings.image)) page.mask(secret)
    if (settings.image) report.image = { planId: settings.image.planId, version: settings.image.version }
    for (const remark of settings.remarks) (remark.level === 'warning' ? page.warning : page.notice)(remark.text)
    report.publisherId = settings.publisherId || undefined
    report.offerId = settings.offerId
    report.api = settings.api.title
    report.starting = settings.intent === 'start' && !settings.dryRun
    report.target = settings.target
    report.mode = settings.intent === 'cancel' ? 'cancel' : settings.dryRun ? 'dry-run' : undefined

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
    const deps = { http, credentials, settings, clock, signal, log: page.info }
    const service = connect(settings.api, deps)
    const firstStage = settings.image && settings.intent === 'start' ? STAGES[settings.target].imageFirst : undefined
    const run: RunContext = {
      first: firstStage ? { stage: firstStage, service: connect(settings.api, deps, firstStage) } : undefined,
      settings,
      service,
      page,
      report,
      progress: new ProgressLog(clock, startedAt, page.info),
      clock,
      signal,
    }
    await INTENTS[settings.intent](run)
  } catch (error) {
    report.requestSent = (client?.writesSent ?? 0) > 0
    fail(report, error, page)
  } finally {
    report.elapsedMs = clock.now() - startedAt
    if (report.op) page.output('status', report.op.status)
    if (report.op && report.target === 'preview') previewOutputs(report.op, page)
    if (page.outputProblem) {
      const location = report.tracked?.location
      page.fail(`${page.outputProblem}.${location ? ` ${resumeHint(location, report)}` : ''}`)
    }
    await writeSummary(report, page)
  }
}

/**
 * What a preview run's `status: succeeded` means, told apart for the next job: `ready` (to go live,
 * not live yet), `live-already` (put live, or being put live), and `preview-id`, the preview to
 * pass to the go-live so that it puts live the one that was reviewed.
 */
function previewOutputs(op: Operation, page: RunPage): void {
  const ended = op.status === 'succeeded'
  page.output('ready', String(ended && (op.preview ?? 'ready') === 'ready'))
  page.output('live-already', String(ended && (op.preview === 'live' || op.preview === 'going-live')))
  if (op.previewId) page.output('preview-id', op.previewId)
}

function fail(report: Report, error: unknown, page: RunPage): void {
  const location = report.tracked?.location
  const noun = NOUN[report.target ?? 'live']
  if (error instanceof Cancelled) {
    report.outcome = 'interrupted'
    page.fail(
      location
        ? `Cancelled: stopped waiting. ${resumeHint(location, report)}`
        : report.requestSent
          ? `Cancelled after the ${noun} request was sent and before the service answered it: the ${noun} may have started. Re-running this step attaches to it instead of starting another; start: false follows it.`
          : `Cancelled before any ${noun} request was sent: nothing was started.`,
    )
    return
  }
  report.outcome = 'error'
  if (error instanceof Refused) report.op = error.op
  if (error instanceof ActionError) {
    report.error = error.message
    // A go-live the service says does not exist, or refused, goes on nowhere, and one this run
    // meant to cancel is not to be waited on: no hint to resume either.
    const resumable = location && !(error instanceof NotFound || error instanceof Refused) && report.mode !== 'cancel'
    page.fail(resumable ? `${error.message} ${resumeHint(location, report)}` : error.message)
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
