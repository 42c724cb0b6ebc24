/**
 * What an HTTP answer says (a header, the service's error body), for the client and the API
 * adapters alike: read the same way wherever an answer is explained.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { redactEmails } from './sanitize.js'

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

const MAX_DETAILS = 10

/**
 * ` (code: message; inner code: inner message)` from an error body `{"error":{"code","message",
 * "details":[…]}}` (nested `details` as the Product Ingestion API sends them for a schema that
 * failed validation), bounded in count and length; or nothing.
 */
export function errorDetail(body: unknown): string {
  const parts: string[] = []
  const visit = (error: unknown, depth: number): void => {
    if (typeof error !== 'object' || error === null || parts.length >= MAX_DETAILS) return
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown }
    const text = [
      typeof code === 'string' ? code.slice(0, 100) : '',
      typeof message === 'string' ? message.slice(0, 300) : '',
    ]
      .filter(Boolean)
      .join(': ')
    if (text && !parts.includes(text)) parts.push(text)
    if (Array.isArray(details) && depth < 3) for (const inner of details.slice(0, MAX_DETAILS)) visit(inner, depth + 1)
  }
  visit((body as { error?: unknown } | undefined)?.error, 0)
  return parts.length ? ` (${redactEmails(parts.join('; '))})` : ''
}
