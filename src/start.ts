/**
 * The start intent: the stage decides from its reads what this run should do, then a real run
 * carries that decision out and follows what it started or found; a dry run says it and stops.
 */
import { ActionError } from './errors.js'
import type { Operation } from './operation.js'
import { describeRequest } from './report.js'
import { act, NOUN, type Decision } from './service.js'
import { begin, track, watch, type RunContext } from './watch.js'

export async function start(run: RunContext): Promise<void> {
  const { settings, service, page } = run
  const noun = NOUN[settings.target]
  if (settings.dryRun) {
    const decision = await page.group(`Decide the ${noun} (dry run: nothing is sent)`, () => service.decide())
    return dryRun(run, decision)
  }
  const begun = await begin(run, `Start the ${noun}`, async () => act(await service.decide(), page.info))
  if (begun) await watch(run, begun.first)
}

/**
 * A dry run prints the decision a real run would carry out (refusing with the same line) and the
 * request it would send. Nothing is written, nothing waited for; `status` is the operation it
 * would follow, else the offer's current one of this stage.
 */
async function dryRun(run: RunContext, decision: Decision): Promise<void> {
  const { settings, service, page, report } = run
  const noun = NOUN[settings.target]
  if (decision.kind === 'refuse') throw new ActionError(decision.line)
  const request = decision.kind === 'send' ? decision.request : undefined
  report.plan = { what: decision.what, request }
  if (decision.kind === 'follow') track(run, decision.tracked)
  const current = decision.kind === 'follow' ? decision.tracked : await service.find()
  const op: Operation | undefined = current ? await service.read(current.location) : undefined
  report.op = op
  report.outcome = 'dry-run'
  page.info(`Dry run: this step would ${decision.what}.`)
  if (request) {
    const { line, body } = describeRequest(request)
    page.info(`Dry run: it would send ${line}${body ? ` with the body ${body}` : ' with no body'}. Nothing was sent.`)
  }
  page.info(
    op
      ? `The offer's current ${noun} reads ${op.rawStatus} (the status output).`
      : `The offer has no ${noun} yet (no status output).`,
  )
}
