import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bumpCatalogVersion,
  createCategory,
  createCollection,
  deleteCollection,
  deleteProduct,
  getProduct,
  setGroupingProducts,
  updateCategory,
  updateCollection,
  updateOption,
  updateProduct,
  updateVariant,
} from '../catalog/index.js'
import { createSalesChannel, ensureDefaultChannel, setProductChannels } from '../channels/index.js'
import type { Commerce } from '../commerce.js'
import { batchUpdatePrices } from '../pricing/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { createTestCtx, openSameDatabase } from '../testing/create-test-ctx.js'
import type { StoreProductQuery } from './search.js'
import { published, search, type TestCtx } from './search.test-helpers.js'

// Facets outside a transaction come from the process's facet index; inside one, from the SQL
// statement over the matched set. Every check compares the two on the same query.
const WORDS = ['linen', 'wool', 'cotton', 'leather']
const TAGS = ['summer', 'winter', 'sale', 'eco', 'new']
const COLOURS = ['Black', 'White', 'Navy', 'Olive']
const SIZES = ['S', 'M', 'L']

let c: TestCtx
let other: Commerce
const products: string[] = []
const groupings = { collections: [] as string[], categories: [] as string[] }
let secondChannel = ''

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number) {
  let s = seed
  return (n: number) => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) % n
  }
}

/** Facets and the matched ids (every match fits one page), from the index and from SQL. */
async function facetsBoth(ctx: Ctx, query: Partial<StoreProductQuery>) {
  const indexed = await search(ctx, query)
  const inSql = await inTransaction(ctx, (tx) => search(tx, query))
  expect(indexed.ids.toSorted(), JSON.stringify(query)).toEqual(inSql.ids.toSorted())
  return { fromIndex: indexed.facets, fromSql: inSql.facets }
}

const QUERIES: Partial<StoreProductQuery>[] = [
  {},
  { q: 'linen' },
  { q: 'wool', tags: ['sale', 'eco'] },
  { categories: ['apparel'] },
  { categories: ['apparel-shirts'], collections: ['featured'] },
  { tags: ['summer'], options: { colour: ['Navy', 'Black'] } },
  { options: { Colour: ['White'], size: ['M'] } },
  { price_min: 2000, price_max: 6000 },
  { price_min: 3000, currency: 'USD' },
  { q: 'cotton', categories: ['home'], tags: ['new'], price_max: 9000 },
  { locale: 'nl', collections: ['featured', 'outlet'] },
]

beforeAll(async () => {
  c = await createTestCtx()
  await ensureDefaultChannel(c)
  secondChannel = (await createSalesChannel(c, { name: 'Wholesale' })).id
  for (const handle of ['featured', 'outlet', 'gifts']) {
    groupings.collections.push(
      (await createCollection(c, { title: handle.toUpperCase(), handle, translations: [{ locale: 'nl', title: `nl-${handle}` }] })).id,
    )
  }
  for (const parent of ['apparel', 'home']) {
    const top = await createCategory(c, { title: parent, handle: parent })
    groupings.categories.push(top.id)
    for (const child of ['shirts', 'decor'])
      groupings.categories.push((await createCategory(c, { title: child, handle: `${parent}-${child}`, parent_id: top.id })).id)
  }
  const r = random(7)
  for (let i = 0; i < 40; i++) {
    const first = r(3)
    const colours = COLOURS.slice(first, first + 1 + r(2))
    const sizes = SIZES.slice(0, 1 + r(3))
    const options = [
      { title: 'Colour', values: colours },
      { title: 'Size', values: sizes },
    ]
    const variants = colours.flatMap((colour) =>
      sizes.map((size, s) => ({
        options: { Colour: colour, Size: size },
        prices: [
          { currency_code: 'EUR', amount: 1000 + r(80) * 100 + s * 50 },
          ...(r(2) ? [{ currency_code: 'USD', amount: 1500 + r(60) * 100 }] : []),
        ],
      })),
    )
    const id = await published(c, {
      title: `${WORDS[r(WORDS.length)]} ${WORDS[r(WORDS.length)]} thing ${i}`,
      status: r(8) === 0 ? 'draft' : 'published',
      tags: [...new Set([TAGS[r(TAGS.length)]!, TAGS[r(TAGS.length)]!])],
      collection_ids: r(3) ? [groupings.collections[r(3)]!] : [],
      category_ids: [groupings.categories[r(groupings.categories.length)]!],
      options,
      variants,
    })
    products.push(id)
    if (r(4) === 0) {
      const product = await getProduct(c, id)
      await updateVariant(c, id, product.variants[0]!.id, { archived: true })
    }
    if (r(5) === 0) await setProductChannels(c, id, { sales_channel_ids: [secondChannel] })
  }
  other = await openSameDatabase(c.commerce)
})

afterAll(async () => {
  await other?.close()
  await c?.close()
})

describe('facet index', () => {
  it('sees the products a first default channel takes in', async () => {
    const fresh = await createTestCtx()
    try {
      const id = await published(fresh, { title: 'Before any channel', tags: ['early'] })
      const { channel } = await ensureDefaultChannel(fresh)
      const inChannel = { ...fresh, channel }
      const { fromIndex, fromSql } = await facetsBoth(inChannel, {})
      expect(fromIndex).toEqual(fromSql)
      expect((await search(inChannel, {})).ids).toEqual([id])
    } finally {
      await fresh.close()
    }
  })

  it('counts what the SQL facet statement counts, for every filter and the text', async () => {
    for (const query of QUERIES) {
      const { fromIndex, fromSql } = await facetsBoth(c, query)
      expect(fromIndex, JSON.stringify(query)).toEqual(fromSql)
    }
    const wholesale = { ...c, channel: { id: secondChannel, name: 'Wholesale' } }
    for (const query of QUERIES.slice(0, 4)) {
      const { fromIndex, fromSql } = await facetsBoth(wholesale, query)
      expect(fromIndex, JSON.stringify(query)).toEqual(fromSql)
    }
    // Not vacuous: the catalog has values to count in every facet.
    const all = (await search(c, {})).facets
    expect(all.collection.length).toBe(3)
    expect(all.tag.length).toBe(5)
    expect(all.options.map((o) => o.title)).toEqual(['Colour', 'Size'])
    expect(all.price).not.toBeNull()
  })

  it('sees edits made by another engine on the same database, on the next read', async () => {
    const edits: ((ctx: Ctx) => Promise<unknown>)[] = [
      (ctx) => updateProduct(ctx, products[1]!, { tags: ['brand-new-tag'] }),
      // Now matches every text: cached text hits must take it in.
      (ctx) => updateProduct(ctx, products[8]!, { title: 'linen wool cotton leather special', status: 'published' }),
      (ctx) => updateProduct(ctx, products[2]!, { status: 'draft' }),
      (ctx) => updateProduct(ctx, products[2]!, { status: 'published' }),
      async (ctx) => {
        const product = await getProduct(ctx, products[3]!)
        await updateVariant(ctx, products[3]!, product.variants[product.variants.length - 1]!.id, { archived: true })
      },
      async (ctx) => {
        const product = await getProduct(ctx, products[4]!)
        await updateVariant(ctx, products[4]!, product.variants[0]!.id, { prices: [{ currency_code: 'EUR', amount: 99_900 }] })
      },
      (ctx) => setGroupingProducts(ctx, 'collection', groupings.collections[2]!, { add: products.slice(5, 12), remove: [] }),
      (ctx) => updateCollection(ctx, groupings.collections[0]!, { title: 'Renamed' }),
      (ctx) => updateCategory(ctx, groupings.categories[1]!, { parent_id: groupings.categories[3]! }),
      (ctx) => setProductChannels(ctx, products[6]!, { sales_channel_ids: [secondChannel] }),
      (ctx) => deleteProduct(ctx, products[7]!),
      // Writes outside the product editor rewrite the facet row too: a price batch, an option rename.
      async (ctx) => {
        const product = await getProduct(ctx, products[9]!)
        await batchUpdatePrices(ctx, {
          items: [
            { variant_id: product.variants[0]!.id, currency_code: 'EUR', amount: 1 },
            { variant_id: product.variants[0]!.id, currency_code: 'USD', amount: 77_700 },
          ],
        })
      },
      async (ctx) => {
        // A product with a live variant, published, in the default channel.
        let id = ''
        for (const candidate of products.slice(10)) {
          const product = await getProduct(ctx, candidate)
          if (product.variants.some((v) => !v.archived_at)) id = candidate
          if (id) break
        }
        const product = await updateProduct(ctx, id, { status: 'published' })
        await setProductChannels(ctx, id, { sales_channel_ids: [secondChannel] })
        await updateOption(ctx, id, product.options[0]!.id, { title: 'Shade' })
      },
      (ctx) => deleteCollection(ctx, groupings.collections[1]!),
      // A change that names no products (a bulk load): the index reloads whole.
      (ctx) => inTransaction(ctx, (tx) => bumpCatalogVersion(tx)),
    ]
    const wholesale = { ...c, channel: { id: secondChannel, name: 'Wholesale' } }
    await facetsBoth(c, {}) // the index is loaded before the first edit
    for (const edit of edits) {
      await edit(other.ctx())
      for (const [ctx, query] of [...QUERIES.map((q) => [c, q] as const), [wholesale, {}] as const]) {
        const { fromIndex, fromSql } = await facetsBoth(ctx, query)
        expect(fromIndex, `${edit.toString()} ${JSON.stringify(query)}`).toEqual(fromSql)
      }
    }
    const facets = (await search(c, {})).facets
    expect(facets.tag.map((t) => t.value)).toContain('brand-new-tag')
    expect(facets.collection.map((t) => t.label)).toContain('Renamed')
    expect(facets.price?.max).toBe(99_900)
    expect(facets.price?.min).toBe(1)
    const titles = [...facets.options, ...(await search(wholesale, {})).facets.options].map((o) => o.title)
    expect(titles).toContain('Shade')
    // One facet row per published product, none for the others.
    const rows = await c.db
      .selectFrom('product_facet_source' as never)
      .select('product_id' as never)
      .execute()
    const live = await c.db.selectFrom('product').select('id').where('status', '=', 'published').execute()
    expect(rows.map((r) => (r as { product_id: string }).product_id).toSorted()).toEqual(live.map((r) => r.id).toSorted())
  })
})
