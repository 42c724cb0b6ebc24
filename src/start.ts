/**
 * The start intent: the stage decides from its reads what this run should do, then a real run
 * carries that decision out and follows what it started or found; a dry run says it and stops.
 * A stage that begins with another (a preview publish with an image: the draft change first)
 * carries that one out, to its end, before it decides.
 */
import { ActionError } from './errors.js'
import type { Operation } from './operation.js'
import { describeRequest } from './report.js'
import { act, isDone, NOUN, type Decision, type Done, type MarketplaceService, type Stage } from './service.js'
import { STAGES } from './stages.js'
import { begin, runToEnd, settle, track, watch, type RunContext } from './watch.js'

export async function start(run: RunContext): Promise<void> {
  const { settings, service, page, first } = run
  const noun = NOUN[settings.target]
  if (settings.dryRun) {
    if (first) {
      const decision = await page.group(`Decide the ${NOUN[first.stage]} (dry run: nothing is sent)`, () =>
        first.service.decide(),
      )
      // What the stage after it would do depends on the change: it is decided after it.
      if (decision.kind !== 'none') return dryRun(run, decision, first, `, then ${STAGES[settings.target].does}`)
      noteImage(run, decision)
      page.info(`Dry run: ${decision.line}`)
    }
    const decision = await page.group(`Decide the ${noun} (dry run: nothing is sent)`, () => service.decide())
    return dryRun(run, decision, { stage: settings.target, service })
  }
  if (first) await carryOut(run, first.service, first.stage)
  let done: Done | undefined
  const begun = await begin(run, `Start the ${noun}`, async () => {
    const result = await decideAndAct(run, service)
    if (!isDone(result)) return result
    done = result
    return undefined
  })
  if (done) return settle(run, done.done)
  if (begun) await watch(run, begun.first)
}

async function decideAndAct(run: RunContext, service: MarketplaceService): ReturnType<typeof act> {
  const decision = await service.decide()
  noteImage(run, decision)
  notice(run, decision)
  return act(decision, run.page.info)
}

/** What a decision tells the user besides what it does, as a notice on the run page. */
function notice(run: RunContext, decision: Decision): void {
  if ((decision.kind === 'send' || decision.kind === 'follow') && decision.notice) run.page.notice(decision.notice)
}

/** The facts of the image a decision names, for the summary. */
function noteImage(run: RunContext, decision: Decision): void {
  if ((decision.kind === 'send' || decision.kind === 'none') && decision.image && run.report.image) {
    Object.assign(run.report.image, decision.image)
  }
}

/** The stage a run begins with, carried out and followed to its end; anything but success fails the step. */
async function carryOut(run: RunContext, service: MarketplaceService, stage: Stage): Promise<void> {
  const noun = NOUN[stage]
  await run.page.group(`Make the ${noun}`, async () => {
    const result = await decideAndAct(run, service)
    if (isDone(result)) return run.page.info(result.done)
    await runToEnd(run, service, result, noun)
    run.page.info(`The ${noun} succeeded.`)
  })
}

/**
 * A dry run prints the decision a real run would carry out (refusing with the same line) and the
 * request it would send. Nothing is written, nothing waited for; `status` is the operation it
 * would follow, else the offer's current one of this stage.
 */
async function dryRun(
  run: RunContext,
  decision: Decision,
  { stage, service }: { stage: Stage; service: MarketplaceService },
  then = '',
): Promise<void> {
  const { page, report } = run
  const noun = NOUN[stage]
  if (decision.kind === 'refuse') throw new ActionError(decision.line)
  noteImage(run, decision)
  notice(run, decision)
  const request = decision.kind === 'send' ? decision.request : undefined
  report.plan = { what: `${decision.what}${then}`, request }
  if (decision.kind === 'follow') track(run, decision.tracked)
  report.outcome = 'dry-run'
  page.info(`Dry run: this step would ${decision.what}${then}.`)
  if (request) {
    const { line, body } = describeRequest(request)
    page.info(`Dry run: it would send ${line}${body ? ` with the body ${body}` : ' with no body'}. Nothing was sent.`)
  }
  if (decision.kind === 'none' || !STAGES[stage].lasting) return
  const current = decision.kind === 'follow' ? decision.tracked : await service.find()
  const op: Operation | undefined = current ? await service.read(current.location, current.started) : undefined
  report.op = op
  page.info(
    op
      ? `The offer's current ${noun} reads ${op.rawStatus} (the status output).`
      : `The offer has no ${noun} yet (no status output).`,
  )
}
