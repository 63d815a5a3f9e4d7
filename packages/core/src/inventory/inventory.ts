import { z } from 'zod'
import { priceInputSchema } from '../catalog/index.js'
import { SalesChannelErrors } from '../channels/channel.js'
import { defineError, KassaError } from '../kernel/errors.js'
import { idSchema } from '../kernel/schemas.js'

/** How long a reservation made before payment holds stock (15 minutes). */
export const RESERVATION_TTL_MS = 15 * 60 * 1000

/** At or below this many available units a variant shows `low_stock`. */
export const LOW_STOCK_THRESHOLD = 5

/** How often the API server releases expired reservations. */
export const RESERVATION_SWEEP_INTERVAL_MS = 60 * 1000

export const AVAILABILITIES = ['in_stock', 'low_stock', 'out_of_stock'] as const
/** What a shopper sees of stock: no exact counts. */
export type Availability = (typeof AVAILABILITIES)[number]

const quantity = z.number().int().min(0).max(1_000_000_000)

export const stockLocationCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  sales_channel_ids: z.array(idSchema).max(50).optional(),
})

export const stockLevelInputSchema = z.strictObject({ stocked_quantity: quantity })

export const stockBatchItemSchema = z
  .strictObject({
    sku: z.string().trim().min(1).max(100),
    stocked_quantity: quantity.optional(),
    location_id: idSchema.optional(),
    prices: z.array(priceInputSchema).min(1).max(50).optional(),
  })
  .refine((item) => item.stocked_quantity !== undefined || item.prices !== undefined, 'Give stocked_quantity, prices or both')

/** The largest batch: 5,000 rows with a price each fit in the 1 MB request body. */
export const STOCK_BATCH_MAX_ITEMS = 5_000

export const stockBatchSchema = z.strictObject({ items: z.array(stockBatchItemSchema).min(1).max(STOCK_BATCH_MAX_ITEMS) })

export type CreateStockLocationInput = z.infer<typeof stockLocationCreateSchema>
export type StockLevelInput = z.infer<typeof stockLevelInputSchema>
export type StockBatchInput = z.infer<typeof stockBatchSchema>

export interface StockLocation {
  id: string
  name: string
  /** The sales channels that sell from this location. */
  sales_channel_ids: string[]
  created_at: string
  updated_at: string
}

export interface InventoryLevel {
  variant_id: string
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
  /** stocked - reserved; negative while backorders exceed stock. */
  available_quantity: number
  updated_at: string
}

export interface VariantStock {
  variant_id: string
  sku: string | null
  manage_inventory: boolean
  allow_backorder: boolean
  levels: InventoryLevel[]
}

export interface StockBatchResult {
  items: number
  stock_levels: number
  prices: number
}

export interface ReserveStockInput {
  cart_id: string
  channel_id: string
  items: { variant_id: string; quantity: number }[]
  /** ISO timestamp after which the sweeper releases the reservation unless it became an order's. */
  expires_at: string
}

/** One variant that could not be reserved: what was asked and what is left (never negative). */
export interface StockShortage {
  variant_id: string
  requested: number
  available: number
}

const insufficient = defineError(
  'inventory.insufficient',
  'conflict',
  (variants: StockShortage[]) => `Not enough stock for ${variants.map((v) => v.variant_id).join(', ')}`,
)

export const InventoryErrors = {
  /** Carries `variants: [{ variant_id, requested, available }]`, which the API puts in the problem body. */
  insufficient: Object.assign(
    (variants: StockShortage[]) =>
      new KassaError(insufficient.code, insufficient.kind, insufficient(variants).message, { extra: { variants } }),
    { code: insufficient.code, kind: insufficient.kind },
  ),
  locationNotFound: defineError('stock_location.not_found', 'not_found', (id: string) => `Stock location ${id} not found`),
  /** The channels module's code: an unknown channel is the same answer everywhere. */
  channelNotFound: SalesChannelErrors.notFound,
  belowReserved: defineError(
    'inventory.below_reserved',
    'conflict',
    (variantId: string) => `Variant ${variantId} has more units reserved than that: allow backorders or release reservations first`,
  ),
}

/** What a shopper sees for a level: unmanaged and backorderable variants are always in stock. */
export function availabilityOf(flags: { manage_inventory: boolean; allow_backorder: boolean }, available: number): Availability {
  if (!flags.manage_inventory || flags.allow_backorder) return 'in_stock'
  if (available <= 0) return 'out_of_stock'
  return available <= LOW_STOCK_THRESHOLD ? 'low_stock' : 'in_stock'
}
