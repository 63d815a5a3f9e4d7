import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { jsonArrayFrom, parseJson, toIso } from '../db/dialect.js'
import type { InventoryLevel, StockLocation } from './inventory.js'

type Db = Kysely<Database>

// Keeps every statement well below SQLite's bound-parameter limit.
const CHUNK = 500

/** Splits a list so no statement carries more parameters than both databases accept. */
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

// ---- locations

export async function insertLocation(db: Db, row: { id: string; name: string; created_at: string; updated_at: string }): Promise<void> {
  await db.insertInto('stock_location').values(row).execute()
}

export async function findLocations(db: Db, ids?: string[]): Promise<StockLocation[]> {
  if (ids && ids.length === 0) return []
  const rows = await db
    .selectFrom('stock_location as l')
    .selectAll('l')
    .select((eb) =>
      jsonArrayFrom(
        db,
        eb
          .selectFrom('sales_channel_location as scl')
          .select('scl.sales_channel_id')
          .whereRef('scl.location_id', '=', 'l.id')
          .orderBy('scl.sales_channel_id'),
      ).as('channels'),
    )
    .$if(ids !== undefined, (qb) => qb.where('l.id', 'in', ids!))
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sales_channel_ids: parseJson<{ sales_channel_id: string }[]>(r.channels, []).map((c) => c.sales_channel_id),
    created_at: toIso(r.created_at),
    updated_at: toIso(r.updated_at),
  }))
}

export async function existingLocationIds(db: Db, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await db.selectFrom('stock_location').select('id').where('id', 'in', part).execute()) found.add(row.id)
  }
  return found
}

export async function existingChannelIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('sales_channel').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

export async function findDefaultChannelId(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('sales_channel').select('id').where('is_default', '=', true).orderBy('created_at').executeTakeFirst()
  return row?.id
}

/** Makes `locationId` the location the channel sells from (replacing any previous one). */
export async function setChannelLocation(db: Db, channelId: string, locationId: string): Promise<void> {
  await db
    .insertInto('sales_channel_location')
    .values({ sales_channel_id: channelId, location_id: locationId })
    .onConflict((oc) => oc.column('sales_channel_id').doUpdateSet({ location_id: locationId }))
    .execute()
}

export async function findChannelLocationId(db: Db, channelId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('sales_channel_location')
    .select('location_id')
    .where('sales_channel_id', '=', channelId)
    .executeTakeFirst()
  return row?.location_id
}

// ---- variants

export interface VariantFlags {
  id: string
  sku: string | null
  product_id: string
  manage_inventory: boolean
  allow_backorder: boolean
}

const flagColumns = ['id', 'sku', 'product_id', 'manage_inventory', 'allow_backorder'] as const

function toFlags(row: {
  id: string
  sku: string | null
  product_id: string
  manage_inventory: boolean | number
  allow_backorder: boolean | number
}): VariantFlags {
  return {
    id: row.id,
    sku: row.sku,
    product_id: row.product_id,
    manage_inventory: Boolean(row.manage_inventory),
    allow_backorder: Boolean(row.allow_backorder),
  }
}

export async function findVariantFlags(db: Db, ids: string[]): Promise<Map<string, VariantFlags>> {
  const found = new Map<string, VariantFlags>()
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await db.selectFrom('product_variant').select(flagColumns).where('id', 'in', part).execute())
      found.set(row.id, toFlags(row))
  }
  return found
}

export async function findVariantFlagsBySku(db: Db, skus: string[]): Promise<Map<string, VariantFlags>> {
  const found = new Map<string, VariantFlags>()
  for (const part of chunks([...new Set(skus)])) {
    for (const row of await db.selectFrom('product_variant').select(flagColumns).where('sku', 'in', part).execute())
      found.set(row.sku!, toFlags(row))
  }
  return found
}

// ---- levels

type LevelRow = { variant_id: string; location_id: string; stocked_quantity: number; reserved_quantity: number; updated_at: unknown }

function toLevel(row: LevelRow): InventoryLevel {
  const stocked = Number(row.stocked_quantity)
  const reserved = Number(row.reserved_quantity)
  return {
    variant_id: row.variant_id,
    location_id: row.location_id,
    stocked_quantity: stocked,
    reserved_quantity: reserved,
    available_quantity: stocked - reserved,
    updated_at: toIso(row.updated_at),
  }
}

const levelColumns = ['variant_id', 'location_id', 'stocked_quantity', 'reserved_quantity', 'updated_at'] as const

export async function findLevelsOfVariant(db: Db, variantId: string): Promise<InventoryLevel[]> {
  const rows = await db
    .selectFrom('inventory_level')
    .select(levelColumns)
    .where('variant_id', '=', variantId)
    .orderBy('location_id')
    .execute()
  return rows.map(toLevel)
}

export async function findLevel(db: Db, variantId: string, locationId: string): Promise<InventoryLevel | undefined> {
  const row = await db
    .selectFrom('inventory_level')
    .select(levelColumns)
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .executeTakeFirst()
  return row && toLevel(row)
}

/** The levels among these (variant, location) pairs that exist, keyed `variant_id location_id`. */
export async function findLevelsByPair(db: Db, pairs: { variant_id: string; location_id: string }[]): Promise<Map<string, InventoryLevel>> {
  const found = new Map<string, InventoryLevel>()
  const wanted = new Set(pairs.map((p) => `${p.variant_id} ${p.location_id}`))
  for (const part of chunks([...new Set(pairs.map((p) => p.variant_id))])) {
    for (const row of await db.selectFrom('inventory_level').select(levelColumns).where('variant_id', 'in', part).execute()) {
      const key = `${row.variant_id} ${row.location_id}`
      if (wanted.has(key)) found.set(key, toLevel(row))
    }
  }
  return found
}

type LevelInput = { variant_id: string; location_id: string; allow_backorder: boolean; stocked_quantity: number }

/** Rows for levels that start with nothing reserved. */
function newLevels(rows: LevelInput[], now: string) {
  return rows.map((r) => ({
    variant_id: r.variant_id,
    location_id: r.location_id,
    allow_backorder: r.allow_backorder,
    stocked_quantity: r.stocked_quantity,
    reserved_quantity: 0,
    updated_at: now,
  }))
}

/** Sets stocked quantities, creating levels as needed; reserved quantities stay as they are. */
export async function upsertStocked(
  db: Db,
  rows: LevelInput[],
  now: string,
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('inventory_level')
      .values(
        newLevels(part, now),
      )
      .onConflict((oc) =>
        oc.columns(['variant_id', 'location_id']).doUpdateSet((eb) => ({
          stocked_quantity: eb.ref('excluded.stocked_quantity'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
  }
}

/** Creates levels that do not exist yet (stocked as given); existing ones are left alone. Returns how many were created. */
export async function insertMissingLevels(
  db: Db,
  rows: LevelInput[],
  now: string,
): Promise<number> {
  let created = 0
  for (const part of chunks(rows)) {
    const result = await db
      .insertInto('inventory_level')
      .values(
        newLevels(part, now),
      )
      .onConflict((oc) => oc.columns(['variant_id', 'location_id']).doNothing())
      .executeTakeFirst()
    created += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return created
}

/**
 * Adds `delta` to the reserved quantity in one statement. With `onlyIfAvailable` the row changes
 * only while enough is unreserved (or the variant allows backorders): the check and the write are
 * the same statement, so concurrent buyers cannot both take the last unit. Returns rows changed.
 */
export async function addReserved(
  db: Db,
  variantId: string,
  locationId: string,
  delta: number,
  now: string,
  onlyIfAvailable: boolean,
): Promise<number> {
  const result = await db
    .updateTable('inventory_level')
    .set((eb) => ({ reserved_quantity: eb('reserved_quantity', '+', delta), updated_at: now }))
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .$if(onlyIfAvailable, (qb) =>
      qb.where((eb) => eb.or([eb('allow_backorder', '=', true), eb(sql<number>`stocked_quantity - reserved_quantity`, '>=', delta)])),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Reserves on a backorderable variant: creates the level (stocked 0) when there is none. */
export async function addBackorderReserved(db: Db, variantId: string, locationId: string, quantity: number, now: string): Promise<void> {
  await db
    .insertInto('inventory_level')
    .values({
      variant_id: variantId,
      location_id: locationId,
      allow_backorder: true,
      stocked_quantity: 0,
      reserved_quantity: quantity,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['variant_id', 'location_id']).doUpdateSet((eb) => ({
        reserved_quantity: eb('inventory_level.reserved_quantity', '+', eb.ref('excluded.reserved_quantity')),
        updated_at: now,
      })),
    )
    .execute()
}

/** Per variant: its flags and, at the channel's location, stocked and reserved (null without a level). */
export async function findAvailabilityRows(db: Db, variantIds: string[], channelId: string) {
  const rows: {
    id: string
    manage_inventory: boolean | number
    allow_backorder: boolean | number
    stocked_quantity: number | null
    reserved_quantity: number | null
  }[] = []
  for (const part of chunks([...new Set(variantIds)])) {
    const found = await db
      .selectFrom('product_variant as v')
      .leftJoin('inventory_level as l', (join) =>
        join
          .onRef('l.variant_id', '=', 'v.id')
          .on(
            'l.location_id',
            '=',
            db.selectFrom('sales_channel_location').select('location_id').where('sales_channel_id', '=', channelId),
          ),
      )
      .select(['v.id', 'v.manage_inventory', 'v.allow_backorder', 'l.stocked_quantity', 'l.reserved_quantity'])
      .where('v.id', 'in', part)
      .execute()
    rows.push(...found)
  }
  return rows
}

export async function upsertPrices(
  db: Db,
  rows: { id: string; variant_id: string; currency_code: string; amount: number }[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('price')
      .values(part)
      .onConflict((oc) => oc.columns(['variant_id', 'currency_code']).doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') })))
      .execute()
  }
}

export async function touchProducts(db: Db, ids: string[], now: string): Promise<void> {
  for (const part of chunks(ids)) await db.updateTable('product').set({ updated_at: now }).where('id', 'in', part).execute()
}
