import type { ProductFacets, StoreProductListQuery, StoreProductPage } from '@kassa/sdk'
import { ProductGrid } from './components.js'
import { minorUnitFactor } from './format.js'
import type { PageContext } from './layout.js'

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'title_asc', 'title_desc'] as const
type Sort = (typeof SORTS)[number]

/** The filters a listing URL carries: `?option=Size:M&tag=linen&price_min=10&sort=price_asc&cursor=...`. */
export interface ListingFilters {
  option: string[]
  tag: string[]
  /** In major units as typed (10 means 10 euros). */
  priceMin?: number
  priceMax?: number
  sort?: Sort
  cursor?: string
}

export function parseFilters(url: URL): ListingFilters {
  const number = (name: string) => {
    const raw = url.searchParams.get(name)
    const value = raw ? Number(raw) : NaN
    return Number.isFinite(value) && value >= 0 ? value : undefined
  }
  const sort = url.searchParams.get('sort') as Sort | null
  const priceMin = number('price_min')
  const priceMax = number('price_max')
  const cursor = url.searchParams.get('cursor')
  return {
    option: url.searchParams.getAll('option').filter((v) => v.includes(':')),
    tag: url.searchParams.getAll('tag').filter(Boolean),
    ...(priceMin !== undefined && { priceMin }),
    ...(priceMax !== undefined && { priceMax }),
    ...(sort && SORTS.includes(sort) && { sort }),
    ...(cursor && { cursor }),
  }
}

/** The Store API query for a listing: filters plus the visitor's region and language. */
export function toQuery(page: PageContext, filters: ListingFilters, base: StoreProductListQuery): StoreProductListQuery {
  const factor = minorUnitFactor(page.region.currency_code)
  return {
    ...base,
    region_id: page.region.id,
    currency: page.region.currency_code,
    locale: page.lang,
    limit: 24,
    ...(filters.option.length && { option: filters.option }),
    ...(filters.tag.length && { tag: filters.tag }),
    ...(filters.priceMin !== undefined && { price_min: Math.round(filters.priceMin * factor) }),
    ...(filters.priceMax !== undefined && { price_max: Math.round(filters.priceMax * factor) }),
    ...(filters.sort && { sort: filters.sort }),
    ...(filters.cursor && { cursor: filters.cursor }),
  }
}

function nextUrl(url: URL, cursor: string): string {
  const next = new URL(url)
  next.searchParams.set('cursor', cursor)
  return next.pathname + next.search
}

function firstUrl(url: URL): string {
  const first = new URL(url)
  first.searchParams.delete('cursor')
  return first.pathname + first.search
}

function FacetChecks({
  name,
  legend,
  values,
  chosen,
}: {
  name: string
  legend: string
  values: { value: string; label: string; count: number }[]
  chosen: string[]
}) {
  if (!values.length) return null
  return (
    <fieldset class="checks">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label>
          <input type="checkbox" name={name} value={v.value} checked={chosen.includes(v.value)} />
          {v.label} <small>({v.count})</small>
        </label>
      ))}
    </fieldset>
  )
}

function FilterForm({
  page,
  url,
  filters,
  facets,
  q,
}: {
  page: PageContext
  url: URL
  filters: ListingFilters
  facets: ProductFacets
  q?: string
}) {
  const { t } = page
  const factor = minorUnitFactor(page.region.currency_code)
  const bounds = facets.price
  const active = filters.option.length > 0 || filters.tag.length > 0 || filters.priceMin !== undefined || filters.priceMax !== undefined
  return (
    <form class="filters" method="get" action={url.pathname} data-autosubmit>
      {q !== undefined && <input type="hidden" name="q" value={q} />}
      <label class="sort">
        <span>{t.sort}</span>
        <select name="sort">
          {SORTS.filter((s) => s !== 'relevance' || q).map((s) => (
            <option value={s} selected={filters.sort === s}>
              {t.sorts[s]}
            </option>
          ))}
        </select>
      </label>
      <details open={active}>
        <summary>
          {t.filters}
          {active
            ? ` (${filters.option.length + filters.tag.length + (filters.priceMin !== undefined || filters.priceMax !== undefined ? 1 : 0)})`
            : ''}
        </summary>
        <fieldset>
          <legend>
            {t.price} ({page.region.currency_code})
          </legend>
          <div class="row">
            <label>
              <span class="sr">{t.priceMin}</span>
              <input
                type="number"
                name="price_min"
                min="0"
                step="any"
                inputmode="decimal"
                placeholder={bounds ? String(Math.floor(bounds.min / factor)) : t.priceMin}
                value={filters.priceMin !== undefined ? String(filters.priceMin) : ''}
              />
            </label>
            <label>
              <span class="sr">{t.priceMax}</span>
              <input
                type="number"
                name="price_max"
                min="0"
                step="any"
                inputmode="decimal"
                placeholder={bounds ? String(Math.ceil(bounds.max / factor)) : t.priceMax}
                value={filters.priceMax !== undefined ? String(filters.priceMax) : ''}
              />
            </label>
          </div>
        </fieldset>
        {facets.options.map((option) => (
          <FacetChecks
            name="option"
            legend={option.title}
            values={option.values.map((v) => ({ ...v, value: `${option.title}:${v.value}` }))}
            chosen={filters.option}
          />
        ))}
        <FacetChecks name="tag" legend={t.tags} values={facets.tag} chosen={filters.tag} />
        <button type="submit" data-apply>
          {t.apply}
        </button>{' '}
        <a href={url.pathname + (q ? `?q=${encodeURIComponent(q)}` : '')}>{t.clear}</a>
      </details>
    </form>
  )
}

/** A product list with its filter form (facet counts), sort and cursor paging; all plain GET forms and links. */
export function Listing({
  page,
  url,
  filters,
  result,
  q,
}: {
  page: PageContext
  url: URL
  filters: ListingFilters
  result: StoreProductPage
  q?: string
}) {
  const { t } = page
  return (
    <div class="listing">
      <FilterForm page={page} url={url} filters={filters} facets={result.facets} {...(q !== undefined && { q })} />
      <section>
        {result.data.length ? <ProductGrid page={page} products={result.data} /> : <p>{q ? t.searchNone : t.noProducts}</p>}
        <nav class="pager">
          {filters.cursor && (
            <a class="btn ghost" href={firstUrl(url)}>
              {t.firstPage}
            </a>
          )}
          {result.next_cursor && (
            <a class="btn ghost" rel="next" href={nextUrl(url, result.next_cursor)}>
              {t.nextPage}
            </a>
          )}
        </nav>
      </section>
    </div>
  )
}
