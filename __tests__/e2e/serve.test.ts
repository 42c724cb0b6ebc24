/** `npm run serve` as a person uses it: its help, and the inputs it prints, run as printed. */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import { errors, lineEnds, ROOT, runAction, type RunResult } from '../harness.js'

const SERVE = join(ROOT, 'build/__tests__/serve.js')

test('serve --help names both APIs, every option and the loopback rule for short intervals', () => {
  const help = spawnSync(process.execPath, [SERVE, '--help'], { encoding: 'utf8' })
  assert.equal(help.status, 0)
  for (const word of [
    'product-ingestion',
    'cloud-partner-portal',
    '--minutes',
    '--url-file',
    '--scenario',
    'list-lag',
    'wrong-audience',
    'loopback',
    '5s',
  ])
    assert.ok(help.stdout.includes(word), word)
  const wrong = spawnSync(process.execPath, [SERVE, '--api', 'partner-center'], { encoding: 'utf8' })
  assert.equal(wrong.status, 2)
  assert.match(wrong.stderr, /^usage: npm run serve/)
})

/** `npm run serve` started as a person starts it; what it printed, once it has printed the inputs. */
async function serve(
  args: string[],
): Promise<{ inputs: Record<string, string>; byHand: Record<string, string>; stop: () => void }> {
  const child = spawn(process.execPath, [SERVE, ...args, '--minutes', '1'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
  const until = Date.now() + 10_000
  while (!/node dist\/index\.js\n/.test(lineEnds(out)) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50))
  const inputs = Object.fromEntries(
    [...lineEnds(out).matchAll(/^ {10}([a-z-]+): (.*)$/gm)].map(([, name, value]) => [name, value]),
  )
  const byHand = Object.fromEntries(
    [...out.matchAll(/'(INPUT_[A-Z-]+)=([^']*)'/g)].map(([, name, value]) => [name, value]),
  )
  assert.ok(inputs['base-url'], out)
  return { inputs, byHand, stop: () => child.kill() }
}

for (const api of ['product-ingestion', 'cloud-partner-portal']) {
  test(`the inputs serve prints for ${api} run the action to succeeded, as printed, and by hand as the recipe says`, async () => {
    const { inputs, byHand, stop } = await serve(['--api', api])
    try {
      const r = await runAction({ inputs, timeoutMs: 30_000 })
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      assert.equal(r.outputs.status, 'succeeded')
      // The recipe for running the bundle by hand: the same inputs, as INPUT_ variables.
      assert.equal(Object.keys(byHand).length, Object.keys(inputs).length)
      const hand = await runAction({ inputs: {}, env: byHand, timeoutMs: 30_000 })
      assert.equal(hand.code, 0, errors(hand.stdout).join(' | '))
      assert.equal(hand.outputs.status, 'succeeded')
    } finally {
      stop()
    }
  })

  test(`serve --scenario on ${api}: each mistake and state of a release, rehearsed with the printed inputs`, async () => {
    const rehearse = async (
      scenario: string,
      check: (r: RunResult, inputs: Record<string, string>) => Promise<void> | void,
    ) => {
      const { inputs, stop } = await serve(['--api', api, '--scenario', scenario])
      try {
        await check(await runAction({ inputs, timeoutMs: 30_000 }), inputs)
      } finally {
        stop()
      }
    }
    await rehearse('never-published', (r) => {
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      assert.equal(r.outputs.ready, 'true')
    })
    await rehearse('certifying', (r) => {
      assert.equal(r.code, 1)
      assert.match(errors(r.stdout)[0], /^Cannot (go live|start the go-live) yet: /)
    })
    await rehearse('failed', (r) => {
      assert.equal(r.code, 1)
      assert.equal(r.outputs.status, 'failed')
    })
    await rehearse('wrong-audience', (r) => {
      assert.equal(r.code, 1)
      assert.match(errors(r.stdout)[0], /HTTP 401/)
      assert.match(
        errors(r.stdout)[0],
        api === 'product-ingestion' ? /graph\.microsoft\.com/ : /cloudpartner\.azure\.com/,
      )
    })
    await rehearse('list-lag', async (r, inputs) => {
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      const later = await runAction({ inputs: { ...inputs, start: 'false' }, timeoutMs: 60_000 })
      assert.equal(later.code, 0, errors(later.stdout).join(' | '))
      // It follows the go-live just started (Product Ingestion: the live entry of the submission
      // it promotes), not the offer's previous one.
      const promoted = /Started the go-live of offer '[^']+' \(submission (\d+)\)/.exec(r.stdout)?.[1]
      if (promoted) assert.match(later.outputs['operation-location'], new RegExp(`/submission/[^/]+/${promoted}$`))
      // CPP lists no go-live yet: the follow-up says it found none (the next one finds it), and
      // never reports another operation as this one.
      else if (later.outputs['operation-location'] === undefined) assert.equal(later.outputs.status, undefined)
      else assert.equal(later.outputs['operation-location'], r.outputs['operation-location'])
    })
  })
}
