import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { go, Page, ProblemBox, useLoad } from '../ui.js'
import { RegionForm } from './regions.js'
import { ShippingOptions } from './shipping-options.js'
import { TaxRates } from './tax-rates.js'

/** One region: its settings, tax rates and shipping options. */
export function RegionDetail({ id, write }: { id: string; write: boolean }) {
  const { data, problem, reload } = useLoad(() => admin.regions.get(id), [id])
  const [deleteProblem, setDeleteProblem] = useState<Problem>()
  const region = data
  const remove = async () => {
    if (!confirm('Delete this region with its tax rates and shipping options?')) return
    try {
      await admin.regions.delete(id)
      go('/settings/regions')
    } catch (error) {
      setDeleteProblem(toProblem(error))
    }
  }
  return html`<${Page}
    title=${region ? `Region ${region.name}` : 'Region'}
    actions=${html`<a href="#/settings/regions">All regions</a>
      ${write && region && html`<button type="button" class="danger" onClick=${remove}>Delete region</button>`}`}
  >
    <${ProblemBox} problem=${problem ?? deleteProblem} />
    ${
      region &&
      html`<section class="card">
          <h2>Region</h2>
          ${
            write
              ? html`<${RegionForm} key=${region.id} region=${region} onSaved=${reload} />`
              : html`<p>
                  ${[region.currency_code, region.countries.join(', ').toUpperCase(), region.tax_inclusive ? 'tax included' : 'tax added'].join(' · ')}
                </p>`
          }
        </section>
        <${TaxRates} region=${region} write=${write} />
        <${ShippingOptions} region=${region} write=${write} />`
    }
  <//>`
}
