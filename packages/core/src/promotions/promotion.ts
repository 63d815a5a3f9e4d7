import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { amountSchema, currencySchema, idSchema } from '../kernel/schemas.js'

/** Most codes one bulk generation makes, and most items a target list names. */
export const MAX_GENERATED_CODES = 10_000
const MAX_TARGETS = 500

const ids = z.array(idSchema).max(MAX_TARGETS)
/** A percentage with at most two decimals: 12.5 is 12.5 %. */
const percentageSchema = z.number().gt(0).max(100).multipleOf(0.01)

/** Which lines an item-level promotion discounts: a line matches when it is in any listed set. */
export const targetSchema = z
  .strictObject({ product_ids: ids.optional(), collection_ids: ids.optional(), category_ids: ids.optional() })
  .refine((t) => (t.product_ids?.length ?? 0) + (t.collection_ids?.length ?? 0) + (t.category_ids?.length ?? 0) > 0, 'name at least one product, collection or category')

export const ruleSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('order_percentage'), percentage: percentageSchema }),
  z.strictObject({ type: z.literal('order_fixed'), amount: amountSchema.min(1), currency_code: currencySchema }),
  z.strictObject({ type: z.literal('items_percentage'), percentage: percentageSchema, target: targetSchema }),
  z.strictObject({
    type: z.literal('items_fixed'),
    amount: amountSchema.min(1),
    currency_code: currencySchema,
    /** `unit`: the amount off every unit; `line`: the amount off each matching line once. */
    per: z.enum(['unit', 'line']),
    target: targetSchema,
  }),
  z.strictObject({ type: z.literal('free_shipping') }),
  z.strictObject({
    type: z.literal('buy_x_get_y'),
    /** Of every `buy + get` matching units, the `get` cheapest are free: buy 2 pay 1 is { buy: 1, get: 1 }. */
    buy: z.number().int().min(1).max(100),
    get: z.number().int().min(1).max(100),
    target: targetSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('tiered'),
    currency_code: currencySchema,
    /** The highest tier whose `min_subtotal` the items reach gives its `amount` off the order. */
    tiers: z
      .array(z.strictObject({ min_subtotal: amountSchema, amount: amountSchema.min(1) }))
      .min(1)
      .max(20),
  }),
])

export const conditionsSchema = z.strictObject({
  /** In minor units of `currency_code` (required with it): the items' subtotal before discounts. */
  min_subtotal: amountSchema.optional(),
  min_quantity: z.number().int().min(1).max(100_000).optional(),
  currency_code: currencySchema.optional(),
  region_ids: ids.optional(),
  sales_channel_ids: ids.optional(),
  /** `logged_in`: customers with an account, signed in; `first_order`: buyers without a previous order. */
  customer: z.enum(['any', 'logged_in', 'first_order']).optional(),
})

const codeSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, dash and underscore')

const promotionFields = {
  name: z.string().trim().min(1).max(255),
  /** No code: the promotion applies by itself to every cart that meets its conditions. */
  automatic: z.boolean().optional(),
  codes: z.array(codeSchema).max(100).optional(),
  rule: ruleSchema,
  conditions: conditionsSchema.optional(),
  /** An exclusive promotion applies alone; see docs/adr/0004-promotion-stacking.md. */
  exclusive: z.boolean().optional(),
  /** Higher applies first (and wins among exclusive ones). */
  priority: z.number().int().min(-1000).max(1000).optional(),
  starts_at: z.iso.datetime({ offset: true }).nullable().optional(),
  ends_at: z.iso.datetime({ offset: true }).nullable().optional(),
  usage_limit: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
  /** Uses per customer (per email for guests). */
  customer_usage_limit: z.number().int().min(1).max(1_000_000).nullable().optional(),
  active: z.boolean().optional(),
}

const needsCurrency = (input: { rule?: z.infer<typeof ruleSchema>; conditions?: z.infer<typeof conditionsSchema> }) =>
  input.conditions?.min_subtotal === undefined || input.conditions.currency_code !== undefined || (input.rule && 'currency_code' in input.rule)

export const promotionCreateSchema = z
  .strictObject(promotionFields)
  .refine(needsCurrency, { path: ['conditions', 'currency_code'], message: 'min_subtotal needs a currency_code' })
  .refine((p) => !p.automatic || !p.codes?.length, { path: ['codes'], message: 'an automatic promotion has no codes' })
export const promotionUpdateSchema = z
  .strictObject({
    name: promotionFields.name,
    rule: ruleSchema,
    conditions: conditionsSchema,
    exclusive: z.boolean(),
    priority: promotionFields.priority,
    starts_at: promotionFields.starts_at,
    ends_at: promotionFields.ends_at,
    usage_limit: promotionFields.usage_limit,
    customer_usage_limit: promotionFields.customer_usage_limit,
  })
  .partial()
export const addCodeSchema = z.strictObject({ code: codeSchema })
export const addCodesSchema = z.strictObject({ codes: z.array(codeSchema).min(1).max(100) })
export const generateCodesSchema = z.strictObject({
  count: z.number().int().min(1).max(MAX_GENERATED_CODES),
  prefix: z.string().regex(/^[A-Za-z0-9]{0,16}$/, 'up to 16 letters and digits').optional(),
  /** Uses per generated code (default 1: single-use codes). */
  usage_limit: z.number().int().min(1).max(1_000_000).optional(),
})

export type PromotionRule = z.infer<typeof ruleSchema>
export type PromotionConditions = z.infer<typeof conditionsSchema>
export type PromotionTarget = z.infer<typeof targetSchema>
export type CreatePromotionInput = z.input<typeof promotionCreateSchema>
export type UpdatePromotionInput = z.input<typeof promotionUpdateSchema>
export type GenerateCodesInput = z.input<typeof generateCodesSchema>

/** A promotion as the Admin API shows it. */
export interface Promotion {
  id: string
  name: string
  status: 'active' | 'inactive'
  automatic: boolean
  rule: PromotionRule
  conditions: PromotionConditions
  exclusive: boolean
  priority: number
  starts_at: string | null
  ends_at: string | null
  usage_limit: number | null
  usage_count: number
  customer_usage_limit: number | null
  created_at: string
  updated_at: string
}

export interface PromotionCode {
  id: string
  promotion_id: string
  code: string
  usage_limit: number | null
  usage_count: number
  created_at: string
}

/** Why a promotion did not apply to a cart: data on the cart, never an error. */
export type NotAppliedReason =
  | 'inactive'
  | 'not_started'
  | 'expired'
  | 'usage_limit_reached'
  | 'min_subtotal_not_met'
  | 'min_quantity_not_met'
  | 'wrong_region'
  | 'wrong_currency'
  | 'wrong_channel'
  | 'not_eligible_customer'
  | 'not_combinable'
  | 'no_eligible_items'

/** A code the code's owner can normalize to: codes compare case-insensitively. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}

export const PromotionErrors = {
  notFound: defineError('promotion.not_found', 'not_found', (what: string) => `Promotion ${what} not found`),
  codeTaken: defineError('promotion.code_taken', 'conflict', (code: string) => `The code ${code} belongs to a promotion already`),
  codeNotFound: defineError('promotion.code_not_found', 'not_found', (code: string) => `The cart has no promotion code ${code}`),
  usageLimitReached: defineError(
    'promotion.usage_limit_reached',
    'conflict',
    (codes: string[]) => `A promotion of this cart has no uses left (${codes.join(', ')}); the cart now shows its new total`,
  ),
}

/** A code on a cart and whether it applies: `reason` says why not. */
export interface CartPromotionEntry {
  code: string
  applied: boolean
  reason?: NotAppliedReason
}

/** What one applied promotion took off a cart (automatic ones too), kept on the order as it was. */
export interface CartAdjustment {
  promotion_id: string
  code: string | null
  name: string
  type: PromotionRule['type']
  /** Items and shipping together. */
  amount: number
  shipping_amount: number
}
