import type { OrderDetail } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { dateTime, label, money } from './format.js'
import { Field, ProblemBox } from './ui.js'

type Entry = OrderDetail['timeline'][number]

/** One line of what an event's data says, in words: amounts, reasons, tracking, units, notes. */
export function describeEntry(entry: Entry, order: OrderDetail): string {
  const d = entry.data as Record<string, unknown>
  const c = order.currency_code
  const parts: string[] = []
  const amount = (key: string) => typeof d[key] === 'number' && parts.push(money(d[key] as number, c))
  const text = (key: string, prefix = '') => typeof d[key] === 'string' && d[key] && parts.push(`${prefix}${d[key] as string}`)
  const items = Array.isArray(d.items) ? (d.items as { line_id?: string; quantity?: number; restock?: boolean }[]) : []
  const units = items.reduce((n, i) => n + (i.quantity ?? 0), 0)
  switch (entry.type) {
    case 'order.placed':
      amount('total')
      break
    case 'order.payment_captured':
    case 'refund.created':
      amount('amount')
      text('reason')
      break
    case 'order.paid':
      amount('captured_amount')
      break
    case 'order.shipped':
      text('carrier')
      text('tracking_number')
      break
    case 'order.canceled':
      text('reason')
      if (typeof d.refunded_amount === 'number' && d.refunded_amount > 0) parts.push(`refunded ${money(d.refunded_amount, c)}`)
      break
    case 'order.updated':
      amount('total')
      break
    case 'order.note_added':
      text('body')
      break
    case 'return.requested':
      text('reason')
      break
    default:
  }
  if (units > 0) {
    const restocked = items.filter((i) => i.restock).reduce((n, i) => n + (i.quantity ?? 0), 0)
    parts.push(`${units} unit${units === 1 ? '' : 's'}${entry.type === 'return.received' ? `, ${restocked} restocked` : ''}`)
  }
  if (typeof d.payment_status === 'string') parts.push(`payment ${label(d.payment_status)}`)
  if (typeof d.fulfillment_status === 'string') parts.push(`fulfillment ${label(d.fulfillment_status)}`)
  return parts.join(' · ')
}

/** Who did it: "admin:usr_1" -> "admin usr_1"; the system and guests by name. */
function actorOf(entry: Entry): string {
  return entry.actor ? entry.actor.replace(':', ' ') : 'system'
}

/** Every change the API recorded on the order, newest first, with who and when; notes can be added. */
export function OrderTimeline({ order, write, onChanged }: { order: OrderDetail; write: boolean; onChanged: () => void }) {
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<Problem>()
  const submit = async (e: Event) => {
    e.preventDefault()
    if (!body.trim()) {
      setProblem({ message: 'Write the note first', fields: { body: 'Required' }, list: [] })
      return
    }
    try {
      await admin.POST('/admin/orders/{id}/notes', { params: { path: { id: order.id } }, body: { body: body.trim() } })
      setBody('')
      setProblem(undefined)
      onChanged()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<section class="card">
    <h2>Timeline</h2>
    ${
      write &&
      html`<form class="inline-form" onSubmit=${submit}>
          <${Field} label="Internal note" name="note" path="body" value=${body} onInput=${setBody} problem=${problem} />
          <button type="submit">Add note</button>
        </form>
        <${ProblemBox} problem=${problem} />`
    }
    <ol class="timeline">
      ${[...order.timeline].reverse().map((t) => {
        const detail = describeEntry(t, order)
        return html`<li data-event=${t.type}>
          <time datetime=${t.created_at}>${dateTime(t.created_at)}</time>
          <strong>${label(t.type.replaceAll('.', ' '))}</strong>
          <span class="muted"> by ${actorOf(t)}</span>${detail && html`<br /><span>${detail}</span>`}
        </li>`
      })}
    </ol>
  </section>`
}
