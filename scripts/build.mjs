// Bundles the CLI (and with it core, api and the storefront) into one ESM file that plain Node runs,
// and the storefront alone into apps/storefront/dist/storefront.js (it needs only the SDK).
// Dependencies stay external: they are installed in node_modules and some are native.
import { build } from 'esbuild'
import { copyFileSync, readdirSync, statSync, existsSync } from 'node:fs'
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

const storefrontOut = join(root, 'apps/storefront/dist/storefront.js')
const adminOut = join(root, 'apps/admin/dist')
const sources = [...['core', 'api', 'cli', 'sdk'].map((p) => join(root, 'packages', p, 'src')), join(root, 'apps/storefront/src'), join(root, 'apps/admin/src')]
if (process.argv.includes('--if-stale') && existsSync(outfile) && existsSync(storefrontOut) && existsSync(join(adminOut, 'index.html'))) {
  const built = Math.min(statSync(outfile).mtimeMs, statSync(storefrontOut).mtimeMs, statSync(join(adminOut, 'index.html')).mtimeMs)
  if (sources.every((dir) => newestMtime(dir) < built)) process.exit(0)
}

// Pure-JS dependencies are bundled too: one file loads far faster than hundreds of modules.
// External: native addons, pino (its transports load by name in worker threads) and packages
// whose files are read from disk at run time.
const external = ['better-sqlite3', '@node-rs/argon2', 'pino', 'pino-pretty', 'swagger-ui-dist', 'pg-native']

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  minifySyntax: true,
  minifyWhitespace: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  banner: { js: "import { createRequire as __kassaRequire } from 'node:module'; const require = __kassaRequire(import.meta.url);" },
  logLevel: 'warning',
}
await build({ ...common, entryPoints: [join(root, 'packages/cli/src/main.ts')], outfile })
await build({ ...common, entryPoints: [join(root, 'apps/storefront/src/main.ts')], outfile: storefrontOut })

// The admin single-page app: a browser bundle (Preact, uPlot, the SDK) the API serves at /app/.
await build({
  entryPoints: { admin: join(root, 'apps/admin/src/main.ts'), 'admin-styles': join(root, 'apps/admin/src/styles.css') },
  outdir: adminOut,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  // A stylesheet esbuild cannot parse fails the build instead of shipping half its rules.
  logOverride: { 'css-syntax-error': 'error' },
})
copyFileSync(join(root, 'apps/admin/src/index.html'), join(adminOut, 'index.html'))
