import type { Product, ProductCreateInput } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from './api.js'
import { fromMinor, toMinor, variantGrid } from './format.js'
import { MediaEditor } from './media.js'
import { ProductGroupings } from './product-groupings.js'
import { ProductOptions } from './product-options.js'
import { ProductTranslations } from './product-translations.js'
import { StockEditor } from './stock.js'
import { Badge, Field, go, Page, ProblemBox, useLoad } from './ui.js'

interface OptionRow {
  title: string
  values: string
}
interface VariantRow {
  id?: string
  title: string
  sku: string
  options: Record<string, string>
  /** Typed prices by currency, in major units ("24.95"). */
  prices: Record<string, string>
}

const splitValues = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ),
]

function rowsOf(product: Product): VariantRow[] {
  return product.variants.map((v) => ({
    id: v.id,
    title: v.title,
    sku: v.sku ?? '',
    options: v.options,
    prices: Object.fromEntries(v.prices.map((p) => [p.currency_code, fromMinor(p.amount, p.currency_code)])),
  }))
}

/** Create (id "new") or edit a product: details, options, the variant grid and a price per currency. */
export function ProductEdit({ id, can }: { id: string; can: (p: Permission) => boolean }) {
  const creating = id === 'new'
  const regions = useLoad(() => admin.regions.list(), [])
  const loaded = useLoad(() => (creating ? Promise.resolve(undefined) : admin.products.get(id)), [id])
  const product = loaded.data
  // The regions' currencies, and any the product is already priced in (a role may not read regions).
  const currencies = [
    ...new Set([
      ...(regions.data ?? []).map((r) => r.currency_code.toUpperCase()),
      ...(product?.variants ?? []).flatMap((v) => v.prices.map((p) => p.currency_code)),
    ]),
  ].sort()
  const [title, setTitle] = useState('')
  const [handle, setHandle] = useState('')
  const [description, setDescription] = useState('')
  const [status, setStatus] = useState<Product['status']>('draft')
  const [options, setOptions] = useState<OptionRow[]>([{ title: '', values: '' }])
  const [variants, setVariants] = useState<VariantRow[]>([])
  const [problem, setProblem] = useState<Problem>()
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const write = can('catalog:write')

  useEffect(() => {
    if (!product) return
    setTitle(product.title)
    setHandle(product.handle)
    setDescription(product.description)
    setStatus(product.status)
    setOptions(product.options.map((o) => ({ title: o.title, values: o.values.join(', ') })))
    setVariants(rowsOf(product))
  }, [product])

  const generate = () => {
    const grid = variantGrid(options.map((o) => ({ title: o.title, values: splitValues(o.values) })))
    setVariants(
      (grid.length ? grid : [{}]).map((combo) => {
        const title = Object.values(combo).join(' / ') || 'Default'
        const kept = variants.find((v) => JSON.stringify(v.options) === JSON.stringify(combo))
        return kept ?? { title, sku: '', options: combo, prices: {} }
      }),
    )
  }
  const setVariant = (index: number, patch: Partial<VariantRow>) =>
    setVariants(variants.map((v, i) => (i === index ? { ...v, ...patch } : v)))

  /** Prices typed in the form, checked before sending: a wrong one is shown at its field. */
  const pricesOf = (v: VariantRow, index: number, errors: Record<string, string>) =>
    Object.entries(v.prices)
      .filter(([, text]) => text.trim() !== '')
      .map(([currency_code, text]) => {
        const amount = toMinor(text, currency_code)
        if (!(amount >= 0)) errors[`variants.${index}.prices.${currency_code}`] = 'Not a price'
        return { currency_code, amount }
      })

  const save = async (e: Event, nextStatus?: Product['status']) => {
    e.preventDefault()
    const errors: Record<string, string> = {}
    if (!title.trim()) errors.title = 'Required'
    const priced = variants.map((v, i) => ({ ...v, list: pricesOf(v, i, errors) }))
    if (Object.keys(errors).length) {
      setProblem({ message: 'Check the highlighted fields', fields: errors, list: [] })
      return
    }
    setBusy(true)
    setProblem(undefined)
    setSaved(false)
    try {
      const finalStatus = nextStatus ?? status
      if (creating) {
        const input: ProductCreateInput = {
          title: title.trim(),
          ...(handle.trim() && { handle: handle.trim() }),
          description,
          status: finalStatus,
          options: options.filter((o) => o.title.trim()).map((o) => ({ title: o.title.trim(), values: splitValues(o.values) })),
          variants: priced.map((v) => ({ title: v.title, ...(v.sku.trim() && { sku: v.sku.trim() }), options: v.options, prices: v.list })),
        }
        const created = await admin.products.create(input)
        go(`/products/${created.id}`)
      } else {
        await admin.products.update(id, { title: title.trim(), handle: handle.trim(), description, status: finalStatus })
        for (const v of priced)
          if (v.id) await admin.products.updateVariant(id, v.id, { title: v.title, sku: v.sku.trim() || null, prices: v.list })
        setStatus(finalStatus)
        setSaved(true)
        loaded.reload()
      }
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }

  if (!creating && !product) return html`<${Page} title="Product"><${ProblemBox} problem=${loaded.problem} /><//>`
  const fieldError = (path: string) => problem?.fields[path]
  return html`<${Page} title=${creating ? 'New product' : title || 'Product'} actions=${!creating && html`<${Badge} value=${status} />`}>
    <form class="product-form" onSubmit=${(e: Event) => save(e)}>
      <${ProblemBox} problem=${problem} />
      ${saved && html`<p class="notice" role="status">Saved.</p>`}
      <section class="card">
        <${Field} label="Title" name="title" value=${title} onInput=${setTitle} problem=${problem} required />
        <${Field} label="Handle" name="handle" value=${handle} onInput=${setHandle} problem=${problem} placeholder="from the title" />
        <label class="field"
          ><span>Description</span
          ><textarea name="description" rows="3" onInput=${(e: Event) => setDescription((e.target as HTMLTextAreaElement).value)}>
${description}</textarea>
        </label>
        ${
          creating &&
          html`<label class="field"
            ><span>Status</span>
            <select
              name="status"
              value=${status}
              onChange=${(e: Event) => setStatus((e.target as HTMLSelectElement).value as Product['status'])}
            >
              <option value="draft">draft</option>
              <option value="published">published</option>
            </select></label
          >`
        }
      </section>
      ${
        creating &&
        html`<section class="card">
          <h2>Options</h2>
          ${options.map(
            (o, i) =>
              html`<div class="option-row">
                <${Field}
                  label="Option"
                  name=${`option-title-${i}`}
                  value=${o.title}
                  placeholder="Size"
                  onInput=${(v: string) => setOptions(options.map((x, j) => (j === i ? { ...x, title: v } : x)))}
                  problem=${problem}
                  path=${`options.${i}.title`}
                />
                <${Field}
                  label="Values (comma-separated)"
                  name=${`option-values-${i}`}
                  value=${o.values}
                  placeholder="S, M, L"
                  onInput=${(v: string) => setOptions(options.map((x, j) => (j === i ? { ...x, values: v } : x)))}
                  problem=${problem}
                  path=${`options.${i}.values`}
                />
              </div>`,
          )}
          <div class="toolbar">
            <button type="button" onClick=${() => setOptions([...options, { title: '', values: '' }])}>Add option</button>
            <button type="button" class="primary" name="generate" onClick=${generate}>Generate variants</button>
          </div>
        </section>`
      }
      <section class="card">
        <h2>Variants and prices</h2>
        ${variants.length === 0 && html`<p class="muted">${creating ? 'Generate the variants from the options (none gives one default variant).' : 'No variants.'}</p>`}
        <div class="table-wrap">
          <table class="dense variants">
            <thead>
              <tr>
                <th>Variant</th>
                <th>SKU</th>
                ${currencies.map((c) => html`<th class="num">${c}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${variants.map(
                (v, i) =>
                  html`<tr>
                    <td>${v.title}</td>
                    <td>
                      <input
                        name=${`sku-${i}`}
                        aria-label=${`SKU of ${v.title}`}
                        value=${v.sku}
                        onInput=${(e: Event) => setVariant(i, { sku: (e.target as HTMLInputElement).value })}
                      />
                      ${fieldError(`variants.${i}.sku`) && html`<small class="error">${fieldError(`variants.${i}.sku`)}</small>`}
                    </td>
                    ${currencies.map((c) => {
                      const error = fieldError(`variants.${i}.prices.${c}`)
                      return html`<td class="num">
                        <input
                          class=${error ? 'price invalid' : 'price'}
                          inputmode="decimal"
                          name=${`price-${i}-${c}`}
                          aria-label=${`${c} price of ${v.title}`}
                          value=${v.prices[c] ?? ''}
                          onInput=${(e: Event) => setVariant(i, { prices: { ...v.prices, [c]: (e.target as HTMLInputElement).value } })}
                        />${error && html`<small class="error">${error}</small>`}
                      </td>`
                    })}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      ${
        write &&
        html`<div class="toolbar sticky">
          <button class="primary" type="submit" disabled=${busy}>${creating ? 'Create product' : 'Save'}</button>
          ${!creating && status !== 'published' && html`<button type="button" disabled=${busy} onClick=${(e: Event) => save(e, 'published')}>Publish</button>`}
          ${!creating && status !== 'archived' && html`<button type="button" class="danger" disabled=${busy} onClick=${(e: Event) => save(e, 'archived')}>Archive</button>`}
          ${!creating && status !== 'draft' && html`<button type="button" name="to-draft" disabled=${busy} onClick=${(e: Event) => save(e, 'draft')}>Back to draft</button>`}
        </div>`
      }
    </form>
    ${product && html`<${MediaEditor} product=${product} write=${write} />`}
    ${product && html`<${ProductOptions} product=${product} write=${write} onChanged=${loaded.reload} />`}
    ${product && html`<${ProductTranslations} product=${product} write=${write} onSaved=${loaded.reload} />`}
    ${product && html`<${ProductGroupings} product=${product} write=${write} channels=${can('settings:read')} onSaved=${loaded.reload} />`}
    ${product && can('inventory:read') && html`<${StockEditor} product=${product} write=${can('inventory:write')} />`}
  <//>`
}
