import type { OrderDetail } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from './api.js'
import { dateTime, fromMinor, money, toMinor } from './format.js'
import { OrderEditForm } from './order-edit.js'
import { OrderReturns } from './order-returns.js'
import { OrderTimeline } from './order-timeline.js'
import { Badge, Field, Page, ProblemBox, useLoad } from './ui.js'

export function OrderDetailView({ id, can }: { id: string; can: (p: Permission) => boolean }) {
  const { data: order, problem, reload } = useLoad(() => admin.orders.get(id), [id])
  const [actionProblem, setActionProblem] = useState<Problem>()
  const [busy, setBusy] = useState(false)
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true)
    setActionProblem(undefined)
    try {
      await fn()
      reload()
    } catch (error) {
      setActionProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }
  if (!order) return html`<${Page} title="Order"><${ProblemBox} problem=${problem} />${!problem && html`<p class="muted">Loading…</p>`}<//>`
  const c = order.currency_code
  const address = order.shipping_address
  const write = can('orders:write')
  // A completed order (paid and packed) still ships and refunds; canceled and archived ones are closed.
  const open = order.status === 'pending' || order.status === 'completed'
  const canCapture =
    write &&
    open &&
    order.payment.authorized_amount > order.payment.captured_amount &&
    ['authorized', 'partially_captured'].includes(order.payment.status)
  const unfulfilled = order.items.some((i) => i.fulfilled_quantity < i.quantity)
  const refundable = order.payment.captured_amount - order.payment.refunded_amount
  const shippedNothing = order.items.every((i) => i.shipped_quantity === 0)
  return html`<${Page}
    title=${`Order #${order.number}`}
    actions=${html`<${Badge} value=${order.status} /> <${Badge} value=${order.payment.status} /> <${Badge} value=${order.fulfillment_status} />`}
  >
    <${ProblemBox} problem=${actionProblem} />
    ${
      write &&
      html`<div class="toolbar">
        ${canCapture && html`<button class="primary" type="button" disabled=${busy} onClick=${() => act(() => admin.orders.capture(order.id))}>Capture ${money(order.payment.authorized_amount - order.payment.captured_amount, c)}</button>`}
        ${open && unfulfilled && html`<button type="button" disabled=${busy} onClick=${() => act(() => admin.orders.fulfill(order.id))}>Fulfill remaining items</button>`}
        ${open && order.fulfillment_status === 'not_fulfilled' && html`<${OrderEditForm} order=${order} onDone=${reload} />`}
        ${order.status === 'pending' && shippedNothing && html`<button class="danger" type="button" disabled=${busy} onClick=${() => confirm('Cancel this order?') && act(() => admin.orders.cancel(order.id))}>Cancel order</button>`}
      </div>`
    }
    <div class="grid2">
      <section class="card">
        <h2>Items</h2>
        <table class="dense">
          <thead>
            <tr>
              <th>Item</th>
              <th class="num">Qty</th>
              <th class="num">Packed</th>
              <th class="num">Shipped</th>
              <th class="num">Total</th>
            </tr>
          </thead>
          <tbody>
            ${order.items.map(
              (i) =>
                html`<tr>
                  <td>
                    ${`${i.product_title} `}
                    <span class="muted">${i.variant_title}</span>${i.sku && html`<br /><small class="muted">${i.sku}</small>`}
                  </td>
                  <td class="num">${i.quantity}</td>
                  <td class="num">${i.fulfilled_quantity}</td>
                  <td class="num">${i.shipped_quantity}</td>
                  <td class="num">${money(i.total, c)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        <dl class="totals">
          <dt>Subtotal</dt>
          <dd>${money(order.subtotal, c)}</dd>
          ${
            order.discount_total > 0 &&
            html`<dt>Discount</dt>
              <dd>−${money(order.discount_total, c)}</dd>`
          }
          <dt>Shipping</dt>
          <dd>${money(order.shipping_total, c)}</dd>
          <dt>Tax${order.tax_inclusive ? ' (included)' : ''}</dt>
          <dd>${money(order.tax_total, c)}</dd>
          <dt class="strong">Total</dt>
          <dd class="strong" data-total>${money(order.total, c)}</dd>
          <dt>Captured</dt>
          <dd>${money(order.payment.captured_amount, c)}</dd>
          <dt>Refunded</dt>
          <dd>${money(order.payment.refunded_amount, c)}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>Customer</h2>
        <p>${order.email}</p>
        ${address && html`<p class="muted">${[address.first_name, address.last_name].join(' ')}<br />${address.address_1}<br />${address.postal_code} ${address.city} ${address.country_code.toUpperCase()}</p>`}
        <p class="muted">Placed ${dateTime(order.created_at)}${order.shipping_method && ` · ${order.shipping_method.name}`}</p>
      </section>
    </div>
    ${
      order.fulfillments.length > 0 &&
      html`<section class="card">
        <h2>Fulfillments</h2>
        ${order.fulfillments.map((f) => html`<${FulfillmentRow} order=${order} fulfillment=${f} write=${write && open} act=${act} busy=${busy} />`)}
      </section>`
    }
    ${write && refundable > 0 && html`<${RefundForm} key=${refundable} order=${order} refundable=${refundable} onDone=${reload} />`}
    <${OrderReturns} order=${order} write=${write} onChanged=${reload} />
    <${OrderTimeline} order=${order} write=${write} onChanged=${reload} />
  <//>`
}

function FulfillmentRow(props: {
  order: OrderDetail
  fulfillment: OrderDetail['fulfillments'][number]
  write: boolean
  busy: boolean
  act: (fn: () => Promise<unknown>) => void
}) {
  const { order, fulfillment: f } = props
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const units = f.items.reduce((n, i) => n + i.quantity, 0)
  return html`<div class="fulfillment">
    <p>
      <${Badge} value=${f.status} /> ${units} units ·
      ${dateTime(f.created_at)}${f.tracking_number && html` · ${f.carrier} <code data-tracking>${f.tracking_number}</code>`}
    </p>
    ${
      props.write &&
      f.status === 'fulfilled' &&
      html`<form
        class="inline-form"
        onSubmit=${(e: Event) => {
          e.preventDefault()
          props.act(() => admin.orders.ship(order.id, f.id, { carrier, tracking_number: tracking }))
        }}
      >
        <${Field} label="Carrier" name="carrier" value=${carrier} onInput=${setCarrier} required />
        <${Field} label="Tracking number" name="tracking_number" value=${tracking} onInput=${setTracking} required />
        <button type="submit" disabled=${props.busy}>Mark shipped</button>
      </form>`
    }
  </div>`
}

function RefundForm({ order, refundable, onDone }: { order: OrderDetail; refundable: number; onDone: () => void }) {
  const c = order.currency_code
  const [amount, setAmount] = useState(fromMinor(refundable, c))
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<Problem>()
  const submit = async (e: Event) => {
    e.preventDefault()
    const minor = toMinor(amount, c)
    if (!(minor > 0) || minor > refundable) {
      setProblem({ message: `Enter an amount up to ${money(refundable, c)}`, fields: { amount: 'Out of range' }, list: [] })
      return
    }
    try {
      await admin.orders.refund(order.id, { amount: minor, ...(reason && { reason }) })
      setProblem(undefined)
      onDone()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<section class="card">
    <h2>Refund</h2>
    <${ProblemBox} problem=${problem} />
    <form class="inline-form" onSubmit=${submit}>
      <${Field}
        label=${`Amount (${c}, up to ${fromMinor(refundable, c)})`}
        name="amount"
        value=${amount}
        onInput=${setAmount}
        problem=${problem}
      />
      <${Field} label="Reason" name="reason" value=${reason} onInput=${setReason} problem=${problem} />
      <button type="submit">Refund</button>
    </form>
  </section>`
}
