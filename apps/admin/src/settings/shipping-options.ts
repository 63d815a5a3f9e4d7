import type { Region, ShippingOption } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { fromMinor, money, toMinor } from '../format.js'
import { Badge, Field, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { Checkbox, invalid, isCountry, pageOf, splitList, withParents } from './common.js'

/** A region's shipping options; prices are typed in the region's currency and sent in minor units. */
export function ShippingOptions({ region, write }: { region: Region; write: boolean }) {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.shippingOptions.list({ region_id: region.id }), [region.id])
  const [editing, setEditing] = useState<ShippingOption | 'new'>()
  const [actionProblem, setActionProblem] = useState<Problem>()
  const page = pageOf(data, pager.cursor)
  const currency = region.currency_code
  const remove = async (id: string) => {
    if (!confirm('Delete this shipping option?')) return
    try {
      await admin.shippingOptions.delete(id)
      reload()
    } catch (error) {
      setActionProblem(toProblem(error))
    }
  }
  const price = (o: ShippingOption) =>
    o.price_type === 'flat' && o.amount !== null
      ? money(o.amount, currency)
      : o.price_type === 'weight'
        ? `by weight (${o.weight_tiers.length} tiers)`
        : `calculated by ${o.provider_id}`
  return html`<section class="card shipping-options">
    <h2>Shipping options</h2>
    <${ProblemBox} problem=${problem ?? actionProblem} />
    <div class="table-wrap">
      <table class="dense">
        <thead>
          <tr>
            <th>Name</th>
            <th>Price</th>
            <th>Free over</th>
            <th>Countries</th>
            <th>Status</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (o) =>
              html`<tr>
                <td>${o.name}</td>
                <td>${price(o)}</td>
                <td>${o.free_over === null ? '—' : money(o.free_over, currency)}</td>
                <td>${o.countries.length ? o.countries.join(', ').toUpperCase() : 'all of the region'}</td>
                <td><${Badge} value=${o.active ? 'active' : 'inactive'} /></td>
                <td class="num">
                  ${write && html`<button type="button" onClick=${() => setEditing(o)}>Edit</button> <button type="button" class="danger" onClick=${() => remove(o.id)}>Delete</button>`}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${data && data.length === 0 && html`<p class="muted">No shipping options: carts in this region cannot be shipped.</p>`}
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
    ${write && !editing && html`<button type="button" name="add-shipping-option" onClick=${() => setEditing('new')}>Add shipping option</button>`}
    ${editing && html`<${OptionForm} key=${editing === 'new' ? 'new' : editing.id} region=${region} option=${editing === 'new' ? undefined : editing} onSaved=${() => (setEditing(undefined), reload())} onCancel=${() => setEditing(undefined)} />`}
  </section>`
}

/** Creates a flat-priced option, or edits any option (the price of a flat one only). */
function OptionForm(props: { region: Region; option: ShippingOption | undefined; onSaved: () => void; onCancel: () => void }) {
  const { option, region } = props
  const currency = region.currency_code
  const flat = !option || option.price_type === 'flat'
  const [name, setName] = useState(option?.name ?? '')
  const [amount, setAmount] = useState(option?.amount != null ? fromMinor(option.amount, currency) : '')
  const [freeOver, setFreeOver] = useState(option?.free_over != null ? fromMinor(option.free_over, currency) : '')
  const [countries, setCountries] = useState(option?.countries.join(', ') ?? '')
  const [active, setActive] = useState(option?.active ?? true)
  const [problem, setProblem] = useState<Problem>()
  const submit = async (e: Event) => {
    e.preventDefault()
    const minor = toMinor(amount, currency)
    const free = freeOver.trim() ? toMinor(freeOver, currency) : null
    const list = splitList(countries)
    const bad = invalid({
      ...(!name.trim() && { name: 'A name' }),
      ...(flat && !(minor >= 0) && { amount: `A price in ${currency}, e.g. 4.95` }),
      ...(free !== null && !(free >= 0) && { free_over: `An amount in ${currency}, or empty` }),
      ...(list.some((c) => !isCountry(c)) && { countries: 'Two-letter country codes, separated by commas' }),
    })
    setProblem(bad)
    if (bad) return
    const fields = { name: name.trim(), free_over: free, countries: list, active, ...(flat && { amount: minor }) }
    try {
      if (option) await admin.shippingOptions.update(option.id, fields)
      else await admin.shippingOptions.create({ ...fields, region_id: region.id, price_type: 'flat' })
      props.onSaved()
    } catch (error) {
      setProblem(withParents(toProblem(error)))
    }
  }
  return html`<h3>${option ? `Edit ${option.name}` : 'New shipping option (flat price)'}</h3>
    <${ProblemBox} problem=${problem} />
    <form class="inline-form shipping-option-form" onSubmit=${submit}>
      <${Field} label="Name" name="shipping-name" path="name" value=${name} onInput=${setName} problem=${problem} />
      ${flat && html`<${Field} label=${`Price (${currency})`} name="shipping-amount" path="amount" value=${amount} onInput=${setAmount} problem=${problem} placeholder="4.95" />`}
      <${Field}
        label=${`Free over (${currency}, optional)`}
        name="shipping-free-over"
        path="free_over"
        value=${freeOver}
        onInput=${setFreeOver}
        problem=${problem}
      />
      <${Field}
        label="Countries (empty: all of the region)"
        name="shipping-countries"
        path="countries"
        value=${countries}
        onInput=${setCountries}
        problem=${problem}
      />
      <${Checkbox} label="Active" name="shipping-active" checked=${active} onChange=${setActive} />
      <button class="primary" type="submit">${option ? 'Save shipping option' : 'Create shipping option'}</button>
      <button type="button" onClick=${props.onCancel}>Cancel</button>
    </form>`
}
