import type { Hono } from 'hono'
import { ProductGrid, priceLabel } from './components.js'
import { cacheablePage, type Deps, type SfEnv } from './env.js'
import { href, Layout } from './layout.js'
import { Listing, parseFilters, toQuery } from './listing.js'
import { productRoutes } from './product.js'
import { render } from './render.js'

/** Home, category, collection and search pages, and the JSON behind instant search. */
export function catalogRoutes(app: Hono<SfEnv>, deps: Deps): void {
  app.get('/:lang/', async (c) => {
    const page = c.get('page')
    const { t, lang } = page
    const [collections, latest] = await Promise.all([
      deps.data.collections(lang),
      deps.store.products.list({ region_id: page.region.id, currency: page.region.currency_code, locale: lang, sort: 'newest', limit: 8 }),
    ])
    cacheablePage(c)
    return render(
      c,
      <Layout page={page} title="Kassa" description={t.metaHome} script>
        <section class="hero">
          <h1>{t.tagline}</h1>
        </section>
        <h2>{t.featured}</h2>
        <ul class="tiles">
          {collections.slice(0, 8).map((collection) => (
            <li class="tile">
              <a href={href(lang, `/collections/${collection.handle}`)}>
                <b>{collection.title}</b>
                <span>{collection.description}</span>
              </a>
            </li>
          ))}
        </ul>
        <h2>{t.newProducts}</h2>
        <ProductGrid page={page} products={latest.data} />
      </Layout>,
    )
  })

  for (const kind of ['category', 'collection'] as const) {
    const prefix = kind === 'category' ? '/c' : '/collections'
    app.get(`/:lang${prefix}/:handle`, async (c) => {
      const page = c.get('page')
      const handle = c.req.param('handle')
      const url = new URL(c.req.url)
      const filters = parseFilters(url)
      const [grouping, result] = await Promise.all([
        kind === 'category'
          ? deps.store.categories.get(handle, { locale: page.lang })
          : deps.store.collections.get(handle, { locale: page.lang }),
        deps.store.products.list(toQuery(page, filters, { [kind]: handle })),
      ])
      const filtered = url.search !== ''
      cacheablePage(c)
      const children = kind === 'category' ? page.categories.filter((x) => x.parent_id === grouping.id) : []
      return render(
        c,
        <Layout page={page} title={grouping.title} description={grouping.description || grouping.title} noindex={filtered} script>
          <h1>{grouping.title}</h1>
          {grouping.description && <p class="muted">{grouping.description}</p>}
          {children.length > 0 && (
            <nav class="cats" aria-label={page.t.categories}>
              {children.map((child) => (
                <a href={href(page.lang, `/c/${child.handle}`)}>{child.title}</a>
              ))}
            </nav>
          )}
          <Listing page={page} url={url} filters={filters} result={result} />
        </Layout>,
      )
    })
  }

  app.get('/:lang/search', async (c) => {
    const page = c.get('page')
    const url = new URL(c.req.url)
    const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200)
    const filters = parseFilters(url)
    const result = await deps.store.products.list(toQuery(page, filters, q ? { q } : { sort: 'newest' }))
    cacheablePage(c)
    return render(
      c,
      <Layout page={page} title={page.t.searchTitle(q)} description={page.t.searchTitle(q)} noindex script>
        <h1>{page.t.searchTitle(q)}</h1>
        <Listing page={page} url={url} filters={filters} result={result} q={q} />
      </Layout>,
    )
  })

  app.get('/:lang/search/suggest', async (c) => {
    const page = c.get('page')
    const q = (c.req.query('q') ?? '').trim().slice(0, 200)
    if (q.length < 2) return c.json([])
    const result = await deps.store.products.list({
      q,
      region_id: page.region.id,
      currency: page.region.currency_code,
      locale: page.lang,
      limit: 6,
    })
    cacheablePage(c)
    return c.json(result.data.map((p) => ({ title: p.title, url: href(page.lang, `/p/${p.handle}`), price: priceLabel(page, p) })))
  })

  productRoutes(app, deps)
}
