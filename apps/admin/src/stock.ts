import type { Product } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { ProblemBox, useLoad } from './ui.js'

/** A product's stock per variant and location; units under what is reserved are refused by the API. */
export function StockEditor({ product, write }: { product: Product; write: boolean }) {
  const locations = useLoad(() => admin.inventory.locations(), [])
  const stock = useLoad(
    () => Promise.all(product.variants.map((v) => admin.inventory.variantStock(v.id))),
    [product.id, product.updated_at],
  )
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<Problem>()
  const [saved, setSaved] = useState(false)
  const key = (variantId: string, locationId: string) => `${variantId}:${locationId}`
  const level = (variantId: string, locationId: string) =>
    stock.data?.find((s) => s.variant_id === variantId)?.levels.find((l) => l.location_id === locationId)
  const save = async () => {
    setProblem(undefined)
    setSaved(false)
    try {
      for (const [k, text] of Object.entries(typed)) {
        const [variantId, locationId] = k.split(':') as [string, string]
        const units = Number(text)
        if (!Number.isInteger(units) || units < 0) throw new Error(`Stock must be a whole number of 0 or more, not "${text}"`)
        await admin.inventory.setStock(variantId, locationId, units)
      }
      setTyped({})
      setSaved(true)
      stock.reload()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  const places = locations.data ?? []
  return html`<section class="card">
    <h2>Stock</h2>
    <${ProblemBox} problem=${problem ?? locations.problem ?? stock.problem} />
    ${saved && html`<p class="notice" role="status">Stock saved.</p>`}
    <div class="table-wrap">
      <table class="dense stock">
        <thead>
          <tr>
            <th>Variant</th>
            ${places.map((l) => html`<th class="num">${l.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${product.variants.map(
            (v, i) =>
              html`<tr>
                <td>${v.title}</td>
                ${places.map((l) => {
                  const current = level(v.id, l.id)
                  const k = key(v.id, l.id)
                  return html`<td class="num">
                    <input
                      class="price"
                      inputmode="numeric"
                      name=${`stock-${i}-${l.id}`}
                      aria-label=${`Stock of ${v.title} at ${l.name}`}
                      disabled=${!write}
                      value=${typed[k] ?? String(current?.stocked_quantity ?? 0)}
                      onInput=${(e: Event) => setTyped({ ...typed, [k]: (e.target as HTMLInputElement).value })}
                    />
                    ${current && current.reserved_quantity > 0 && html`<small class="muted">${current.reserved_quantity} reserved</small>`}
                  </td>`
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${write && html`<div class="toolbar"><button type="button" name="save-stock" disabled=${Object.keys(typed).length === 0} onClick=${save}>Save stock</button></div>`}
  </section>`
}
