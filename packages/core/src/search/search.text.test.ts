import { afterEach, describe, expect, it } from 'vitest'
import { deleteProduct, getProduct, updateProduct, updateVariant } from '../catalog/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { ids, published, type TestCtx } from './search.test-helpers.js'

let ctx: TestCtx | undefined
afterEach(async () => {
  await ctx?.close()
  ctx = undefined
})

async function open() {
  ctx = await createTestCtx()
  return ctx
}

describe('full-text search', () => {
  it('finds English words by their stem', async () => {
    const c = await open()
    const shirt = await published(c, { title: 'Linen shirt', description: 'Breathes on hot days' })
    await published(c, { title: 'Wool socks' })
    expect(await ids(c, { q: 'shirts' })).toEqual([shirt])
    expect(await ids(c, { q: 'LINEN Shirts' })).toEqual([shirt])
    expect(await ids(c, { q: 'breathing' })).toEqual([shirt])
  })

  it('finds Dutch words by their stem in locale nl, with the base text as fallback per field', async () => {
    const c = await open()
    const bike = await published(c, {
      title: 'City bike',
      description: 'Steel frame, three gears',
      translations: [{ locale: 'nl', title: 'Stadsfiets met fiets bel' }],
    })
    await published(c, { title: 'Rain coat', translations: [{ locale: 'nl', title: 'Regenjas' }] })
    expect(await ids(c, { q: 'fietsen', locale: 'nl' })).toEqual([bike])
    expect(await ids(c, { q: 'regenjassen', locale: 'nl' })).toHaveLength(1)
    // The nl translation has no description: the base one is searched in nl too.
    expect(await ids(c, { q: 'gears', locale: 'nl' })).toEqual([bike])
    // The nl title replaces the base title in nl, and is not searched in en.
    expect(await ids(c, { q: 'city', locale: 'nl' })).toEqual([])
    expect(await ids(c, { q: 'fiets', locale: 'en' })).toEqual([])
    // A locale without its own documents searches the base text.
    expect(await ids(c, { q: 'bikes', locale: 'de' })).toEqual([bike])
  })

  it('searches tags and variant SKUs, and requires every word', async () => {
    const c = await open()
    const jacket = await published(c, { title: 'Field jacket', tags: ['outdoor'], variants: [{ sku: 'FJ-9001' }] })
    await published(c, { title: 'Field cap', tags: ['summer'] })
    expect(await ids(c, { q: 'outdoor' })).toEqual([jacket])
    expect(await ids(c, { q: 'fj-9001' })).toEqual([jacket])
    expect(await ids(c, { q: '9001' })).toEqual([jacket])
    expect(await ids(c, { q: 'field summer' })).toHaveLength(1)
    expect(await ids(c, { q: 'field' })).toHaveLength(2)
  })

  it('ranks a title match above a description-only match', async () => {
    const c = await open()
    const titled = await published(c, { title: 'Wool scarf', description: 'Warm and soft' })
    const described = await published(c, { title: 'Winter hat', description: 'Goes well with a scarf, or with a scarf and gloves' })
    expect(await ids(c, { q: 'scarf' })).toEqual([titled, described])
    expect(await ids(c, { q: 'scarf', sort: 'newest' })).toEqual([described, titled])
  })

  it.each([
    ['substitution first', 'hacket'],
    ['substitution middle', 'jacjet'],
    ['substitution last', 'jackez'],
    ['insertion first', 'xjacket'],
    ['insertion middle', 'jacxket'],
    ['insertion last', 'jackett'],
    ['deletion first', 'acket'],
    ['deletion middle', 'jaket'],
    ['deletion last', 'jacke'],
    ['transposition first', 'ajcket'],
    ['transposition middle', 'jakcet'],
    ['transposition last', 'jackte'],
  ])('tolerates a one-letter typo: %s (%s)', async (_, q) => {
    const c = await open()
    const jacket = await published(c, { title: 'Leather jacket' })
    await published(c, { title: 'Leather belt' })
    expect(await ids(c, { q })).toEqual([jacket])
    expect(await ids(c, { q: `leather ${q}` })).toEqual([jacket])
  })

  it('does not correct short words or words two edits away', async () => {
    const c = await open()
    await published(c, { title: 'Leather jacket', tags: ['hat'] })
    expect(await ids(c, { q: 'hut' })).toEqual([])
    expect(await ids(c, { q: 'hackez' })).toEqual([])
  })

  it('ranks exact matches above corrected ones', async () => {
    const c = await open()
    // The correction matches in the title, the exact stem only in the description: exact still wins.
    const exact = await published(c, { title: 'Linen top', description: 'Two shirts for summer' })
    const fuzzy = await published(c, { title: 'Short sleeve short' })
    expect(await ids(c, { q: 'shirt' })).toEqual([exact, fuzzy])
  })
})

describe('index maintenance', () => {
  it('finds only published products', async () => {
    const c = await open()
    const draft = await published(c, { title: 'Velvet cushion', status: 'draft' })
    expect(await ids(c, { q: 'velvet' })).toEqual([])
    expect(await ids(c)).toEqual([])
    await updateProduct(c, draft, { status: 'published' })
    expect(await ids(c, { q: 'velvet' })).toEqual([draft])
    await updateProduct(c, draft, { status: 'archived' })
    expect(await ids(c, { q: 'velvet' })).toEqual([])
    expect(await ids(c)).toEqual([])
  })

  it('re-indexes on update: the old title is gone, the new one found', async () => {
    const c = await open()
    const id = await published(c, { title: 'Ceramic mug' })
    await updateProduct(c, id, { title: 'Enamel cup', tags: ['camping'] })
    expect(await ids(c, { q: 'ceramic' })).toEqual([])
    expect(await ids(c, { q: 'enamel' })).toEqual([id])
    expect(await ids(c, { q: 'camping' })).toEqual([id])
  })

  it('drops an archived variant SKU and a deleted product', async () => {
    const c = await open()
    const id = await published(c, { title: 'Desk lamp', variants: [{ sku: 'LAMP-77' }, { sku: 'LAMP-88' }] })
    const product = await getProduct(c, id)
    await updateVariant(c, id, product.variants[0]!.id, { archived: true })
    expect(await ids(c, { q: 'lamp-77' })).toEqual([])
    expect(await ids(c, { q: 'lamp-88' })).toEqual([id])
    await deleteProduct(c, id)
    expect(await ids(c, { q: 'lamp' })).toEqual([])
  })
})
