/**
 * Product by handle through the engine's own reads (no HTTP), on a seeded SQLite file, with
 * Kysely preparing every statement again and with the prepared-statement cache, in alternating
 * rounds so both see the same machine load.
 *   node --import tsx bench/statements.ts --url .kassa/bench/catalog.sqlite [--handle bench-product-7] [--rounds 6] [--reads 2000]
 * Prints one JSON line: microseconds per read (median of the rounds) and statements per read.
 */
import { parseArgs } from 'node:util'
import { createDb, DEMO_PUBLISHABLE_KEY, findProductIdByHandle, findProductsByIds, getAvailability, systemClock, toStoreProduct, newId } from '@kassa/core'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    handle: { type: 'string', default: 'bench-product-7' },
    rounds: { type: 'string', default: '6' },
    reads: { type: 'string', default: '2000' },
  },
})
if (!values.url) throw new Error('--url <file.sqlite> is required')

const handles = { uncached: createDb({ url: values.url, statementCache: 0 }), cached: createDb({ url: values.url }) }
const ctxOf = (db: (typeof handles)['cached']['db']) => ({ db, actor: { type: 'system' as const }, now: systemClock, newId })
const key = await handles.cached.db
  .selectFrom('publishable_key')
  .select('sales_channel_id')
  .where('token', '=', DEMO_PUBLISHABLE_KEY)
  .executeTakeFirstOrThrow()

async function read(db: (typeof handles)['cached']['db']): Promise<void> {
  const ctx = ctxOf(db)
  const id = await findProductIdByHandle(db, values.handle)
  const [product] = await findProductsByIds(db, [id!])
  const stock = await getAvailability(ctx, product!.variants.map((v) => v.id), key.sales_channel_id)
  toStoreProduct(product!, { locale: 'en', defaultLocale: 'en', currency: 'EUR' }, stock)
}

const reads = Number(values.reads)
const times: Record<keyof typeof handles, number[]> = { uncached: [], cached: [] }
for (const db of Object.values(handles)) for (let i = 0; i < 200; i++) await read(db.db) // warm-up
for (let round = 0; round < Number(values.rounds); round++) {
  for (const name of Object.keys(handles) as (keyof typeof handles)[]) {
    const started = performance.now()
    for (let i = 0; i < reads; i++) await read(handles[name].db)
    times[name].push(((performance.now() - started) * 1000) / reads)
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const uncached = median(times.uncached)
const cached = median(times.cached)
console.log(JSON.stringify({ handle: values.handle, reads, rounds: Number(values.rounds), us_per_read: { prepare_each_time: Math.round(uncached), statement_cache: Math.round(cached) }, speedup: Number((uncached / cached).toFixed(2)) }))
for (const h of Object.values(handles)) await h.destroy()
