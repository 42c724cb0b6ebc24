/**
 * The stages a run can take an offer to, as data: what each is called and how a later run picks it
 * up. A new stage is an entry here and one file per API (each API's `stages` table), not a branch
 * in the shared flow.
 */

export type Stage = 'live' | 'preview' | 'draft'

export interface StageInfo {
  /** What the log and the summary call its operation. */
  noun: string
  /** For the `target` input's message. */
  does: string
  /** The inputs a later run sets, besides wait and operation-location, to follow its operation. */
  resumeInputs: string[]
  /** The inputs of this run a later one repeats to follow it (sign-in and offer-id always). */
  sameInputs: string[]
  /** Followed to its end whatever `wait` says. */
  waits: boolean
  /** Its operation lasts: a dry run reports the offer's current one. */
  lasting: boolean
  /** With image-version and image-source, the stage this one begins with. */
  imageFirst?: Stage
}

export const STAGES: Record<Stage, StageInfo> = {
  live: {
    noun: 'go-live',
    does: 'put the newest preview live',
    resumeInputs: [],
    sameInputs: [],
    waits: false,
    lasting: true,
  },
  preview: {
    noun: 'preview publish',
    does: 'publish the draft to preview',
    resumeInputs: ['target: preview'],
    sameInputs: [],
    waits: false,
    lasting: true,
    imageFirst: 'draft',
  },
  draft: {
    noun: 'draft change',
    does: 'add image-version to the plan in the draft',
    resumeInputs: ['target: draft'],
    // target: draft takes the image inputs, even to follow.
    sameInputs: ['plan-id', 'image-version', 'image-source'],
    // A draft change ends in seconds: it is always followed to its end.
    waits: true,
    lasting: false,
  },
}

export const STAGE_NAMES = Object.keys(STAGES) as Stage[]

/** What the log and the summary call the operation of each stage. */
export const NOUN = Object.fromEntries(STAGE_NAMES.map((s) => [s, STAGES[s].noun])) as Record<Stage, string>
