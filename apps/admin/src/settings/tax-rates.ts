import type { Region, TaxRate } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { Field, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { invalid, isCountry, pageOf } from './common.js'

/** A region's tax rates: the default one and those for one country or province. */
export function TaxRates({ region, write }: { region: Region; write: boolean }) {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.taxRates.list(region.id), [region.id])
  const [editing, setEditing] = useState<TaxRate | 'new'>()
  const [actionProblem, setActionProblem] = useState<Problem>()
  const page = pageOf(data, pager.cursor)
  const remove = async (id: string) => {
    if (!confirm('Delete this tax rate?')) return
    try {
      await admin.taxRates.delete(id)
      reload()
    } catch (error) {
      setActionProblem(toProblem(error))
    }
  }
  const saved = () => (setEditing(undefined), reload())
  return html`<section class="card tax-rates">
    <h2>Tax rates</h2>
    <${ProblemBox} problem=${problem ?? actionProblem} />
    <div class="table-wrap">
      <table class="dense">
        <thead>
          <tr>
            <th>Name</th>
            <th>Code</th>
            <th class="num">Rate</th>
            <th>Where</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (t) =>
              html`<tr>
                <td>${t.name}</td>
                <td>${t.code ?? '—'}</td>
                <td class="num">${t.rate_bps / 100} %</td>
                <td>
                  ${t.country_code ? `${t.country_code.toUpperCase()}${t.province_code ? `-${t.province_code.toUpperCase()}` : ''}` : 'whole region'}
                </td>
                <td class="num">
                  ${write && html`<button type="button" onClick=${() => setEditing(t)}>Edit</button> <button type="button" class="danger" onClick=${() => remove(t.id)}>Delete</button>`}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${data && data.length === 0 && html`<p class="muted">No tax rates: nothing is taxed in this region.</p>`}
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
    ${write && !editing && html`<button type="button" name="add-tax-rate" onClick=${() => setEditing('new')}>Add tax rate</button>`}
    ${editing && html`<${TaxRateForm} key=${editing === 'new' ? 'new' : editing.id} regionId=${region.id} rate=${editing === 'new' ? undefined : editing} onSaved=${saved} onCancel=${() => setEditing(undefined)} />`}
  </section>`
}

function TaxRateForm(props: { regionId: string; rate: TaxRate | undefined; onSaved: () => void; onCancel: () => void }) {
  const { rate } = props
  const [name, setName] = useState(rate?.name ?? '')
  const [code, setCode] = useState(rate?.code ?? '')
  const [percent, setPercent] = useState(rate ? String(rate.rate_bps / 100) : '')
  const [country, setCountry] = useState(rate?.country_code ?? '')
  const [province, setProvince] = useState(rate?.province_code ?? '')
  const [problem, setProblem] = useState<Problem>()
  const submit = async (e: Event) => {
    e.preventDefault()
    const value = Number(percent.replace(',', '.'))
    const bad = invalid({
      ...(!name.trim() && { name: 'A name' }),
      ...((percent.trim() === '' || !(value >= 0 && value <= 100)) && { rate_bps: 'A percentage from 0 to 100' }),
      ...(country.trim() && !isCountry(country.trim()) && { country_code: 'A two-letter country code' }),
      ...(province.trim() && !country.trim() && { province_code: 'A province needs a country' }),
    })
    setProblem(bad)
    if (bad) return
    const body = {
      name: name.trim(),
      code: code.trim() || null,
      rate_bps: Math.round(value * 10_000) / 100,
      country_code: country.trim().toLowerCase() || null,
      province_code: province.trim().toLowerCase() || null,
    }
    try {
      if (rate) await admin.taxRates.update(rate.id, body)
      else await admin.taxRates.create(props.regionId, body)
      props.onSaved()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<h3>${rate ? `Edit ${rate.name}` : 'New tax rate'}</h3>
    <${ProblemBox} problem=${problem} />
    <form class="inline-form tax-rate-form" onSubmit=${submit}>
      <${Field} label="Name" name="tax-name" path="name" value=${name} onInput=${setName} problem=${problem} />
      <${Field} label="Code" name="tax-code" path="code" value=${code} onInput=${setCode} problem=${problem} />
      <${Field}
        label="Rate (%)"
        name="tax-rate"
        path="rate_bps"
        value=${percent}
        onInput=${setPercent}
        problem=${problem}
        placeholder="21"
      />
      <${Field}
        label="Country (empty: whole region)"
        name="tax-country"
        path="country_code"
        value=${country}
        onInput=${setCountry}
        problem=${problem}
      />
      <${Field} label="Province" name="tax-province" path="province_code" value=${province} onInput=${setProvince} problem=${problem} />
      <button class="primary" type="submit">${rate ? 'Save tax rate' : 'Create tax rate'}</button>
      <button type="button" onClick=${props.onCancel}>Cancel</button>
    </form>`
}
