import type { FacetRow } from './facet.repository.js'
import type { FacetValue, ProductFacets } from './search.js'

/** Groups facet rows: most frequent first, options and their values in the catalog's order. */
export function toFacets(rows: FacetRow[], price: ProductFacets['price']): ProductFacets {
  const values = (kind: FacetRow['kind']) =>
    rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => b.count - a.count || compare(a.label, b.label) || compare(a.value, b.value))
      .map(toValue)
  const optionRows = rows.filter((r) => r.kind === 'option')
  const titles = [...new Map(optionRows.map((r) => [r.grp, r.grp_position])).entries()]
    .map(([title]) => ({ title, position: Math.min(...optionRows.filter((r) => r.grp === title).map((r) => r.grp_position)) }))
    .sort((a, b) => a.position - b.position || compare(a.title, b.title))
  return {
    collection: values('collection'),
    category: values('category'),
    tag: values('tag'),
    options: titles.map(({ title }) => ({
      title,
      values: optionRows
        .filter((r) => r.grp === title)
        .sort((a, b) => a.position - b.position || compare(a.value, b.value))
        .map(toValue),
    })),
    price,
  }
}

function toValue(row: FacetRow): FacetValue {
  return { value: row.value, label: row.label, count: row.count }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
