import type { AdminOrderListQuery } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission } from './api.js'
import { dateTime, money } from './format.js'
import { Badge, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

const STATUSES = ['pending', 'completed', 'canceled', 'archived']
const PAYMENTS = ['awaiting', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'canceled']
const FULFILLMENTS = [
  'not_fulfilled',
  'partially_fulfilled',
  'fulfilled',
  'partially_shipped',
  'shipped',
  'delivered',
  'partially_returned',
  'returned',
]

export function Orders({ can }: { can: (p: Permission) => boolean }) {
  const [filters, setFilters] = useState({ status: '', payment_status: '', fulfillment_status: '', from: '', to: '', q: '' })
  const pager = usePager()
  const query: AdminOrderListQuery = {
    limit: 20,
    ...(pager.cursor && { cursor: pager.cursor }),
    ...(filters.status && { status: filters.status as AdminOrderListQuery['status'] }),
    ...(filters.payment_status && { payment_status: filters.payment_status as AdminOrderListQuery['payment_status'] }),
    ...(filters.fulfillment_status && { fulfillment_status: filters.fulfillment_status as AdminOrderListQuery['fulfillment_status'] }),
    ...(filters.from && { created_from: `${filters.from}T00:00:00Z` }),
    ...(filters.to && { created_to: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000).toISOString() }),
    ...(filters.q.trim() && { q: filters.q.trim() }),
  }
  const { data, problem, loading } = useLoad(() => admin.orders.list(query), [JSON.stringify(query)])
  const set = (key: keyof typeof filters) => (e: Event) => {
    const value = (e.target as HTMLInputElement).value
    pager.reset()
    setFilters((current) => ({ ...current, [key]: value }))
  }
  const select = (key: keyof typeof filters, name: string, values: string[]) =>
    html`<select aria-label=${name} name=${key} value=${filters[key]} onChange=${set(key)}>
      <option value="">${name}: any</option>
      ${values.map((v) => html`<option value=${v}>${v.replaceAll('_', ' ')}</option>`)}
    </select>`
  return html`<${Page}
    title="Orders"
    actions=${can('orders:write') && html`<a class="button" href="#/draft-orders/new">New draft order</a>`}
  >
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <input type="search" name="q" placeholder="Number or email" onChange=${set('q')} aria-label="Search orders" />
      ${select('status', 'Status', STATUSES)} ${select('payment_status', 'Payment', PAYMENTS)}
      ${select('fulfillment_status', 'Fulfillment', FULFILLMENTS)}
      <label class="inline">From <input type="date" name="from" value=${filters.from} onChange=${set('from')} /></label>
      <label class="inline">To <input type="date" name="to" value=${filters.to} onChange=${set('to')} /></label>
    </form>
    <${ProblemBox} problem=${problem} />
    <div class="table-wrap">
      <table class="dense orders">
        <thead>
          <tr>
            <th>#</th>
            <th>Date</th>
            <th>Customer</th>
            <th>Status</th>
            <th>Payment</th>
            <th>Fulfillment</th>
            <th class="num">Total</th>
          </tr>
        </thead>
        <tbody>
          ${data?.data.map(
            (o) =>
              html`<tr>
                <td><a href=${`#/orders/${o.id}`}>#${o.number}</a></td>
                <td>${dateTime(o.created_at)}</td>
                <td>${o.email}</td>
                <td><${Badge} value=${o.status} /></td>
                <td><${Badge} value=${o.payment.status} /></td>
                <td><${Badge} value=${o.fulfillment_status} /></td>
                <td class="num">${money(o.total, o.currency_code)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${loading && html`<p class="muted">Loading…</p>`} ${data && data.data.length === 0 && html`<p class="muted">No orders match.</p>`}
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  <//>`
}
