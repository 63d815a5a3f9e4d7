import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin } from './api.js'
import { dateTime, money } from './format.js'
import { Badge, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

export function Customers() {
  const [email, setEmail] = useState('')
  const pager = usePager()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }), ...(email.trim() && { email: email.trim() }) }
  const { data, problem, loading } = useLoad(() => admin.customers.list(query), [JSON.stringify(query)])
  return html`<${Page} title="Customers">
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <input
        type="search"
        name="email"
        placeholder="Exact email address"
        aria-label="Find a customer by email"
        value=${email}
        onChange=${(e: Event) => {
          pager.reset()
          setEmail((e.target as HTMLInputElement).value)
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

/** A customer and their orders (found by the account's email). */
export function CustomerDetail({ id }: { id: string }) {
  const customer = useLoad(() => admin.customers.get(id), [id])
  const c = customer.data
  const orders = useLoad(() => (c ? admin.orders.list({ q: c.email, limit: 20 }) : Promise.resolve(undefined)), [c?.email])
  if (!c) return html`<${Page} title="Customer"><${ProblemBox} problem=${customer.problem} /><//>`
  return html`<${Page} title=${[c.first_name, c.last_name].filter(Boolean).join(' ') || c.email}>
    <section class="card">
      <p>${c.email}${c.phone && ` · ${c.phone}`}</p>
      <p class="muted">Customer since ${dateTime(c.created_at)} · email ${c.email_verified ? 'verified' : 'not verified'}</p>
    </section>
    <section class="card">
      <h2>Orders</h2>
      <${ProblemBox} problem=${orders.problem} />
      <table class="dense">
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
                <td><${Badge} value=${o.status} /> <${Badge} value=${o.payment.status} /></td>
                <td class="num">${money(o.total, o.currency_code)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${orders.data && orders.data.data.length === 0 && html`<p class="muted">No orders yet.</p>`}
    </section>
  <//>`
}
