import { describe, expect, it } from 'vitest'
import { ensureDefaultChannel } from '../channels/index.js'
import { published } from '../search/search.test-helpers.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import * as m0020 from './0020_product_facet_source.js'

describe('0020_product_facet_source', () => {
  it('backfills the facet row the indexer writes, for published products only', async () => {
    const ctx = await createTestCtx()
    try {
      await ensureDefaultChannel(ctx)
      const shirt = await published(ctx, {
        title: 'Linen shirt',
        tags: ['summer', 'linen'],
        options: [
          { title: 'Colour', values: ['Navy', 'White'] },
          { title: 'Size', values: ['S', 'M'] },
        ],
        variants: [
          { options: { Colour: 'Navy', Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 4900 }] },
          {
            options: { Colour: 'White', Size: 'M' },
            prices: [
              { currency_code: 'EUR', amount: 5900 },
              { currency_code: 'USD', amount: 6500 },
            ],
          },
        ],
      })
      await published(ctx, { title: 'Draft', status: 'draft' })
      const rows = () =>
        ctx.db
          .selectFrom('product_facet_source' as never)
          .selectAll()
          .orderBy('product_id' as never)
          .execute()
      const written = await rows()
      expect(written.map((r) => (r as { product_id: string }).product_id)).toEqual([shirt])
      const [channels, collections, categories, tags, options, variants, prices] = JSON.parse((written[0] as { data: string }).data)
      expect([channels.length, collections, categories, tags.toSorted()]).toEqual([1, [], [], ['linen', 'summer']])
      const values = variants.map((v: number[]) => v.map((i) => options[4 * i + 2]).toSorted())
      expect(values.toSorted()).toEqual([
        ['M', 'White'],
        ['Navy', 'S'],
      ])
      expect(prices.length).toBe(4)

      await m0020.down(ctx.db)
      await m0020.up(ctx.db)
      expect(await rows()).toEqual(written)
    } finally {
      await ctx.close()
    }
  })
})
