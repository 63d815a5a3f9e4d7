/**
 * The bench's checkout flow in-process (`app.request`, no sockets) on a seeded database: statements
 * and time per step of one buyer, then N flows with C concurrent buyers.
 *   node --import tsx bench/checkout-flow.ts --url <file.sqlite | postgres://...> [--flows 500] [--buyers 50] [--rounds 1] [--pool 10]
 * Seed the database first (`node --import tsx bench/seed.ts --help`). Prints one JSON line per round.
 */
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createApp } from '@kassa/api'
import { createCommerce, DEMO_PUBLISHABLE_KEY, ensureDefaultChannel, resolveConfig } from '@kassa/core'
import { withQueryCounter } from '@kassa/core/testing'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    flows: { type: 'string', default: '500' },
    buyers: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '1' },
    pool: { type: 'string' },
    'data-dir': { type: 'string', default: '/tmp/kassa-checkout-flow' },
  },
})
if (!values.url) throw new Error('--url <file.sqlite | postgres://...> is required')

const config = resolveConfig({ databaseUrl: values.url, dataDir: values['data-dir'], testPayments: true, demo: true })
const base = await createCommerce(config, values.pool ? { poolSize: Number(values.pool) } : {})
await ensureDefaultChannel(base.ctx(), { token: DEMO_PUBLISHABLE_KEY })
const { commerce, counter } = withQueryCounter(base)
const app = createApp(commerce, { cache: false })
const key = { 'x-publishable-api-key': DEMO_PUBLISHABLE_KEY }
const ADDRESS = { first_name: 'Bea', last_name: 'Buyer', address_1: 'Keizersgracht 1', city: 'Amsterdam', postal_code: '1015 CJ' }

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const init =
    body === undefined
      ? { method, headers: key }
      : { method, headers: { ...key, 'content-type': 'application/json' }, body: JSON.stringify(body) }
  const res = await app.request(path, init)
  return { status: res.status, json: await res.json() }
}

const regions = (await call('GET', '/store/regions')).json.data as { id: string; currency_code: string; countries: string[] }[]
const region = regions.find((r) => r.currency_code === 'EUR') ?? regions[0]!
const products = (await call('GET', `/store/products?limit=100&currency=${region.currency_code}`)).json.data as {
  variants: { id: string; price: unknown; availability: string }[]
}[]
const variants = products.flatMap((p) => p.variants.filter((v) => v.price !== null && v.availability !== 'out_of_stock').map((v) => v.id))

type Step = [name: string, run: (id: string, previous: any) => Promise<{ status: number; json: any }>]
const steps = (n: number): Step[] => [
  ['create cart', () => call('POST', '/store/carts', { region_id: region.id })],
  ['add line', (id) => call('POST', `/store/carts/${id}/line-items`, { variant_id: variants[n % variants.length], quantity: 1 })],
  [
    'address',
    (id) =>
      call('PATCH', `/store/carts/${id}`, {
        email: `buyer${n}@bench.test`,
        shipping_address: { ...ADDRESS, country_code: region.countries[0] },
      }),
  ],
  ['shipping options', (id) => call('GET', `/store/carts/${id}/shipping-options`)],
  ['shipping method', (id, prev) => call('POST', `/store/carts/${id}/shipping-method`, { shipping_option_id: prev.data[0]?.id ?? 'none' })],
  ['payment', (id) => call('POST', `/store/carts/${id}/payment`, { provider_id: 'test', data: { token: 'tok_ok' } })],
  ['complete', (id) => call('POST', `/store/carts/${id}/complete`)],
]

async function flow(n: number, onStep?: (name: string, ms: number) => void): Promise<void> {
  let id = ''
  let previous: any
  for (const [name, run] of steps(n)) {
    const started = performance.now()
    const res = await run(id, previous)
    onStep?.(name, performance.now() - started)
    if (res.status >= 300) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.json)}`)
    id ||= res.json.cart.id
    previous = res.json
  }
}

let n = 0
for (let i = 0; i < 20; i++) await flow(++n) // warm-up
// One buyer alone: statements, median time per step and CPU per flow over ALONE flows.
const ALONE = 60
const perStep: Record<string, { statements: number; kinds: string[]; ms: number[] }> = {}
const aloneCpu = process.cpuUsage()
for (let i = 0; i < ALONE; i++) {
  await flow(++n, (name, ms) => {
    const entry = (perStep[name] ??= { statements: counter.count, kinds: counter.statements, ms: [] })
    entry.statements = counter.count
    entry.kinds = counter.statements
    entry.ms.push(ms)
    counter.reset()
  })
  counter.reset()
}
const aloneCpuMs = (({ user, system }) => (user + system) / 1000 / ALONE)(process.cpuUsage(aloneCpu))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const alone = Object.fromEntries(
  Object.entries(perStep).map(([k, v]) => [k, { statements: v.statements, ms: Math.round(median(v.ms) * 10) / 10 }]),
)
const flowMs = Object.values(alone).reduce((sum, s) => sum + s.ms, 0)
console.log(
  JSON.stringify({
    dialect: commerce.dialect,
    alone,
    statements_per_flow: Object.values(alone).reduce((s, x) => s + x.statements, 0),
    flow_ms: Math.round(flowMs * 10) / 10,
    cpu_ms_per_flow: Math.round(aloneCpuMs * 10) / 10,
  }),
)
if (process.env.KASSA_FLOW_STATEMENTS)
  console.log(JSON.stringify(Object.fromEntries(Object.entries(perStep).map(([k, v]) => [k, v.kinds]))))

const flows = Number(values.flows)
const buyers = Number(values.buyers)
for (let round = 0; round < Number(values.rounds); round++) {
  let left = flows
  let failed = 0
  const times: number[] = []
  const cpu = process.cpuUsage()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: buyers }, async () => {
      while (left-- > 0) {
        const t = performance.now()
        try {
          await flow(++n)
          times.push(performance.now() - t)
        } catch (error) {
          failed++
          if (failed < 3) console.error(String(error))
        }
      }
    }),
  )
  const wall = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  console.log(
    JSON.stringify({
      round,
      flows,
      buyers,
      orders_per_s: Math.round((times.length / wall) * 10) / 10,
      p50_ms: Math.round(median(times)),
      failed,
      cpu_share: Math.round(((used.user + used.system) / 1e6 / wall) * 100) / 100,
      cpu_ms_per_order: Math.round(((used.user + used.system) / 1000 / Math.max(1, times.length)) * 10) / 10,
    }),
  )
}
await commerce.close()
