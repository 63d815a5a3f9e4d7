import { type CustomerAddress, type CustomerAddressInput, isKassaApiError, type Order } from '@kassa/sdk'
import type { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { forgetCart, rememberCart, Totals } from './cart.js'
import { Field, type Problem, problemOf, type Values } from './checkout.js'
import { Notice } from './components.js'
import { COOKIES, personalPage, type SfContext, type SfEnv } from './env.js'
import { formatMoney } from './format.js'
import { href, Layout, type PageContext } from './layout.js'
import { render } from './render.js'

const ORDERS_PER_PAGE = 10
const ADDRESS_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'address_1',
  'address_2',
  'postal_code',
  'city',
  'province',
  'country_code',
  'phone',
] as const
const OPTIONAL = new Set(['company', 'address_2', 'province', 'phone'])

/** Form posts as trimmed strings (files are ignored). */
async function formValues(c: SfContext): Promise<Values> {
  const values: Values = {}
  for (const [key, value] of Object.entries(await c.req.parseBody())) if (typeof value === 'string') values[key] = value.trim()
  return values
}

/** Where to go after signing in: a page of this shop in this language, else the account. */
function nextPath(page: PageContext, next: string | undefined): string {
  return next && next.startsWith(`/${page.lang}/`) && !next.startsWith('//') ? next : href(page.lang, '/account')
}

function keepSession(c: SfContext, token: string, expiresAt: string): void {
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
async function signIn(c: SfContext, email: string, password: string, next: string | undefined): Promise<Response> {
  const page = c.get('page')
  const guestCart = getCookie(c, COOKIES.cart)
  const store = c.get('store')
  const session = await store.auth.login({ email, password, ...(guestCart && { cart_id: guestCart }) })
  keepSession(c, session.token, session.expires_at)
  if (session.cart_id) rememberCart(c, await store.carts.get(session.cart_id))
  else if (guestCart) forgetCart(c)
  return c.redirect(nextPath(page, next), 303)
}

function statusOf(error: unknown): number {
  if (!isKassaApiError(error)) return 500
  return error.status === 429 ? 429 : error.status === 401 ? 401 : error.status === 409 ? 409 : 400
}

function AccountNav({ page, current }: { page: PageContext; current: string }) {
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

function ErrorNotice({ page, problem }: { page: PageContext; problem?: Problem | undefined }) {
  if (!problem) return null
  return <Notice kind="err">{page.t.errors[problem.code] ?? page.t.errors.generic}</Notice>
}

function LoginPage({ page, values, problem }: { page: PageContext; values: Values; problem?: Problem | undefined }) {
  const { t, lang } = page
  return (
    <Layout page={page} title={t.signIn} description={t.signIn} noindex>
      <div class="narrow">
        <h1>{t.signIn}</h1>
        <ErrorNotice page={page} problem={problem} />
        <form class="form panel" method="post" action={href(lang, '/account/login')}>
          <Field name="email" label={t.email} type="email" auto="email" values={values} problem={problem} />
          <Field name="password" label={t.password} type="password" auto="current-password" values={{}} problem={problem} />
          {values.next && <input type="hidden" name="next" value={values.next} />}
          <button class="big" type="submit">
            {t.signIn}
          </button>
        </form>
        <p>
          {t.noAccount} <a href={href(lang, '/account/register')}>{t.register}</a>
        </p>
      </div>
    </Layout>
  )
}

function RegisterPage({ page, values, problem }: { page: PageContext; values: Values; problem?: Problem | undefined }) {
  const { t, lang } = page
  return (
    <Layout page={page} title={t.register} description={t.register} noindex>
      <div class="narrow">
        <h1>{t.register}</h1>
        <ErrorNotice page={page} problem={problem} />
        <form class="form panel" method="post" action={href(lang, '/account/register')}>
          <div class="row">
            <Field name="first_name" label={t.firstName} auto="given-name" values={values} problem={problem} />
            <Field name="last_name" label={t.lastName} auto="family-name" values={values} problem={problem} />
          </div>
          <Field name="email" label={t.email} type="email" auto="email" values={values} problem={problem} />
          <Field name="password" label={t.password} type="password" auto="new-password" values={{}} problem={problem} />
          <p class="hint">{t.passwordHint}</p>
          <button class="big" type="submit">
            {t.registerCta}
          </button>
        </form>
        <p>
          {t.haveAccount} <a href={href(lang, '/account/login')}>{t.signIn}</a>
        </p>
      </div>
    </Layout>
  )
}

function AddressLines({ address, page }: { address: CustomerAddress; page: PageContext }) {
  const names = new Intl.DisplayNames([page.lang], { type: 'region' })
  return (
    <address>
      {address.first_name} {address.last_name}
      {address.company && (
        <>
          <br />
          {address.company}
        </>
      )}
      <br />
      {address.address_1}
      {address.address_2 && ` ${address.address_2}`}
      <br />
      {address.postal_code} {address.city}
      {address.province && `, ${address.province}`}
      <br />
      {names.of(address.country_code.toUpperCase()) ?? address.country_code}
    </address>
  )
}

function AddressForm({
  page,
  action,
  values,
  problem,
  submit,
}: {
  page: PageContext
  action: string
  values: Values
  problem?: Problem | undefined
  submit: string
}) {
  const { t, lang } = page
  const countries = [...new Set(page.regions.flatMap((r) => r.countries))].sort()
  const names = new Intl.DisplayNames([lang], { type: 'region' })
  const country = values.country_code || (lang === 'nl' ? 'nl' : (page.region.countries[0] ?? ''))
  return (
    <form class="form panel" method="post" action={action}>
      <div class="row">
        <Field name="first_name" label={t.firstName} auto="given-name" values={values} problem={problem} />
        <Field name="last_name" label={t.lastName} auto="family-name" values={values} problem={problem} />
      </div>
      <Field name="company" label={t.company} auto="organization" required={false} values={values} problem={problem} />
      <Field name="address_1" label={t.address1} auto="address-line1" values={values} problem={problem} />
      <Field name="address_2" label={t.address2} auto="address-line2" required={false} values={values} problem={problem} />
      <div class="row">
        <Field name="postal_code" label={t.postalCode} auto="postal-code" values={values} problem={problem} />
        <Field name="city" label={t.city} auto="address-level2" values={values} problem={problem} />
      </div>
      <Field name="province" label={t.province} auto="address-level1" required={false} values={values} problem={problem} />
      <label class={problem?.fields.country_code ? 'err' : ''}>
        <span>{t.country}</span>
        <select name="country_code" autocomplete="country">
          {countries.map((code) => (
            <option value={code} selected={country === code}>
              {names.of(code.toUpperCase()) ?? code}
            </option>
          ))}
        </select>
      </label>
      <Field name="phone" label={t.phone} type="tel" auto="tel" required={false} values={values} problem={problem} />
      <label class="choice">
        <input type="checkbox" name="is_default_shipping" value="1" checked={values.is_default_shipping === '1'} />
        <span>{t.defaultShipping}</span>
      </label>
      <label class="choice">
        <input type="checkbox" name="is_default_billing" value="1" checked={values.is_default_billing === '1'} />
        <span>{t.defaultBilling}</span>
      </label>
      <button type="submit">{submit}</button>
    </form>
  )
}

function addressInput(values: Values): CustomerAddressInput {
  const input: Record<string, string | boolean | null> = {}
  for (const field of ADDRESS_FIELDS) input[field] = values[field] || (OPTIONAL.has(field) ? null : '')
  input.is_default_shipping = values.is_default_shipping === '1'
  input.is_default_billing = values.is_default_billing === '1'
  return input as unknown as CustomerAddressInput
}

function addressValues(address: CustomerAddress): Values {
  const values: Values = {}
  for (const field of ADDRESS_FIELDS) values[field] = address[field] ?? ''
  if (address.is_default_shipping) values.is_default_shipping = '1'
  if (address.is_default_billing) values.is_default_billing = '1'
  return values
}

function OrderDetail({ page, order }: { page: PageContext; order: Order }) {
  const { t, lang } = page
  const money = (n: number) => formatMoney(n, order.currency_code, lang)
  return (
    <Layout page={page} title={t.order(order.number)} description={t.order(order.number)} noindex>
      <AccountNav page={page} current="/account/orders" />
      <p class="crumbs">
        <a href={href(lang, '/account/orders')}>{t.backToOrders}</a>
      </p>
      <h1>
        {t.orderNumber}: <span data-order-number>{order.number}</span>
      </h1>
      <p class="muted">
        {new Date(order.created_at).toLocaleDateString(lang)} · {t.orderStatuses[order.status] ?? order.status}
      </p>
      <ul class="lines">
        {order.items.map((item) => (
          <li style="grid-template-columns:1fr auto">
            <span>
              {item.quantity} × {item.product_title} <span class="muted">{item.variant_title}</span>
            </span>
            <b>{money(item.total)}</b>
          </li>
        ))}
      </ul>
      <Totals page={page} cart={order} />
      {order.shipping_address && (
        <section class="panel">
          <h2>{t.address}</h2>
          <AddressLines page={page} address={order.shipping_address as unknown as CustomerAddress} />
        </section>
      )}
    </Layout>
  )
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

  /** The signed-in pages: without a session cookie, to the sign-in form and back here afterwards. */
  const signedIn = (c: SfContext): Response | undefined => {
    if (getCookie(c, COOKIES.customer)) return undefined
    const page = c.get('page')
    return c.redirect(`${href(page.lang, '/account/login')}?next=${encodeURIComponent(href(page.lang, page.path))}`, 303)
  }

  app.get('/:lang/account/login', (c) => {
    const page = c.get('page')
    const next = c.req.query('next')
    return render(c, <LoginPage page={page} values={next ? { next } : {}} />)
  })

  app.post('/:lang/account/login', async (c) => {
    const page = c.get('page')
    const values = await formValues(c)
    try {
      return await signIn(c, values.email ?? '', values.password ?? '', values.next)
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500) throw error
      c.status(statusOf(error) as 400)
      return render(c, <LoginPage page={page} values={values} problem={problemOf(error)} />)
    }
  })

  app.get('/:lang/account/register', (c) => render(c, <RegisterPage page={c.get('page')} values={{}} />))

  app.post('/:lang/account/register', async (c) => {
    const page = c.get('page')
    const values = await formValues(c)
    try {
      await c.get('store').customers.register({
        email: values.email ?? '',
        password: values.password ?? '',
        first_name: values.first_name || null,
        last_name: values.last_name || null,
      })
      return await signIn(c, values.email ?? '', values.password ?? '', undefined)
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500) throw error
      c.status(statusOf(error) as 400)
      return render(c, <RegisterPage page={page} values={values} problem={problemOf(error)} />)
    }
  })

  app.post('/:lang/account/logout', async (c) => {
    const page = c.get('page')
    if (getCookie(c, COOKIES.customer)) {
      // Ends the session at the API too; an already ended one is fine.
      await c
        .get('store')
        .auth.logout()
        .catch(() => undefined)
    }
    deleteCookie(c, COOKIES.customer, { path: '/' })
    // The cart became the customer's at sign-in: a signed-out visitor cannot use it.
    forgetCart(c)
    return c.redirect(href(page.lang, '/'), 303)
  })

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

  app.get('/:lang/account/orders', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const page = c.get('page')
    const { t, lang } = page
    const cursor = c.req.query('cursor')
    const result = await c.get('store').customers.orders.list({ limit: ORDERS_PER_PAGE, ...(cursor && { cursor }) })
    return render(
      c,
      <Layout page={page} title={t.orders} description={t.ordersText} noindex>
        <AccountNav page={page} current="/account/orders" />
        <h1>{t.orders}</h1>
        {result.data.length === 0 ? (
          <p>{t.noOrders}</p>
        ) : (
          <ul class="lines orders">
            {result.data.map((order) => (
              <li>
                <a href={href(lang, `/account/orders/${order.id}`)}>
                  <b data-order-number>{order.number}</b>
                </a>
                <span>
                  {new Date(order.created_at).toLocaleDateString(lang)}
                  <br />
                  <span class="muted">{t.orderStatuses[order.status] ?? order.status}</span>
                </span>
                <b>{formatMoney(order.total, order.currency_code, lang)}</b>
              </li>
            ))}
          </ul>
        )}
        <nav class="pager">
          {cursor && (
            <a class="btn ghost" href={href(lang, '/account/orders')}>
              {t.firstPage}
            </a>
          )}
          {result.next_cursor && (
            <a class="btn ghost" rel="next" href={`${href(lang, '/account/orders')}?cursor=${encodeURIComponent(result.next_cursor)}`}>
              {t.nextPage}
            </a>
          )}
        </nav>
      </Layout>,
    )
  })

  app.get('/:lang/account/orders/:id', async (c) => {
    const away = signedIn(c)
    if (away) return away
    // Another customer's order is not found (404), exactly like one that does not exist.
    const order = await c.get('store').customers.orders.get(c.req.param('id'))
    return render(c, <OrderDetail page={c.get('page')} order={order} />)
  })

  const addressesPage = async (c: SfContext, values: Values = {}, problem?: Problem, notice?: string) => {
    const page = c.get('page')
    const { t, lang } = page
    const addresses = await c.get('store').customers.addresses.list()
    return render(
      c,
      <Layout page={page} title={t.addresses} description={t.addresses} noindex>
        <AccountNav page={page} current="/account/addresses" />
        <h1>{t.addresses}</h1>
        {notice && <Notice kind="ok">{notice}</Notice>}
        {addresses.length === 0 && <p>{t.noAddresses}</p>}
        <ul class="tiles addresses">
          {addresses.map((address) => (
            <li class="panel" data-address={address.id}>
              <AddressLines page={page} address={address} />
              <p class="muted">
                {address.is_default_shipping && (
                  <>
                    ✓ {t.defaultShipping}
                    <br />
                  </>
                )}
                {address.is_default_billing && <>✓ {t.defaultBilling}</>}
              </p>
              <div class="actions">
                <a class="btn ghost" href={href(lang, `/account/addresses/${address.id}`)}>
                  {t.edit}
                </a>
                {!address.is_default_shipping && (
                  <form method="post" action={href(lang, `/account/addresses/${address.id}/default`)}>
                    <input type="hidden" name="kind" value="shipping" />
                    <button class="ghost" type="submit">
                      {t.makeDefaultShipping}
                    </button>
                  </form>
                )}
                {!address.is_default_billing && (
                  <form method="post" action={href(lang, `/account/addresses/${address.id}/default`)}>
                    <input type="hidden" name="kind" value="billing" />
                    <button class="ghost" type="submit">
                      {t.makeDefaultBilling}
                    </button>
                  </form>
                )}
                <form method="post" action={href(lang, `/account/addresses/${address.id}/delete`)}>
                  <button class="ghost" type="submit">
                    {t.remove}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
        <h2>{t.addAddress}</h2>
        <ErrorNotice page={page} problem={problem} />
        <AddressForm page={page} action={href(lang, '/account/addresses')} values={values} problem={problem} submit={t.addAddress} />
      </Layout>,
    )
  }

  app.get('/:lang/account/addresses', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const done = c.req.query('done')
    const t = c.get('page').t
    return addressesPage(c, {}, undefined, done === 'saved' ? t.saved : done === 'deleted' ? t.deleted : undefined)
  })

  const toAddresses = (c: SfContext, done: string) => c.redirect(`${href(c.get('page').lang, '/account/addresses')}?done=${done}`, 303)

  app.post('/:lang/account/addresses', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const values = await formValues(c)
    try {
      await c.get('store').customers.addresses.create(addressInput(values))
      return toAddresses(c, 'saved')
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500 || error.status === 401 || error.status === 404) throw error
      c.status(400)
      return addressesPage(c, values, problemOf(error))
    }
  })

  const editPage = (c: SfContext, id: string, values: Values, problem?: Problem) => {
    const page = c.get('page')
    const { t, lang } = page
    return render(
      c,
      <Layout page={page} title={t.editAddress} description={t.editAddress} noindex>
        <AccountNav page={page} current="/account/addresses" />
        <h1>{t.editAddress}</h1>
        <ErrorNotice page={page} problem={problem} />
        <AddressForm page={page} action={href(lang, `/account/addresses/${id}`)} values={values} problem={problem} submit={t.save} />
      </Layout>,
    )
  }

  app.get('/:lang/account/addresses/:id', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const id = c.req.param('id')
    const address = (await c.get('store').customers.addresses.list()).find((a) => a.id === id)
    if (!address) return c.notFound()
    return editPage(c, id, addressValues(address))
  })

  app.post('/:lang/account/addresses/:id', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const id = c.req.param('id')
    const values = await formValues(c)
    try {
      await c.get('store').customers.addresses.update(id, addressInput(values))
      return toAddresses(c, 'saved')
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500 || error.status === 401 || error.status === 404) throw error
      c.status(400)
      return editPage(c, id, values, problemOf(error))
    }
  })

  app.post('/:lang/account/addresses/:id/default', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const kind = (await formValues(c)).kind === 'billing' ? 'is_default_billing' : 'is_default_shipping'
    await c.get('store').customers.addresses.update(c.req.param('id'), { [kind]: true })
    return toAddresses(c, 'saved')
  })

  app.post('/:lang/account/addresses/:id/delete', async (c) => {
    const away = signedIn(c)
    if (away) return away
    await c.get('store').customers.addresses.delete(c.req.param('id'))
    return toAddresses(c, 'deleted')
  })
}
