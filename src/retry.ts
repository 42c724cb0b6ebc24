/** How one request is retried: exponential backoff with full jitter, bounded in total time. */
export interface RetryPolicy {
  /** The first retry waits a random time up to this. */
  baseMs: number
  /** No single wait is longer than this, unless the service asks for longer with Retry-After. */
  capMs: number
  /** A request gives up once this much time has passed since its first attempt. */
  budgetMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, capMs: 30_000, budgetMs: 120_000 }

/** The budget grows with the request timeout, so that a slow answer can be waited for twice. */
export function retryFor(requestTimeoutMs: number): RetryPolicy {
  return { ...DEFAULT_RETRY, budgetMs: Math.max(DEFAULT_RETRY.budgetMs, 2 * requestTimeoutMs) }
}

/** 408 and 429 are the service asking to slow down; the 5xx are the service or a proxy in trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504
}

/** Full jitter: a uniformly random wait up to the exponential bound (attempt 0 is the first retry). */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** attempt)
  return Math.floor(random() * bound)
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (!header) return undefined
  const text = header.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

/**
 * How far past Retry-After a retry may be spread: half the wait, at least a second, at most the cap.
 * Runs throttled in the same window are told the same Retry-After; retrying all at that instant
 * meets the next window's limit together, and some then starve.
 */
export function retryAfterSpreadMs(retryAfterMs: number, policy: RetryPolicy): number {
  return Math.min(policy.capMs, Math.max(1000, retryAfterMs / 2))
}

/**
 * The wait before the next attempt: the backoff, or, when the service asked for a wait, never less
 * than its Retry-After and spread at random over `retryAfterSpreadMs` past it.
 */
export function nextDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  const backoff = backoffMs(attempt, policy, random)
  if (retryAfterMs === undefined) return backoff
  return Math.max(backoff, retryAfterMs + Math.floor(random() * retryAfterSpreadMs(retryAfterMs, policy)))
}
