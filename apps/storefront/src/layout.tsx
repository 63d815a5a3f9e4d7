import type { StoreCategory, StoreRegion } from '@kassa/sdk'
import type { Child } from 'hono/jsx'
import { CSS, JS } from './assets.js'
import { LANGS, type Lang, otherLang, type Strings } from './i18n.js'

/** What every page knows about the visitor's shop: language, strings, region, navigation. */
export interface PageContext {
  lang: Lang
  t: Strings
  region: StoreRegion
  regions: StoreRegion[]
  categories: StoreCategory[]
  /** The page's path after the language prefix (`/p/linen-shirt`), the same in every language. */
  path: string
  /** The query string to keep when switching language (`?q=linen`), or ''. */
  query: string
  /** Scheme and host of the storefront, for canonical and alternate links. */
  origin: string
  /** Whether the visitor holds a customer session cookie (the header links to the account or to sign in). */
  signedIn: boolean
}

export interface LayoutProps {
  page: PageContext
  title: string
  description: string
  /** Send the enhancement script (pages work without it). */
  script?: boolean
  /** Keep the page out of search engines (cart, checkout, search results). */
  noindex?: boolean
  jsonLd?: object
  children?: Child
}

/** The URL of a path in a language: `href('nl', '/p/x')` is `/nl/p/x`. */
export function href(lang: Lang, path: string): string {
  return `/${lang}${path === '/' ? '/' : path}`
}

export function Layout({ page, title, description, script, noindex, jsonLd, children }: LayoutProps) {
  const { lang, t } = page
  const other = otherLang(lang)
  const canonical = page.origin + href(lang, page.path)
  const topCategories = page.categories.filter((c) => !c.parent_id)
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === 'Kassa' ? title : `${title} · Kassa`}</title>
        <meta name="description" content={description} />
        {noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
        {!noindex && LANGS.map((l) => <link rel="alternate" hreflang={l} href={page.origin + href(l, page.path)} />)}
        {!noindex && <link rel="alternate" hreflang="x-default" href={page.origin + href('en', page.path)} />}
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <link rel="stylesheet" href={CSS.path} />
        {jsonLd && (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }} />
        )}
        {script && <script src={JS.path} defer />}
      </head>
      <body>
        <header class="top">
          <div class="wrap bar">
            <a class="logo" href={href(lang, '/')}>
              kassa
            </a>
            <form class="search" role="search" action={href(lang, '/search')} method="get" data-suggest={href(lang, '/search/suggest')}>
              <label class="sr" for="q">
                {t.search}
              </label>
              <input id="q" type="search" name="q" placeholder={t.searchPlaceholder} />
              <button class="ghost" type="submit">
                {t.search}
              </button>
              <ul class="suggest" aria-live="polite"></ul>
            </form>
            <span class="sp"></span>
            <a class="nav" href={href(other, page.path) + page.query} hreflang={other} lang={other}>
              {t.switchTo}
            </a>
            <a class="nav" href={href(lang, page.signedIn ? '/account' : '/account/login')}>
              {page.signedIn ? t.account : t.signIn}
            </a>
            <a class="nav" href={href(lang, '/cart')}>
              {t.cart}
              <span class="badge" data-cart-count></span>
            </a>
          </div>
          <nav class="wrap cats" aria-label={t.categories}>
            {topCategories.map((c) => (
              <a href={href(lang, `/c/${c.handle}`)}>{c.title}</a>
            ))}
          </nav>
        </header>
        <main class="wrap">{children}</main>
        <footer class="foot">
          <div class="wrap">
            <form method="post" action={href(lang, '/region')}>
              <label for="region">{t.region}</label>
              <select id="region" name="region_id">
                {page.regions.map((r) => (
                  <option value={r.id} selected={r.id === page.region.id}>
                    {r.name} ({r.currency_code})
                  </option>
                ))}
              </select>
              <input type="hidden" name="back" value={href(lang, page.path) + page.query} />
              <button class="ghost" type="submit">
                OK
              </button>
            </form>
            <p>{t.footer}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
