import type { Ctx } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import { type CurrencyOverview, type Overview, type OverviewQuery, overviewQuerySchema, type PeriodFigures } from './report.js'
import { dailySums, lowStock, periodSums, topProducts } from './report.repository.js'

const DAY_MS = 86_400_000

/**
 * The dashboard's figures, all summed by the database: today (since UTC midnight), the last 7 and
 * 30 UTC days (today included), a daily series over `days`, top products and low stock.
 */
export async function reportOverview(ctx: Ctx, query: OverviewQuery = {}): Promise<Overview> {
  const { days, low_stock } = parseInput(overviewQuerySchema, query)
  const now = ctx.now()
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const daysAgo = (n: number) => new Date(today.getTime() - (n - 1) * DAY_MS)
  const seriesFrom = daysAgo(days)
  const [sums, daily, top, low] = await Promise.all([
    periodSums(ctx.db, { today, since7: daysAgo(7), since30: daysAgo(30) }),
    dailySums(ctx.db, seriesFrom),
    topProducts(ctx.db, seriesFrom, 10),
    lowStock(ctx.db, low_stock, 20),
  ])
  const dates = Array.from({ length: days }, (_, i) => new Date(seriesFrom.getTime() + i * DAY_MS).toISOString().slice(0, 10))
  const currencies = new Set([...sums.map((s) => s.currency_code), ...daily.map((d) => d.currency_code)])
  const overview: CurrencyOverview[] = [...currencies].sort().map((currency_code) => {
    const s = sums.find((x) => x.currency_code === currency_code)
    const byDay = new Map(daily.filter((d) => d.currency_code === currency_code).map((d) => [d.day, d]))
    return {
      currency_code,
      today: figures(s?.revenue_today ?? 0, s?.orders_today ?? 0),
      last_7_days: figures(s?.revenue_7 ?? 0, s?.orders_7 ?? 0),
      last_30_days: figures(s?.revenue_30 ?? 0, s?.orders_30 ?? 0),
      refunded_30_days: s?.refunded_30 ?? 0,
      series: dates.map((date) => ({ date, revenue: byDay.get(date)?.revenue ?? 0, orders: byDay.get(date)?.orders ?? 0 })),
    }
  })
  return { generated_at: now.toISOString(), days, currencies: overview, top_products: top, low_stock: low }
}

function figures(revenue: number, orders: number): PeriodFigures {
  return { revenue, orders, average_order_value: orders === 0 ? 0 : Math.round(revenue / orders) }
}
