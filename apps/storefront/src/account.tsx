import { isKassaApiError } from '@kassa/sdk'
import type { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { addressRoutes } from './account-addresses.js'
import { authRoutes } from './account-auth.js'
import { orderRoutes } from './account-orders.js'
import { forgetCart, rememberCart } from './cart.js'
import type { Problem, Values } from './checkout.js'
import { Notice } from './components.js'
import { COOKIES, personalPage, type SfContext, type SfEnv } from './env.js'
import { href, Layout, type PageContext } from './layout.js'
import { render } from './render.js'

/** Form posts as trimmed strings (files are ignored). */
export async function formValues(c: SfContext): Promise<Values> {
  const values: Values = {}
  for (const [key, value] of Object.entries(await c.req.parseBody())) if (typeof value === 'string') values[key] = value.trim()
  return values
}

/** Where to go after signing in: a page of this shop in this language, else the account. */
export function nextPath(page: PageContext, next: string | undefined): string {
  return next && next.startsWith(`/${page.lang}/`) && !next.startsWith('//') ? next : href(page.lang, '/account')
}

export function keepSession(c: SfContext, token: string, expiresAt: string): void {
  // The API decides when a session ends (a stale cookie is forgotten at its first refusal); the cookie
  // lives as long as the session says, or 30 days where the clocks disagree.
  const left = Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000)
  const maxAge = left > 0 ? left : 60 * 60 * 24 * 30
  setCookie(c, COOKIES.customer, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge,
  })
}

/**
 * Forgets the customer session (and the cart, which was the customer's) and sends the visitor to
 * sign in again; used when the API no longer accepts the session.
 */
export function signedOut(c: SfContext): Response {
  const page = c.get('page')
  deleteCookie(c, COOKIES.customer, { path: '/' })
  forgetCart(c)
  const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(href(page.lang, page.path))}` : ''
  return c.redirect(`${href(page.lang, '/account/login')}${next}`, 303)
}

/** Signs in with the form's email and password, handing over the guest cart; a `Response` on success. */
export async function signIn(c: SfContext, email: string, password: string, next: string | undefined): Promise<Response> {
  const page = c.get('page')
  const guestCart = getCookie(c, COOKIES.cart)
  const store = c.get('store')
  const session = await store.auth.login({ email, password, ...(guestCart && { cart_id: guestCart }) })
  keepSession(c, session.token, session.expires_at)
  if (session.cart_id) rememberCart(c, await store.carts.get(session.cart_id))
  else if (guestCart) forgetCart(c)
  return c.redirect(nextPath(page, next), 303)
}

export function statusOf(error: unknown): number {
  if (!isKassaApiError(error)) return 500
  return error.status === 429 ? 429 : error.status === 401 ? 401 : error.status === 409 ? 409 : 400
}

export function AccountNav({ page, current }: { page: PageContext; current: string }) {
  const { t, lang } = page
  const links: [string, string][] = [
    ['/account', t.profile],
    ['/account/orders', t.orders],
    ['/account/addresses', t.addresses],
  ]
  return (
    <nav class="cats account-nav" aria-label={t.account}>
      {links.map(([path, label]) => (
        <a href={href(lang, path)} aria-current={path === current ? 'page' : undefined}>
          {label}
        </a>
      ))}
      <form method="post" action={href(lang, '/account/logout')}>
        <button class="ghost" type="submit">
          {t.signOut}
        </button>
      </form>
    </nav>
  )
}

export function ErrorNotice({ page, problem }: { page: PageContext; problem?: Problem | undefined }) {
  if (!problem) return null
  return <Notice kind="err">{page.t.errors[problem.code] ?? page.t.errors.generic}</Notice>
}

/** The signed-in pages: without a session cookie, to the sign-in form and back here afterwards. */
export function signedIn(c: SfContext): Response | undefined {
  if (getCookie(c, COOKIES.customer)) return undefined
  const page = c.get('page')
  return c.redirect(`${href(page.lang, '/account/login')}?next=${encodeURIComponent(href(page.lang, page.path))}`, 303)
}

/**
 * Customer accounts as plain forms: register, sign in (the guest cart comes along), sign out,
 * profile, order history and detail, and the address book. The session token lives only in an
 * httpOnly cookie and reaches the API through this request's own client.
 */
export function accountRoutes(app: Hono<SfEnv>): void {
  // Every account page is one customer's: never cached, never indexed.
  app.use('/:lang/account/*', async (c, next) => {
    await next()
    personalPage(c)
  })
  app.use('/:lang/account', async (c, next) => {
    await next()
    personalPage(c)
  })

  authRoutes(app)

  app.get('/:lang/account', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const page = c.get('page')
    const { t, lang } = page
    const customer = await c.get('store').customers.me()
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(' ') || customer.email
    return render(
      c,
      <Layout page={page} title={t.account} description={t.account} noindex>
        <AccountNav page={page} current="/account" />
        <h1 data-customer-name>{t.hello(name)}</h1>
        <section class="panel">
          <h2>{t.profile}</h2>
          <p>
            {name}
            <br />
            <span class="muted">{t.signedInAs(customer.email)}</span>
          </p>
        </section>
        <ul class="tiles">
          <li class="tile">
            <a href={href(lang, '/account/orders')}>
              <b>{t.orders}</b>
              <span>{t.ordersText}</span>
            </a>
          </li>
          <li class="tile">
            <a href={href(lang, '/account/addresses')}>
              <b>{t.addresses}</b>
            </a>
          </li>
        </ul>
      </Layout>,
    )
  })

  orderRoutes(app)
  addressRoutes(app)
}
