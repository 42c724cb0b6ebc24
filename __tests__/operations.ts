/** Operations, steps and submissions as the adapters produce them, for tests of what reads them. */
import type { Operation, Step } from '../src/operation.js'
import type { Submission } from '../src/product-ingestion/parse.js'

/** A running step named `name` (its id too), with no messages, unless `more` says otherwise. */
export const aStep = (more: Partial<Step> & Pick<Step, 'name'>): Step => ({
  id: more.name,
  status: 'inProgress',
  state: 'running',
  messages: [],
  ...more,
})

/** A running operation with no steps, messages or links, unless `more` says otherwise. */
export const anOperation = (more: Partial<Operation> = {}): Operation => ({
  status: 'running',
  rawStatus: 'running',
  steps: [],
  messages: [],
  previewLinks: [],
  liveLinks: [],
  ...more,
})

/** The product the submissions of aSubmission belong to. */
export const PRODUCT = '0d9c2b5e-7d6a-4c1b-9a30-5f2c1e8d7b64'

/** A Product Ingestion submission entry, number `n` of PRODUCT. */
export const aSubmission = (n: number, target: string, status: string, result = '', created?: string): Submission => ({
  id: `submission/${PRODUCT}/${n}`,
  target,
  status,
  result,
  created,
})
