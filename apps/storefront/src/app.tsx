import { createStoreClient, type FetchFunction, isKassaApiError } from '@kassa/sdk'
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { etag } from 'hono/etag'
import { ASSETS } from './assets.js'
import { cartRoutes } from './cart.js'
import { catalogRoutes } from './catalog.js'
import { accountRoutes, signedOut } from './account.js'
import { checkoutRoutes } from './checkout.js'
import { COOKIES, type Deps, type SfEnv } from './env.js'
import { isLang, preferredLang, strings } from './i18n.js'
import { href, Layout, type PageContext } from './layout.js'
import { promotionRoutes } from './promotions.js'
import { render } from './render.js'
import { seoRoutes } from './seo.js'
import { createShopData, pickRegion } from './shop-data.js'

/** Options of {@link createStorefront}. */
export interface StorefrontOptions {
  /** Where the Kassa API answers, e.g. `http://localhost:9000`. */
  apiUrl: string
  /** The sales channel's publishable key (`pk_...`). */
  publishableKey: string
  /** Sends API requests without a network hop, e.g. the API app's `fetch` when both run in one process. */
  fetch?: FetchFunction
  /** The storefront's own public URL for canonical links and the sitemap; else the request's origin. */
  publicUrl?: string
}

/**
 * The reference storefront as a Hono app: server-rendered pages in English and Dutch over the Store
 * API, reached only through `@kassa/sdk`.
 * @example serve({ fetch: createStorefront({ apiUrl: 'http://localhost:9000', publishableKey: 'pk_...' }).fetch, port: 8000 })
 */
export function createStorefront(options: StorefrontOptions) {
  const apiFetch: FetchFunction = options.fetch ?? ((request) => fetch(request))
  const base = { baseUrl: options.apiUrl, publishableKey: options.publishableKey, ...(options.fetch && { fetch: options.fetch }) }
  const store = createStoreClient(base)
  // A signed-in visitor's calls go through a client of their own, made for the one request: the
  // shared client never holds a customer token, so no token can leak into another visitor's request.
  const storeFor = (token: string | undefined, ip: string | undefined) =>
    token || ip
      ? createStoreClient({
          ...base,
          ...(token && { customerToken: token }),
          // The visitor's address lets the API throttle sign-ins per visitor (it trusts it with KASSA_TRUST_PROXY=1).
          ...(ip && { fetch: (request: Request) => (request.headers.set('x-forwarded-for', ip), apiFetch(request)) }),
        })
      : store
  const deps: Deps = { store, storeFor, data: createShopData(store) }
  const originOf = (url: string) => (options.publicUrl ?? new URL(url).origin).replace(/\/+$/, '')

  const app = new Hono<SfEnv>()
  app.use('*', async (c, next) => {
    await next()
    c.header('x-content-type-options', 'nosniff')
    c.header('referrer-policy', 'strict-origin-when-cross-origin')
  })
  app.use('*', etag())
  app.use('*', async (c, next) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    c.set('store', deps.storeFor(getCookie(c, COOKIES.customer), incoming?.socket?.remoteAddress))
    return next()
  })

  for (const asset of ASSETS) {
    app.get(asset.path, (c) => {
      c.header('cache-control', 'public, max-age=31536000, immutable')
      c.header('content-type', asset.type)
      c.header('vary', 'accept-encoding')
      if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
        c.header('content-encoding', 'gzip')
        return c.body(asset.gzip as Uint8Array<ArrayBuffer>)
      }
      return c.body(asset.body)
    })
  }
  // Product images live on the API: passing them through keeps them same-origin (and cacheable as the API says).
  app.get('/media/*', async (c) => {
    const upstream = await apiFetch(new Request(options.apiUrl.replace(/\/+$/, '') + c.req.path))
    const headers = new Headers()
    for (const name of ['content-type', 'cache-control', 'etag', 'last-modified']) {
      const value = upstream.headers.get(name)
      if (value) headers.set(name, value)
    }
    return new Response(upstream.body, { status: upstream.status, headers })
  })
  seoRoutes(app, deps, originOf)
  app.get('/', (c) => c.redirect(`/${preferredLang(c.req.header('accept-language'))}/`, 302))
  // Language-neutral product links (product feeds use `/products/{handle}`) land on the buyer's language.
  app.get('/products/:handle', (c) =>
    c.redirect(`/${preferredLang(c.req.header('accept-language'))}/p/${encodeURIComponent(c.req.param('handle'))}`, 301),
  )

  app.use('/:lang/*', async (c, next) => {
    const lang = c.req.param('lang')
    if (!isLang(lang)) return c.notFound()
    const [regions, categories] = await Promise.all([deps.data.regions(), deps.data.categories(lang)])
    const url = new URL(c.req.url)
    const page: PageContext = {
      lang,
      t: strings(lang),
      region: pickRegion(regions, lang, getCookie(c, COOKIES.region)),
      regions,
      categories,
      path: url.pathname.slice(lang.length + 1) || '/',
      query: url.searchParams.has('q') ? `?q=${encodeURIComponent(url.searchParams.get('q') ?? '')}` : '',
      origin: originOf(c.req.url),
      signedIn: Boolean(getCookie(c, COOKIES.customer)),
    }
    c.set('page', page)
    return next()
  })
  app.get('/:lang', (c) => (isLang(c.req.param('lang')) ? c.redirect(`/${c.req.param('lang')}/`, 301) : c.notFound()))
  app.post('/:lang/region', async (c) => {
    const page = c.get('page')
    const form = await c.req.parseBody()
    const regionId = String(form.region_id ?? '')
    if (page.regions.some((r) => r.id === regionId)) {
      setCookie(c, COOKIES.region, regionId, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365 })
    }
    const back = String(form.back ?? '')
    return c.redirect(back.startsWith(`/${page.lang}/`) ? back : href(page.lang, '/'), 303)
  })

  catalogRoutes(app, deps)
  cartRoutes(app, deps)
  promotionRoutes(app)
  checkoutRoutes(app, deps)
  accountRoutes(app)

  app.notFound((c) => {
    const page = c.get('page')
    if (!page) return c.text('Not found', 404)
    c.status(404)
    return render(
      c,
      <Layout page={page} title={page.t.notFound} description={page.t.notFoundText} noindex>
        <h1>{page.t.notFound}</h1>
        <p>{page.t.notFoundText}</p>
        <p>
          <a class="btn" href={href(page.lang, '/')}>
            {page.t.continueShopping}
          </a>
        </p>
      </Layout>,
    )
  })
  app.onError((error, c) => {
    if (isKassaApiError(error) && error.status === 404) return c.notFound()
    const page = c.get('page')
    // An expired or revoked session: forget it and ask to sign in again.
    if (isKassaApiError(error) && error.status === 401 && page) return signedOut(c)
    // A request the API refuses (a tampered cursor, a bad filter) is the visitor's mistake: 400, not 500.
    if (isKassaApiError(error) && error.status < 500 && page) {
      const message = page.t.errors.generic ?? ''
      c.status(400)
      c.header('cache-control', 'no-store')
      return render(
        c,
        <Layout page={page} title={message} description={message} noindex>
          <h1>{message}</h1>
          <p>
            <a class="btn" href={href(page.lang, page.path)}>
              {page.t.continueShopping}
            </a>
          </p>
        </Layout>,
      )
    }
    console.error(error)
    const t = page?.t ?? strings('en')
    c.status(isKassaApiError(error) && error.status === 503 ? 503 : 500)
    c.header('cache-control', 'no-store')
    return c.html(`<!doctype html><meta charset="utf-8"><title>Kassa</title><p>${t.errors.generic}</p>`)
  })
  return app
}

export type Storefront = ReturnType<typeof createStorefront>
