import type { PromotionDetail } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { localProblem } from './form.js'
import { emptyForm, fromPromotion, KINDS, type Kind, type PromotionForm, toPromotionInput, toUpdateInput } from './promotion-input.js'
import { Field, ProblemBox } from './ui.js'

const TARGETED: Kind[] = ['items_percentage', 'items_fixed', 'buy_x_get_y']

/** Creates a promotion of any kind, or edits `promotion` (its rule, conditions, limits, dates, stacking; new codes are added). */
export function PromotionFormCard({ promotion, onSaved }: { promotion?: PromotionDetail; onSaved: (saved: PromotionDetail) => void }) {
  const [form, setForm] = useState<PromotionForm>(() => (promotion ? fromPromotion(promotion) : emptyForm()))
  const [problem, setProblem] = useState<Problem>()
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const set =
    <K extends keyof PromotionForm>(key: K) =>
    (value: PromotionForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }))
  const field = (key: keyof PromotionForm & string, label: string, path: string = key, extra: Record<string, unknown> = {}) =>
    html`<${Field}
      label=${label}
      name=${`promo-${key}`}
      path=${path}
      value=${form[key] as string}
      onInput=${set(key)}
      problem=${problem}
      ...${extra}
    />`
  const submit = async (e: Event) => {
    e.preventDefault()
    setDone('')
    const { input, fields } = toPromotionInput(form)
    if (!input) {
      setProblem(localProblem(fields))
      return
    }
    setBusy(true)
    try {
      let saved: PromotionDetail
      if (promotion) {
        saved = await admin.promotions.update(promotion.id, toUpdateInput(input))
        const added = (input.codes ?? []).filter((c) => !promotion.codes.some((old) => old.toUpperCase() === c.toUpperCase()))
        if (added.length) {
          await admin.POST('/admin/promotions/{id}/codes', { params: { path: { id: promotion.id } }, body: { codes: added } })
          saved = await admin.promotions.get(promotion.id)
        }
      } else {
        saved = await admin.promotions.create(input)
        setForm(emptyForm())
      }
      setProblem(undefined)
      setDone(promotion ? 'Saved.' : 'Created.')
      onSaved(saved)
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }
  const currencyPath = ['order_fixed', 'items_fixed', 'tiered'].includes(form.kind) ? 'rule.currency_code' : 'conditions.currency_code'
  const tierError = (i: number, key: string) => problem?.fields[`rule.tiers.${i}.${key}`]
  return html`<section class="card promotion-form">
    <h2>${promotion ? 'Edit promotion' : 'New promotion'}</h2>
    <${ProblemBox} problem=${problem} />
    ${done && html`<p class="notice" role="status">${done}</p>`}
    <form onSubmit=${submit}>
      <fieldset>
        <legend>Discount</legend>
        <div class="inline-form">
          ${field('name', 'Name', 'name', { required: true })}
          <label class="field"
            ><span>Kind</span>
            <select
              name="promo-kind"
              value=${form.kind}
              onChange=${(e: Event) => set('kind')((e.target as HTMLSelectElement).value as Kind)}
            >
              ${Object.entries(KINDS).map(([k, text]) => html`<option value=${k}>${text}</option>`)}
            </select></label
          >
          ${
            (form.kind.endsWith('percentage') || form.kind.endsWith('fixed')) &&
            html`<${Field}
              label=${form.kind.endsWith('percentage') ? 'Percent' : `Amount (${form.currency})`}
              name="value"
              path=${form.kind.endsWith('percentage') ? 'rule.percentage' : 'rule.amount'}
              value=${form.value}
              onInput=${set('value')}
              problem=${problem}
            />`
          }
          ${
            form.kind === 'items_fixed' &&
            html`<label class="field"
              ><span>Off</span>
              <select
                name="promo-per"
                value=${form.per}
                onChange=${(e: Event) => set('per')((e.target as HTMLSelectElement).value as 'unit' | 'line')}
              >
                <option value="unit">every unit</option>
                <option value="line">each line once</option>
              </select></label
            >`
          }
          ${form.kind === 'buy_x_get_y' && html`${field('buy', 'Buy', 'rule.buy')} ${field('get', 'Get free', 'rule.get')}`}
          ${field('currency', 'Currency', currencyPath)}
        </div>
        ${
          form.kind === 'tiered' &&
          html`<div class="tiers">
            ${form.tiers.map(
              (t, i) =>
                html`<div class="inline-form">
                  <label class=${tierError(i, 'min_subtotal') ? 'field invalid' : 'field'}
                    ><span>Tier ${i + 1}: items from</span
                    ><input
                      name=${`tier-min-${i}`}
                      value=${t.min}
                      onInput=${(e: Event) => set('tiers')(form.tiers.map((x, j) => (j === i ? { ...x, min: (e.target as HTMLInputElement).value } : x)))}
                    />${tierError(i, 'min_subtotal') && html`<small class="error">${tierError(i, 'min_subtotal')}</small>`}</label
                  >
                  <label class=${tierError(i, 'amount') ? 'field invalid' : 'field'}
                    ><span>amount off</span
                    ><input
                      name=${`tier-amount-${i}`}
                      value=${t.amount}
                      onInput=${(e: Event) => set('tiers')(form.tiers.map((x, j) => (j === i ? { ...x, amount: (e.target as HTMLInputElement).value } : x)))}
                    />${tierError(i, 'amount') && html`<small class="error">${tierError(i, 'amount')}</small>`}</label
                  >
                  <button
                    type="button"
                    disabled=${form.tiers.length === 1}
                    onClick=${() => set('tiers')(form.tiers.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </div>`,
            )}
            <button type="button" onClick=${() => set('tiers')([...form.tiers, { min: '', amount: '' }])}>Add tier</button>
          </div>`
        }
        ${
          TARGETED.includes(form.kind) &&
          html`<p class="muted">
              Applies to lines in any of these (ids, comma-separated)${form.kind === 'buy_x_get_y' ? '; none = every line' : ''}:
            </p>
            <div class="inline-form">
              ${field('product_ids', 'Products', 'rule.target')} ${field('collection_ids', 'Collections', 'rule.target.collection_ids')}
              ${field('category_ids', 'Categories', 'rule.target.category_ids')}
            </div>`
        }
      </fieldset>
      <fieldset>
        <legend>Conditions</legend>
        <div class="inline-form">
          ${field('min_subtotal', `Minimum subtotal (${form.currency})`, 'conditions.min_subtotal')}
          ${field('min_quantity', 'Minimum units', 'conditions.min_quantity')}
          <label class="field"
            ><span>Customers</span>
            <select
              name="promo-customer"
              value=${form.customer}
              onChange=${(e: Event) => set('customer')((e.target as HTMLSelectElement).value as PromotionForm['customer'])}
            >
              <option value="any">everyone</option>
              <option value="logged_in">signed-in customers</option>
              <option value="first_order">first order only</option>
            </select></label
          >
          ${field('region_ids', 'Regions (ids)', 'conditions.region_ids')}
          ${field('sales_channel_ids', 'Sales channels (ids)', 'conditions.sales_channel_ids')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Codes, limits and stacking</legend>
        <div class="inline-form">
          ${
            promotion
              ? html`<p class="muted">
                  ${promotion.automatic ? 'Automatic: applies without a code.' : 'Applies with a code; codes added here are kept, none are removed.'}
                </p>`
              : html`<label class="inline"
                  ><input
                    type="checkbox"
                    name="promo-automatic"
                    checked=${form.automatic}
                    onChange=${(e: Event) => set('automatic')((e.target as HTMLInputElement).checked)}
                  />
                  Automatic (no code)</label
                >`
          }
          ${!form.automatic && html`<${Field} label="Codes (comma-separated)" name="codes" path="codes" value=${form.codes} onInput=${set('codes')} problem=${problem} />`}
          ${field('usage_limit', 'Uses in total', 'usage_limit')}
          ${field('customer_usage_limit', 'Uses per customer', 'customer_usage_limit')}
          ${field('starts_at', 'Starts', 'starts_at', { type: 'datetime-local' })}
          ${field('ends_at', 'Ends', 'ends_at', { type: 'datetime-local' })} ${field('priority', 'Priority (higher first)', 'priority')}
          <label class="inline"
            ><input
              type="checkbox"
              name="promo-exclusive"
              checked=${form.exclusive}
              onChange=${(e: Event) => set('exclusive')((e.target as HTMLInputElement).checked)}
            />
            Exclusive (applies alone)</label
          >
        </div>
      </fieldset>
      <button class="primary" type="submit" name="save-promotion" disabled=${busy}>${promotion ? 'Save promotion' : 'Create'}</button>
    </form>
  </section>`
}
