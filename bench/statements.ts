/**
 * Product by handle through the engine's own reads (no HTTP), on a seeded SQLite file, with
 * Kysely preparing every statement again and with the prepared-statement cache, in alternating
 * rounds so both see the same machine load.
 *   node --import tsx bench/statements.ts --url .kassa/bench/catalog.sqlite [--handle bench-product-7] [--rounds 6] [--reads 2000] [--only uncached|cached]
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
    // One side only, e.g. under `node --cpu-prof` to compare the two profiles.
    only: { type: 'string' },
  },
})
if (!values.url) throw new Error('--url <file.sqlite> is required')

const all = { uncached: () => createDb({ url: values.url!, statementCache: 0 }), cached: () => createDb({ url: values.url! }) }
const handles = Object.fromEntries(
  Object.entries(all)
    .filter(([name]) => !values.only || name === values.only)
    .map(([name, open]) => [name, open()]),
) as Partial<Record<keyof typeof all, ReturnType<typeof createDb>>>
const first = Object.values(handles)[0]!
const ctxOf = (db: ReturnType<typeof createDb>['db']) => ({ db, actor: { type: 'system' as const }, now: systemClock, newId })
const key = await first.db
  .selectFrom('publishable_key')
  .select('sales_channel_id')
  .where('token', '=', DEMO_PUBLISHABLE_KEY)
  .executeTakeFirstOrThrow()

async function read(db: ReturnType<typeof createDb>['db']): Promise<void> {
  const ctx = ctxOf(db)
  const id = await findProductIdByHandle(db, values.handle)
  const [product] = await findProductsByIds(db, [id!])
  const stock = await getAvailability(ctx, product!.variants.map((v) => v.id), key.sales_channel_id)
  toStoreProduct(product!, { locale: 'en', defaultLocale: 'en', currency: 'EUR' }, stock)
}

const reads = Number(values.reads)
const times: Record<string, number[]> = {}
for (const h of Object.values(handles)) for (let i = 0; i < 200; i++) await read(h.db) // warm-up
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, h] of Object.entries(handles)) {
    const started = performance.now()
    for (let i = 0; i < reads; i++) await read(h.db)
    ;(times[name] ??= []).push(((performance.now() - started) * 1000) / reads)
  }
}
const median = (xs: number[] | undefined) => (xs ? Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!) : null)
const uncached = median(times.uncached)
const cached = median(times.cached)
const speedup = uncached && cached ? Number((uncached / cached).toFixed(2)) : null
console.log(JSON.stringify({ handle: values.handle, reads, rounds: Number(values.rounds), us_per_read: { prepare_each_time: uncached, statement_cache: cached }, speedup }))
for (const h of Object.values(handles)) await h.destroy()
