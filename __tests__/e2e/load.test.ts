/**
 * A small matrix at once behind the account's throttle: the load figure of `npm run bench`
 * (bench/load.ts) at a size that runs in seconds. Exactly one go-live per offer, and every run ends
 * with that go-live's true outcome.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeLoad, load } from '../bench/load.js'

for (const api of ['product-ingestion', 'cloud-partner-portal'] as const) {
  test(`${api}: 3 offers each named twice, throttled: one go-live each, every outcome true`, async () => {
    // 4 requests a second for 6 runs of 5 to 8 requests: throttled however far apart a loaded
    // machine spreads the runs (at 12 a second, with 2 cores at a load of 6, none met a 429).
    const result = await load({ api, offers: 3, runsPerOffer: 2, limit: 4, windowMs: 1000, goLiveMs: 1500 })
    assert.equal(result.runs, 6)
    assert.equal(result.wrongGoLives, 0, describeLoad(result))
    assert.deepEqual(result.untrue, [], describeLoad(result))
    assert.ok(result.throttled > 0, `the throttle never answered 429: ${describeLoad(result)}`)
    assert.ok(result.requestsPerRun.at(-1)! <= 25, describeLoad(result))
  })
}
