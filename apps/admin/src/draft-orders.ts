import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from './api.js'
import { localProblem } from './form.js'
import { money } from './format.js'
import { Field, go, Page, ProblemBox, useLoad } from './ui.js'

const ADDRESS_FIELDS = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['address_1', 'Street and number'],
  ['postal_code', 'Postal code'],
  ['city', 'City'],
  ['country_code', 'Country (2 letters)'],
] as const

/** A phone order: region, email and address first; lines and shipping follow on the draft's page. */
export function DraftOrderNew({ can }: { can: (p: Permission) => boolean }) {
  const regions = useLoad(() => admin.regions.list(), [])
  const [regionId, setRegionId] = useState('')
  const [email, setEmail] = useState('')
  const [address, setAddress] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<Problem>()
  if (!can('orders:write')) return html`<p class="problem">Your role cannot create orders.</p>`
  const region = regionId || regions.data?.[0]?.id || ''
  const submit = async (e: Event) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    if (!region) fields.region_id = 'Choose a region'
    if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) fields.email = 'An email address'
    for (const [key] of ADDRESS_FIELDS) if (!address[key]?.trim()) fields[`shipping_address.${key}`] = 'Required'
    const local = localProblem(fields)
    if (local) return setProblem(local)
    try {
      const { draft_order } = await admin.POST('/admin/draft-orders', {
        body: {
          region_id: region,
          email: email.trim(),
          shipping_address: {
            first_name: address.first_name!.trim(),
            last_name: address.last_name!.trim(),
            address_1: address.address_1!.trim(),
            postal_code: address.postal_code!.trim(),
            city: address.city!.trim(),
            country_code: address.country_code!.trim().toLowerCase(),
          },
        },
      })
      go(`/draft-orders/${draft_order.id}`)
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<${Page} title="New draft order">
    <${ProblemBox} problem=${problem ?? regions.problem} />
    <form class="card" onSubmit=${submit}>
      <div class="inline-form">
        <label class="field"
          ><span>Region</span>
          <select name="draft-region" value=${region} onChange=${(e: Event) => setRegionId((e.target as HTMLSelectElement).value)}>
            ${regions.data?.map((r) => html`<option value=${r.id}>${r.name} (${r.currency_code})</option>`)}
          </select></label
        >
        <${Field} label="Email" name="draft-email" path="email" value=${email} onInput=${setEmail} problem=${problem} />
      </div>
      <div class="inline-form">
        ${ADDRESS_FIELDS.map(
          ([key, text]) =>
            html`<${Field}
              label=${text}
              name=${`draft-${key}`}
              path=${`shipping_address.${key}`}
              value=${address[key] ?? ''}
              onInput=${(v: string) => setAddress({ ...address, [key]: v })}
              problem=${problem}
            />`,
        )}
      </div>
      <button class="primary" type="submit">Start draft order</button>
    </form>
  <//>`
}

/** A draft order: add products found by title or SKU, choose shipping, then place it (payment awaiting). */
export function DraftOrderView({ id }: { id: string }) {
  const { data, problem, reload } = useLoad(() => admin.GET('/admin/draft-orders/{id}', { params: { path: { id } } }), [id])
  const draft = data?.draft_order
  const options = useLoad(
    () =>
      draft ? admin.GET('/admin/shipping-options', { params: { query: { region_id: draft.region_id } } }) : Promise.resolve(undefined),
    [draft?.region_id],
  )
  const [search, setSearch] = useState('')
  const found = useLoad(() => (search ? admin.products.list({ q: search, limit: 5 }) : Promise.resolve(undefined)), [search])
  const [actionProblem, setActionProblem] = useState<Problem>()
  const act = async (fn: () => Promise<unknown>) => {
    setActionProblem(undefined)
    try {
      await fn()
      reload()
    } catch (error) {
      setActionProblem(toProblem(error))
    }
  }
  if (!draft) return html`<${Page} title="Draft order"><${ProblemBox} problem=${problem} /><//>`
  const c = draft.currency_code
  const addVariant = (variantId: string) =>
    act(() => admin.POST('/admin/draft-orders/{id}/line-items', { params: { path: { id } }, body: { variant_id: variantId, quantity: 1 } }))
  const convert = async () => {
    setActionProblem(undefined)
    try {
      const { order } = await admin.POST('/admin/draft-orders/{id}/convert', { params: { path: { id } } })
      go(`/orders/${order.id}`)
    } catch (error) {
      setActionProblem(toProblem(error))
    }
  }
  return html`<${Page}
    title=${`Draft order for ${draft.email ?? ''}`}
    actions=${html`<button
      class="primary"
      type="button"
      name="convert-draft"
      disabled=${!draft.items.length || !draft.shipping_method}
      onClick=${convert}
    >
      Place order ${money(draft.total, c)}
    </button>`}
  >
    <${ProblemBox} problem=${actionProblem} />
    <section class="card">
      <h2>Items</h2>
      <table class="dense draft-items">
        <tbody>
          ${draft.items.map(
            (i) =>
              html`<tr>
                <td>${i.product_title} <span class="muted">${i.variant_title}</span></td>
                <td class="num">${i.quantity}</td>
                <td class="num">${money(i.total, c)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${draft.items.length === 0 && html`<p class="muted">No items yet.</p>`}
      <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
        <input
          type="search"
          name="draft-search"
          placeholder="Find a product by title or SKU"
          aria-label="Find a product"
          onChange=${(e: Event) => setSearch((e.target as HTMLInputElement).value.trim())}
        />
      </form>
      <ul class="draft-found">
        ${found.data?.data.flatMap((p) =>
          p.variants.map(
            (v) =>
              html`<li>
                ${p.title} <span class="muted">${v.title}${v.sku && ` · ${v.sku}`}</span>
                <button type="button" name=${`add-${v.sku ?? v.id}`} onClick=${() => addVariant(v.id)}>Add</button>
              </li>`,
          ),
        )}
      </ul>
    </section>
    <section class="card">
      <h2>Shipping</h2>
      <${ProblemBox} problem=${options.problem} />
      <select
        name="draft-shipping"
        aria-label="Shipping option"
        value=${draft.shipping_method?.shipping_option_id ?? ''}
        onChange=${(e: Event) => {
          const option = (e.target as HTMLSelectElement).value
          if (option)
            act(() =>
              admin.POST('/admin/draft-orders/{id}/shipping-method', { params: { path: { id } }, body: { shipping_option_id: option } }),
            )
        }}
      >
        <option value="">Choose…</option>
        ${options.data?.data.map((o) => html`<option value=${o.id}>${o.name}${o.amount !== null && ` · ${money(o.amount, c)}`}</option>`)}
      </select>
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd>${money(draft.subtotal, c)}</dd>
        <dt>Shipping</dt>
        <dd>${money(draft.shipping_total, c)}</dd>
        <dt>Tax${draft.tax_inclusive ? ' (included)' : ''}</dt>
        <dd>${money(draft.tax_total, c)}</dd>
        <dt class="strong">Total</dt>
        <dd class="strong" data-total>${money(draft.total, c)}</dd>
      </dl>
    </section>
  <//>`
}
