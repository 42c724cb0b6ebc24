import { ActionError } from './errors.js'

/** Node's timers hold at most 2^31 - 1 ms; a longer delay would fire at once, again and again. */
export const MAX_TIMER_MS = 2 ** 31 - 1

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** `500ms`, `30s`, `5m`, `2h`, `1.5h`; a bare number is seconds. */
export function parseDuration(text: string, inputName: string): number {
  const match = /^(\d{1,12}(?:\.\d{1,6})?)\s*(ms|s|m|h)?$/.exec(text.trim())
  if (!match) {
    throw new ActionError(
      `Input '${inputName}' is '${text}', which is not a duration: use a number with an optional unit ms, s, m or h, e.g. 30s, 5m or 2h.`,
    )
  }
  const ms = Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 's'])
  if (ms <= 0) {
    throw new ActionError(`Input '${inputName}' must be longer than zero (it is '${text}').`)
  }
  if (ms > MAX_TIMER_MS) {
    throw new ActionError(`Input '${inputName}' is '${text}', longer than the action can wait: at most 24 days (576h).`)
  }
  return ms
}

/** A short human duration: `850ms`, `42s`, `3m 20s`, `2h 5m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const totalSeconds = Math.round(ms / 1000)
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`
  if (m > 0) return s > 0 ? `${m}m ${s}s` : `${m}m`
  return `${s}s`
}
