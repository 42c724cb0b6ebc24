import { systemClock } from './clock.js'
import { run } from './main.js'

// The runner cancels a job with SIGINT, then SIGTERM 7.5 s later: stop waiting at the first one.
const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
process.once('SIGTERM', () => controller.abort())

void run({ clock: systemClock, signal: controller.signal }).then(() => {
  // A request cut short by the cancellation may still hold a socket open: do not wait for it.
  if (controller.signal.aborted) process.exit()
})
