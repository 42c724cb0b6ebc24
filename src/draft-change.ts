/**
 * What the draft stages of both APIs share around their own reads and write: the image the run
 * asks for, the refusal while the offer publishes, the decision when the plan holds the version
 * already, the checks before a write (the image's HEAD, the cap's warning), and the write itself,
 * at most once in effect.
 */
import { ActionError } from './errors.js'
import { describeImage, type ImagePlan, type ImageRequest } from './image.js'
import type { HttpResponse } from './http.js'
import { checkImages } from './preflight.js'
import type { Decision, Done, ServiceDeps, Target } from './service.js'
import { writeOnce, type Written } from './write-once.js'

/** A draft write that may have reached the service is sent this often at most. */
const MAX_WRITES = 3

export function imageOf(settings: Target): ImageRequest {
  if (!settings.image) throw new ActionError('target: draft needs plan-id, image-version and image-source.')
  return settings.image
}

/** The refusal while a publish or go-live of the offer runs (`what` names it). */
export function publishingRefusal(offerId: string, what: string): Decision {
  return {
    kind: 'refuse',
    line: `Cannot change the draft of offer '${offerId}': ${what} is in progress, and the draft is not changed while the offer publishes. Wait for it to end, then re-run this step.`,
  }
}

/** Nothing to change: the version is in the draft, preview or live with the same image. */
export function unchanged(request: ImageRequest, decided: Extract<ImagePlan, { kind: 'unchanged' }>): Decision {
  const { version, planId } = request
  const where = `in the ${decided.where} of plan '${planId}' already, with the same image`
  return {
    kind: 'none',
    what: `change nothing: version ${version} is ${where}`,
    line: `Version ${version} is ${where}: the draft is not changed.`,
    image: { images: decided.types.join(', '), state: `in the ${decided.where} already` },
  }
}

/** Before a write that adds the version: the image checked (HEAD), the cap's warning said; the images described. */
export async function beforeAdding(
  deps: Pick<ServiceDeps, 'http' | 'log'>,
  decided: Extract<ImagePlan, { kind: 'add' }>,
): Promise<string> {
  await checkImages(deps.http, Object.values(decided.sources), deps.log)
  if (decided.warning) deps.log(`Warning: ${decided.warning}`)
  return describeImage(decided.types, decided.sources)
}

/**
 * What the plan read again after a write says of it: the version is there (`done`), the change is
 * refused now (thrown), or undefined: the write has not taken effect.
 */
export function heldNow(decided: ImagePlan, done: Done): Done | undefined {
  if (decided.kind === 'unchanged') return done
  if (decided.kind === 'refuse') throw new ActionError(decided.line)
  return undefined
}

/**
 * The draft's write through writeOnce: after an answer that may have reached the service, or a
 * 429, the plan is read again (`reread`) before the write goes again, and a plan that holds the
 * version then is the change done.
 */
export function writeDraft(
  deps: Pick<ServiceDeps, 'http' | 'clock' | 'signal' | 'log'>,
  write: { send: () => Promise<HttpResponse>; reread: () => Promise<ImagePlan>; done: Done; version: string },
): Promise<Written> {
  const purpose = 'change the draft'
  return writeOnce(deps, {
    purpose,
    send: write.send,
    look: async ({ throttled, reason }) => {
      if (!throttled) {
        deps.log(
          `The draft change may have reached the service (${reason}); reading the draft before sending it again.`,
        )
      }
      return heldNow(await write.reread(), write.done)
    },
    maxUnanswered: MAX_WRITES,
    exhausted: (count, reason) =>
      `Could not ${purpose}: ${count} requests failed before an answer (${reason}), and the draft does not hold version ${write.version}. Re-run this step.`,
  })
}
