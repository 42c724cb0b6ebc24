import * as core from '@actions/core'
import { systemClock, type Clock } from './clock.js'
import { CppClient } from './cpp-client.js'
import { signIn } from './credentials.js'
import { formatDuration } from './duration.js'
import { ActionError, Cancelled } from './errors.js'
import { Http } from './http.js'
import { failureReasons, isTerminal, operationId } from './operation.js'
import { ProgressLog, describeNow } from './progress.js'
import { annotations, outcomeOf, renderSummary, resumeHint, type Report } from './report.js'
import { readSettings, SECRET_INPUTS, type Settings } from './settings.js'
import { startOrResume } from './start.js'
import { USER_AGENT } from './version.js'
import { waitForEnd } from './wait.js'

export interface Runtime {
  clock: Clock
  /** Aborts on SIGINT/SIGTERM: the action stops waiting and leaves the go-live running. */
  signal?: AbortSignal
}

/** inputs -> settings -> credentials -> start (or resume) -> wait -> report */
export async function run({ clock, signal }: Runtime = { clock: systemClock }): Promise<void> {
  const startedAt = clock.now()
  const report: Report = { outcome: 'error', elapsedMs: 0 }
  try {
    for (const name of SECRET_INPUTS) {
      const value = core.getInput(name)
      if (value) core.setSecret(value)
    }
    const settings = readSettings((name) => core.getInput(name))
    report.publisherId = settings.publisherId
    report.offerId = settings.offerId

    const http = new Http({
      userAgent: USER_AGENT,
      clock,
      signal,
      requestTimeoutMs: settings.requestTimeoutMs,
      debug: core.debug,
    })
    const credentials = await core.group('Sign in', () =>
      signIn(settings.auth, { http, clock, mask: core.setSecret, getIdToken: core.getIDToken, log: core.info }),
    )
    const client = new CppClient(http, credentials, settings)

    const progress = new ProgressLog(clock, startedAt, core.info)
    const { started, first } = await core.group('Start the go-live', async () => {
      // Known before the first read, so that a failure of that read still says how to resume.
      const started = (report.started = await startOrResume(settings, client, core.info))
      core.setOutput('operation-location', started.location.href)
      core.setOutput('operation-id', operationId(started.location))
      const first = await client.readOperation(started.location)
      progress.read(first)
      return { started, first }
    })
    report.op = first
    report.outcome = outcomeOf(first.status)

    if (settings.wait && report.outcome === 'running') {
      const result = await core.group(`Wait for the go-live (up to ${formatDuration(settings.timeoutMs)})`, () =>
        waitForEnd({
          client,
          url: started.location,
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
  const { op, started } = report
  if (!op || !started) return
  if (isTerminal(op.status)) {
    for (const a of annotations(op)) (a.level === 'error' ? core.error : core.warning)(a.message, { title: a.title })
  }
  switch (report.outcome) {
    case 'succeeded':
      core.info(`Offer '${settings.offerId}' is live.`)
      return
    case 'running':
      core.info(`The go-live is ${op.rawStatus}; not waiting for it (wait: false). ${resumeHint(started.location)}`)
      return
    case 'timed-out': {
      const message = `Stopped waiting after ${formatDuration(settings.timeoutMs)}: ${describeNow(op)}. ${resumeHint(started.location)}`
      if (settings.failOnTimeout) core.setFailed(message)
      else core.warning(message)
      return
    }
    default: {
      const reasons = failureReasons(op)
      core.setFailed(
        `The go-live ${op.status === 'canceled' ? 'was canceled' : 'failed'}${reasons.length ? `: ${reasons.join('; ')}` : ' without giving a reason'} (operation ${started.location.href}).`,
      )
    }
  }
}

function fail(report: Report, error: unknown): void {
  const location = report.started?.location
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
