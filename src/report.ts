import { formatDuration } from './duration.js'
import { isTerminal, type Operation, type Status } from './operation.js'
import { SYMBOL } from './progress.js'
import type { Tracked } from './service.js'

/** How the run ended, from the user's side. */
export type Outcome =
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'canceled'
  | 'timed-out'
  | 'interrupted'
  | 'error'
  /** `start: false` found no go-live to follow. */
  | 'none'

export interface Report {
  /** The API's title, "Cloud Partner Portal" or "Product Ingestion". */
  api?: string
  publisherId?: string
  offerId?: string
  tracked?: Tracked
  /** The `operation-id` output. */
  operationId?: string
  op?: Operation
  outcome: Outcome
  elapsedMs: number
  /** The one-line error, for outcome 'error'. */
  error?: string
}

export function outcomeOf(status: Status): Outcome {
  return status === 'succeeded' || status === 'failed' || status === 'canceled' ? status : 'running'
}

/** The line that tells how to pick the wait up again, for every run that leaves the go-live running. */
export function resumeHint(location: URL): string {
  return `The go-live goes on in the service. To wait on it later, run this action with operation-location: ${location.href}`
}

const HEADLINE: Record<Outcome, (offer: string) => string> = {
  succeeded: (o) => `✅ Offer ${o} is live`,
  failed: (o) => `❌ Go-live of offer ${o} failed`,
  canceled: (o) => `⛔ Go-live of offer ${o} was canceled`,
  running: (o) => `🔄 Go-live of offer ${o} is running`,
  'timed-out': (o) => `⌛ Stopped waiting: the go-live of offer ${o} is still running`,
  interrupted: (o) => `⏹️ Job cancelled: the go-live of offer ${o} goes on`,
  error: (o) => `❌ Go-live of offer ${o} could not be followed`,
  none: (o) => `ℹ️ No go-live found for offer ${o}`,
}

const HOW: Record<Tracked['how'], string> = {
  started: 'by this step',
  attached: 'earlier; this step attached to it',
  resumed: 'earlier; followed from operation-location',
  found: 'earlier; found on the service (start: false)',
  'already-live': 'not needed: the offer was already live',
}

/** The job summary in GitHub-flavoured Markdown. It quotes no e-mail address (the parser drops them). */
export function renderSummary(report: Report): string {
  const { op, tracked } = report
  const offer = report.offerId ? `\`${cell(report.offerId)}\`` : '(unknown)'
  const lines = [`## ${HEADLINE[report.outcome](offer)}`, '']
  if (report.error) lines.push(`> ${cell(report.error)}`, '')

  const facts: [string, string][] = []
  if (report.api) facts.push(['API', report.api])
  if (report.publisherId) facts.push(['Publisher', `\`${cell(report.publisherId)}\``])
  if (report.offerId) facts.push(['Offer', offer])
  if (tracked) {
    facts.push(['Operation', `[${cell(report.operationId ?? '')}](${tracked.location.href})`])
    facts.push(['Started', HOW[tracked.how]])
  }
  if (op)
    facts.push([
      'Status',
      `**${cell(op.status)}**${op.rawStatus !== op.status ? ` (service: ${cell(op.rawStatus)})` : ''}`,
    ])
  facts.push(['Elapsed', formatDuration(report.elapsedMs)])
  lines.push('| | |', '|---|---|', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '')

  if (op?.steps.length) {
    lines.push('### Steps', '', '| Step | Status | Progress | Estimated time | Last message |', '|---|---|---|---|---|')
    for (const step of op.steps) {
      const last = step.messages.at(-1)
      lines.push(
        `| ${cell(step.name)} | ${SYMBOL[step.state]} ${cell(step.status)} | ${step.progress !== undefined ? `${step.progress}%` : ''} | ${cell(step.estimate ?? '')} | ${last ? cell(last.text) : ''} |`,
      )
    }
    lines.push('')
  }
  const links = [
    ...(op?.previewLinks.map((l) => ['Preview', l] as const) ?? []),
    ...(op?.liveLinks.map((l) => ['Live', l] as const) ?? []),
  ]
  if (links.length) {
    lines.push('### Links', '', ...links.map(([kind, l]) => `- ${kind}: [${cell(l.text)}](${l.url})`), '')
  }
  const stillRunning = op ? !isTerminal(op.status) : report.outcome === 'interrupted'
  if (tracked && stillRunning) {
    lines.push(`To wait on it later, run this action with \`operation-location: ${tracked.location.href}\`.`, '')
  }
  return lines.join('\n')
}

/** Table-safe, single-line text: no HTML, no pipes, no line breaks. */
function cell(text: string): string {
  return text
    .replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)
    .replace(/\|/g, '\\|')
    .replace(/\s+/g, ' ')
}

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

/** Error messages of failing steps and of a failed operation become errors, warning messages of any step warnings. */
export function annotations(op: Operation): Annotation[] {
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
      if (m.level === 'error') out.push({ level: 'error', title: 'Go-live', message: m.text })
    }
  }
  return out
}
