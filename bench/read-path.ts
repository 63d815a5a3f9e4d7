/**
 * The uncached Store API read path in one process, without sockets: `app.request()` in a loop on
 * a seeded database, with the response cache off, for the product list and product by handle.
 *   node --import tsx bench/read-path.ts --url <file.sqlite | postgres://...> [--requests 2000] [--rounds 5] [--concurrency 1] [--only list|handle] [--cache off|on]
 * Prints one JSON line: requests per second of one process, and CPU microseconds per request of
 * this process and of the PostgreSQL backends serving its database (medians of the rounds). On a
 * loaded machine the CPU figures are the ones to compare. Under `node --cpu-prof` it shows where a
 * request's time goes.
 */
import { parseArgs } from 'node:util'
import { createApp } from '@kassa/api'
import { createCommerce, DEMO_PUBLISHABLE_KEY, resolveConfig } from '@kassa/core'
// @ts-expect-error: a plain .mjs helper of the bench
import { cpuByProcessMatching, cpuSecondsBetween } from './lib/proc.mjs'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    handle: { type: 'string', default: 'bench-product-7' },
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1' },
    only: { type: 'string' },
    // `on`: through the response cache (as `kassa start` serves by default), to read memory after a load.
    cache: { type: 'string', default: 'off' },
  },
})
if (!values.url) throw new Error('--url <file.sqlite | postgres://...> is required')

const config = resolveConfig({ databaseUrl: values.url, dataDir: '.kassa/read-path', logLevel: 'warn', demo: false }, {})
const commerce = await createCommerce(config, { migrate: false })
const app = createApp(commerce, values.cache === 'on' ? {} : { cache: false })
const paths = {
  list: '/store/products?limit=20',
  handle: `/store/products/${values.handle}`,
}
const chosen = Object.entries(paths).filter(([name]) => !values.only || name === values.only)
const headers = { 'x-publishable-api-key': DEMO_PUBLISHABLE_KEY }

async function get(path: string): Promise<void> {
  const res = await app.request(path, { headers })
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  await res.arrayBuffer()
}

const requests = Number(values.requests)
const concurrency = Number(values.concurrency)
async function burst(path: string, n: number): Promise<void> {
  let left = n
  const lane = async () => {
    while (left-- > 0) await get(path)
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
}

for (const [, path] of chosen) await burst(path, 200) // warm-up
const rates: Record<string, number[]> = {}
const cpu: Record<string, number[]> = {}
const dbCpu: Record<string, number[]> = {}
const database = commerce.dialect === 'postgres' ? ` ${new URL(values.url).pathname.slice(1)} ` : undefined
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, path] of chosen) {
    const started = performance.now()
    const usage = process.cpuUsage()
    const backends = database && cpuByProcessMatching(database)
    await burst(path, requests)
    const used = process.cpuUsage(usage)
    ;(rates[name] ??= []).push(requests / ((performance.now() - started) / 1000))
    ;(cpu[name] ??= []).push((used.user + used.system) / requests)
    if (backends) (dbCpu[name] ??= []).push((cpuSecondsBetween(backends, cpuByProcessMatching(database)) * 1e6) / requests)
  }
}
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!)
console.log(
  JSON.stringify({
    dialect: commerce.dialect,
    requests,
    rounds: Number(values.rounds),
    concurrency,
    req_per_s: Object.fromEntries(Object.entries(rates).map(([name, xs]) => [name, median(xs)])),
    cpu_us_per_req: Object.fromEntries(Object.entries(cpu).map(([name, xs]) => [name, median(xs)])),
    memory_mb: Object.fromEntries(Object.entries(process.memoryUsage()).map(([name, bytes]) => [name, Math.round(bytes / 1048576)])),
    ...(database && { db_cpu_us_per_req: Object.fromEntries(Object.entries(dbCpu).map(([name, xs]) => [name, median(xs)])) }),
  }),
)
await commerce.close()
