import type { OrderDetail } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { localProblem } from './form.js'
import { Field, ProblemBox } from './ui.js'

/** Before anything is packed: new quantities (0 removes a line) and added variants; the server reprices. */
export function OrderEditForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [variant, setVariant] = useState('')
  const [addQuantity, setAddQuantity] = useState('1')
  const [problem, setProblem] = useState<Problem>()
  const [open, setOpen] = useState(false)
  if (!open) return html`<button type="button" name="edit-order" onClick=${() => setOpen(true)}>Edit items</button>`
  const submit = async (e: Event) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    const items: { line_id: string; quantity: number }[] = []
    order.items.forEach((l, i) => {
      const text = quantities[l.id]
      if (text === undefined || Number(text) === l.quantity) return
      const quantity = Number(text)
      if (text.trim() === '' || !Number.isInteger(quantity) || quantity < 0 || quantity > 1000)
        fields[`items.${i}.quantity`] = 'A whole number from 0 to 1000'
      else items.push({ line_id: l.id, quantity })
    })
    const add: { variant_id: string; quantity: number }[] = []
    if (variant.trim()) {
      const quantity = Number(addQuantity)
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) fields['add.0.quantity'] = 'A whole number from 1 to 1000'
      else add.push({ variant_id: variant.trim(), quantity })
    }
    if (!items.length && !add.length && !Object.keys(fields).length) fields.items = 'Change a quantity or add a variant'
    if (Object.keys(fields).length) {
      setProblem(localProblem(fields))
      return
    }
    try {
      await admin.POST('/admin/orders/{id}/edit', {
        params: { path: { id: order.id } },
        body: { ...(items.length && { items }), ...(add.length && { add }) },
      })
      setProblem(undefined)
      setOpen(false)
      setQuantities({})
      setVariant('')
      onDone()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<section class="card">
    <h2>Edit items</h2>
    <p class="muted">Totals are recomputed by the server; an excess payment is refunded, a shortfall becomes outstanding.</p>
    <${ProblemBox} problem=${problem} />
    <form onSubmit=${submit}>
      <table class="dense">
        <tbody>
          ${order.items.map((l, i) => {
            const error = problem?.fields[`items.${i}.quantity`]
            return html`<tr>
              <td>${l.product_title} <span class="muted">${l.variant_title}</span></td>
              <td class="num">
                <input
                  class=${error ? 'price invalid' : 'price'}
                  name=${`edit-qty-${i}`}
                  inputmode="numeric"
                  aria-label=${`Quantity of ${l.product_title}`}
                  value=${quantities[l.id] ?? String(l.quantity)}
                  onInput=${(e: Event) => setQuantities({ ...quantities, [l.id]: (e.target as HTMLInputElement).value })}
                />
                ${error && html`<small class="error">${error}</small>`}
              </td>
            </tr>`
          })}
        </tbody>
      </table>
      <div class="inline-form">
        <${Field}
          label="Add variant (id)"
          name="add-variant"
          path="add.0.variant_id"
          value=${variant}
          onInput=${setVariant}
          problem=${problem}
          placeholder="variant_…"
        />
        <${Field}
          label="Quantity"
          name="add-quantity"
          path="add.0.quantity"
          value=${addQuantity}
          onInput=${setAddQuantity}
          problem=${problem}
        />
        <button class="primary" type="submit">Save changes</button>
        <button type="button" onClick=${() => setOpen(false)}>Close</button>
      </div>
    </form>
  </section>`
}
