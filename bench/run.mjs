// `npm run bench`: Kassa's Store API, checkout, cold start and memory on SQLite and PostgreSQL,
// against a plain node:http ceiling measured in the same run. See BENCHMARKS.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { captureResponse, measureCeiling } from './lib/ceiling.mjs'
import { prepareCheckout, runBuyers } from './lib/checkout.mjs'
import { coldStarts, freePort, get, prepareBundles, seed, startKassa } from './lib/kassa.mjs'
import { fire, settle, warmUp } from './lib/load.mjs'
import { createDatabase, dropDatabase, reachable, terminateBackends } from './lib/postgres.mjs'
import { hasTaskset, kill, killAll, pinSelf, rssMb, rssMbOfTree, stop } from './lib/proc.mjs'
import { machineInfo, markdown, updateDoc } from './lib/report.mjs'

// The server inherits KASSA_CACHE: with `off` every answer is rendered (the uncached figures);
// otherwise the Store API cache answers repeats, as a 200 or, given the ETag, a 304, and a full
// run then measures the Store API rows once more with a server started with KASSA_CACHE=off.
const CACHE_OFF = (process.env.KASSA_CACHE ?? '').toLowerCase() === 'off'
const CLIENTS = CACHE_OFF ? ['uncached', 'ETag (304)'] : ['cached 200', 'cached 304']
const UNCACHED = 'uncached'

const HELP = `Usage: npm run bench [-- options]    (node bench/run.mjs [options])

Seeds a fixed catalog, starts Kassa (the built CLI bundle) on SQLite and on PostgreSQL, loads
the Store API with autocannon and runs virtual buyers through checkout. Writes
bench/results/latest.json and latest.md; a full run also refreshes the table in BENCHMARKS.md.

Options:
  --quick              1k products, 3 s per endpoint, 5 s of checkout (under 2 minutes)
  --db LIST            sqlite,postgres (default both; PostgreSQL is skipped when unreachable)
  --sizes LIST         catalog sizes (default 1000,100000; quick: 1000)
  --duration S         seconds per endpoint (default 10; quick: 3)
  --connections N      autocannon connections and checkout buyers (default 50)
  --workers LIST       API processes to compare on PostgreSQL (kassa start --workers N) for the
                       product list and product by handle (default 1,2; 1 alone skips the rows)
  --no-pin             do not pin the server to core 0 and the load generator to core 1
  --keep               keep the data directory (.kassa/bench/<run>) and databases
  --help               this text

PostgreSQL: KASSA_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
each run creates its own databases and drops them afterwards.`

const ENDPOINTS = [
  { endpoint: 'product list', path: () => '/store/products?limit=20' },
  { endpoint: 'product by handle', path: (q) => `/store/products/${q.handle}` },
  {
    endpoint: 'search, 2 filters',
    path: (q) => `/store/products?limit=20&q=${q.search.q}&category=${q.search.category}&tag=${q.search.tag}`,
  },
  { endpoint: 'category + facets', path: (q) => `/store/products?limit=20&category=${q.category}` },
  // The storefront's category page (server-rendered HTML over the Store API), on the API port + 1.
  { endpoint: 'storefront category', path: (q) => `/en/c/${q.category}`, storefront: true },
]
/** The rows measured again with more API processes. */
const WORKER_ENDPOINTS = ['product list', 'product by handle']

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite,postgres' },
    sizes: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string', default: '1,2' },
    'no-pin': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log(HELP)
  process.exit(0)
}

const quick = args.quick
const settings = {
  connections: Number(args.connections),
  duration: Number(args.duration ?? (quick ? 3 : 10)),
  warmup: quick ? 0.5 : 2,
  checkout: quick ? 5 : 30,
  sizes: (args.sizes ?? (quick ? '1000' : '1000,100000')).split(',').map(Number),
  dbs: args.db.split(','),
  workers: args.workers.split(',').map(Number),
}
/** Each start waits for a first product list: beyond 10k products that alone takes seconds. */
const coldStartCount = (products) => (quick || products > 10_000 ? 3 : 5)
/** How long the requests a run leaves in flight may keep the server busy before it is restarted. */
const DRAIN_LIMIT_MS = 5_000
const root = new URL('..', import.meta.url).pathname
const runId = new Date().toISOString().replace(/[:.]/g, '-')
const workDir = join(root, '.kassa/bench', runId)
mkdirSync(workDir, { recursive: true })

const notes = []
const pinned = !args['no-pin'] && hasTaskset()
if (pinned) pinSelf(1)
const serverCore = pinned ? 0 : undefined
const result = {
  command: `${CACHE_OFF ? 'KASSA_CACHE=off ' : ''}npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  mode: quick ? 'quick' : 'full',
  started_at: new Date().toISOString(),
  machine: machineInfo(),
  pinning: pinned
    ? 'server pinned to core 0 and load generator to core 1 with taskset (PostgreSQL unpinned)'
    : 'nothing pinned: server, load generator and database share both cores',
  settings,
  ceiling: null,
  runs: [],
  notes,
}
const began = Date.now()
const log = (line) => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`)

// Ctrl-C or a kill: stop the servers and drop the databases this run made, then go.
const databases = new Set()
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    log(`${signal}: cleaning up`)
    await killAll()
    if (!args.keep) {
      for (const name of databases) await dropDatabase(name).catch(() => {})
      rmSync(workDir, { recursive: true, force: true })
    }
    process.exit(130)
  })
}

const bundles = await prepareBundles(workDir)
for (const db of settings.dbs) {
  if (db === 'postgres') {
    const pg = await reachable()
    if (!pg.ok) {
      notes.push(`PostgreSQL skipped: not reachable (${pg.reason})`)
      log(notes.at(-1))
      continue
    }
  }
  for (const [index, products] of settings.sizes.entries()) {
    result.runs.push(await benchDatabase(db, products, { checkout: index === 0 }))
    if (!result.ceiling && result.captured) result.ceiling = await ceiling(result.captured)
    writeResults({ complete: false })
  }
}

const table = writeResults({ complete: true })
// Only a full run with the default settings stands for the project in BENCHMARKS.md.
const defaults = !quick && !args.sizes && !args.duration && args.db === 'sqlite,postgres' && args.connections === '50'
if (defaults && (await updateDoc(join(root, 'BENCHMARKS.md'), table))) log('BENCHMARKS.md updated')
if (!args.keep) rmSync(workDir, { recursive: true, force: true })
console.log(`\n${table}`)

/** Writes what is measured so far: a run cut short still leaves its finished parts. */
function writeResults({ complete }) {
  const { captured: _captured, ...rest } = result
  const written = { ...rest, complete, load_avg_end: loadavg().map((n) => Math.round(n * 100) / 100) }
  const table = markdown(written)
  mkdirSync(join(root, 'bench/results'), { recursive: true })
  writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(written, null, 2) + '\n')
  writeFileSync(join(root, 'bench/results/latest.md'), table)
  return table
}

async function benchDatabase(db, products, { checkout }) {
  log(`${db}, ${products} products: seeding`)
  const dataDir = join(workDir, `${db}-${products}`)
  mkdirSync(dataDir, { recursive: true })
  const database = db === 'postgres' ? await createDatabase(products) : null
  if (database) databases.add(database.name)
  const url = database?.url ?? join(dataDir, 'kassa.sqlite')
  const run = { db, products }
  try {
    // The service path is the honest one; above a few thousand products only bulk inserts fit the time.
    run.seed = await seed(bundles.seeder, { url, dataDir, products, path: products <= 1000 && !quick ? 'service' : 'bulk' })
    log(`seeded in ${(run.seed.products_ms / 1000).toFixed(1)} s; starting`)
    const options = { bundle: bundles.server, dataDir, databaseUrl: database?.url, core: serverCore }
    // The first start also creates the demo admin; cold starts are timed after it, on an existing database.
    const server = await kassaProcess(options, database)
    try {
      log(`first start: /ready after ${server.current.listeningMs} ms, first product list after ${server.current.readyMs} ms`)
      const targets = await inspect(server.current.url, run, run.seed.queries)
      for (const t of targets) await warmUp({ url: t.url, headers: {}, duration: settings.warmup })
      await server.quiet()
      run.rss_mb = { after_warmup: rssMb(server.current.pid) }
      log(`warmed up; RSS ${run.rss_mb.after_warmup} MB`)
      run.endpoints = []
      let peak = 0
      for (const t of targets) {
        // The storefront page once, as a browser fetches it: its 304 says nothing the API's rows do not.
        for (const client of t.storefront ? CLIENTS.slice(0, 1) : CLIENTS) {
          const row = await measureEndpoint(server, t, client)
          peak = Math.max(peak, row.rss_mb ?? 0)
          run.endpoints.push(row)
        }
      }
      run.rss_mb.after_load = peak
      run.restarts = server.restarts
      if (checkout) run.checkout = await buyers(server.current, database)
    } finally {
      await stop(server.current.child)
    }
    if (!CACHE_OFF && !quick) run.endpoints.push(...(await uncachedRows(options, database, targets0(run))))
    if (database) run.workers = await workerRows(options, database, run)
    run.cold_start = await coldStarts(options, coldStartCount(products))
    log(
      `cold start: median ${run.cold_start.median} ms (${run.cold_start.samples.join(', ')}), /ready after ${run.cold_start.listening_median} ms`,
    )
  } finally {
    if (database && !args.keep) {
      await dropDatabase(database.name)
      databases.delete(database.name)
    }
  }
  return run
}

/**
 * The server under load, restarted when the requests left in flight by a run would keep it busy
 * longer than DRAIN_LIMIT_MS (a slow endpoint at 50 connections): the next run starts clean.
 */
async function kassaProcess(options, database) {
  // One port for every restart: the targets keep their URLs.
  const port = await freePort()
  const handle = { current: await startKassa({ ...options, port }), restarts: 0, dbName: database?.name }
  handle.quiet = async () => {
    const drained = await settle({ serverPid: handle.current.pid, dbName: database?.name, limitMs: DRAIN_LIMIT_MS })
    if (drained !== null) return drained
    await kill(handle.current.child)
    if (database) await terminateBackends(database.name)
    handle.current = await startKassa({ ...options, port, firstAnswer: false })
    handle.restarts += 1
    return null
  }
  return handle
}

async function measureEndpoint(server, target, client) {
  const etag = client !== CLIENTS[0] && client !== UNCACHED
  const row = { endpoint: target.endpoint, client, path: target.path, bytes: target.bytes, items: target.items, alone_ms: target.alone_ms }
  if (etag && !target.etag) return { ...row, skipped: 'no ETag header' }
  const headers = etag ? { 'if-none-match': target.etag } : {}
  const load = { url: target.url, headers, connections: settings.connections, duration: settings.duration }
  Object.assign(row, await fire({ ...load, serverPid: server.current.pid, dbName: server.dbName, expect: etag ? '3xx' : '2xx' }))
  row.rss_mb = rssMb(server.current.pid)
  row.drain_ms = await server.quiet()
  const drained = row.drain_ms === null ? 'restarted: still busy after the run' : `drained in ${row.drain_ms} ms`
  log(`${target.endpoint}, ${client}: ${row.rps} req/s, p99 ${row.p99_ms} ms, bad ${row.bad} (${drained})`)
  return row
}

/** The Store API targets a run measured (the storefront page aside), from its first rows. */
function targets0(run) {
  const seen = new Map()
  for (const r of run.endpoints)
    if (!seen.has(r.endpoint) && !ENDPOINTS.find((e) => e.endpoint === r.endpoint)?.storefront) seen.set(r.endpoint, r)
  return [...seen.values()]
}

/** The Store API rows again, rendered for every request: a server started with KASSA_CACHE=off. */
async function uncachedRows(options, database, measured) {
  log('cache off: starting')
  const server = await kassaProcess({ ...options, env: { KASSA_CACHE: 'off' } }, database)
  const rows = []
  try {
    const origin = new URL(server.current.url).origin
    for (const one of measured) {
      const url = `${origin}${one.path}`
      await warmUp({ url, headers: {}, duration: settings.warmup })
      await server.quiet()
      rows.push(
        await measureEndpoint(
          server,
          { endpoint: one.endpoint, path: one.path, url, bytes: one.bytes, items: one.items, alone_ms: one.alone_ms },
          UNCACHED,
        ),
      )
    }
  } finally {
    await stop(server.current.child)
  }
  return rows
}

/**
 * The product list and product by handle again with `kassa start --workers N` for each N > 1 of
 * `--workers` (PostgreSQL), first client only; the 1-process figures are the main rows'. The
 * server is not pinned here, so its processes can spread over both cores.
 */
async function workerRows(options, database, run) {
  const rows = []
  for (const workers of settings.workers.filter((n) => n > 1)) {
    log(`${workers} API processes: starting`)
    const server = await kassaProcess({ ...options, core: undefined, workers }, database)
    try {
      const single = new URL(server.current.url)
      for (const one of run.endpoints.filter((r) => WORKER_ENDPOINTS.includes(r.endpoint) && r.client === CLIENTS[0])) {
        const url = `${single.origin}${one.path}`
        await warmUp({ url, headers: {}, duration: settings.warmup })
        await server.quiet()
        const row = { workers, endpoint: one.endpoint, client: one.client, path: one.path, single_rps: one.rps }
        Object.assign(
          row,
          await fire({
            url,
            headers: {},
            connections: settings.connections,
            duration: settings.duration,
            serverPid: server.current.pid,
            dbName: database.name,
            expect: '2xx',
          }),
        )
        row.rss_mb = rssMbOfTree(server.current.pid)
        log(`${workers} API processes, ${one.endpoint}: ${row.rps} req/s (1 process: ${one.rps}), RSS of all ${row.rss_mb} MB`)
        rows.push(row)
      }
    } finally {
      await stop(server.current.child)
    }
  }
  return rows
}

/** One request per endpoint: it must answer 200 with content; keeps its ETag and size. */
async function inspect(url, run, queries) {
  const targets = []
  for (const e of ENDPOINTS) {
    const path = e.path(queries)
    if (e.storefront) {
      const page = new URL(url)
      page.port = String(Number(page.port) + 1)
      const res = await get(`${page.origin}${path}`)
      if (res.status !== 200 || !String(res.headers['content-type']).startsWith('text/html'))
        throw new Error(`storefront ${path} answered ${res.status}: ${res.body.toString().slice(0, 300)}`)
      const started = performance.now()
      await get(`${page.origin}${path}`)
      const alone_ms = Math.round(performance.now() - started)
      targets.push({ ...e, path, url: `${page.origin}${path}`, etag: res.headers.etag, bytes: res.body.length, items: null, alone_ms })
      continue
    }
    const res = await get(`${url}${path}`)
    const json = JSON.parse(res.body.toString())
    const items = json.data?.length ?? (json.product ? 1 : 0)
    if (res.status !== 200 || items === 0)
      throw new Error(`${path} answered ${res.status} with ${items} products: ${res.body.toString().slice(0, 300)}`)
    if (e.endpoint === 'product list') {
      const unpriced = json.data.filter((p) => p.variants.length === 0 || p.variants.some((v) => v.price === null))
      if (items !== 20 || unpriced.length)
        throw new Error(`the product list has ${items} products, ${unpriced.length} without priced variants`)
      if (!result.captured)
        result.captured = {
          file: captureResponse(res, join(workDir, 'product-list.json')),
          bytes: res.body.length,
          from: `${run.db} ${run.products}`,
        }
    }
    // A second request, alone and warm: what one shopper waits with nobody else around.
    const started = performance.now()
    await get(`${url}${path}`)
    const alone_ms = Math.round(performance.now() - started)
    targets.push({ ...e, path, url: `${url}${path}`, etag: res.headers.etag, bytes: res.body.length, items, alone_ms })
  }
  return targets
}

async function buyers(server, database) {
  const prepared = await prepareCheckout(server.url)
  if (prepared.skip) {
    log(`checkout skipped: ${prepared.skip}`)
    return { skip: prepared.skip }
  }
  log(`checkout: ${settings.connections} buyers for ${settings.checkout} s`)
  const outcome = await runBuyers({
    url: server.url,
    fixtures: prepared.fixtures,
    buyers: settings.connections,
    duration: settings.checkout,
    serverPid: server.pid,
    dbName: database?.name,
  })
  log(`checkout: ${outcome.orders_per_s} orders/s, p99 ${outcome.p99_ms} ms, failed ${outcome.failed}`)
  return outcome
}

async function ceiling(captured) {
  log(`ceiling: node:http with the product list (${captured.bytes} bytes, from ${captured.from})`)
  const figures = await measureCeiling({ captured: captured.file, core: serverCore, settings })
  return { ...figures, bytes: captured.bytes }
}
log('done')
