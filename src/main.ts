import * as core from '@actions/core'
import { APIS } from './apis.js'
import { systemClock, type Clock } from './clock.js'
import { signIn } from './credentials.js'
import { formatDuration } from './duration.js'
import { ActionError, Cancelled } from './errors.js'
import { follow, readFirst } from './follow.js'
import { Http } from './http.js'
import { failureReasons, isTerminal } from './operation.js'
import { ProgressLog, describeNow } from './progress.js'
import { annotations, outcomeOf, renderSummary, resumeHint, type Report } from './report.js'
import { readSettings, SECRET_INPUTS, type Settings } from './settings.js'
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
  try {
    for (const name of SECRET_INPUTS) {
      const value = core.getInput(name)
      if (value) core.setSecret(value)
    }
    const settings = readSettings((name) => core.getInput(name), APIS)
    report.publisherId = settings.publisherId || undefined
    report.offerId = settings.offerId
    report.api = settings.api.title

    const http = new Http({
      userAgent: USER_AGENT,
      clock,
      signal,
      requestTimeoutMs: settings.requestTimeoutMs,
      debug: core.debug,
    })
    const credentials = await core.group('Sign in', () =>
      signIn(settings.auth, {
        resource: settings.api.tokenResource,
        http,
        clock,
        mask: core.setSecret,
        getIdToken: core.getIDToken,
        log: core.info,
      }),
    )
    const service = settings.api.connect({ http, credentials, settings, clock, signal, log: core.info })

    const progress = new ProgressLog(clock, startedAt, core.info)
    const begun = await core.group(settings.start ? 'Start the go-live' : 'Find the go-live', async () => {
      const tracked = await follow(settings, service, core.info)
      if (!tracked) return undefined
      // Known before the first read, so that a failure of that read still says how to resume.
      report.tracked = tracked
      report.operationId = settings.api.operationId(tracked.location)
      core.setOutput('operation-location', tracked.location.href)
      core.setOutput('operation-id', report.operationId)
      const first = await readFirst(tracked, service, settings, { clock, signal })
      progress.read(first)
      return { tracked, first }
    })
    if (!begun) {
      report.outcome = 'none'
      core.notice(`No go-live was found for offer '${settings.offerId}'; nothing to follow (start: false).`)
      return
    }
    const { tracked, first } = begun
    report.op = first
    report.outcome = outcomeOf(first.status)

    if (settings.wait && report.outcome === 'running') {
      const result = await core.group(`Wait for the go-live (up to ${formatDuration(settings.timeoutMs)})`, () =>
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
            progress.read(op, previous)
          },
          onReadFailed: (message, failingFor) => progress.readFailed(message, failingFor),
        }),
      )
      report.op = result.op
      report.outcome = result.timedOut ? 'timed-out' : outcomeOf(result.op.status)
    }
    conclude(report, settings)
  } catch (error) {
    fail(report, error)
  } finally {
    report.elapsedMs = clock.now() - startedAt
    if (report.op) core.setOutput('status', report.op.status)
    await writeSummary(report)
  }
}

function conclude(report: Report, settings: Settings): void {
  const { op, tracked } = report
  if (!op || !tracked) return
  if (isTerminal(op.status)) {
    for (const a of annotations(op)) (a.level === 'error' ? core.error : core.warning)(a.message, { title: a.title })
  }
  switch (report.outcome) {
    case 'succeeded':
      core.info(`Offer '${settings.offerId}' is live.`)
      return
    case 'running':
      core.info(`The go-live is ${op.rawStatus}; not waiting for it (wait: false). ${resumeHint(tracked.location)}`)
      return
    case 'timed-out': {
      const message = `Stopped waiting after ${formatDuration(settings.timeoutMs)}: ${describeNow(op)}. ${resumeHint(tracked.location)}`
      if (settings.failOnTimeout) core.setFailed(message)
      else core.warning(message)
      return
    }
    default: {
      const reasons = failureReasons(op)
      core.setFailed(
        `The go-live ${op.status === 'canceled' ? 'was canceled' : 'failed'}${reasons.length ? `: ${reasons.join('; ')}` : ' without giving a reason'} (operation ${tracked.location.href}).`,
      )
    }
  }
}

function fail(report: Report, error: unknown): void {
  const location = report.tracked?.location
  if (error instanceof Cancelled) {
    report.outcome = 'interrupted'
    core.setFailed(
      location
        ? `Cancelled: stopped waiting. ${resumeHint(location)}`
        : 'Cancelled before the go-live was confirmed. If it did start, re-running this step attaches to it instead of starting another.',
    )
    return
  }
  report.outcome = 'error'
  if (error instanceof ActionError) {
    report.error = error.message
    core.setFailed(location ? `${error.message} ${resumeHint(location)}` : error.message)
    return
  }
  report.error = 'Unexpected error; see the log.'
  core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error))
}

async function writeSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY || !report.offerId) return
  try {
    await core.summary.addRaw(renderSummary(report), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}
