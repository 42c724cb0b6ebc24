import { cloudPartnerPortal } from './cloud-partner-portal/api.js'
import { productIngestion } from './product-ingestion/api.js'
import type { MarketplaceApi } from './service.js'

/** The APIs the `api` input names. Another back end is a folder of its own and a line here. */
export const APIS: readonly MarketplaceApi[] = [cloudPartnerPortal, productIngestion]
