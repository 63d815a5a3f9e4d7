import type { AdminProductListQuery } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission } from './api.js'
import { money } from './format.js'
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
  const { data, problem, loading } = useLoad(() => admin.products.list(query), [JSON.stringify(query)])
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
        value=${q}
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
    <div class="table-wrap">
      <table class="dense products">
        <thead>
          <tr>
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
