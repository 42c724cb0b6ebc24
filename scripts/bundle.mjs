// Bundles the compiled action (build/src/index.js, from `tsc`) into dist/ with ncc. ncc is given
// JavaScript, not TypeScript, so its own TypeScript loader (which cannot use TypeScript 7) is never used.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = createRequire(import.meta.url)('@vercel/ncc')

/**
 * build/src without its comments, in build/bundle/src: everything bundled is parsed at every start,
 * and the comments say why to readers of src/, not to the runner. The code is left as tsc wrote it;
 * bundle() indents the whole of dist/index.js by two spaces instead of four, once.
 */
async function withoutComments() {
  const ts = createRequire(import.meta.url)('typescript')
  const from = join(root, 'build/src')
  const to = join(root, 'build/bundle/src')
  await rm(to, { recursive: true, force: true })
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const file = join(entry.parentPath ?? entry.path, entry.name)
    const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
      compilerOptions: { removeComments: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    })
    await mkdir(dirname(join(to, relative(from, file))), { recursive: true })
    await writeFile(join(to, relative(from, file)), outputText)
  }
  return join(to, 'index.js')
}

/**
 * Each line's leading four-space steps as two-space ones, except lines that begin inside a
 * template literal, whose spaces are part of a string (found with TypeScript's own parser).
 */
function halfIndent(ts, text) {
  const source = ts.createSourceFile('bundle.js', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS)
  const inside = []
  const visit = (node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      inside.push([node.getStart(source), node.end])
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  let at = 0
  return text
    .split('\n')
    .map((line) => {
      const start = at
      at += line.length + 1
      if (inside.some(([from, end]) => start > from && start < end)) return line
      return line.replace(/^( {4})+/, (spaces) => ' '.repeat(spaces.length / 2))
    })
    .join('\n')
}

/**
 * The bundle without the libraries' comments: they are parsed at every start as the action's were,
 * and the libraries' notices are in licenses.txt. The comments are found through the syntax tree
 * (the trivia before and after each token), so text in strings, templates and regular expressions
 * is never taken for one; the bundler's "CONCATENATED MODULE" lines, which say where each file of
 * the action begins, are kept. A line left empty by a cut is dropped, and so are the spaces after a
 * comment that began a line.
 */
function withoutLibraryComments(ts, text) {
  const source = ts.createSourceFile('bundle.js', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS)
  const cuts = new Map()
  const visit = (node) => {
    const ranges = [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ]
    for (const range of ranges) cuts.set(range.pos, range.end)
    for (const child of node.getChildren(source)) visit(child)
  }
  visit(source)
  let out = ''
  let at = 0
  for (const [from, end] of [...cuts].sort((a, b) => a[0] - b[0])) {
    if (from < at || text.slice(from, end).includes('CONCATENATED MODULE')) continue
    out += text.slice(at, from) + '\u0000'
    at = end
  }
  out += text.slice(at)
  return out
    .split('\n')
    .filter((line) => !/^\s*\u0000[\s\u0000]*$/.test(line))
    .map((line) => line.replace(/^(\s*)\u0000\s*/, '$1'))
    .join('\n')
    .replaceAll('\u0000', '')
}

/** The files of dist/, by relative path, as building the current build/ gives them. */
export async function bundle() {
  const { code, assets } = await ncc(await withoutComments(), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022',
  })
  const ts = createRequire(import.meta.url)('typescript')
  const files = { 'index.js': halfIndent(ts, withoutLibraryComments(ts, code)) }
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
