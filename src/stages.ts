/**
 * The stages a run can take an offer to, as data: what each is called and how a later run picks it
 * up. A new stage is an entry here and one file per API (each API's `stages` table), not a branch
 * in the shared flow.
 */

export const STAGES = {
  live: {
    noun: 'go-live',
    /** For the `target` input's message. */
    does: 'put the newest preview live',
    /** The inputs a later run needs besides operation-location to follow it. */
    resumeInputs: '',
  },
  preview: {
    noun: 'preview publish',
    does: 'publish the draft to preview',
    resumeInputs: 'target: preview and ',
  },
} as const

export type Stage = keyof typeof STAGES

export const STAGE_NAMES = Object.keys(STAGES) as Stage[]

/** What the log and the summary call the operation of each stage. */
export const NOUN = Object.fromEntries(STAGE_NAMES.map((s) => [s, STAGES[s].noun])) as Record<Stage, string>
