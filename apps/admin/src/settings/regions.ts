import type { Region } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { Field, go, Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { Checkbox, invalid, isCountry, pageOf, splitList, withParents } from './common.js'

/** Regions: the countries sold to, their currency and whether prices include tax. */
export function Regions({ write }: { write: boolean }) {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.regions.list(), [])
  const page = pageOf(data, pager.cursor)
  return html`<${Page} title="Regions" actions=${html`<a href="#/settings">Settings</a>`}>
    ${
      write &&
      html`<section class="card">
        <h2>New region</h2>
        <${RegionForm} onSaved=${(r: Region) => (reload(), go(`/settings/regions/${r.id}`))} />
      </section>`
    }
    <${ProblemBox} problem=${problem} />
    <div class="table-wrap">
      <table class="dense regions">
        <thead>
          <tr>
            <th>Name</th>
            <th>Currency</th>
            <th>Countries</th>
            <th>Prices</th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (r) =>
              html`<tr>
                <td><a href=${`#/settings/regions/${r.id}`}>${r.name}</a></td>
                <td>${r.currency_code}</td>
                <td>${r.countries.join(', ').toUpperCase()}</td>
                <td>${r.tax_inclusive ? 'tax included' : 'tax added'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${data && data.length === 0 && html`<p class="muted">No regions yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  <//>`
}

/** Creates a region, or with `region` edits it. */
export function RegionForm({ region, onSaved }: { region?: Region; onSaved: (region: Region) => void }) {
  const [name, setName] = useState(region?.name ?? '')
  const [currency, setCurrency] = useState(region?.currency_code ?? '')
  const [countries, setCountries] = useState(region?.countries.join(', ') ?? '')
  const [taxInclusive, setTaxInclusive] = useState(region?.tax_inclusive ?? true)
  const [taxProvider, setTaxProvider] = useState(region?.tax_provider_id ?? 'system')
  const [problem, setProblem] = useState<Problem>()
  const [saved, setSaved] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setSaved(false)
    const list = splitList(countries)
    const bad = invalid({
      ...(!name.trim() && { name: 'A name' }),
      ...(!/^[A-Za-z]{3}$/.test(currency) && { currency_code: 'A three-letter currency code such as EUR' }),
      ...(list.some((c) => !isCountry(c)) && { countries: 'Two-letter country codes, separated by commas' }),
    })
    setProblem(bad)
    if (bad) return
    const body = {
      name: name.trim(),
      currency_code: currency.toUpperCase(),
      countries: list,
      tax_inclusive: taxInclusive,
      ...(taxProvider.trim() && { tax_provider_id: taxProvider.trim() }),
    }
    try {
      const result = region ? await admin.regions.update(region.id, body) : await admin.regions.create(body)
      setSaved(true)
      onSaved(result)
    } catch (error) {
      setProblem(withParents(toProblem(error)))
    }
  }
  return html`<${ProblemBox} problem=${problem} />
    <form class="inline-form region-form" onSubmit=${submit}>
      <${Field} label="Name" name="region-name" path="name" value=${name} onInput=${setName} problem=${problem} />
      <${Field}
        label="Currency"
        name="region-currency"
        path="currency_code"
        value=${currency}
        onInput=${(v: string) => setCurrency(v.toUpperCase())}
        problem=${problem}
        placeholder="EUR"
      />
      <${Field}
        label="Countries (comma-separated)"
        name="region-countries"
        path="countries"
        value=${countries}
        onInput=${setCountries}
        problem=${problem}
        placeholder="nl, be"
      />
      <${Checkbox} label="Prices include tax" name="region-tax-inclusive" checked=${taxInclusive} onChange=${setTaxInclusive} />
      <${Field}
        label="Tax provider"
        name="region-tax-provider"
        path="tax_provider_id"
        value=${taxProvider}
        onInput=${setTaxProvider}
        problem=${problem}
      />
      <button class="primary" type="submit">${region ? 'Save region' : 'Create region'}</button>
      ${saved && html`<span class="notice" role="status">Saved.</span>`}
    </form>`
}
