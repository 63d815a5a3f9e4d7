// Kassa as a separate process: its own copy of the built CLI bundle, started on a seeded database.
import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from 'esbuild'
import { spawnNode, stop } from './proc.mjs'

export const KEY = 'pk_demo'
const root = new URL('../..', import.meta.url).pathname
/** Packages the bundles load from node_modules: native addons and what loads files by name. */
const NATIVE = ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'pino', 'pino-pretty']
/** The V8 flags `npm start` and the `kassa` bin run the server with (API_NODE_FLAGS in packages/cli/src/workers.ts). */
export const NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256']

/**
 * Builds the CLI bundle if its sources changed and copies it into the run's folder, and bundles
 * the seed script beside it: both come from one snapshot of the sources, a rebuild by anyone else
 * during the run cannot swap them, and the seed starts in a fraction of what tsx needs.
 */
export async function prepareBundles(workDir) {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
  const server = join(workDir, 'kassa.mjs')
  copyFileSync(join(root, 'packages/cli/dist/kassa.js'), server)
  const seeder = join(workDir, 'seed.mjs')
  await build({
    entryPoints: [join(root, 'bench/seed.ts')],
    outfile: seeder,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: NATIVE.flatMap((name) => [name, `${name}/*`]),
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  return { server, seeder }
}

/** Runs the bundled seed script and returns the JSON line it printed. */
export async function seed(seeder, { url, dataDir, products, path }) {
  const child = spawnNode([seeder, '--url', url, '--data-dir', dataDir, '--products', String(products), '--path', path], {
    env: cleanEnv(),
  })
  const code = await new Promise((resolve) => child.once('exit', resolve))
  const lines = child.output().trim().split('\n')
  if (code !== 0) throw new Error(`seeding failed (exit ${code}):\n${lines.join('\n')}`)
  return JSON.parse(lines.pop())
}

/**
 * `kassa start` in demo mode (key pk_demo) on the given database, as `workers` API processes
 * (`--workers`, PostgreSQL only) when more than 1. Resolves once `/ready` answers
 * (`listeningMs`) and, unless `firstAnswer` is false, the first `/store/products` answer (`readyMs`).
 */
export async function startKassa({
  bundle,
  dataDir,
  databaseUrl,
  core,
  workers = 1,
  port: fixedPort,
  firstAnswer = true,
  env: extraEnv = {},
}) {
  const port = fixedPort ?? (await freePort())
  const env = {
    ...cleanEnv(),
    PORT: String(port),
    HOST: '127.0.0.1',
    KASSA_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    KASSA_DEMO: '1',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  }
  const started = performance.now()
  // Run from the data directory: a kassa.config.js in the working tree must not reach the server.
  const child = spawnNode([...NODE_FLAGS, bundle, 'start', ...(workers > 1 ? ['--workers', String(workers)] : [])], {
    env,
    core,
    cwd: dataDir,
  })
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise((resolve) => child.once('exit', () => resolve(-1)))
  const poll = async (path) => {
    for (;;) {
      const status = await Promise.race([
        get(`${url}${path}`).then(
          (r) => r.status,
          () => 0,
        ),
        exited,
      ])
      if (status === 200) return Math.round(performance.now() - started)
      if (status === -1 || performance.now() - started > 300_000) {
        await stop(child)
        throw new Error(`kassa did not answer ${path} (status ${status}):\n${child.output()}`)
      }
      await sleep(5)
    }
  }
  const listeningMs = await poll('/ready')
  const readyMs = firstAnswer ? await poll('/store/products?limit=1') : null
  return { child, pid: child.pid, url, listeningMs, readyMs }
}

/** Medians of `times` starts and stops on the same database. */
export async function coldStarts(options, times) {
  const answers = []
  const listening = []
  for (let i = 0; i < times; i++) {
    const server = await startKassa(options)
    answers.push(server.readyMs)
    listening.push(server.listeningMs)
    await stop(server.child)
  }
  return { median: median(answers), samples: answers, listening_median: median(listening) }
}

/** One GET without keep-alive: status, headers and the body as a Buffer. */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'x-publishable-api-key': KEY, ...headers }, agent: false, timeout: 30_000 }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)))
    req.on('error', reject)
    req.end()
  })
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2)
}

/** The environment without a test runner's loaders or the caller's database settings. */
function cleanEnv() {
  const drop = new Set(['NODE_OPTIONS', 'DATABASE_URL', 'KASSA_DATA_DIR', 'PORT', 'KASSA_DEMO'])
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !drop.has(k) && !k.startsWith('VITEST')))
}

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
