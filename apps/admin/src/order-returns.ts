import type { OrderDetail, OrderReturn } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { dateTime, money } from './format.js'
import { localProblem } from './form.js'
import { Badge, Field, ProblemBox } from './ui.js'

type Line = OrderDetail['items'][number]

/** Units of a line a new return may still ask for: shipped, minus returned, minus asked in open returns. */
export function returnableUnits(order: OrderDetail, line: Line): number {
  const asked = order.returns
    .filter((r) => r.status === 'requested')
    .flatMap((r) => r.items)
    .filter((i) => i.line_id === line.id)
    .reduce((n, i) => n + i.quantity, 0)
  return Math.max(0, line.shipped_quantity - line.returned_quantity - asked)
}

/** The order's returns with their status and refunds, and the forms to request, receive and refund one. */
export function OrderReturns({ order, write, onChanged }: { order: OrderDetail; write: boolean; onChanged: () => void }) {
  const open = order.status === 'pending' || order.status === 'completed'
  const returnable = order.items.some((l) => returnableUnits(order, l) > 0)
  if (order.returns.length === 0 && !(write && open && returnable)) return null
  return html`<section class="card returns">
    <h2>Returns</h2>
    ${order.returns.map((r) => html`<${ReturnRow} order=${order} ret=${r} write=${write} onChanged=${onChanged} />`)}
    ${order.returns.length === 0 && html`<p class="muted">No returns yet.</p>`}
    ${write && open && returnable && html`<${ReturnRequestForm} order=${order} onDone=${onChanged} />`}
  </section>`
}

function ReturnRow({ order, ret, write, onChanged }: { order: OrderDetail; ret: OrderReturn; write: boolean; onChanged: () => void }) {
  const c = order.currency_code
  const [restock, setRestock] = useState<Record<string, boolean>>({})
  const [problem, setProblem] = useState<Problem>()
  const [busy, setBusy] = useState(false)
  const refunds = order.transactions.filter((t) => t.kind === 'refund' && t.return_id === ret.id)
  const refunded = refunds.filter((t) => t.status === 'succeeded').reduce((n, t) => n + t.amount, 0)
  const lineOf = (id: string) => order.items.find((l) => l.id === id)
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true)
    setProblem(undefined)
    try {
      await fn()
      onChanged()
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }
  const receive = () =>
    act(() =>
      admin.POST('/admin/orders/{id}/returns/{return_id}/receive', {
        params: { path: { id: order.id, return_id: ret.id } },
        body: { items: ret.items.map((i) => ({ line_id: i.line_id, restock: restock[i.line_id] ?? true })) },
      }),
    )
  const refund = () =>
    act(() =>
      admin.orders.refund(order.id, {
        lines: ret.items.map((i) => ({ line_id: i.line_id, quantity: i.quantity })),
        return_id: ret.id,
        reason: `Return: ${ret.reason}`.slice(0, 500),
      }),
    )
  const refundable = order.payment.captured_amount - order.payment.refunded_amount
  return html`<div class="return" data-return=${ret.id}>
    <p>
      <${Badge} value=${ret.status} /> ${refunded > 0 && html`<${Badge} value="refunded" /> `}
      <strong>${ret.reason}</strong>
      <span class="muted">
        · asked by ${ret.requested_by} ${dateTime(ret.created_at)}${ret.received_at && ` · received ${dateTime(ret.received_at)}`}</span
      >
    </p>
    <${ProblemBox} problem=${problem} />
    <table class="dense">
      <thead>
        <tr>
          <th>Item</th>
          <th class="num">Qty</th>
          <th>Restock</th>
        </tr>
      </thead>
      <tbody>
        ${ret.items.map((i) => {
          const line = lineOf(i.line_id)
          return html`<tr>
            <td>${line ? `${line.product_title} ${line.variant_title ?? ''}` : i.line_id}</td>
            <td class="num">${i.quantity}</td>
            <td>
              ${
                ret.status === 'requested' && write
                  ? html`<label class="inline"
                      ><input
                        type="checkbox"
                        name=${`restock-${i.line_id}`}
                        checked=${restock[i.line_id] ?? true}
                        onChange=${(e: Event) => setRestock({ ...restock, [i.line_id]: (e.target as HTMLInputElement).checked })}
                      />
                      back to stock</label
                    >`
                  : i.restock === null
                    ? '—'
                    : i.restock
                      ? 'yes'
                      : 'no'
              }
            </td>
          </tr>`
        })}
      </tbody>
    </table>
    ${refunds.map(
      (t) =>
        html`<p class="muted" data-return-refund>Refund ${money(t.amount, c)} <${Badge} value=${t.status} /> ${dateTime(t.created_at)}</p>`,
    )}
    ${
      write &&
      html`<div class="toolbar">
        ${ret.status === 'requested' && html`<button type="button" name="receive-return" disabled=${busy} onClick=${receive}>Receive return</button>`}
        ${ret.status === 'received' && refunded === 0 && refundable > 0 && html`<button type="button" name="refund-return" disabled=${busy} onClick=${refund}>Refund returned items</button>`}
      </div>`
    }
  </div>`
}

function ReturnRequestForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const lines = order.items.filter((l) => returnableUnits(order, l) > 0)
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<Problem>()
  const submit = async (e: Event) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    const items: { line_id: string; quantity: number }[] = []
    lines.forEach((l) => {
      const text = (quantities[l.id] ?? '').trim()
      if (!text) return
      const quantity = Number(text)
      const max = returnableUnits(order, l)
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > max) fields[`qty-${l.id}`] = `A whole number from 0 to ${max}`
      else if (quantity > 0) items.push({ line_id: l.id, quantity })
    })
    if (!reason.trim()) fields.reason = 'Say why the items come back'
    if (items.length === 0 && Object.keys(fields).length === 0) fields.items = 'Choose at least one unit'
    if (Object.keys(fields).length > 0) {
      setProblem(localProblem(fields))
      return
    }
    try {
      await admin.POST('/admin/orders/{id}/returns', { params: { path: { id: order.id } }, body: { items, reason: reason.trim() } })
      setProblem(undefined)
      setQuantities({})
      setReason('')
      onDone()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<form class="return-request" onSubmit=${submit}>
    <h3>New return</h3>
    <${ProblemBox} problem=${problem} />
    <table class="dense">
      <thead>
        <tr>
          <th>Item</th>
          <th class="num">Returnable</th>
          <th class="num">Return</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map((l) => {
          const index = order.items.indexOf(l)
          const error = problem?.fields[`qty-${l.id}`] ?? problem?.fields[`items.${index}.quantity`]
          return html`<tr>
            <td>${l.product_title} <span class="muted">${l.variant_title}</span></td>
            <td class="num">${returnableUnits(order, l)}</td>
            <td class="num">
              <input
                class=${error ? 'price invalid' : 'price'}
                name=${`return-qty-${index}`}
                inputmode="numeric"
                placeholder="0"
                aria-label=${`Units of ${l.product_title} to return`}
                value=${quantities[l.id] ?? ''}
                onInput=${(e: Event) => setQuantities({ ...quantities, [l.id]: (e.target as HTMLInputElement).value })}
              />
              ${error && html`<small class="error">${error}</small>`}
            </td>
          </tr>`
        })}
      </tbody>
    </table>
    <div class="inline-form">
      <${Field} label="Reason" name="return-reason" path="reason" value=${reason} onInput=${setReason} problem=${problem} />
      <button type="submit">Request return</button>
    </div>
  </form>`
}
