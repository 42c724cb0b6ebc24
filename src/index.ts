import { systemClock } from './clock.js'
import { run } from './main.js'
import { forLog } from './sanitize.js'

// The runner cancels a job with SIGINT, then SIGTERM 7.5 s later: stop waiting at the first one.
const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
process.once('SIGTERM', () => controller.abort())

run({ clock: systemClock, signal: controller.signal }).then(
  () => {
    // A request cut short by the cancellation may still hold a socket open: do not wait for it.
    if (controller.signal.aborted) process.exit()
  },
  // run() reports every failure itself; this only keeps a bug in that reporting from going unheard.
  (error: unknown) => {
    process.exitCode = 1
    process.stdout.write(`::error::Unexpected error: ${forLog(String(error))}\n`)
  },
)
