// Bundles the compiled action (build/src/index.js, from `tsc`) into dist/ with ncc. ncc is given
// JavaScript, not TypeScript, so its own TypeScript loader (which cannot use TypeScript 7) is never used.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = createRequire(import.meta.url)('@vercel/ncc')

/** The files of dist/, by relative path, as building the current build/ gives them. */
export async function bundle() {
  const { code, assets } = await ncc(join(root, 'build/src/index.js'), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022',
  })
  const files = { 'index.js': code }
  for (const [name, asset] of Object.entries(assets)) files[name] = String(asset.source)
  return files
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await bundle()
  const out = join(root, 'dist')
  await rm(out, { recursive: true, force: true })
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(out, name)), { recursive: true })
    await writeFile(join(out, name), text)
  }
  console.log(`dist/: ${Object.keys(files).join(', ')}`)
}
