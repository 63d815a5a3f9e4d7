import type { PromotionCreateInput } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from './api.js'
import { dateTime, toMinor } from './format.js'
import { Badge, Field, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

type Kind = 'order_percentage' | 'order_fixed' | 'free_shipping'

/** Promotions with their usage, and a form for the common kinds (percentage, fixed amount, free shipping). */
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
    ${write && html`<${PromotionForm} onCreated=${reload} />`}
    <${ProblemBox} problem=${problem ?? actionProblem} />
    <div class="table-wrap">
      <table class="dense promotions">
        <thead>
          <tr>
            <th>Name</th>
            <th>Rule</th>
            <th>Status</th>
            <th class="num">Used</th>
            <th>Created</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${data?.data.map(
            (p) =>
              html`<tr>
                <td>${p.name}${p.automatic && html` <small class="muted">automatic</small>`}</td>
                <td>${String(p.rule.type ?? '').replaceAll('_', ' ')}</td>
                <td><${Badge} value=${p.status} /></td>
                <td class="num">${p.usage_count}${p.usage_limit !== null && ` / ${p.usage_limit}`}</td>
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

function PromotionForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<Kind>('order_percentage')
  const [value, setValue] = useState('')
  const [currency, setCurrency] = useState('EUR')
  const [codes, setCodes] = useState('')
  const [problem, setProblem] = useState<Problem>()
  const [done, setDone] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setDone(false)
    let rule: PromotionCreateInput['rule']
    if (kind === 'free_shipping') rule = { type: 'free_shipping' }
    else if (kind === 'order_percentage') rule = { type: 'order_percentage', percentage: Number(value) }
    else rule = { type: 'order_fixed', amount: toMinor(value, currency), currency_code: currency }
    if (kind !== 'free_shipping' && !(Number(value) > 0)) {
      setProblem({ message: 'Check the highlighted fields', fields: { value: 'A number above 0' }, list: [] })
      return
    }
    const list = codes
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
    try {
      await admin.promotions.create({ name, rule, ...(list.length ? { codes: list } : { automatic: true }) })
      setProblem(undefined)
      setName('')
      setCodes('')
      setValue('')
      setDone(true)
      onCreated()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<section class="card">
    <h2>New promotion</h2>
    <${ProblemBox} problem=${problem} />
    ${done && html`<p class="notice" role="status">Created.</p>`}
    <form class="inline-form" onSubmit=${submit}>
      <${Field} label="Name" name="promo-name" path="name" value=${name} onInput=${setName} problem=${problem} required />
      <label class="field"
        ><span>Kind</span>
        <select name="promo-kind" value=${kind} onChange=${(e: Event) => setKind((e.target as HTMLSelectElement).value as Kind)}>
          <option value="order_percentage">% off the order</option>
          <option value="order_fixed">amount off the order</option>
          <option value="free_shipping">free shipping</option>
        </select></label
      >
      ${kind !== 'free_shipping' && html`<${Field} label=${kind === 'order_percentage' ? 'Percent' : 'Amount'} name="value" value=${value} onInput=${setValue} problem=${problem} path="value" />`}
      ${kind === 'order_fixed' && html`<${Field} label="Currency" name="currency" value=${currency} onInput=${(v: string) => setCurrency(v.toUpperCase())} problem=${problem} path="rule.currency_code" />`}
      <${Field} label="Codes (comma-separated; none = automatic)" name="codes" value=${codes} onInput=${setCodes} problem=${problem} />
      <button class="primary" type="submit">Create</button>
    </form>
  </section>`
}
