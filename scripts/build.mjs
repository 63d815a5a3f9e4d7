// Bundles the CLI (and with it core and api) into one ESM file that plain Node runs.
// Dependencies stay external: they are installed in node_modules and some are native.
import { build } from 'esbuild'
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const outfile = join(root, 'packages/cli/dist/kassa.js')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

const sources = ['core', 'api', 'cli'].map((p) => join(root, 'packages', p, 'src'))
if (process.argv.includes('--if-stale') && existsSync(outfile)) {
  const built = statSync(outfile).mtimeMs
  if (sources.every((dir) => newestMtime(dir) < built)) process.exit(0)
}

const external = new Set()
for (const p of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'))
  for (const name of Object.keys(pkg.dependencies ?? {})) if (!name.startsWith('@kassa/')) external.add(name)
}

await build({
  entryPoints: [join(root, 'packages/cli/src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external: [...external].flatMap((name) => [name, `${name}/*`]),
  banner: { js: "import { createRequire as __kassaRequire } from 'node:module'; const require = __kassaRequire(import.meta.url);" },
  logLevel: 'warning',
})
