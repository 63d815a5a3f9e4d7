/**
 * Times the product list at the engine, without HTTP, on a seeded catalog (bench/seed.ts):
 *   node --expose-gc --import tsx bench/facets.ts --url <postgres://... | file.sqlite> --data-dir DIR [--iterations N]
 * For the plain list, the search with two filters and the category with facets: the page alone,
 * facets counted in SQL (the statement the index replaces) and by the facet index, each call
 * uncached; then `searchProducts` as a request makes it (facets cached per catalog version), the
 * first request after a product edit made through a second engine, and a cold start to the first
 * list. Prints medians and p99 in ms, and the heap before and after loading the index.
 */
import { parseArgs } from 'node:util'
import {
  channelForPublishableKey,
  createCommerce,
  type Ctx,
  DEMO_PUBLISHABLE_KEY,
  resolveConfig,
  searchProducts,
  type StoreProductQuery,
  updateProduct,
} from '@kassa/core'
import { readCatalogVersion } from '../packages/core/src/catalog/catalog-events.js'
import { explainPlan, textHits } from '../packages/core/src/db/search-dialect.js'
import { findFacetRows, findPriceRange } from '../packages/core/src/search/facet.repository.js'
import { freshFacetIndex } from '../packages/core/src/search/facet-index.loader.js'
import { findPage, pageQuery } from '../packages/core/src/search/page.repository.js'
import { planSearch, storeProductQuerySchema } from '../packages/core/src/search/search.service.js'
import { searchDb } from '../packages/core/src/search/search.table.js'
import { cachedTextHits } from '../packages/core/src/search/text-hits.js'
import { BENCH_QUERIES } from './catalog.js'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'data-dir': { type: 'string' },
    iterations: { type: 'string', default: '200' },
    'sql-iterations': { type: 'string', default: '3' },
  },
})
const iterations = Number(values.iterations)
const sqlIterations = Number(values['sql-iterations'])
const config = resolveConfig({ databaseUrl: values.url!, dataDir: values['data-dir']!, demo: false })
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)
const heapMb = () => {
  gc()
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10
}

const queries: Record<string, Omit<StoreProductQuery, 'locale' | 'currency' | 'limit'>> = {
  list: {},
  search: { q: BENCH_QUERIES.search.q, categories: [BENCH_QUERIES.search.category], tags: [BENCH_QUERIES.search.tag] },
  category: { categories: [BENCH_QUERIES.category] },
}
const full = (q: (typeof queries)[string]): StoreProductQuery => ({ ...q, locale: 'en', currency: 'EUR', limit: 20 })

async function time(n: number, fn: () => Promise<unknown>): Promise<string> {
  const ms: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    const usage = process.cpuUsage()
    await fn()
    const used = process.cpuUsage(usage)
    ms.push(performance.now() - start)
    cpu.push((used.user + used.system) / 1000)
  }
  const at = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!.toFixed(2)
  return `median ${at(ms, 0.5)} p99 ${at(ms, 0.99)} ms wall, CPU of this process median ${at(cpu, 0.5)} p99 ${at(cpu, 0.99)} ms (n=${n})`
}

// Cold start: a new engine, then the first list (the index loads on it).
const coldStart = performance.now()
const cpuStart = process.cpuUsage()
const heapBefore = heapMb()
const commerce = await createCommerce(config)
const base = commerce.ctx()
const channel = await channelForPublishableKey(base, DEMO_PUBLISHABLE_KEY)
const ctx: Ctx = { ...base, channel }
await searchProducts(ctx, full(queries.list!))
const cpu = process.cpuUsage(cpuStart)
console.log(
  `cold start to first list: ${(performance.now() - coldStart).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (${commerce.dialect})`,
)
const index = await freshFacetIndex(ctx.db, await readCatalogVersion(ctx.db, 'facets'))
console.log(`heap: ${heapBefore} MB before the engine, ${heapMb()} MB with the index loaded (${index.size} products)`)

const db = searchDb(ctx.db)
for (const [name, q] of Object.entries(queries)) {
  const plan = { ...(await planSearch(db, storeProductQuerySchema.parse(full(q)))), channelId: channel.id }
  const version = await readCatalogVersion(ctx.db, 'facets')
  console.log(`${name}: page of ids in SQL  ${await time(iterations, () => findPage(db, plan, null, 20))}`)
  if (!plan.text)
    console.log(`${name}: plan of the page\n  ${(await explainPlan(db, pageQuery(db, plan, null, 20))).replaceAll('\n', '\n  ')}`)
  if (plan.text) console.log(`${name}: text hits in SQL    ${await time(iterations, () => textHits(db, plan.text!).execute())}`)
  if (sqlIterations > 0)
    console.log(
      `${name}: facets in SQL        ${await time(sqlIterations, async () => [await findFacetRows(db, plan), await findPriceRange(db, plan)])}`,
    )
  console.log(
    `${name}: facets from the index ${await time(iterations, async () => {
      const idx = await freshFacetIndex(ctx.db, version)
      const ids = plan.text ? await cachedTextHits(ctx.db, version, plan.text) : null
      return idx.count(idx.match(plan, ids), plan.locale, plan.currency)
    })}`,
  )
  console.log(`${name}: searchProducts        ${await time(iterations, () => searchProducts(ctx, full(q)))}`)
}

// The first request of each kind after an edit made by another engine on the same database.
const other = await createCommerce(config, { migrate: false })
const [product] = (await searchProducts(ctx, full(queries.category!))).ids
for (let round = 0; round < 5; round++) {
  await updateProduct(other.ctx(), product!, { tags: round % 2 ? ['summer', 'sale'] : ['winter', 'sale'] })
  const lines: string[] = []
  for (const [name, q] of Object.entries(queries)) {
    const start = performance.now()
    await searchProducts(ctx, full(q))
    lines.push(`${name} ${(performance.now() - start).toFixed(1)} ms`)
  }
  console.log(`after an edit by another engine: ${lines.join(', ')}`)
}
await other.close()
await commerce.close()
