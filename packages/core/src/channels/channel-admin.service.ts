import { recordProductsUpdated } from '../catalog/catalog-events.js'
import type { Selectable } from 'kysely'
import { constraintViolation, parseJson, toIso, toIsoOrNull, toJson } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { indexProducts } from '../search/index.js'
import { newToken } from '../kernel/ids.js'
import { parseInput } from '../kernel/validate.js'
import {
  productChannelsSchema,
  type PublishableKey,
  publishableKeyCreateSchema,
  type SalesChannel,
  salesChannelCreateSchema,
  SalesChannelErrors,
  salesChannelUpdateSchema,
} from './channel.js'
import type { PublishableKeyTable, SalesChannelTable } from './channel.table.js'

export async function listSalesChannels(ctx: Ctx): Promise<SalesChannel[]> {
  const rows = await ctx.db.selectFrom('sales_channel').selectAll().orderBy('created_at').orderBy('id').execute()
  return rows.map(toSalesChannel)
}

export async function getSalesChannel(ctx: Ctx, id: string): Promise<SalesChannel> {
  const row = await ctx.db.selectFrom('sales_channel').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw SalesChannelErrors.notFound(id)
  return toSalesChannel(row)
}

export async function createSalesChannel(ctx: Ctx, rawInput: unknown): Promise<SalesChannel> {
  const input = parseInput(salesChannelCreateSchema, rawInput)
  const now = ctx.now().toISOString()
  const id = ctx.newId('sc')
  await ctx.db
    .insertInto('sales_channel')
    .values({
      id,
      name: input.name,
      description: input.description ?? null,
      is_default: false,
      allowed_origins: toJson(input.allowed_origins),
      created_at: now,
      updated_at: now,
    })
    .execute()
  return getSalesChannel(ctx, id)
}

export async function updateSalesChannel(ctx: Ctx, id: string, rawInput: unknown): Promise<SalesChannel> {
  const input = parseInput(salesChannelUpdateSchema, rawInput)
  await getSalesChannel(ctx, id)
  await ctx.db
    .updateTable('sales_channel')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.allowed_origins !== undefined && { allowed_origins: toJson(input.allowed_origins) }),
      updated_at: ctx.now().toISOString(),
    })
    .where('id', '=', id)
    .execute()
  return getSalesChannel(ctx, id)
}

/** Deletes a channel with its keys and product assignments; the default channel stays. */
export async function deleteSalesChannel(ctx: Ctx, id: string): Promise<void> {
  const channel = await getSalesChannel(ctx, id)
  if (channel.is_default) throw SalesChannelErrors.isDefault()
  try {
    await ctx.db.deleteFrom('sales_channel').where('id', '=', id).execute()
  } catch (error) {
    // Orders keep their channel (ON DELETE RESTRICT): their financial records outlive it.
    if (constraintViolation(error)?.kind === 'foreign_key') throw SalesChannelErrors.inUse(id)
    throw error
  }
}

export async function listPublishableKeys(ctx: Ctx, channelId: string): Promise<PublishableKey[]> {
  await getSalesChannel(ctx, channelId)
  const rows = await ctx.db.selectFrom('publishable_key').selectAll().where('sales_channel_id', '=', channelId).orderBy('created_at').orderBy('id').execute()
  return rows.map(toPublishableKey)
}

export async function createPublishableKey(ctx: Ctx, channelId: string, rawInput: unknown): Promise<PublishableKey> {
  const input = parseInput(publishableKeyCreateSchema, rawInput)
  await getSalesChannel(ctx, channelId)
  const row = { id: ctx.newId('apk'), token: newToken('pk'), title: input.title, sales_channel_id: channelId, created_at: ctx.now().toISOString() }
  await ctx.db.insertInto('publishable_key').values(row).execute()
  return toPublishableKey({ ...row, revoked_at: null })
}

/** Revokes a channel's key; servers stop accepting it within their key cache's 30 s. */
export async function revokePublishableKey(ctx: Ctx, channelId: string, keyId: string): Promise<PublishableKey> {
  const find = () =>
    ctx.db.selectFrom('publishable_key').selectAll().where('id', '=', keyId).where('sales_channel_id', '=', channelId).executeTakeFirst()
  if (!(await find())) throw SalesChannelErrors.keyNotFound(keyId)
  await ctx.db.updateTable('publishable_key').set({ revoked_at: ctx.now().toISOString() }).where('id', '=', keyId).where('revoked_at', 'is', null).execute()
  return toPublishableKey((await find())!)
}

/** The browser origins a channel's storefronts run on (the Store API's CORS answers). */
export async function findAllowedOrigins(ctx: Ctx, channelId: string): Promise<string[]> {
  const row = await ctx.db.selectFrom('sales_channel').select('allowed_origins').where('id', '=', channelId).executeTakeFirst()
  return row ? parseJson<string[]>(row.allowed_origins, []) : []
}

/** The channels a product is sold in. */
export async function listProductChannels(ctx: Ctx, productId: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('product_sales_channel').select('sales_channel_id').where('product_id', '=', productId).orderBy('sales_channel_id').execute()
  return rows.map((r) => r.sales_channel_id)
}

/** Replaces the channels a product is sold in; unknown channels are `sales_channel.not_found`. */
export async function setProductChannels(ctx: Ctx, productId: string, rawInput: unknown): Promise<string[]> {
  const input = parseInput(productChannelsSchema, rawInput)
  const ids = [...new Set(input.sales_channel_ids)]
  return inTransaction(ctx, async (tx) => {
    for (const id of ids) await getSalesChannel(tx, id)
    await tx.db.deleteFrom('product_sales_channel').where('product_id', '=', productId).execute()
    if (ids.length) await tx.db.insertInto('product_sales_channel').values(ids.map((id) => ({ sales_channel_id: id, product_id: productId }))).execute()
    // Which channels list a product is a catalog change: caches, CDNs and facet indexes must see it.
    await indexProducts(tx, [productId])
    await recordProductsUpdated(tx, [productId], ['channels'])
    return listProductChannels(tx, productId)
  })
}

/** Puts new products in the default channel (call inside the creating transaction; bulk loads call it too). */
export async function addToDefaultChannel(ctx: Ctx, productIds: string[]): Promise<void> {
  const channel = await ctx.db.selectFrom('sales_channel').select('id').where('is_default', '=', true).orderBy('created_at').executeTakeFirst()
  if (!channel) return
  for (let i = 0; i < productIds.length; i += 500) {
    const rows = productIds.slice(i, i + 500).map((id) => ({ sales_channel_id: channel.id, product_id: id }))
    await ctx.db.insertInto('product_sales_channel').values(rows).execute()
  }
}

/** Whether a product is sold in a channel: a product outside the caller's channel does not exist for it. */
export async function isProductInChannel(ctx: Ctx, productId: string, channelId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('product_sales_channel')
    .select('product_id')
    .where('product_id', '=', productId)
    .where('sales_channel_id', '=', channelId)
    .executeTakeFirst()
  return row !== undefined
}

function toSalesChannel(row: Selectable<SalesChannelTable>): SalesChannel {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    is_default: Boolean(row.is_default),
    allowed_origins: parseJson<string[]>(row.allowed_origins, []),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

function toPublishableKey(row: Selectable<PublishableKeyTable>): PublishableKey {
  return {
    id: row.id,
    token: row.token,
    title: row.title,
    sales_channel_id: row.sales_channel_id,
    revoked_at: toIsoOrNull(row.revoked_at),
    created_at: toIso(row.created_at),
  }
}

/** Every origin any channel allows: a CORS preflight carries no key, so it is answered for them all. */
export async function listAllAllowedOrigins(ctx: Ctx): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('sales_channel').select('allowed_origins').execute()
  return new Set(rows.flatMap((r) => parseJson<string[]>(r.allowed_origins, [])))
}
