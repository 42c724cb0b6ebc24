/**
 * What the draft stages of both APIs share around their own reads and write: the image the run
 * asks for, the refusal while the offer publishes, the decision when the plan holds the version
 * already, and the checks before a write (the image's HEAD, the cap's warning).
 */
import { ActionError } from './errors.js'
import { describeImage, type ImagePlan, type ImageRequest } from './image.js'
import { checkImages } from './preflight.js'
import type { Decision, ServiceDeps, Target } from './service.js'

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
