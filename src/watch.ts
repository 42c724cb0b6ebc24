/**
 * What the start and follow intents share once they know the operation: its outputs, the first
 * read, the wait with every move of the operation applied, and the run's conclusion.
 */
import type { Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { ActionError, NotFound } from './errors.js'
import { failureReasons, isTerminal, type Operation } from './operation.js'
import { describeNow, type ProgressLog } from './progress.js'
import { annotations, namesItsKind, outcomeOf, previewLinks, resumeHint, type Report } from './report.js'
import type { RunPage } from './runner.js'
import { lookAgain, lookBudget, NOUN, type MarketplaceService, type Tracked } from './service.js'
import type { Settings } from './settings.js'
import { STAGES, type Stage } from './stages.js'
import { waitForEnd, type WaitResult } from './wait.js'

/** One run, as every intent sees it. */
export interface RunContext {
  settings: Settings
  service: MarketplaceService
  page: RunPage
  report: Report
  progress: ProgressLog
  clock: Clock
  signal?: AbortSignal
  /** The stage the run's own begins with, when it does (the draft change before a preview publish). */
  first?: { stage: Stage; service: MarketplaceService }
}

/** The outputs name what the run follows: after a move, the operation it follows now. */
export function track(run: RunContext, tracked: Tracked): void {
  const { report, settings, page } = run
  report.tracked = tracked
  report.operationId = settings.api.operationId(tracked.location)
  report.portal = tracked.portal ?? settings.api.portalUrl(tracked.location)
  page.output('operation-location', tracked.location.href)
  page.output('operation-id', report.operationId)
}

/**
 * The operation at operation-location, to follow or cancel: refused when the service tells it is
 * another stage's (a preview publish given to a go-live run reads succeeded once it is ready, and
 * would be reported live).
 */
export async function resumed(run: Pick<RunContext, 'settings' | 'service'>, location: URL): Promise<Tracked> {
  const { settings, service } = run
  const stages = await namingTheInput(async () => service.stagesOf?.(location))
  if (stages && !stages.includes(settings.target)) {
    const [its] = stages
    const asked = settings.target === 'live' ? 'target: live (the default)' : `target: ${settings.target}`
    throw new ActionError(
      `Input 'operation-location' is a ${NOUN[its]} of offer '${settings.offerId}', and this run has ${asked}: set target: ${its} to follow it, or pass the ${NOUN[settings.target]}'s operation-location.`,
    )
  }
  return { location, how: 'resumed' }
}

/** A read of an operation the user named: its NotFound says which input to check. */
async function namingTheInput<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound(`${error.message} Check operation-location.`)
    throw error
  }
}

function moved(run: RunContext, op: Operation): void {
  if (op.movedTo && run.report.tracked) track(run, { ...run.report.tracked, location: op.movedTo })
}

/**
 * The operation `get` names, tracked (its outputs written before the first read, so that a failure
 * of that read still says how to resume) and read once, in the group `title`; undefined for none.
 */
export async function begin(
  run: RunContext,
  title: string,
  get: () => Promise<Tracked | undefined>,
): Promise<{ tracked: Tracked; first: Operation } | undefined> {
  return run.page.group(title, async () => {
    const tracked = await get()
    if (!tracked) return undefined
    track(run, tracked)
    const first = await readFirst(tracked, run)
    moved(run, first)
    run.progress.read(first)
    return { tracked: run.report.tracked!, first }
  })
}

/**
 * The first read. An operation the service just accepted may answer 404 for a short while: that
 * is read again before it is reported. One the user named is reported at once, naming the input.
 */
export async function readFirst(
  tracked: Tracked,
  run: Pick<RunContext, 'service' | 'settings' | 'clock' | 'signal'>,
): Promise<Operation> {
  const { service, settings, clock, signal } = run
  if (tracked.how === 'resumed') return namingTheInput(() => service.read(tracked.location, tracked.started))
  let missing: NotFound | undefined
  const op = await lookAgain(
    async () => {
      try {
        return await service.read(tracked.location, tracked.started)
      } catch (error) {
        if (!(error instanceof NotFound)) throw error
        missing = error
        return undefined
      }
    },
    { clock, signal, ...lookBudget(settings) },
  )
  if (op) return op
  throw missing ?? new NotFound(`The go-live at ${tracked.location.href} could not be read.`)
}

/** Reads the operation until it ends or `timeout` passes, in the group `title`, every move applied. */
export function waitOn(run: RunContext, title: string, first: Operation): Promise<WaitResult> {
  const { settings, service, clock, signal, report, progress } = run
  return run.page.group(`${title} (up to ${formatDuration(settings.timeoutMs)})`, () =>
    waitForEnd({
      service,
      url: report.tracked!.location,
      started: report.tracked!.started,
      clock,
      signal,
      first,
      deadline: clock.now() + settings.timeoutMs,
      intervalMs: settings.pollIntervalMs,
      onRead: (op, previous) => {
        report.op = op
        moved(run, op)
        progress.read(op, previous)
      },
      onReadFailed: (message, failingFor) => progress.readFailed(message, failingFor),
    }),
  )
}

/** The operation followed to where the run leaves it (its end, the timeout, or the first read), then concluded. */
export async function watch(run: RunContext, first: Operation): Promise<void> {
  const { report, settings } = run
  report.op = first
  report.outcome = outcomeOf(first.status)
  const waits = settings.wait || STAGES[settings.target].waits
  if (waits && !settings.dryRun && report.outcome === 'running') {
    const result = await waitOn(run, `Wait for the ${NOUN[settings.target]}`, first)
    report.op = result.op
    report.outcome = result.timedOut ? 'timed-out' : outcomeOf(result.op.status)
  }
  if (report.outcome === 'succeeded' && !settings.dryRun) await confirm(run)
  conclude(report, settings, run.page)
}

/** With image-version: what the stage was for holds the version (live lists it), or the step fails. */
async function confirm(run: RunContext): Promise<void> {
  const { service, report, page } = run
  if (!service.confirm || !report.image) return
  const line = await page.group(`Confirm version ${report.image.version}`, () => service.confirm!())
  page.info(line)
  report.image.state = 'confirmed live'
}

/** A stage that ended without an operation to follow (the draft held the version, or took it in one request). */
export function settle(run: RunContext, line: string): void {
  const { report, page } = run
  report.op = { status: 'succeeded', rawStatus: 'succeeded', steps: [], messages: [], previewLinks: [], liveLinks: [] }
  report.outcome = 'succeeded'
  page.info(line)
}

/**
 * An operation a stage started before the run's own (a draft change's job), read to its end
 * within `timeout`; anything but success fails the step, naming the job.
 */
export async function runToEnd(
  run: RunContext,
  service: MarketplaceService,
  tracked: Tracked,
  noun: string,
): Promise<void> {
  const { settings, clock, signal, progress } = run
  const first = await readFirst(tracked, { service, settings, clock, signal })
  const result = isTerminal(first.status)
    ? { op: first, timedOut: false }
    : await waitForEnd({
        service,
        url: tracked.location,
        started: tracked.started,
        clock,
        signal,
        first,
        deadline: clock.now() + settings.timeoutMs,
        intervalMs: Math.min(settings.pollIntervalMs, 10_000),
        onRead: (op, previous) => progress.read(op, previous),
        onReadFailed: (message, failingFor) => progress.readFailed(message, failingFor),
      })
  if (result.op.status === 'succeeded') return
  throw new ActionError(
    result.timedOut
      ? `The ${noun} did not end within ${formatDuration(settings.timeoutMs)} (job ${tracked.location.href}); nothing else was started.`
      : `${endedLine(noun, result.op)} (job ${tracked.location.href}); nothing else was started.`,
  )
}

/** "The go-live failed: reasons", "The preview publish was canceled without giving a reason". */
function endedLine(noun: string, op: Operation): string {
  const reasons = failureReasons(op)
  return `The ${noun} ${op.status === 'canceled' ? 'was canceled' : 'failed'}${reasons.length ? `: ${reasons.join('; ')}` : ' without giving a reason'}`
}

function conclude(report: Report, settings: Settings, page: RunPage): void {
  const { op, tracked } = report
  if (!op || !tracked) return
  const noun = NOUN[settings.target]
  const offer = `Offer '${settings.offerId}'`
  const resume = resumeHint(tracked.location, report)
  if (isTerminal(op.status)) {
    // A reason the failure line gives reaches the run page there, not twice.
    const reasons = new Set(failureReasons(op))
    for (const a of annotations(op, noun)) {
      if (a.level === 'error' && (reasons.has(a.message) || reasons.has(`${a.title}: ${a.message}`))) continue
      ;(a.level === 'error' ? page.error : page.warning)(a.message, a.title)
    }
  }
  switch (report.outcome) {
    case 'succeeded':
      page.info(
        settings.target === 'live'
          ? `${offer} is live.`
          : settings.target === 'draft'
            ? `Plan '${settings.image?.planId}' of offer '${settings.offerId}' has version ${settings.image?.version} in its draft.`
            : readyLine(report, offer),
      )
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
    default:
      page.fail(`${endedLine(noun, op)} (operation ${tracked.location.href}).`)
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
      const links = previewLinks(report).map((l) => (namesItsKind(l, 'Preview') ? l.url : `${l.text} ${l.url}`))
      return `${offer} is ready to go live: its preview passed validation and certification and waits for the publisher's sign-off.${links.length ? ` Preview: ${links.join(', ')}.` : ''}${report.portal ? ` Partner Center: ${report.portal}` : ''}`
    }
  }
}
