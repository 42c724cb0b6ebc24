import type { Clock } from '../src/clock.js'
import { Cancelled } from '../src/errors.js'

/** Time that moves only when the code under test sleeps: hours of waiting run in milliseconds. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = []
  constructor(private time = 1_000_000) {}
  now(): number {
    return this.time
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new Cancelled()
    this.sleeps.push(ms)
    this.time += ms
    await new Promise((resolve) => setImmediate(resolve))
  }
  advance(ms: number): void {
    this.time += ms
  }
}
