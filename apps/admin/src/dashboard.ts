import type { ReportOverview } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import uPlot from 'uplot'
import { admin } from './api.js'
import { currencyDigits, money } from './format.js'
import { Page, ProblemBox, useLoad } from './ui.js'

type CurrencyOverview = ReportOverview['currencies'][number]

export function Dashboard() {
  const [days, setDays] = useState(30)
  const { data, problem, loading } = useLoad(() => admin.reports.overview({ days }), [days])
  const [currency, setCurrency] = useState<string>()
  const current = data?.currencies.find((c) => c.currency_code === currency) ?? data?.currencies[0]
  return html`<${Page}
    title="Dashboard"
    actions=${html`<select aria-label="Days" value=${days} onChange=${(e: Event) => setDays(Number((e.target as HTMLSelectElement).value))}>
      ${[7, 30, 90].map((d) => html`<option value=${d}>${d} days</option>`)}
    </select>`}
  >
    <${ProblemBox} problem=${problem} />
    ${loading && !data && html`<p class="muted">Loading…</p>`}
    ${data && data.currencies.length === 0 && html`<p class="muted">No orders yet.</p>`}
    ${
      data &&
      data.currencies.length > 1 &&
      html`<div class="tabs" role="tablist">
        ${data.currencies.map(
          (c) =>
            html`<button type="button" role="tab" aria-selected=${c === current} onClick=${() => setCurrency(c.currency_code)}>
              ${c.currency_code}
            </button>`,
        )}
      </div>`
    }
    ${current && html`<${Figures} overview=${current} /><${RevenueChart} overview=${current} />`}
    ${
      data &&
      html`<div class="grid2">
        <section class="card">
          <h2>Top products (${data.days} days)</h2>
          <table class="dense">
            <thead>
              <tr>
                <th>Product</th>
                <th class="num">Units</th>
                <th class="num">Revenue</th>
              </tr>
            </thead>
            <tbody>
              ${data.top_products.map(
                (p) =>
                  html`<tr>
                    <td><a href=${`#/products/${p.product_id}`}>${p.title}</a></td>
                    <td class="num">${p.quantity}</td>
                    <td class="num">${money(p.revenue, p.currency_code)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${data.top_products.length === 0 && html`<p class="muted">Nothing sold in this window.</p>`}
        </section>
        <section class="card">
          <h2>Low stock</h2>
          <table class="dense low-stock">
            <thead>
              <tr>
                <th>Variant</th>
                <th>SKU</th>
                <th class="num">Free</th>
              </tr>
            </thead>
            <tbody>
              ${data.low_stock.map(
                (l) =>
                  html`<tr>
                    <td><a href=${`#/products/${l.product_id}`}>${l.product_title}</a> <span class="muted">${l.variant_title}</span></td>
                    <td>${l.sku ?? '—'}</td>
                    <td class="num">${l.available}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${data.low_stock.length === 0 && html`<p class="muted">Every stocked variant has more than 5 units free.</p>`}
        </section>
      </div>`
    }
  <//>`
}

function Figures({ overview }: { overview: CurrencyOverview }) {
  const c = overview.currency_code
  const periods = [
    ['Today', overview.today],
    ['7 days', overview.last_7_days],
    ['30 days', overview.last_30_days],
  ] as const
  return html`<div class="figures">
    ${periods.map(
      ([name, p]) =>
        html`<div class="card figure">
          <h2>${name}</h2>
          <p class="big" data-figure=${`revenue-${name}`}>${money(p.revenue, c)}</p>
          <p class="muted">${p.orders} orders · AOV ${money(p.average_order_value, c)}</p>
        </div>`,
    )}
  </div>`
}

/** Revenue per day, drawn by uPlot into a canvas sized to its box. */
function RevenueChart({ overview }: { overview: CurrencyOverview }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const scale = 10 ** currencyDigits(overview.currency_code)
    const xs = overview.series.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000)
    const ys = overview.series.map((p) => p.revenue / scale)
    const chart = new uPlot(
      {
        width: el.clientWidth || 600,
        height: 220,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { show: false },
        scales: { x: { time: true } },
        series: [
          {},
          {
            label: `Revenue (${overview.currency_code})`,
            stroke: '#2457d6',
            fill: 'rgba(36,87,214,0.12)',
            width: 2,
            points: { show: false },
          },
        ],
        axes: [{}, { size: 60 }],
      },
      [xs, ys],
      el,
    )
    const resize = () => chart.setSize({ width: el.clientWidth, height: 220 })
    addEventListener('resize', resize)
    return () => {
      removeEventListener('resize', resize)
      chart.destroy()
    }
  }, [overview])
  return html`<section class="card">
    <h2>Revenue per day (${overview.currency_code})</h2>
    <div class="chart" ref=${box}></div>
  </section>`
}
