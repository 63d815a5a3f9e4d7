import type { Product, StockLocation, VariantStock } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { fromMinor, toMinor } from './format.js'
import { ProblemBox, useLoad } from './ui.js'

interface Cell {
  variantId: string
  column: string
}
const keyOf = (c: Cell) => `${c.variantId}:${c.column}`

/** A fresh Idempotency-Key per save: a retried request (a flaky network) replays instead of writing twice. */
const newKey = () => `prices-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

/** The rows of a bulk grid: every variant of the selected products, product title first. */
function variantRows(products: Product[]) {
  return products.flatMap((p) => p.variants.map((v) => ({ product: p, variant: v, label: `${p.title} — ${v.title}` })))
}

/**
 * Field errors of a batch come by row index (`items.3.amount`); the grid shows each at its cell.
 * Returns the errors by cell key and what is left for the problem box.
 */
function errorsByCell(problem: Problem | undefined, sent: Cell[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(problem?.fields ?? {})) {
    const match = /^items\.(\d+)\./.exec(path)
    const cell = match ? sent[Number(match[1])] : undefined
    if (cell) out[keyOf(cell)] ??= message
  }
  return out
}

/** The selected products' variants x currencies, amounts in major units; saved in one `POST /admin/prices/batch`. */
export function BulkPrices(props: { products: Product[]; onDone: (saved: boolean) => void }) {
  const regions = useLoad(() => admin.regions.list(), [])
  const currencies = [
    ...new Set([
      ...(regions.data ?? []).map((r) => r.currency_code.toUpperCase()),
      ...props.products.flatMap((p) => p.variants.flatMap((v) => v.prices.map((x) => x.currency_code))),
    ]),
  ].sort()
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<Problem>()
  const [sent, setSent] = useState<Cell[]>([])
  const [busy, setBusy] = useState(false)
  const type = (k: string, text: string) => {
    setTyped({ ...typed, [k]: text })
    // A corrected cell drops its error at once.
    if (problem?.fields[k]) setProblem({ ...problem, fields: Object.fromEntries(Object.entries(problem.fields).filter(([f]) => f !== k)) })
  }
  const rows = variantRows(props.products)
  const current = (variantId: string, currency: string) =>
    rows.find((r) => r.variant.id === variantId)?.variant.prices.find((p) => p.currency_code === currency)?.amount

  const save = async () => {
    const cells: Cell[] = []
    const items: { variant_id: string; currency_code: string; amount: number }[] = []
    const fields: Record<string, string> = {}
    for (const [k, text] of Object.entries(typed)) {
      const [variantId, currency] = k.split(':') as [string, string]
      if (text.trim() === '') {
        fields[k] = 'A price cannot be removed here'
        continue
      }
      const amount = toMinor(text, currency)
      if (!(amount >= 0)) fields[k] = 'Not a price'
      else if (amount !== current(variantId, currency)) {
        cells.push({ variantId, column: currency })
        items.push({ variant_id: variantId, currency_code: currency, amount })
      }
    }
    if (Object.keys(fields).length) return setProblem({ message: 'Check the highlighted prices', fields, list: [] })
    if (items.length === 0) return props.onDone(false)
    if (items.length > 500) return setProblem({ message: 'At most 500 prices at once: select fewer products', fields: {}, list: [] })
    setBusy(true)
    setProblem(undefined)
    setSent(cells)
    try {
      await admin.prices.batch(items, { idempotencyKey: newKey() })
      props.onDone(true)
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }

  const cellErrors = { ...errorsByCell(problem, sent), ...(problem?.fields ?? {}) }
  return html`<section class="card bulk bulk-prices">
    <h2>Edit prices of ${props.products.length} product${props.products.length === 1 ? '' : 's'}</h2>
    <${ProblemBox} problem=${problem ?? regions.problem} />
    <div class="table-wrap">
      <table class="dense bulk-grid">
        <thead>
          <tr>
            <th>Variant</th>
            <th>SKU</th>
            ${currencies.map((c) => html`<th class="num">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ variant: v, label }) =>
              html`<tr>
                <td>${label}</td>
                <td><small class="muted">${v.sku ?? ''}</small></td>
                ${currencies.map((c) => {
                  const k = keyOf({ variantId: v.id, column: c })
                  const amount = current(v.id, c)
                  const error = cellErrors[k]
                  return html`<td class="num">
                    <input
                      class=${error ? 'price invalid' : 'price'}
                      inputmode="decimal"
                      name=${`bulk-price-${v.id}-${c}`}
                      aria-label=${`${c} price of ${label}`}
                      value=${typed[k] ?? (amount === undefined ? '' : fromMinor(amount, c))}
                      onInput=${(e: Event) => type(k, (e.target as HTMLInputElement).value)}
                    />${error && html`<small class="error">${error}</small>`}
                  </td>`
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <div class="toolbar">
      <button type="button" class="primary" name="save-bulk-prices" disabled=${busy} onClick=${save}>Save prices</button>
      <button type="button" onClick=${() => props.onDone(false)}>Cancel</button>
    </div>
  </section>`
}

/** The selected products' variants x stock locations; saved in one `POST /admin/stock/batch` (by SKU). */
export function BulkStock(props: { products: Product[]; onDone: (saved: boolean) => void }) {
  const rows = variantRows(props.products)
  const data = useLoad(
    async (): Promise<{ locations: StockLocation[]; stock: VariantStock[] }> => ({
      locations: await admin.inventory.locations(),
      stock: await Promise.all(rows.map((r) => admin.inventory.variantStock(r.variant.id))),
    }),
    [rows.map((r) => r.variant.id).join(',')],
  )
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<Problem>()
  const [sent, setSent] = useState<Cell[]>([])
  const [busy, setBusy] = useState(false)
  const type = (k: string, text: string) => {
    setTyped({ ...typed, [k]: text })
    // A corrected cell drops its error at once.
    if (problem?.fields[k]) setProblem({ ...problem, fields: Object.fromEntries(Object.entries(problem.fields).filter(([f]) => f !== k)) })
  }
  const level = (variantId: string, locationId: string) =>
    data.data?.stock.find((s) => s.variant_id === variantId)?.levels.find((l) => l.location_id === locationId)

  const save = async () => {
    const cells: Cell[] = []
    const items: { sku: string; location_id: string; stocked_quantity: number }[] = []
    const fields: Record<string, string> = {}
    for (const [k, text] of Object.entries(typed)) {
      const [variantId, locationId] = k.split(':') as [string, string]
      const sku = rows.find((r) => r.variant.id === variantId)?.variant.sku
      const units = Number(text)
      if (text.trim() === '' || !Number.isInteger(units) || units < 0) fields[k] = 'A whole number of 0 or more'
      else if (sku && units !== (level(variantId, locationId)?.stocked_quantity ?? 0)) {
        cells.push({ variantId, column: locationId })
        items.push({ sku, location_id: locationId, stocked_quantity: units })
      }
    }
    if (Object.keys(fields).length) return setProblem({ message: 'Check the highlighted quantities', fields, list: [] })
    if (items.length === 0) return props.onDone(false)
    setBusy(true)
    setProblem(undefined)
    setSent(cells)
    try {
      await admin.POST('/admin/stock/batch', { body: { items } })
      props.onDone(true)
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }

  const places = data.data?.locations ?? []
  const cellErrors = { ...errorsByCell(problem, sent), ...(problem?.fields ?? {}) }
  return html`<section class="card bulk bulk-stock">
    <h2>Edit stock of ${props.products.length} product${props.products.length === 1 ? '' : 's'}</h2>
    <${ProblemBox} problem=${problem ?? data.problem} />
    <div class="table-wrap">
      <table class="dense bulk-grid">
        <thead>
          <tr>
            <th>Variant</th>
            <th>SKU</th>
            ${places.map((l) => html`<th class="num">${l.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ variant: v, label }) =>
              html`<tr>
                <td>${label}</td>
                <td>
                  ${v.sku ? html`<small class="muted">${v.sku}</small>` : html`<small class="muted" title="The stock batch finds variants by SKU">no SKU</small>`}
                </td>
                ${places.map((l) => {
                  const k = keyOf({ variantId: v.id, column: l.id })
                  const current = level(v.id, l.id)
                  const error = cellErrors[k]
                  return html`<td class="num">
                    <input
                      class=${error ? 'price invalid' : 'price'}
                      inputmode="numeric"
                      name=${`bulk-stock-${v.id}-${l.id}`}
                      aria-label=${`Stock of ${label} at ${l.name}`}
                      disabled=${!v.sku}
                      value=${typed[k] ?? String(current?.stocked_quantity ?? 0)}
                      onInput=${(e: Event) => type(k, (e.target as HTMLInputElement).value)}
                    />${error && html`<small class="error">${error}</small>`}
                    ${current && current.reserved_quantity > 0 && html`<small class="muted">${current.reserved_quantity} reserved</small>`}
                  </td>`
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <div class="toolbar">
      <button type="button" class="primary" name="save-bulk-stock" disabled=${busy || !data.data} onClick=${save}>Save stock</button>
      <button type="button" onClick=${() => props.onDone(false)}>Cancel</button>
    </div>
  </section>`
}
