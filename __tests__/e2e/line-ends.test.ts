/**
 * On a Windows runner @actions/core ends every command, output and summary line with `\r\n`. The
 * runner reads those as it reads `\n`; so must every test that reads what the action wrote. Each run
 * here is made twice, with Windows line ends and with Unix ones (scripts/line-ends.cjs), and the two must
 * read the same: outputs, failure lines, annotations, the run page, the summary.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { errors, ingestionInputs, readAsRunner, ROOT, RunPageView, runAction, simInputs } from '../harness.js'
import { IngestionSimulator } from '../ingestion-simulator.js'
import { Simulator } from '../simulator.js'

const ends = (LINE_ENDS: 'crlf' | 'lf') => ({
  LINE_ENDS,
  NODE_OPTIONS: `--require ${join(ROOT, 'scripts/line-ends.cjs')}`,
})
const closers: (() => Promise<void>)[] = []
after(() => Promise.all(closers.map((close) => close())))

const page = (stdout: string): string[] => {
  const view = new RunPageView()
  return stdout.split('\n').flatMap((line) => view.line(line) ?? [])
}

for (const [name, start] of [
  [
    'a CPP go-live that succeeds',
    async () => {
      const sim = await Simulator.start({ operation: { reads: 2 } })
      closers.push(() => sim.close())
      return simInputs(sim, { wait: 'true', 'poll-interval': '10ms' })
    },
  ],
  [
    'a Product Ingestion go-live that fails certification',
    async () => {
      const sim = await IngestionSimulator.start({ job: { reads: 2, outcome: 'failed' } })
      closers.push(() => sim.close())
      return ingestionInputs(sim, { wait: 'true' })
    },
  ],
] as const) {
  test(`${name} reads the same with Windows line ends`, async () => {
    const unix = await runAction({ inputs: await start(), env: ends('lf') })
    const windows = await runAction({ inputs: await start(), env: ends('crlf') })
    assert.match(windows.rawStdout, /::group::[^\n]*\r\n/, 'the preload did not give the action CRLF')
    assert.doesNotMatch(unix.rawStdout, /\r\n/)
    assert.equal(windows.code, unix.code)
    assert.ok(unix.outputs.status, 'no status output')
    assert.deepEqual(Object.keys(windows.outputs), Object.keys(unix.outputs))
    assert.equal(windows.outputs.status, unix.outputs.status)
    // Failure lines and the page hold ids and times that differ between two runs: compare their shape.
    const shape = (lines: string[]) => lines.map((l) => l.replace(/[0-9a-f-]{8,}|:\d+\b|\d+(\.\d+)?(ms|s)\b/g, '#'))
    assert.deepEqual(shape(errors(windows.stdout)), shape(errors(unix.stdout)))
    assert.deepEqual(shape(page(windows.stdout)), shape(page(unix.stdout)))
    assert.ok(
      page(windows.stdout).every((line) => !line.endsWith('\r') && !line.startsWith('::')),
      'a raw command or a CR on the page',
    )
    assert.deepEqual(
      readAsRunner(windows.stdout).commands.map((c) => c.name),
      readAsRunner(unix.stdout).commands.map((c) => c.name),
    )
    assert.equal(shape(windows.summary.split('\n')).join('\n'), shape(unix.summary.split('\n')).join('\n'))
  })
}
