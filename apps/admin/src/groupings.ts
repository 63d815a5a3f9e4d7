import type { Category, CategoryCreateInput, Collection } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from './api.js'
import { categoryTree, pageOf } from './catalog.js'
import { LOCALES } from './product-translations.js'
import { Field, go, Page, Pager, ProblemBox, useLoad, usePager } from './ui.js'

export type GroupingKind = 'collection' | 'category'
type Grouping = Collection & Partial<Pick<Category, 'parent_id' | 'position'>>

const PLURAL = { collection: 'collections', category: 'categories' } as const
const NAME = { collection: 'Collection', category: 'Category' } as const

/** The Admin API calls of both kinds: collections and categories share their routes' shapes. */
const groupings = {
  list: async (kind: GroupingKind): Promise<Grouping[]> =>
    kind === 'collection' ? (await admin.GET('/admin/collections', {})).data : (await admin.GET('/admin/categories', {})).data,
  get: async (kind: GroupingKind, id: string): Promise<Grouping> =>
    kind === 'collection'
      ? (await admin.GET('/admin/collections/{id}', { params: { path: { id } } })).collection
      : (await admin.GET('/admin/categories/{id}', { params: { path: { id } } })).category,
  save: async (kind: GroupingKind, id: string | undefined, body: CategoryCreateInput): Promise<Grouping> => {
    const { parent_id, position, ...common } = body
    if (kind === 'collection') {
      return id
        ? (await admin.PATCH('/admin/collections/{id}', { params: { path: { id } }, body: common })).collection
        : (await admin.POST('/admin/collections', { body: common })).collection
    }
    const full = { ...common, ...(parent_id !== undefined && { parent_id }), ...(position !== undefined && { position }) }
    return id
      ? (await admin.PATCH('/admin/categories/{id}', { params: { path: { id } }, body: full })).category
      : (await admin.POST('/admin/categories', { body: full })).category
  },
  setProducts: async (kind: GroupingKind, id: string, change: { add?: string[]; remove?: string[] }) =>
    kind === 'collection'
      ? admin.POST('/admin/collections/{id}/products', { params: { path: { id } }, body: change })
      : admin.POST('/admin/categories/{id}/products', { params: { path: { id } }, body: change }),
}

/** Collections or categories (categories in tree order, indented under their parent). */
export function Groupings({ kind, can }: { kind: GroupingKind; can: (p: Permission) => boolean }) {
  const pager = usePager()
  const { data, problem, loading } = useLoad(() => groupings.list(kind), [kind])
  useEffect(() => pager.reset(), [kind])
  const rows = kind === 'category' ? categoryTree((data ?? []) as Category[]) : (data ?? []).map((g) => ({ category: g, depth: 0 }))
  const page = pageOf(rows, pager.cursor)
  return html`<${Page}
    title=${kind === 'collection' ? 'Collections' : 'Categories'}
    actions=${can('catalog:write') && html`<a class="button primary" href=${`#/${PLURAL[kind]}/new`}>New ${kind}</a>`}
  >
    <${ProblemBox} problem=${problem} />
    <div class="table-wrap">
      <table class=${`dense ${PLURAL[kind]}`}>
        <thead>
          <tr>
            <th>Title</th>
            <th>Handle</th>
            ${kind === 'category' && html`<th class="num">Position</th>`}
            <th>Translated</th>
          </tr>
        </thead>
        <tbody>
          ${page.data.map(
            ({ category: g, depth }) =>
              html`<tr>
                <td style=${`padding-left:${0.5 + depth * 1.2}rem`}><a href=${`#/${PLURAL[kind]}/${g.id}`}>${g.title}</a></td>
                <td><small class="muted">${g.handle}</small></td>
                ${kind === 'category' && html`<td class="num">${(g as Grouping).position ?? 0}</td>`}
                <td>${g.translations.map((t) => t.locale).join(', ') || '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${loading && html`<p class="muted">Loading…</p>`} ${data && data.length === 0 && html`<p class="muted">No ${PLURAL[kind]} yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  <//>`
}

/** Create (id "new") or edit a collection or category: text per locale, a category's parent and position, its products. */
export function GroupingEdit({ kind, id, can }: { kind: GroupingKind; id: string; can: (p: Permission) => boolean }) {
  const creating = id === 'new'
  const write = can('catalog:write')
  const loaded = useLoad(() => (creating ? Promise.resolve(undefined) : groupings.get(kind, id)), [kind, id])
  const all = useLoad(() => (kind === 'category' ? groupings.list(kind) : Promise.resolve([])), [kind])
  const [form, setForm] = useState({ title: '', handle: '', description: '', parent_id: '', position: '0' })
  const [texts, setTexts] = useState<Record<string, { title: string; description: string }>>({})
  const [problem, setProblem] = useState<Problem>()
  const [saved, setSaved] = useState(false)
  const g = loaded.data
  useEffect(() => {
    if (!g) return
    setForm({
      title: g.title,
      handle: g.handle,
      description: g.description,
      parent_id: g.parent_id ?? '',
      position: String(g.position ?? 0),
    })
    setTexts(Object.fromEntries(g.translations.map((t) => [t.locale, { title: t.title ?? '', description: t.description ?? '' }])))
  }, [g])
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch })
  const others = LOCALES.slice(1)
  const translations = others
    .map((locale) => ({ locale, title: texts[locale]?.title.trim() || null, description: texts[locale]?.description.trim() || null }))
    .filter((t) => t.title || t.description)
  // A category cannot sit under itself or under one of its descendants.
  const descendants = new Set<string>(creating ? [] : [id])
  for (const { category } of categoryTree((all.data ?? []) as Category[]))
    if (category.parent_id && descendants.has(category.parent_id)) descendants.add(category.id)
  const parents = categoryTree((all.data ?? []) as Category[]).filter(({ category }) => !descendants.has(category.id))

  const save = async (e: Event) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    if (!form.title.trim()) fields.title = 'Required'
    if (form.handle.trim() && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(form.handle.trim()))
      fields.handle = 'Lowercase letters, digits and single dashes'
    const position = Number(form.position)
    if (kind === 'category' && (!Number.isInteger(position) || position < 0)) fields.position = 'A whole number of 0 or more'
    if (Object.keys(fields).length) return setProblem({ message: 'Check the highlighted fields', fields, list: [] })
    setProblem(undefined)
    setSaved(false)
    try {
      const body: CategoryCreateInput = {
        title: form.title.trim(),
        ...(form.handle.trim() && { handle: form.handle.trim() }),
        description: form.description,
        translations,
        ...(kind === 'category' && { parent_id: form.parent_id || null, position }),
      }
      const result = await groupings.save(kind, creating ? undefined : id, body)
      if (creating) go(`/${PLURAL[kind]}/${result.id}`)
      else {
        setSaved(true)
        loaded.reload()
      }
    } catch (error) {
      setProblem(toProblem(error))
    }
  }

  if (!creating && !g) return html`<${Page} title=${NAME[kind]}><${ProblemBox} problem=${loaded.problem} /><//>`
  return html`<${Page} title=${creating ? `New ${kind}` : form.title || NAME[kind]}>
    <form class="grouping-form" onSubmit=${save}>
      <${ProblemBox} problem=${problem} />
      ${saved && html`<p class="notice" role="status">Saved.</p>`}
      <section class="card">
        <${Field} label="Title" name="title" value=${form.title} onInput=${(v: string) => set({ title: v })} problem=${problem} required />
        <${Field}
          label="Handle"
          name="handle"
          value=${form.handle}
          onInput=${(v: string) => set({ handle: v })}
          problem=${problem}
          placeholder="from the title"
        />
        <label class="field"
          ><span>Description</span
          ><textarea
            name="description"
            rows="3"
            value=${form.description}
            onInput=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value })}
          ></textarea>
        </label>
        ${
          kind === 'category' &&
          html`<div class="option-row">
            <label class=${problem?.fields.parent_id ? 'field invalid' : 'field'}
              ><span>Parent</span>
              <select
                name="parent_id"
                value=${form.parent_id}
                onChange=${(e: Event) => set({ parent_id: (e.target as HTMLSelectElement).value })}
              >
                <option value="">(top level)</option>
                ${parents.map(({ category, depth }) => html`<option value=${category.id}>${'— '.repeat(depth)}${category.title}</option>`)}
              </select>
              ${problem?.fields.parent_id && html`<small class="error">${problem.fields.parent_id}</small>`}
            </label>
            <${Field}
              label="Position"
              name="position"
              type="number"
              value=${form.position}
              onInput=${(v: string) => set({ position: v })}
              problem=${problem}
            />
          </div>`
        }
      </section>
      ${others.map(
        (locale) =>
          html`<section class="card">
            <h2>Translation (${locale})</h2>
            <${Field}
              label=${`Title (${locale})`}
              name=${`translation-title-${locale}`}
              value=${texts[locale]?.title ?? ''}
              placeholder=${form.title}
              onInput=${(v: string) => setTexts({ ...texts, [locale]: { title: v, description: texts[locale]?.description ?? '' } })}
              problem=${problem}
              path=${`translations.${translations.findIndex((t) => t.locale === locale)}.title`}
            />
            <label class="field"
              ><span>Description (${locale})</span
              ><textarea
                name=${`translation-description-${locale}`}
                rows="2"
                value=${texts[locale]?.description ?? ''}
                onInput=${(e: Event) => setTexts({ ...texts, [locale]: { title: texts[locale]?.title ?? '', description: (e.target as HTMLTextAreaElement).value } })}
              ></textarea>
            </label>
          </section>`,
      )}
      ${write && html`<div class="toolbar sticky"><button class="primary" type="submit">${creating ? `Create ${kind}` : 'Save'}</button></div>`}
    </form>
    ${g && html`<${GroupingProducts} kind=${kind} grouping=${g} write=${write} />`}
  <//>`
}

/** Products of a collection or category: search the catalog, tick to add, untick to remove. */
function GroupingProducts({ kind, grouping, write }: { kind: GroupingKind; grouping: Grouping; write: boolean }) {
  const [q, setQ] = useState('')
  const pager = usePager()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }), ...(q.trim() && { q: q.trim() }) }
  const list = useLoad(() => admin.products.list(query), [JSON.stringify(query)])
  const [problem, setProblem] = useState<Problem>()
  const field = kind === 'collection' ? 'collection_ids' : 'category_ids'
  const change = async (productId: string, on: boolean) => {
    setProblem(undefined)
    try {
      await groupings.setProducts(kind, grouping.id, on ? { add: [productId] } : { remove: [productId] })
      list.reload()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<section class="card grouping-products">
    <h2>Products</h2>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <input
        type="search"
        name="product-q"
        placeholder="Title, handle or SKU"
        aria-label="Search products"
        onChange=${(e: Event) => {
          pager.reset()
          setQ((e.target as HTMLInputElement).value)
        }}
      />
    </form>
    <${ProblemBox} problem=${problem ?? list.problem} />
    <table class="dense">
      <tbody>
        ${list.data?.data.map(
          (p) =>
            html`<tr>
              <td>
                <input
                  type="checkbox"
                  name=${`member-${p.id}`}
                  aria-label=${`${p.title} in this ${kind}`}
                  checked=${p[field].includes(grouping.id)}
                  disabled=${!write}
                  onChange=${(e: Event) => change(p.id, (e.target as HTMLInputElement).checked)}
                />
              </td>
              <td><a href=${`#/products/${p.id}`}>${p.title}</a></td>
              <td><small class="muted">${p.status}</small></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <${Pager} pager=${pager} nextCursor=${list.data?.next_cursor} />
  </section>`
}
