import type { Product } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { missingCombos } from './catalog.js'
import { Field, ProblemBox } from './ui.js'

interface Draft {
  title: string
  values: string[]
  adding: string
}

const draftsOf = (product: Product): Draft[] => product.options.map((o) => ({ title: o.title, values: [...o.values], adding: '' }))
/**
 * The options of an existing product: rename one, add or remove values, add or remove an option,
 * then add the variants the grid is missing. A value that variants use cannot be removed (the API
 * answers `option.value_in_use`).
 */
export function ProductOptions(props: { product: Product; write: boolean; onChanged: () => void }) {
  const { product } = props
  const [drafts, setDrafts] = useState(() => draftsOf(product))
  const [newOption, setNewOption] = useState({ title: '', values: '' })
  const [problem, setProblem] = useState<Problem>()
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => setDrafts(draftsOf(product)), [product.id, product.updated_at])
  const missing = missingCombos(product)

  /** `at` puts the API's field errors of one option's form at its fields (`title` -> `options.0.title`). */
  const run = async (what: () => Promise<unknown>, done: string, at = '') => {
    setBusy(true)
    setProblem(undefined)
    setNotice('')
    try {
      await what()
      setNotice(done)
      props.onChanged()
    } catch (error) {
      const p = toProblem(error)
      setProblem(at ? { ...p, fields: Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [`${at}${k}`, v])) } : p)
    } finally {
      setBusy(false)
    }
  }
  const setDraft = (i: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)))
  const invalid = (fields: Record<string, string>) => {
    setProblem({ message: 'Check the highlighted fields', fields, list: [] })
    return true
  }

  const addValue = (i: number) => {
    const d = drafts[i]!
    const value = d.adding.trim()
    if (!value) return invalid({ [`options.${i}.adding`]: 'Type a value' })
    if (d.values.includes(value)) return invalid({ [`options.${i}.adding`]: `${value} is there already` })
    setProblem(undefined)
    setDraft(i, { values: [...d.values, value], adding: '' })
  }
  const saveOption = (i: number) => {
    const d = drafts[i]!
    const option = product.options[i]!
    const title = d.title.trim()
    if (!title) return invalid({ [`options.${i}.title`]: 'Required' })
    if (product.options.some((o, j) => j !== i && o.title.toLowerCase() === title.toLowerCase()))
      return invalid({ [`options.${i}.title`]: 'Another option has this title' })
    if (d.values.length === 0) return invalid({ [`options.${i}.adding`]: 'An option needs a value' })
    return run(
      () => admin.products.updateOption(product.id, option.id, { title, values: d.values }),
      `Option ${title} saved.`,
      `options.${i}.`,
    )
  }
  const removeOption = (i: number) => {
    const option = product.options[i]!
    if (!confirm(`Remove the option ${option.title}? Variants lose their ${option.title} value.`)) return
    return run(() => admin.products.deleteOption(product.id, option.id), `Option ${option.title} removed.`)
  }
  const addOption = () => {
    const title = newOption.title.trim()
    const values = [
      ...new Set(
        newOption.values
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ]
    const fields: Record<string, string> = {}
    if (!title) fields.title = 'Required'
    else if (product.options.some((o) => o.title.toLowerCase() === title.toLowerCase())) fields.title = 'The product has this option'
    if (values.length === 0) fields.values = 'At least one value'
    if (Object.keys(fields).length) return invalid(fields)
    return run(async () => {
      await admin.products.addOption(product.id, { title, values })
      setNewOption({ title: '', values: '' })
    }, `Option ${title} added.`)
  }
  const addMissing = () =>
    run(
      async () => {
        for (const combo of missing) await admin.products.addVariant(product.id, { options: combo })
      },
      `${missing.length} variant${missing.length === 1 ? '' : 's'} added.`,
    )

  // Errors of the option forms come back from the API as body paths (`title`, `values.0`).
  return html`<section class="card options-editor">
    <h2>Options</h2>
    <${ProblemBox} problem=${problem} />
    ${notice && html`<p class="notice" role="status">${notice}</p>`}
    ${product.options.length === 0 && html`<p class="muted">No options: the product has one default variant.</p>`}
    ${drafts.map((d, i) => {
      const removed = product.options[i]?.values.filter((v) => !d.values.includes(v)) ?? []
      return html`<div class="option-edit">
        <div class="option-row">
          <${Field}
            label="Option"
            name=${`option-edit-title-${i}`}
            value=${d.title}
            onInput=${(v: string) => setDraft(i, { title: v })}
            problem=${problem}
            path=${`options.${i}.title`}
          />
          <${Field}
            label="New value"
            name=${`option-new-value-${i}`}
            value=${d.adding}
            onInput=${(v: string) => setDraft(i, { adding: v })}
            problem=${problem}
            path=${`options.${i}.adding`}
          />
        </div>
        <p class="chips">
          ${d.values.map(
            (v) =>
              html`<span class="chip"
                >${v}${props.write && html` <button type="button" class="link" aria-label=${`Remove ${v}`} onClick=${() => setDraft(i, { values: d.values.filter((x) => x !== v) })}>×</button>`}</span
              >`,
          )}
          ${removed.length > 0 && html`<small class="muted">to remove: ${removed.join(', ')}</small>`}
        </p>
        ${
          props.write &&
          html`<div class="toolbar">
            <button type="button" name=${`add-value-${i}`} onClick=${() => addValue(i)}>Add value</button>
            <button type="button" class="primary" name=${`save-option-${i}`} disabled=${busy} onClick=${() => saveOption(i)}>
              Save option
            </button>
            <button type="button" class="danger" name=${`remove-option-${i}`} disabled=${busy} onClick=${() => removeOption(i)}>
              Remove option
            </button>
          </div>`
        }
      </div>`
    })}
    ${
      props.write &&
      html`<h3>Add an option</h3>
        <div class="option-row">
          <${Field}
            label="Option"
            name="new-option-title"
            value=${newOption.title}
            placeholder="Color"
            onInput=${(v: string) => setNewOption({ ...newOption, title: v })}
            problem=${problem}
          />
          <${Field}
            label="Values (comma-separated)"
            name="new-option-values"
            value=${newOption.values}
            placeholder="Red, Blue"
            onInput=${(v: string) => setNewOption({ ...newOption, values: v })}
            problem=${problem}
            path="values"
          />
        </div>
        ${product.variants.length > 0 && html`<p class="muted">Existing variants get no value for a new option; add the variants it makes below.</p>`}
        <div class="toolbar"><button type="button" name="add-option" disabled=${busy} onClick=${addOption}>Add option</button></div>`
    }
    <h3>Variant grid</h3>
    ${
      missing.length === 0
        ? html`<p class="muted">Every combination of the values has a variant.</p>`
        : html`<p>Missing: ${missing.map((c) => Object.values(c).join(' / ')).join(', ')}</p>
            ${props.write && html`<div class="toolbar"><button type="button" class="primary" name="generate-missing" disabled=${busy} onClick=${addMissing}>Add ${missing.length} missing variant${missing.length === 1 ? '' : 's'}</button></div>`}`
    }
  </section>`
}
