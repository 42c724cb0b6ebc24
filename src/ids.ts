import { redactEmails } from './sanitize.js'

/**
 * The one check of an id the action takes from an answer or an input: it goes into a URL path and
 * is written exactly as the `operation-id` output, so it must be one that needs no cleaning (no
 * line break, space or control character, no address, at most 500 characters). The Product
 * Ingestion API's documented id forms (GUIDs, digits) pass it by construction.
 */
export function isUsableId(id: string): boolean {
  return id !== '' && id.length <= 500 && !/[\p{Cc}\s]/u.test(id) && redactEmails(id) === id
}
