// The build of a mutation run's sandbox (stryker.config.json): the same as `npm run bundle`, but
// with the tools found by module resolution, since Stryker builds the sandbox before it links
// node_modules into it.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
rmSync('build', { recursive: true, force: true })
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit' })
execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
