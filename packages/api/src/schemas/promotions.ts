import { z } from '@hono/zod-openapi'

const money = z.number().int()

export const PromotionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'inactive']),
    automatic: z.boolean(),
    rule: z.record(z.string(), z.unknown()).openapi({ description: 'The kind of discount: `type` and its fields (see PromotionCreateInput)' }),
    conditions: z.record(z.string(), z.unknown()),
    exclusive: z.boolean(),
    priority: z.number().int(),
    starts_at: z.string().nullable(),
    ends_at: z.string().nullable(),
    usage_limit: z.number().int().nullable(),
    usage_count: z.number().int().openapi({ description: 'Uses taken: by placed orders and by completions in progress' }),
    customer_usage_limit: z.number().int().nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Promotion')

export const PromotionDetailSchema = PromotionSchema.extend({
  codes: z.array(z.string()).openapi({ description: 'The first 100 codes; list them all with the codes route' }),
  usage: z.object({ claimed: z.number().int(), used: z.number().int() }),
}).openapi('PromotionDetail')

export const PromotionCodeSchema = z
  .object({
    id: z.string(),
    promotion_id: z.string(),
    code: z.string(),
    usage_limit: z.number().int().nullable(),
    usage_count: z.number().int(),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('PromotionCode')

export const PromotionOrderSchema = z
  .object({
    id: z.string(),
    order_id: z.string(),
    order_number: z.number().int(),
    email: z.string(),
    currency_code: z.string(),
    order_total: money,
    code: z.string().nullable(),
    amount: money.openapi({ description: 'What the promotion took off the order, shipping included' }),
    shipping_amount: money,
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('PromotionOrder')
