import type { AdminProductListQuery, Product } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission } from './api.js'
import { money } from './format.js'
import { BulkPrices, BulkStock } from './product-bulk.js'
import { Badge, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

export function Products({ can }: { can: (p: Permission) => boolean }) {
  const [q, setQ] = useState('')
  const [status, setStatus] = useState('')
  const pager = usePager()
  const query: AdminProductListQuery = {
    limit: 20,
    ...(pager.cursor && { cursor: pager.cursor }),
    ...(q.trim() && { q: q.trim() }),
    ...(status && { status: status as AdminProductListQuery['status'] }),
  }
  const { data, problem, loading, reload } = useLoad(() => admin.products.list(query), [JSON.stringify(query)])
  // The selection outlives paging: products picked on page 1 stay picked on page 2.
  const [selected, setSelected] = useState<Map<string, Product>>(new Map())
  const [bulk, setBulk] = useState<'prices' | 'stock' | null>(null)
  const [notice, setNotice] = useState('')
  const pick = (list: Product[], on: boolean) => {
    const next = new Map(selected)
    for (const p of list) {
      if (on) next.set(p.id, p)
      else next.delete(p.id)
    }
    setSelected(next)
  }
  const pageRows = data?.data ?? []
  const allPicked = pageRows.length > 0 && pageRows.every((p) => selected.has(p.id))
  const done = (what: string) => (saved: boolean) => {
    setBulk(null)
    setNotice(saved ? `${what} saved.` : '')
    if (saved) {
      setSelected(new Map())
      reload()
    }
  }
  return html`<${Page}
    title="Products"
    actions=${can('catalog:write') && html`<a class="button primary" href="#/products/new">New product</a>`}
  >
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <input
        type="search"
        name="q"
        placeholder="Title, handle or SKU"
        aria-label="Search products"
        onChange=${(e: Event) => {
          pager.reset()
          setQ((e.target as HTMLInputElement).value)
        }}
      />
      <select
        aria-label="Status"
        name="status"
        value=${status}
        onChange=${(e: Event) => {
          pager.reset()
          setStatus((e.target as HTMLSelectElement).value)
        }}
      >
        <option value="">Status: any</option>
        <option value="draft">draft</option>
        <option value="published">published</option>
        <option value="archived">archived</option>
      </select>
    </form>
    <${ProblemBox} problem=${problem} />
    ${notice && html`<p class="notice" role="status">${notice}</p>`}
    ${
      selected.size > 0 &&
      !bulk &&
      html`<div class="toolbar bulk-actions">
        <span>${selected.size} selected</span>
        ${can('catalog:write') && html`<button type="button" name="bulk-prices" onClick=${() => setBulk('prices')}>Edit prices</button>`}
        ${can('inventory:write') && html`<button type="button" name="bulk-stock" onClick=${() => setBulk('stock')}>Edit stock</button>`}
        <button type="button" class="link" onClick=${() => setSelected(new Map())}>Clear selection</button>
      </div>`
    }
    ${bulk === 'prices' && html`<${BulkPrices} products=${[...selected.values()]} onDone=${done('Prices')} />`}
    ${bulk === 'stock' && html`<${BulkStock} products=${[...selected.values()]} onDone=${done('Stock')} />`}
    <div class="table-wrap">
      <table class="dense products">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                name="select-page"
                aria-label="Select this page"
                checked=${allPicked}
                onChange=${(e: Event) => pick(pageRows, (e.target as HTMLInputElement).checked)}
              />
            </th>
            <th>Product</th>
            <th>Status</th>
            <th class="num">Variants</th>
            <th class="num">From</th>
          </tr>
        </thead>
        <tbody>
          ${data?.data.map((p) => {
            const price = p.variants
              .flatMap((v) => v.prices)
              .sort((a, b) => a.currency_code.localeCompare(b.currency_code) || a.amount - b.amount)[0]
            return html`<tr>
              <td>
                <input
                  type="checkbox"
                  name=${`select-${p.id}`}
                  aria-label=${`Select ${p.title}`}
                  checked=${selected.has(p.id)}
                  onChange=${(e: Event) => pick([p], (e.target as HTMLInputElement).checked)}
                />
              </td>
              <td><a href=${`#/products/${p.id}`}>${p.title}</a><br /><small class="muted">${p.handle}</small></td>
              <td><${Badge} value=${p.status} /></td>
              <td class="num">${p.variants.length}</td>
              <td class="num">${price ? money(price.amount, price.currency_code) : '—'}</td>
            </tr>`
          })}
        </tbody>
      </table>
    </div>
    ${loading && html`<p class="muted">Loading…</p>`} ${data && data.data.length === 0 && html`<p class="muted">No products match.</p>`}
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  <//>`
}
