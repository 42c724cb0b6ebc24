/** `npm run serve` as a person uses it: its help, and the inputs it prints, run as printed. */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import { errors, lineEnds, ROOT, runAction } from '../harness.js'

const SERVE = join(ROOT, 'build/__tests__/serve.js')

test('serve --help names both APIs, every option and the loopback rule for short intervals', () => {
  const help = spawnSync(process.execPath, [SERVE, '--help'], { encoding: 'utf8' })
  assert.equal(help.status, 0)
  for (const word of ['product-ingestion', 'cloud-partner-portal', '--minutes', '--url-file', 'loopback', '5s'])
    assert.ok(help.stdout.includes(word), word)
  const wrong = spawnSync(process.execPath, [SERVE, '--api', 'partner-center'], { encoding: 'utf8' })
  assert.equal(wrong.status, 2)
  assert.match(wrong.stderr, /^usage: npm run serve/)
})

for (const api of ['product-ingestion', 'cloud-partner-portal']) {
  test(`the inputs serve prints for ${api} run the action to succeeded, as printed`, async () => {
    const child = spawn(process.execPath, [SERVE, '--api', api, '--minutes', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let out = ''
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
      const until = Date.now() + 10_000
      while (!/ {10}poll-interval: .*\n/.test(lineEnds(out)) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 50))
      const inputs = Object.fromEntries(
        [...lineEnds(out).matchAll(/^ {10}([a-z-]+): (.*)$/gm)].map(([, name, value]) => [name, value]),
      )
      assert.ok(inputs['base-url'], out)
      const r = await runAction({ inputs, timeoutMs: 30_000 })
      assert.equal(r.code, 0, errors(r.stdout).join(' | '))
      assert.equal(r.outputs.status, 'succeeded')
    } finally {
      child.kill()
    }
  })
}
