/**
 * Seeds the benchmark catalog into a fresh database before the server starts.
 *   node --import tsx bench/seed.ts --url <postgres://... | file.sqlite> --data-dir DIR --products N --path service|bulk
 * Prints one JSON line: the counts and how long each phase took.
 */
import { parseArgs } from 'node:util'
import {
  type Category,
  createCategory,
  createCommerce,
  createProduct,
  type Ctx,
  DEMO_PUBLISHABLE_KEY,
  ensureDefaultChannel,
  inTransaction,
  resolveConfig,
} from '@kassa/core'
import { sql } from 'kysely'
import { insertProductsInBulk } from './bulk.js'
import { BENCH_CATEGORIES, BENCH_QUERIES, benchProduct } from './catalog.js'
import { seedCheckoutFixtures } from './fixtures.js'

/** Products per transaction on the bulk path. */
const BULK_TRANSACTION = 10_000
const EPOCH = Date.parse('2025-01-01T00:00:00.000Z')

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'data-dir': { type: 'string' },
    products: { type: 'string' },
    path: { type: 'string', default: 'bulk' },
    help: { type: 'boolean', default: false },
  },
})
const USAGE = 'usage: seed.ts --url <postgres://... | file.sqlite> --data-dir DIR --products N [--path service|bulk]'
const products = Number(values.products)
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
if (!values.url || !values['data-dir'] || !Number.isInteger(products) || !['service', 'bulk'].includes(values.path!)) {
  console.error(USAGE)
  process.exit(2)
}

const timings: Record<string, number> = {}
let mark = performance.now()
const lap = (name: string) => {
  const now = performance.now()
  timings[name] = Math.round(now - mark)
  mark = now
}

const commerce = await createCommerce(resolveConfig({ databaseUrl: values.url, dataDir: values['data-dir'], demo: false }))
try {
  lap('migrate_ms')
  const ctx = commerce.ctx()
  const { channel } = await ensureDefaultChannel(ctx, { token: DEMO_PUBLISHABLE_KEY })
  const categoryIds = await createCategories(ctx)
  if (values.path === 'service') {
    for (let i = 0; i < products; i++) {
      const { input, category } = benchProduct(i)
      await createProduct(ctx, { ...input, category_ids: [categoryIds.get(category)!] })
    }
    lap('products_ms')
  } else {
    for (let start = 0; start < products; start += BULK_TRANSACTION) {
      const batch = Array.from({ length: Math.min(BULK_TRANSACTION, products - start) }, (_, n) => benchProduct(start + n))
      await inTransaction(ctx, (tx) =>
        insertProductsInBulk(tx, batch, categoryIds, {
          createdAt: (n) => new Date(EPOCH + (start + n) * 1000).toISOString(),
          analyze: commerce.dialect === 'postgres',
        }),
      )
    }
    lap('products_ms')
  }
  await seedCheckoutFixtures(ctx, channel.id)
  lap('fixtures_ms')
  // What autovacuum does on its own shortly after a bulk load; SQLite gathers no statistics by itself.
  if (commerce.dialect === 'postgres') await sql`vacuum analyze`.execute(commerce.db)
  lap('analyze_ms')
  const counts = await commerce.db
    .selectNoFrom((eb) => [
      eb.selectFrom('product').select(eb.fn.countAll().as('n')).as('products'),
      eb.selectFrom('product_variant').select(eb.fn.countAll().as('n')).as('variants'),
      eb.selectFrom('price').select(eb.fn.countAll().as('n')).as('prices'),
    ])
    .executeTakeFirstOrThrow()
  console.log(
    JSON.stringify({
      dialect: commerce.dialect,
      path: values.path,
      products: Number(counts.products),
      variants: Number(counts.variants),
      prices: Number(counts.prices),
      ...timings,
      queries: BENCH_QUERIES,
    }),
  )
} finally {
  await commerce.close()
}

async function createCategories(ctx: Ctx): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const [position, c] of BENCH_CATEGORIES.entries()) {
    const made: Category = await createCategory(ctx, {
      handle: c.handle,
      title: c.title,
      parent_id: c.parent ? ids.get(c.parent)! : null,
      position,
    })
    ids.set(c.handle, made.id)
  }
  return ids
}
