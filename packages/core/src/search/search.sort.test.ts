import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '../kernel/cursor.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { allPages, euros, ids, published, search, type TestCtx } from './search.test-helpers.js'

let c: TestCtx
const f: Record<'cherry' | 'apple' | 'banana' | 'date' | 'elder', string> = { cherry: '', apple: '', banana: '', date: '', elder: '' }

// Created in this order (the clock steps), so newest first is elder, date, banana, apple, cherry.
beforeAll(async () => {
  c = await createTestCtx()
  f.cherry = await published(c, { title: 'Cherry', description: 'fruit', variants: [{ prices: euros(3000) }] })
  f.apple = await published(c, { title: 'Apple', description: 'fruit fruit', variants: [{ prices: euros(1500) }, { prices: euros(1000) }] })
  f.banana = await published(c, {
    title: 'Banana',
    description: 'fruit fruit fruit',
    variants: [{ prices: [{ currency_code: 'USD', amount: 1 }] }],
  })
  f.date = await published(c, { title: 'Date', description: 'dried fruit', variants: [{ prices: euros(2000) }] })
  f.elder = await published(c, { title: 'Elderberry', description: 'fruit', variants: [{ prices: euros(3000) }] })
})

afterAll(async () => c?.close())

const byId = (a: string, b: string) => (a < b ? -1 : 1)

describe('sorting', () => {
  it('lists newest first without text', async () => {
    expect(await ids(c)).toEqual([f.elder, f.date, f.banana, f.apple, f.cherry])
    expect(await ids(c, { sort: 'newest' })).toEqual([f.elder, f.date, f.banana, f.apple, f.cherry])
  })

  it('sorts by title both ways', async () => {
    expect(await ids(c, { sort: 'title_asc' })).toEqual([f.apple, f.banana, f.cherry, f.date, f.elder])
    expect(await ids(c, { sort: 'title_desc' })).toEqual([f.elder, f.date, f.cherry, f.banana, f.apple])
  })

  it('sorts by the lowest price in the currency, unpriced products last', async () => {
    const tied = [f.cherry, f.elder].sort(byId)
    expect(await ids(c, { sort: 'price_asc' })).toEqual([f.apple, f.date, ...tied, f.banana])
    expect(await ids(c, { sort: 'price_desc' })).toEqual([...tied.reverse(), f.date, f.apple, f.banana])
    expect((await ids(c, { sort: 'price_asc', currency: 'USD' }))[0]).toBe(f.banana)
  })

  it('ranks by relevance by default with text', async () => {
    const found = await ids(c, { q: 'fruit' })
    expect(found).toHaveLength(5)
    expect(found.indexOf(f.banana)).toBeLessThan(found.indexOf(f.cherry))
    expect(await ids(c, { q: 'fruit', sort: 'title_asc' })).toEqual([f.apple, f.banana, f.cherry, f.date, f.elder])
  })
})

describe('pagination', () => {
  it.each(['newest', 'title_asc', 'title_desc', 'price_asc', 'price_desc', 'relevance'] as const)(
    'walks every page of %s without gaps or repeats',
    async (sort) => {
      const q = sort === 'relevance' ? { q: 'fruit' } : {}
      const whole = await ids(c, { ...q, sort })
      for (const limit of [1, 2, 4]) {
        const pages = await allPages(c, { ...q, sort, limit })
        expect(pages.every((page) => page.length > 0 && page.length <= limit)).toBe(true)
        expect(pages.flat()).toEqual(whole)
        expect(new Set(pages.flat()).size).toBe(5)
      }
    },
  )

  it('answers no cursor on the last page', async () => {
    const first = await search(c, { limit: 3 })
    expect(first.ids).toHaveLength(3)
    expect(first.next_cursor).not.toBeNull()
    const second = await search(c, { limit: 3, cursor: first.next_cursor! })
    expect(second.ids).toHaveLength(2)
    expect(second.next_cursor).toBeNull()
    expect((await search(c, { limit: 5 })).next_cursor).toBeNull()
  })

  it.each([
    ['not base64 JSON', '%%%'],
    ['the wrong shape', encodeCursor({ offset: 1 })],
    ['another sort', encodeCursor(['title_asc', 'Apple', 'prod_x'])],
    ['a negative offset', encodeCursor(['relevance', -1])],
  ])('rejects a cursor that is %s', async (_, cursor) => {
    await expect(search(c, { cursor, sort: 'newest' })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'cursor', code: 'invalid_cursor' }],
    })
    await expect(search(c, { cursor, q: 'fruit' })).rejects.toMatchObject({ code: 'validation_failed' })
  })

  it('rejects an unknown sort and a limit out of range', async () => {
    await expect(search(c, { sort: 'cheapest' as never })).rejects.toMatchObject({ code: 'validation_failed' })
    await expect(search(c, { limit: 0 })).rejects.toMatchObject({ code: 'validation_failed' })
  })
})
