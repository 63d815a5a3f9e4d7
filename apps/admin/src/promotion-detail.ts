import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from './api.js'
import { dateTime, money } from './format.js'
import { PromotionFormCard } from './promotion-form.js'
import { KINDS, type Kind } from './promotion-input.js'
import { Badge, go, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

/** A promotion: its usage (taken and claimed by completions in progress), codes, the orders that used it, and its edit form. */
export function PromotionDetailView({ id, can }: { id: string; can: (p: Permission) => boolean }) {
  const { data: promotion, problem, reload } = useLoad(() => admin.promotions.get(id), [id])
  const [actionProblem, setActionProblem] = useState<Problem>()
  const write = can('promotions:write')
  const act = async (fn: () => Promise<unknown>, after: () => void = reload) => {
    setActionProblem(undefined)
    try {
      await fn()
      after()
    } catch (error) {
      setActionProblem(toProblem(error))
    }
  }
  if (!promotion)
    return html`<${Page} title="Promotion"><${ProblemBox} problem=${problem} />${!problem && html`<p class="muted">Loading…</p>`}<//>`
  const p = promotion
  const active = p.status === 'active'
  return html`<${Page}
    title=${p.name}
    actions=${html`<${Badge} value=${p.status} /> ${
        write &&
        html`<button
            type="button"
            name="toggle-promotion"
            onClick=${() => act(() => (active ? admin.promotions.deactivate(p.id) : admin.promotions.activate(p.id)))}
          >
            ${active ? 'Deactivate' : 'Activate'}
          </button>
          <button
            class="danger"
            type="button"
            name="delete-promotion"
            onClick=${() =>
              confirm(`Delete ${p.name} and its codes? Orders keep what they got.`) &&
              act(
                () => admin.promotions.delete(p.id),
                () => go('/promotions'),
              )}
          >
            Delete
          </button>`
      }`}
  >
    <${ProblemBox} problem=${actionProblem} />
    <section class="card">
      <p>
        ${KINDS[(p.rule as { type: Kind }).type] ?? String(p.rule.type)} ·
        ${p.automatic ? 'automatic' : 'with a code'}${p.exclusive ? ' · exclusive' : ''} · priority ${p.priority}
      </p>
      <dl class="totals usage">
        <dt>Used by orders</dt>
        <dd data-usage="used">${p.usage.used}</dd>
        <dt>Claimed by completions in progress</dt>
        <dd data-usage="claimed">${p.usage.claimed}</dd>
        <dt>Uses taken / limit</dt>
        <dd>${p.usage_count}${p.usage_limit !== null ? ` / ${p.usage_limit}` : ' (no limit)'}</dd>
        <dt>Per customer</dt>
        <dd>${p.customer_usage_limit ?? 'no limit'}</dd>
        <dt>Runs</dt>
        <dd>${p.starts_at ? dateTime(p.starts_at) : 'now'} – ${p.ends_at ? dateTime(p.ends_at) : 'open-ended'}</dd>
      </dl>
    </section>
    ${!p.automatic && html`<${PromotionCodes} id=${p.id} />`}
    <${PromotionOrders} id=${p.id} />
    ${write && html`<${PromotionFormCard} key=${p.updated_at} promotion=${p} onSaved=${reload} />`}
  <//>`
}

function PromotionCodes({ id }: { id: string }) {
  const pager = usePager()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }) }
  const { data, problem } = useLoad(
    () => admin.GET('/admin/promotions/{id}/codes', { params: { path: { id }, query } }),
    [id, JSON.stringify(query)],
  )
  return html`<section class="card">
    <h2>Codes</h2>
    <${ProblemBox} problem=${problem} />
    <table class="dense codes">
      <thead>
        <tr>
          <th>Code</th>
          <th class="num">Used</th>
          <th>Added</th>
        </tr>
      </thead>
      <tbody>
        ${data?.data.map(
          (c) =>
            html`<tr>
              <td><code>${c.code}</code></td>
              <td class="num">${c.usage_count}${c.usage_limit !== null && ` / ${c.usage_limit}`}</td>
              <td>${dateTime(c.created_at)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  </section>`
}

function PromotionOrders({ id }: { id: string }) {
  const pager = usePager()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }) }
  const { data, problem } = useLoad(
    () => admin.GET('/admin/promotions/{id}/orders', { params: { path: { id }, query } }),
    [id, JSON.stringify(query)],
  )
  return html`<section class="card">
    <h2>Orders that used it</h2>
    <${ProblemBox} problem=${problem} />
    <table class="dense">
      <thead>
        <tr>
          <th>#</th>
          <th>Customer</th>
          <th>Code</th>
          <th class="num">Discount</th>
          <th class="num">Order total</th>
        </tr>
      </thead>
      <tbody>
        ${data?.data.map(
          (o) =>
            html`<tr>
              <td><a href=${`#/orders/${o.order_id}`}>#${o.order_number}</a></td>
              <td>${o.email}</td>
              <td>${o.code ?? '—'}</td>
              <td class="num">${money(o.amount, o.currency_code)}</td>
              <td class="num">${money(o.order_total, o.currency_code)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${data && data.data.length === 0 && html`<p class="muted">No orders yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  </section>`
}
