import type { Product } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { categoryTree } from './catalog.js'
import { ProblemBox, useLoad } from './ui.js'

const toggle = (list: string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id))

function Checks(props: {
  name: string
  items: { id: string; label: string; depth?: number }[]
  chosen: string[]
  disabled: boolean
  onChange: (ids: string[]) => void
}) {
  if (props.items.length === 0) return html`<p class="muted">None yet.</p>`
  return html`<ul class="checks">
    ${props.items.map(
      (item) =>
        html`<li style=${`padding-left:${(item.depth ?? 0) * 1.2}rem`}>
          <label
            ><input
              type="checkbox"
              name=${`${props.name}-${item.id}`}
              checked=${props.chosen.includes(item.id)}
              disabled=${props.disabled}
              onChange=${(e: Event) => props.onChange(toggle(props.chosen, item.id, (e.target as HTMLInputElement).checked))}
            />
            ${item.label}</label
          >
        </li>`,
    )}
  </ul>`
}

/** Which collections, categories and (for roles that may read settings) sales channels hold the product. */
export function ProductGroupings(props: { product: Product; write: boolean; channels: boolean; onSaved: () => void }) {
  const { product } = props
  const lists = useLoad(
    async () => ({
      collections: (await admin.GET('/admin/collections', {})).data,
      categories: (await admin.GET('/admin/categories', {})).data,
    }),
    [],
  )
  const channelList = useLoad(
    async () =>
      props.channels
        ? {
            all: (await admin.GET('/admin/sales-channels', {})).data,
            of: (await admin.GET('/admin/products/{id}/sales-channels', { params: { path: { id: product.id } } })).sales_channel_ids,
          }
        : undefined,
    [product.id, props.channels],
  )
  const [collections, setCollections] = useState(product.collection_ids)
  const [categories, setCategories] = useState(product.category_ids)
  const [channels, setChannels] = useState<string[]>([])
  const [problem, setProblem] = useState<Problem>()
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    setCollections(product.collection_ids)
    setCategories(product.category_ids)
  }, [product.id, product.updated_at])
  useEffect(() => setChannels(channelList.data?.of ?? []), [channelList.data])

  const save = async () => {
    setProblem(undefined)
    setSaved(false)
    try {
      await admin.products.update(product.id, { collection_ids: collections, category_ids: categories })
      if (channelList.data) {
        await admin.PUT('/admin/products/{id}/sales-channels', {
          params: { path: { id: product.id } },
          body: { sales_channel_ids: channels },
        })
      }
      setSaved(true)
      props.onSaved()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }

  const disabled = !props.write
  return html`<section class="card groupings">
    <h2>Collections, categories and channels</h2>
    <${ProblemBox} problem=${problem ?? lists.problem} />
    ${saved && html`<p class="notice" role="status">Groupings saved.</p>`}
    <div class="grid2">
      <div>
        <h3>Collections</h3>
        <${Checks}
          name="collection"
          items=${(lists.data?.collections ?? []).map((c) => ({ id: c.id, label: c.title }))}
          chosen=${collections}
          disabled=${disabled}
          onChange=${setCollections}
        />
        ${problem?.fields.collection_ids && html`<small class="error">${problem.fields.collection_ids}</small>`}
      </div>
      <div>
        <h3>Categories</h3>
        <${Checks}
          name="category"
          items=${categoryTree(lists.data?.categories ?? []).map(({ category, depth }) => ({ id: category.id, label: category.title, depth }))}
          chosen=${categories}
          disabled=${disabled}
          onChange=${setCategories}
        />
        ${problem?.fields.category_ids && html`<small class="error">${problem.fields.category_ids}</small>`}
      </div>
      ${
        channelList.data &&
        html`<div>
          <h3>Sales channels</h3>
          <${Checks}
            name="channel"
            items=${channelList.data.all.map((c) => ({ id: c.id, label: c.name }))}
            chosen=${channels}
            disabled=${disabled}
            onChange=${setChannels}
          />
        </div>`
      }
    </div>
    ${props.write && html`<div class="toolbar"><button type="button" name="save-groupings" onClick=${save}>Save groupings</button></div>`}
  </section>`
}
