import type { Operation } from './operation.js'
import { describeRequest, type Report } from './report.js'
import type { RunPage } from './runner.js'
import { NOUN, type MarketplaceService } from './service.js'
import type { Settings } from './settings.js'

/**
 * A dry run: the adapter decides as a real run would, with reads only (refusing with the same
 * line), and the run says what it would do and the request it would send. Nothing is written, and
 * nothing is waited for; `status` is the offer's current go-live or preview, when it has one.
 */
export async function dryRun(
  settings: Settings,
  service: MarketplaceService,
  page: RunPage,
  report: Report,
): Promise<void> {
  const noun = NOUN[settings.target]
  const decision = await page.group(`Decide the ${noun} (dry run: nothing is sent)`, () => service.decide())
  const request = decision.kind === 'send' ? decision.request : undefined
  report.plan = { what: decision.what, request }
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
