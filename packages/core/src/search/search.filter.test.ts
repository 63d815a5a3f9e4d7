import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCategory, createCollection, getProduct, updateVariant } from '../catalog/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { euros, ids, published, search, type TestCtx } from './search.test-helpers.js'

// One catalog for the whole file: every test only reads, except the last, which archives a variant.
let c: TestCtx
const p: Record<'shirt' | 'sweater' | 'tote' | 'scarf' | 'draft', string> = { shirt: '', sweater: '', tote: '', scarf: '', draft: '' }

beforeAll(async () => {
  c = await createTestCtx()
  const summer = await createCollection(c, { title: 'Summer', handle: 'summer', translations: [{ locale: 'nl', title: 'Zomer' }] })
  const winter = await createCollection(c, { title: 'Winter', handle: 'winter' })
  const clothing = await createCategory(c, { title: 'Clothing', handle: 'clothing' })
  const shirts = await createCategory(c, { title: 'Shirts', handle: 'shirts', parent_id: clothing.id })
  const accessories = await createCategory(c, {
    title: 'Accessories',
    handle: 'accessories',
    translations: [{ locale: 'nl', title: 'Accessoires' }],
  })
  p.shirt = await published(c, {
    title: 'Linen shirt',
    collection_ids: [summer.id],
    category_ids: [shirts.id],
    tags: ['linen', 'summer'],
    options: [
      { title: 'Color', values: ['Blue', 'White'] },
      { title: 'Size', values: ['S', 'M'] },
    ],
    variants: [
      { options: { Color: 'Blue', Size: 'S' }, prices: euros(4995) },
      { options: { Color: 'White', Size: 'M' }, prices: euros(5995) },
    ],
  })
  p.sweater = await published(c, {
    title: 'Wool sweater',
    collection_ids: [winter.id],
    category_ids: [clothing.id],
    tags: ['wool'],
    options: [
      { title: 'Color', values: ['Red'] },
      { title: 'Size', values: ['M'] },
    ],
    variants: [{ options: { Color: 'Red', Size: 'M' }, prices: euros(7995) }],
  })
  p.tote = await published(c, {
    title: 'Canvas tote',
    collection_ids: [summer.id],
    category_ids: [accessories.id],
    tags: ['canvas'],
    variants: [{ prices: [{ currency_code: 'USD', amount: 1995 }] }],
  })
  p.scarf = await published(c, {
    title: 'Silk scarf',
    category_ids: [accessories.id],
    tags: ['silk', 'summer'],
    variants: [{ prices: euros(2995) }, { title: 'Sample', prices: euros(100) }],
  })
  const scarf = await getProduct(c, p.scarf)
  await updateVariant(c, p.scarf, scarf.variants[1]!.id, { archived: true })
  p.draft = await published(c, {
    title: 'Draft shirt',
    status: 'draft',
    collection_ids: [summer.id],
    tags: ['summer'],
    variants: [{ prices: euros(10) }],
  })
})

afterAll(async () => c?.close())

const sorted = (list: string[]) => [...list].sort()

describe('filters', () => {
  it.each([
    ['collections', { collections: ['summer'] }, ['shirt', 'tote']],
    ['several collections', { collections: ['summer', 'winter'] }, ['shirt', 'sweater', 'tote']],
    ['a category with its subcategories', { categories: ['clothing'] }, ['shirt', 'sweater']],
    ['a subcategory', { categories: ['shirts'] }, ['shirt']],
    ['an unknown category', { categories: ['nope'] }, []],
    ['tags', { tags: ['summer'] }, ['shirt', 'scarf']],
    ['any of several tags', { tags: ['wool', 'silk'] }, ['sweater', 'scarf']],
    ['any value of an option', { options: { Color: ['Blue', 'Red'] } }, ['shirt', 'sweater']],
    ['option titles in any case', { options: { color: ['Red'] } }, ['sweater']],
    ['all option titles on one variant', { options: { Color: ['White'], Size: ['M'] } }, ['shirt']],
    ['no variant with both values', { options: { Color: ['Blue'], Size: ['M'] } }, []],
    ['a minimum price', { price_min: 5000 }, ['shirt', 'sweater']],
    ['a maximum price, ignoring archived variants', { price_max: 3000 }, ['scarf']],
    ['a price range with no live variant in it', { price_max: 2000 }, []],
    ['prices in another currency', { currency: 'USD', price_max: 2000 }, ['tote']],
    ['text and a collection', { q: 'shirt', collections: ['summer'] }, ['shirt']],
    ['text and a tag nobody has with it', { q: 'shirt', tags: ['wool'] }, []],
    ['collection, category and price together', { collections: ['summer'], categories: ['clothing'], price_max: 5000 }, ['shirt']],
  ] as const)('%s', async (_, query, expected) => {
    expect(sorted(await ids(c, query as never))).toEqual(sorted(expected.map((k) => p[k])))
  })
})

describe('facets', () => {
  it('counts collections, categories, tags, options and the price range over the matched products', async () => {
    const { facets } = await search(c)
    expect(facets.collection).toEqual([
      { value: 'summer', label: 'Summer', count: 2 },
      { value: 'winter', label: 'Winter', count: 1 },
    ])
    expect(facets.category).toEqual([
      { value: 'accessories', label: 'Accessories', count: 2 },
      { value: 'clothing', label: 'Clothing', count: 1 },
      { value: 'shirts', label: 'Shirts', count: 1 },
    ])
    expect(facets.tag).toEqual([
      { value: 'summer', label: 'summer', count: 2 },
      { value: 'canvas', label: 'canvas', count: 1 },
      { value: 'linen', label: 'linen', count: 1 },
      { value: 'silk', label: 'silk', count: 1 },
      { value: 'wool', label: 'wool', count: 1 },
    ])
    expect(facets.options).toEqual([
      {
        title: 'Color',
        values: [
          { value: 'Blue', label: 'Blue', count: 1 },
          { value: 'Red', label: 'Red', count: 1 },
          { value: 'White', label: 'White', count: 1 },
        ],
      },
      {
        title: 'Size',
        values: [
          { value: 'M', label: 'M', count: 2 },
          { value: 'S', label: 'S', count: 1 },
        ],
      },
    ])
    expect(facets.price).toEqual({ min: 2995, max: 7995 })
  })

  it('narrows with the text and the filters, and labels in the locale', async () => {
    const { facets } = await search(c, { q: 'shirt', locale: 'nl' })
    expect(facets.collection).toEqual([{ value: 'summer', label: 'Zomer', count: 1 }])
    expect(facets.category).toEqual([{ value: 'shirts', label: 'Shirts', count: 1 }])
    expect(facets.tag.map((t) => t.value)).toEqual(['linen', 'summer'])
    expect(facets.price).toEqual({ min: 4995, max: 5995 })
    const accessories = await search(c, { categories: ['accessories'], locale: 'nl', currency: 'USD' })
    expect(accessories.facets.category).toEqual([{ value: 'accessories', label: 'Accessoires', count: 2 }])
    expect(accessories.facets.options).toEqual([])
    expect(accessories.facets.price).toEqual({ min: 1995, max: 1995 })
  })

  it('answers empty facets when nothing matches', async () => {
    const { ids: found, facets, next_cursor } = await search(c, { q: 'zeppelin' })
    expect(found).toEqual([])
    expect(next_cursor).toBeNull()
    expect(facets).toEqual({ collection: [], category: [], tag: [], options: [], price: null })
  })

  it('leaves archived variants out of option counts', async () => {
    const shirt = await getProduct(c, p.shirt)
    const white = shirt.variants.find((v) => v.options.Color === 'White')!
    await updateVariant(c, p.shirt, white.id, { archived: true })
    const { facets } = await search(c, { q: 'shirt' })
    expect(facets.options).toEqual([
      { title: 'Color', values: [{ value: 'Blue', label: 'Blue', count: 1 }] },
      { title: 'Size', values: [{ value: 'S', label: 'S', count: 1 }] },
    ])
    expect(facets.price).toEqual({ min: 4995, max: 4995 })
  })
})
