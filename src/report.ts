import { formatDuration } from './duration.js'
import { failureReasons, isTerminal, type Operation, type Status } from './operation.js'
import { SYMBOL } from './progress.js'
import { forLog, forMarkdown, linkTarget, redactEmails } from './sanitize.js'
import { NOUN, type ImageNote, type PlannedRequest, type Stage, type Tracked } from './service.js'
import { STAGES } from './stages.js'
import type { Link } from './operation.js'

/** How the run ended, from the user's side. */
export type Outcome =
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'canceled'
  | 'timed-out'
  | 'interrupted'
  | 'error'
  /** `start: false` found no go-live to follow; or a cancel found nothing in progress. */
  | 'none'
  /** A dry run: nothing was sent. */
  | 'dry-run'

export interface Report {
  /** The API's title, "Cloud Partner Portal" or "Product Ingestion". */
  api?: string
  publisherId?: string
  offerId?: string
  tracked?: Tracked
  /** The `operation-id` output. */
  operationId?: string
  /** Where a person can open the offer (Partner Center). */
  portal?: string
  /** Whether the run was to start a go-live (not to follow one). */
  starting?: boolean
  /** What the run takes the offer to (live when not said). */
  target?: Stage
  /** A dry run (decide, send nothing) or a cancel; else a run that starts or follows. */
  mode?: 'dry-run' | 'cancel'
  /** A dry run: what the step would do, and the request it would send. */
  plan?: { what: string; request?: PlannedRequest }
  /** A cancel: how it ended. */
  cancel?: 'canceled' | 'too-late' | 'goes-on' | 'nothing'
  op?: Operation
  outcome: Outcome
  elapsedMs: number
  /** The one-line error, for outcome 'error'. */
  error?: string
  /** A go-live request went out (it may have reached the service), whether or not it was answered. */
  requestSent?: boolean
  /** With image-version: the plan, the version, its image types and source, and what became of it. */
  image?: ImageFacts
}

/** The image a run names, with what its decision said of it (empty until the plan was read). */
export interface ImageFacts extends Partial<ImageNote> {
  planId: string
  version: string
}

export function outcomeOf(status: Status): Outcome {
  return status === 'succeeded' || status === 'failed' || status === 'canceled' ? status : 'running'
}

/** The line that tells how to pick the wait up again, for every run that leaves the go-live running. */
export function resumeHint(location: URL, report: Pick<Report, 'target' | 'publisherId'>): string {
  return `The ${NOUN[report.target ?? 'live']} goes on in the service. ${howToResume(location.href, report)}`
}

/**
 * "To wait on it later, run this action with target: preview, wait: true and operation-location:
 * …, and the same offer-id and sign-in inputs": every input the later run needs (`as` marks each
 * one up, for the summary).
 */
export function howToResume(
  location: string,
  { target = 'live', publisherId }: Pick<Report, 'target' | 'publisherId'>,
  as: (input: string) => string = (input) => input,
): string {
  const { resumeInputs, sameInputs } = STAGES[target]
  const set = [...resumeInputs, 'wait: true', `operation-location: ${location}`].map(as)
  const same = [...['offer-id', ...(publisherId ? ['publisher-id'] : []), ...sameInputs].map(as), 'sign-in']
  return `To wait on it later, run this action with ${list(set)}, and the same ${list(same)} inputs.`
}

/** "a, b and c" */
const list = (items: string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '')

/** "Preview publish" */
const capital = (text: string): string => text[0].toUpperCase() + text.slice(1)

/** The headline agrees with what is known: a go-live not yet begun is not "running". */
function headline(report: Report, offer: string): string {
  const noun = NOUN[report.target ?? 'live']
  const Noun = capital(noun)
  if (report.mode === 'dry-run') {
    return report.outcome === 'error'
      ? `❌ Dry run: the ${noun} of offer ${offer} would be refused`
      : `🔍 Dry run for offer ${offer}: nothing was sent`
  }
  if (report.mode === 'cancel' && report.outcome === 'error') return `❌ Could not cancel the ${noun} of offer ${offer}`
  if (report.mode === 'cancel' && report.cancel) {
    return {
      canceled: `⛔ ${Noun} of offer ${offer} was canceled`,
      'too-late': `❌ Too late to cancel the ${noun} of offer ${offer}`,
      'goes-on': `❌ The ${noun} of offer ${offer} goes on: the cancel did not take effect`,
      nothing: `ℹ️ Nothing to cancel on offer ${offer}`,
    }[report.cancel]
  }
  if (report.outcome === 'succeeded' && report.target === 'draft') {
    return `✅ Plan ${code(report.image?.planId ?? '')} of offer ${offer} has version ${code(report.image?.version ?? '')} in its draft`
  }
  if (report.outcome === 'succeeded' && report.target === 'preview' && report.op?.preview !== 'live') {
    return report.op?.preview === 'going-live'
      ? `🔄 Offer ${offer}: its preview is being put live`
      : `✅ Offer ${offer} is ready to go live`
  }
  if (report.outcome === 'running' && report.op?.status === 'notStarted')
    return `⏳ ${Noun} of offer ${offer} has not started yet`
  if (report.outcome === 'error' && !report.tracked && report.starting) {
    return `❌ ${Noun} of offer ${offer} could not be started`
  }
  const lines: Record<Outcome, string> = {
    succeeded: `✅ Offer ${offer} is live`,
    failed: `❌ ${Noun} of offer ${offer} failed`,
    canceled: `⛔ ${Noun} of offer ${offer} was canceled`,
    running: `🔄 ${Noun} of offer ${offer} is running`,
    'timed-out': `⌛ Stopped waiting: the ${noun} of offer ${offer} is still running`,
    interrupted: `⏹️ Job cancelled: the ${noun} of offer ${offer} goes on`,
    error: `❌ ${Noun} of offer ${offer} could not be followed`,
    none: `ℹ️ No ${noun} found for offer ${offer}`,
    'dry-run': `🔍 Dry run for offer ${offer}: nothing was sent`,
  }
  return lines[report.outcome]
}

const HOW: Record<Tracked['how'], string> = {
  started: 'by this step',
  attached: 'earlier; this step attached to it',
  resumed: 'earlier; followed from operation-location',
  found: 'earlier; found on the service (start: false)',
  'already-live': 'not needed: the offer was already live',
  unchanged: 'not needed: nothing changed since the last preview',
}

/** GitHub refuses a step summary over 1 MiB; what the service sends must never get it there. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024
const MAX_STEPS = 100
const MAX_LINKS = 20
const MAX_REASONS = 50
/** Preview and live links come from the service: only Microsoft's own hosts become links. */
export const MARKETPLACE_HOSTS = ['microsoft.com', 'azure.com'] as const

/**
 * The job summary in GitHub-flavoured Markdown. Service text is inert (forMarkdown); only URLs the
 * action validated become links (linkTarget); what is left out for size is said.
 */
export function renderSummary(report: Report): string {
  const { op, tracked } = report
  const offer = report.offerId ? code(report.offerId) : '(unknown)'
  const lines = [`## ${headline(report, offer)}`, '']
  if (report.error) lines.push(`> ${forMarkdown(report.error, 4000)}`, '')

  const facts: [string, string][] = []
  if (report.api) facts.push(['API', forMarkdown(report.api)])
  if (report.publisherId) facts.push(['Publisher', code(report.publisherId)])
  if (report.offerId) facts.push(['Offer', offer])
  if (tracked) {
    // The API's URL needs a token: the summary names the operation and links to Partner Center.
    facts.push(['Operation', code(report.operationId ?? '')])
    const portal = report.portal && linkTarget(report.portal, MARKETPLACE_HOSTS)
    if (portal) facts.push(['Partner Center', `[Open the offer](${portal})`])
    facts.push(['Started', HOW[tracked.how]])
  }
  if (report.image) {
    const { planId, version, images, state } = report.image
    facts.push(
      ['Plan', code(planId)],
      ['Image version', `${code(version)}${state ? ` (${forMarkdown(state, 200)})` : ''}`],
    )
    if (images) facts.push(['Images', forMarkdown(images, 300)])
  }
  if (op)
    facts.push([
      'Status',
      `**${op.status}**${op.rawStatus !== op.status ? ` (service: ${forMarkdown(op.rawStatus, 200)})` : ''}`,
    ])
  facts.push(['Elapsed', formatDuration(report.elapsedMs)])
  lines.push('| | |', '|---|---|', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '')
  if (report.plan) {
    lines.push(`This step would **${forMarkdown(report.plan.what, 500)}**.`, '')
    if (report.plan.request) {
      const { line, body } = describeRequest(report.plan.request)
      lines.push(
        `Request it would send: ${code(line, 2000)}${body ? ` with the body ${code(body, 4000)}` : ' with no body'}.`,
        '',
      )
    }
  }

  if (op?.steps.length) {
    lines.push('### Steps', '', '| Step | Status | Progress | Estimated time | Last message |', '|---|---|---|---|---|')
    for (const step of op.steps.slice(0, MAX_STEPS)) {
      const last = step.messages.at(-1)
      const progress = typeof step.progress === 'number' && Number.isFinite(step.progress) ? `${step.progress}%` : ''
      lines.push(
        `| ${forMarkdown(step.name, 200)} | ${SYMBOL[step.state]} ${forMarkdown(step.status, 100)} | ${progress} | ${forMarkdown(step.estimate ?? '', 100)} | ${last ? forMarkdown(last.text, 500) : ''} |`,
      )
    }
    if (op.steps.length > MAX_STEPS) lines.push('', `${op.steps.length - MAX_STEPS} more steps are not shown.`)
    lines.push('')
  }
  // Why it failed, once: the reasons the steps table does not show already (all of them, for an
  // API whose operations have no steps).
  if (op && (op.status === 'failed' || op.status === 'canceled')) {
    const shown = new Set(op.steps.flatMap((s) => (s.messages.length ? [`${s.name}: ${s.messages.at(-1)!.text}`] : [])))
    const reasons = failureReasons(op).filter((r) => !shown.has(r))
    if (reasons.length) {
      lines.push(`### Why it ${op.status === 'failed' ? 'failed' : 'was canceled'}`, '')
      lines.push(...reasons.slice(0, MAX_REASONS).map((r) => `- ${forMarkdown(r, 1000)}`), '')
      if (reasons.length > MAX_REASONS) lines.push(`${reasons.length - MAX_REASONS} more reasons are not shown.`, '')
    }
  }
  const links = [
    ...previewLinks(report).map((l) => ['Preview', l] as const),
    ...(op?.liveLinks ?? []).flatMap((l) => {
      const url = linkTarget(l.url, MARKETPLACE_HOSTS)
      return url ? [['Live', { text: l.text, url }] as const] : []
    }),
  ].map(([kind, l]) =>
    namesItsKind(l, kind)
      ? `- [${forMarkdown(l.text, 200)}](${l.url})`
      : `- ${kind}: [${forMarkdown(l.text, 200)}](${l.url})`,
  )
  if (links.length) {
    lines.push('### Links', '', ...links.slice(0, MAX_LINKS), '')
    if (links.length > MAX_LINKS) lines.push(`${links.length - MAX_LINKS} more links are not shown.`, '')
  }
  const stillRunning = op ? !isTerminal(op.status) : report.outcome === 'interrupted'
  const resume = tracked && linkTarget(tracked.location.href)
  // A cancel that did not take is not a wait to resume: as on the failure line, no hint (a
  // Product Ingestion submission it found can be followed, but cannot be cancelled).
  if (resume && stillRunning && report.mode !== 'cancel') {
    lines.push(
      howToResume(resume, report, (input) => `\`${input}\``),
      '',
    )
  }
  return bounded(lines)
}

/** `POST /api/…/golive?api-version=…` and its body, for the log and the summary (addresses redacted). */
export function describeRequest(request: PlannedRequest): { line: string; body?: string } {
  return {
    line: `${request.method} ${request.url.pathname}${request.url.search}${Object.entries(request.headers ?? {})
      .map(([k, v]) => ` (${k}: ${v})`)
      .join('')}`,
    body: request.body ? redactEmails(request.body) : undefined,
  }
}

/** The preview links of the last read that lead to Microsoft's own hosts, as link targets. */
export function previewLinks(report: Pick<Report, 'op'>): Link[] {
  return (report.op?.previewLinks ?? []).flatMap((l) => {
    const url = linkTarget(l.url, MARKETPLACE_HOSTS)
    return url ? [{ text: l.text, url }] : []
  })
}

/** A link whose text is only its kind ("Preview"), which is not to be labelled twice. */
export const namesItsKind = (link: Link, kind: string): boolean => link.text.trim().toLowerCase() === kind.toLowerCase()

/** The lines, cut before GitHub's limit (or `max` bytes) with a line that says so. */
export function bounded(lines: string[], max = MAX_SUMMARY_BYTES): string {
  let size = 0
  for (const [i, line] of lines.entries()) {
    size += Buffer.byteLength(line) + 1
    if (size > max) {
      return [
        ...lines.slice(0, i),
        '',
        `The rest of this summary (${lines.length - i} lines) is left out: it would pass GitHub's 1 MiB limit.`,
        '',
      ].join('\n')
    }
  }
  return lines.join('\n')
}

/** An id the user gave, as code: nothing in it is interpreted, and it cannot end the code span. */
function code(text: string, max = 200): string {
  return `\`${forLog(text, max).replace(/`/g, "'")}\``
}

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

/**
 * Error messages of failing steps and of a failed operation (titled by its `noun`) become errors,
 * warning messages of any step warnings.
 */
export function annotations(op: Operation, noun = 'go-live'): Annotation[] {
  const out: Annotation[] = []
  const seen = new Set<string>()
  for (const step of op.steps) {
    for (const m of step.messages) {
      const level =
        m.level === 'error' && (step.state === 'failed' || step.state === 'canceled' || op.status === 'failed')
          ? 'error'
          : m.level === 'warning'
            ? 'warning'
            : undefined
      const key = `${level}|${step.name}|${m.text}`
      if (!level || seen.has(key)) continue
      seen.add(key)
      out.push({ level, title: step.name, message: m.text })
    }
  }
  // Errors of the operation itself (the only place some APIs put them) explain its failure too.
  if (op.status === 'failed' || op.status === 'canceled') {
    for (const m of op.messages) {
      if (m.level === 'error') out.push({ level: 'error', title: capital(noun), message: m.text })
    }
  }
  return out
}
