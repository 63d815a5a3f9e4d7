import { z } from '@hono/zod-openapi'

const PeriodSchema = z
  .object({
    revenue: z.number().int().openapi({ description: 'Sum of order totals in minor units; canceled orders are left out' }),
    orders: z.number().int(),
    average_order_value: z.number().int().openapi({ description: 'revenue / orders, rounded; 0 without orders' }),
  })
  .openapi('ReportPeriod')

export const OverviewSchema = z
  .object({
    generated_at: z.string().openapi({ format: 'date-time' }),
    days: z.number().int().openapi({ description: 'Length of the daily series and of the top-products window' }),
    currencies: z.array(
      z
        .object({
          currency_code: z.string(),
          today: PeriodSchema.openapi({ description: 'Since 00:00 UTC' }),
          last_7_days: PeriodSchema,
          last_30_days: PeriodSchema,
          refunded_30_days: z.number().int(),
          series: z.array(z.object({ date: z.string().openapi({ format: 'date' }), revenue: z.number().int(), orders: z.number().int() })),
        })
        .openapi('ReportCurrency'),
    ),
    top_products: z.array(
      z
        .object({
          product_id: z.string(),
          title: z.string(),
          currency_code: z.string(),
          quantity: z.number().int(),
          revenue: z.number().int(),
        })
        .openapi('ReportTopProduct'),
    ),
    low_stock: z.array(
      z
        .object({
          variant_id: z.string(),
          product_id: z.string(),
          product_title: z.string(),
          variant_title: z.string(),
          sku: z.string().nullable(),
          location_id: z.string(),
          available: z.number().int().openapi({ description: 'Stocked minus reserved' }),
        })
        .openapi('ReportLowStock'),
    ),
  })
  .openapi('ReportOverview')
