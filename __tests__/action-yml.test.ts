/** action.yml, as the runner shows it, agrees with the code: inputs, outputs and defaults. */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { APIS } from '../src/apis.js'
import { DEFAULTS, readSettings } from '../src/settings.js'
import { ROOT } from './harness.js'

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
    ['operation-location', 'operation-id', 'status', 'ready', 'live-already', 'preview-id'],
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
  // Every input the code reads: settings read with a token, then with an app registration.
  const read = new Set<string>()
  const auths: Record<string, string>[] = [{ token: 't' }, { 'tenant-id': 'tenant', 'client-id': 'client' }]
  for (const auth of auths) {
    const given: Record<string, string> = { 'publisher-id': 'contoso', 'offer-id': 'offer', ...auth }
    readSettings((name) => {
      read.add(name)
      return given[name] ?? ''
    }, APIS)
  }
  assert.deepEqual(
    [...read].sort(),
    inputs.map((i) => i.name).sort(),
    'inputs read by the code and declared in action.yml differ',
  )
})

/** The branding colours GitHub Marketplace accepts. */
const COLOURS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']
/** Feather icons GitHub Marketplace lists for actions (the ones this action could use, and a few more). */
const ICONS = ['upload-cloud', 'cloud', 'send', 'check-circle', 'package', 'play-circle', 'zap', 'shopping-cart']

test('action.yml meets the Marketplace rules, and the README documents exactly its inputs', async () => {
  const yml = await readFile(join(ROOT, 'action.yml'), 'utf8')
  const description = /^description: '(.*)'$/m.exec(yml)?.[1] ?? ''
  assert.ok(description.length > 20 && description.length < 125, `description is ${description.length} characters`)
  assert.ok(/^name: '(.{1,}?)'$/m.test(yml))
  assert.ok(ICONS.includes(/^ {2}icon: '(.*)'$/m.exec(yml)?.[1] ?? ''), 'branding icon')
  assert.ok(COLOURS.includes(/^ {2}color: '(.*)'$/m.exec(yml)?.[1] ?? ''), 'branding colour')
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const table = /^## Inputs\n([\s\S]*?)\n## /m.exec(readme)?.[1] ?? ''
  const documented = [...table.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]).sort()
  assert.deepEqual(
    documented,
    section(yml, 'inputs')
      .map((i) => i.name)
      .sort(),
    'README Inputs table vs action.yml',
  )
  const outputs = /^## Outputs\n([\s\S]*?)\n## /m.exec(readme)?.[1] ?? ''
  assert.deepEqual(
    [...outputs.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]).sort(),
    section(yml, 'outputs')
      .map((o) => o.name)
      .sort(),
    'README Outputs table vs action.yml',
  )
})
