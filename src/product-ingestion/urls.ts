/** The Product Ingestion API's names: its resource, its followed URLs and id forms, its pages. */
import { PARTNER_CENTER } from '../service.js'

export const RESOURCE = 'https://graph.microsoft.com'
export const DEFAULT_VERSION = '2022-07-01'

/** The offer's page in Partner Center. */
export const productPage = (guid: string): string => `${PARTNER_CENTER}/offers/${guid}/overview`

// The documented forms of the ids that go into URLs: a product's durable id `product/{guid}`, a
// submission's `submission/{guid}/{19 digits}`, a configure job's GUID. Anything else is refused
// before it reaches a path.
export const PRODUCT_ID = /^product\/([A-Za-z0-9-]{1,64})$/
export const SUBMISSION_ID = /^submission\/([A-Za-z0-9-]{1,64})\/(\d{1,30})$/
export const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The parts of a followed URL: a configure job's status, or a (live or preview) submission. */
export type Followed = { kind: 'job'; jobId: string } | { kind: 'submission'; productGuid: string; id: string }

export function parseFollowed(pathname: string): Followed | undefined {
  const job = /\/configure\/([^/]+)\/status$/.exec(pathname)
  if (job && JOB_ID.test(job[1])) return { kind: 'job', jobId: job[1] }
  const sub = /\/submission\/([^/]+)\/([^/]+)$/.exec(pathname)
  if (sub && SUBMISSION_ID.test(`submission/${sub[1]}/${sub[2]}`))
    return { kind: 'submission', productGuid: sub[1], id: sub[2] }
  return undefined
}
