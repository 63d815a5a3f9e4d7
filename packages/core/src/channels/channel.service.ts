import { sql } from 'kysely'
import { bumpCatalogVersion } from '../catalog/catalog-events.js'
import { defineError } from '../kernel/errors.js'
import { type Ctx, inTransaction, type SalesChannelRef } from '../kernel/ctx.js'
import { newToken } from '../kernel/ids.js'
import { refreshFacetRows } from '../search/index.js'

export const ChannelErrors = {
  keyMissing: defineError('auth.publishable_key_missing', 'unauthenticated', () => 'The Store API needs the x-publishable-api-key header'),
  keyInvalid: defineError('auth.publishable_key_invalid', 'unauthenticated', () => 'The publishable API key is unknown or revoked'),
}

export interface DefaultChannel {
  channel: SalesChannelRef
  publishableKey: string
}

/** The publishable key of demo mode: publishable keys are public by design, so a fixed one is safe. */
export const DEMO_PUBLISHABLE_KEY = 'pk_demo'

/**
 * Makes sure a default sales channel with a publishable key exists; returns both. `token` fixes
 * the key a new channel gets (demo mode uses DEMO_PUBLISHABLE_KEY so documented examples work).
 */
export async function ensureDefaultChannel(ctx: Ctx, options: { token?: string } = {}): Promise<DefaultChannel> {
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom('sales_channel as c')
      .innerJoin('publishable_key as k', 'k.sales_channel_id', 'c.id')
      .select(['c.id', 'c.name', 'k.token'])
      .where('c.is_default', '=', true)
      .where('k.revoked_at', 'is', null)
      .orderBy('k.created_at')
      .executeTakeFirst()
    if (existing) return { channel: { id: existing.id, name: existing.name }, publishableKey: existing.token }
    const now = tx.now().toISOString()
    const channel = { id: tx.newId('sc'), name: 'Default Sales Channel' }
    await tx.db
      .insertInto('sales_channel')
      .values({ ...channel, description: 'Created on first start', is_default: true, created_at: now, updated_at: now })
      .execute()
    const token = options.token ?? newToken('pk')
    await tx.db
      .insertInto('publishable_key')
      .values({ id: tx.newId('apk'), token, title: 'Default storefront', sales_channel_id: channel.id, created_at: now })
      .execute()
    // A shop's first channel sells everything the shop already has.
    await sql`insert into product_sales_channel (sales_channel_id, product_id) select ${channel.id}, id from product`.execute(tx.db)
    // Their facet rows name their channels; every process reloads its facet index.
    const products = await tx.db.selectFrom('product').select('id').execute()
    if (products.length) {
      await refreshFacetRows(
        tx,
        products.map((p) => p.id),
      )
      await bumpCatalogVersion(tx)
    }
    return { channel, publishableKey: token }
  })
}

/** The sales channel a publishable key belongs to, or `auth.publishable_key_invalid`. */
export async function channelForPublishableKey(ctx: Ctx, token: string | undefined): Promise<SalesChannelRef> {
  if (!token) throw ChannelErrors.keyMissing()
  const row = await ctx.db
    .selectFrom('publishable_key as k')
    .innerJoin('sales_channel as c', 'c.id', 'k.sales_channel_id')
    .select(['c.id', 'c.name'])
    .where('k.token', '=', token)
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw ChannelErrors.keyInvalid()
  return row
}
