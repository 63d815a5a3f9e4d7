import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin } from './api.js'
import { dateTime, money } from './format.js'
import { Badge, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

export function Customers() {
  const [search, setSearch] = useState('')
  const pager = usePager()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }), ...(search.trim() && { q: search.trim() }) }
  const { data, problem, loading } = useLoad(() => admin.customers.list(query), [JSON.stringify(query)])
  return html`<${Page} title="Customers">
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <input
        type="search"
        name="q"
        placeholder="Email or name"
        aria-label="Search customers by email or name"
        onChange=${(e: Event) => {
          pager.reset()
          setSearch((e.target as HTMLInputElement).value)
        }}
      />
    </form>
    <${ProblemBox} problem=${problem} />
    <div class="table-wrap">
      <table class="dense customers">
        <thead>
          <tr>
            <th>Email</th>
            <th>Name</th>
            <th>Verified</th>
            <th>Since</th>
          </tr>
        </thead>
        <tbody>
          ${data?.data.map(
            (c) =>
              html`<tr>
                <td><a href=${`#/customers/${c.id}`}>${c.email}</a></td>
                <td>${[c.first_name, c.last_name].filter(Boolean).join(' ') || '—'}</td>
                <td>${c.erased_at ? html`<${Badge} value="erased" />` : c.email_verified ? 'yes' : 'no'}</td>
                <td>${dateTime(c.created_at)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${loading && html`<p class="muted">Loading…</p>`} ${data && data.data.length === 0 && html`<p class="muted">No customers match.</p>`}
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  <//>`
}

/** A customer: profile, saved addresses and the orders the account placed (paginated). */
export function CustomerDetail({ id }: { id: string }) {
  const customer = useLoad(() => admin.customers.get(id), [id])
  const addresses = useLoad(() => admin.GET('/admin/customers/{id}/addresses', { params: { path: { id } } }), [id])
  const pager = usePager()
  const query = { customer_id: id, limit: 20, ...(pager.cursor && { cursor: pager.cursor }) }
  const orders = useLoad(() => admin.orders.list(query), [JSON.stringify(query)])
  const c = customer.data
  if (!c) return html`<${Page} title="Customer"><${ProblemBox} problem=${customer.problem} /><//>`
  return html`<${Page} title=${[c.first_name, c.last_name].filter(Boolean).join(' ') || c.email}>
    <section class="card">
      <p>${c.email}${c.phone && ` · ${c.phone}`}</p>
      <p class="muted">Customer since ${dateTime(c.created_at)} · email ${c.email_verified ? 'verified' : 'not verified'}</p>
    </section>
    <section class="card">
      <h2>Addresses</h2>
      <${ProblemBox} problem=${addresses.problem} />
      <ul class="addresses">
        ${addresses.data?.data.map(
          (a) =>
            html`<li>
              ${[a.first_name, a.last_name].join(' ')}${a.company && `, ${a.company}`}<br />
              ${a.address_1}${a.address_2 && `, ${a.address_2}`}<br />
              ${a.postal_code} ${a.city}${a.province && ` ${a.province}`}
              ${a.country_code.toUpperCase()}${a.phone && html`<br />${a.phone}`}
              ${a.is_default_shipping && html` <${Badge} value="default_shipping" />`}${a.is_default_billing && html` <${Badge} value="default_billing" />`}
            </li>`,
        )}
      </ul>
      ${addresses.data && addresses.data.data.length === 0 && html`<p class="muted">No saved addresses.</p>`}
    </section>
    <section class="card">
      <h2>Orders</h2>
      <${ProblemBox} problem=${orders.problem} />
      <table class="dense customer-orders">
        <thead>
          <tr>
            <th>#</th>
            <th>Date</th>
            <th>Status</th>
            <th class="num">Total</th>
          </tr>
        </thead>
        <tbody>
          ${orders.data?.data.map(
            (o) =>
              html`<tr>
                <td><a href=${`#/orders/${o.id}`}>#${o.number}</a></td>
                <td>${dateTime(o.created_at)}</td>
                <td><${Badge} value=${o.status} /> <${Badge} value=${o.payment.status} /> <${Badge} value=${o.fulfillment_status} /></td>
                <td class="num">${money(o.total, o.currency_code)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${orders.data && orders.data.data.length === 0 && html`<p class="muted">No orders yet.</p>`}
      <${Pager} pager=${pager} nextCursor=${orders.data?.next_cursor} />
    </section>
  <//>`
}
