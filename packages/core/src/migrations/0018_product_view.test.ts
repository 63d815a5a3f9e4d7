import { describe, expect, it } from 'vitest'
import { ensureDefaultChannel } from '../channels/index.js'
import { published } from '../search/search.test-helpers.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import * as m0018 from './0018_product_view.js'

describe('0018_product_view', () => {
  it('backfills the store document the indexer writes, for every product', async () => {
    const ctx = await createTestCtx()
    try {
      await ensureDefaultChannel(ctx)
      const shirt = await published(ctx, {
        title: 'Linen shirt',
        options: [{ title: 'Size', values: ['S', 'M'] }],
        variants: [
          { options: { Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 4900 }] },
          { options: { Size: 'M' }, prices: [{ currency_code: 'EUR', amount: 5900 }] },
        ],
      })
      const draft = await published(ctx, { title: 'Draft', status: 'draft' })
      const rows = () => ctx.db.selectFrom('product_view').selectAll().orderBy('product_id').execute()
      const written = await rows()
      expect(written.map((r) => r.product_id).toSorted()).toEqual([shirt, draft].toSorted())
      expect(JSON.parse(written.find((r) => r.product_id === shirt)!.data)).toMatchObject({ id: shirt, title: 'Linen shirt' })

      await m0018.down(ctx.db)
      await m0018.up(ctx.db)
      expect(await rows()).toEqual(written)
    } finally {
      await ctx.close()
    }
  })
})
