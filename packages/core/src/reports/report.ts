import { z } from 'zod'

/** Query of the overview: the window of the daily series and top products, and what "low" stock means. */
export const overviewQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(90).default(30),
  low_stock: z.coerce.number().int().min(0).max(1000).default(5),
})
export type OverviewQuery = z.input<typeof overviewQuerySchema>

/** Revenue (order totals, canceled orders left out), order count and average order value of one period. */
export interface PeriodFigures {
  revenue: number
  orders: number
  average_order_value: number
}

export interface CurrencyOverview {
  currency_code: string
  today: PeriodFigures
  last_7_days: PeriodFigures
  last_30_days: PeriodFigures
  /** Refunded in the last 30 days, on orders placed in them. */
  refunded_30_days: number
  /** One entry per UTC day of the window, oldest first, days without orders included. */
  series: { date: string; revenue: number; orders: number }[]
}

export interface TopProduct {
  product_id: string
  title: string
  currency_code: string
  quantity: number
  revenue: number
}

export interface LowStockVariant {
  variant_id: string
  product_id: string
  product_title: string
  variant_title: string
  sku: string | null
  location_id: string
  available: number
}

export interface Overview {
  generated_at: string
  days: number
  currencies: CurrencyOverview[]
  top_products: TopProduct[]
  low_stock: LowStockVariant[]
}
