import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from './api.js'
import { dateTime } from './format.js'
import { PromotionFormCard } from './promotion-form.js'
import { Badge, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

/** Promotions with their usage, a form for every kind the engine supports, and (de)activation. */
export function Promotions({ can }: { can: (p: Permission) => boolean }) {
  const pager = usePager()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }) }
  const { data, problem, reload } = useLoad(() => admin.promotions.list(query), [JSON.stringify(query)])
  const [actionProblem, setActionProblem] = useState<Problem>()
  const toggle = async (id: string, active: boolean) => {
    try {
      await (active ? admin.promotions.deactivate(id) : admin.promotions.activate(id))
      reload()
    } catch (error) {
      setActionProblem(toProblem(error))
    }
  }
  const write = can('promotions:write')
  return html`<${Page} title="Promotions">
    ${write && html`<${PromotionFormCard} onSaved=${reload} />`}
    <${ProblemBox} problem=${problem ?? actionProblem} />
    <div class="table-wrap">
      <table class="dense promotions">
        <thead>
          <tr>
            <th>Name</th>
            <th>Rule</th>
            <th>Status</th>
            <th class="num">Used</th>
            <th>Runs</th>
            <th>Created</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${data?.data.map(
            (p) =>
              html`<tr>
                <td>
                  <a href=${`#/promotions/${p.id}`}>${p.name}</a
                  >${p.automatic && html` <small class="muted">automatic</small>`}${p.exclusive && html` <small class="muted">exclusive</small>`}
                </td>
                <td>${String(p.rule.type ?? '').replaceAll('_', ' ')}</td>
                <td><${Badge} value=${p.status} /></td>
                <td class="num" data-usage>${p.usage_count}${p.usage_limit !== null && ` / ${p.usage_limit}`}</td>
                <td>
                  ${p.starts_at || p.ends_at ? `${p.starts_at ? dateTime(p.starts_at) : 'now'} – ${p.ends_at ? dateTime(p.ends_at) : '…'}` : 'always'}
                </td>
                <td>${dateTime(p.created_at)}</td>
                <td class="num">
                  ${write && html`<button type="button" onClick=${() => toggle(p.id, p.status === 'active')}>${p.status === 'active' ? 'Deactivate' : 'Activate'}</button>`}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${data && data.data.length === 0 && html`<p class="muted">No promotions yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  <//>`
}
