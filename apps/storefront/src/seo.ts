import type { Hono } from 'hono'
import type { Deps, SfEnv } from './env.js'
import { LANGS } from './i18n.js'

const MAX_SITEMAP_PRODUCTS = 5000

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
}

/** One `<url>` per page and language, each listing its translations (`xhtml:link hreflang`). */
function urlEntry(origin: string, path: string, lastmod?: string): string {
  const alternates = LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(`${origin}/${l}${path}`)}"/>`).join('')
  return LANGS.map(
    (l) => `<url><loc>${escapeXml(`${origin}/${l}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${alternates}</url>`,
  ).join('')
}

/** `/robots.txt` and `/sitemap.xml` (home, categories, collections and every published product in both languages). */
export function seoRoutes(app: Hono<SfEnv>, deps: Deps, originOf: (url: string) => string): void {
  app.get('/robots.txt', (c) => {
    const origin = originOf(c.req.url)
    c.header('cache-control', 'public, max-age=3600')
    const personal = LANGS.flatMap((l) => [
      `Disallow: /${l}/cart`,
      `Disallow: /${l}/checkout`,
      `Disallow: /${l}/orders/`,
      `Disallow: /${l}/account`,
      `Disallow: /${l}/search`,
    ])
    return c.text(['User-agent: *', 'Allow: /', ...personal, '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n'))
  })

  app.get('/sitemap.xml', async (c) => {
    const origin = originOf(c.req.url)
    const [categories, collections] = await Promise.all([deps.data.categories('en'), deps.data.collections('en')])
    const entries = [urlEntry(origin, '/')]
    for (const category of categories) entries.push(urlEntry(origin, `/c/${category.handle}`))
    for (const collection of collections) entries.push(urlEntry(origin, `/collections/${collection.handle}`))
    let cursor: string | undefined
    let count = 0
    do {
      const page = await deps.store.products.list({ limit: 100, sort: 'newest', ...(cursor && { cursor }) })
      for (const product of page.data) entries.push(urlEntry(origin, `/p/${product.handle}`, product.updated_at.slice(0, 10)))
      count += page.data.length
      cursor = page.next_cursor ?? undefined
    } while (cursor && count < MAX_SITEMAP_PRODUCTS)
    c.header('content-type', 'application/xml; charset=utf-8')
    c.header('cache-control', 'public, max-age=600')
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${entries.join('')}</urlset>\n`,
    )
  })
}
