import { randomUUID } from 'node:crypto'
import { type Cart, isKassaApiError, type KassaApiError, type Order, type ShippingOptionQuote } from '@kassa/sdk'
import type { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { ItemLines, Notice } from './components.js'
import { currentCart, forgetCart, Totals } from './cart.js'
import { COOKIES, type Deps, personalPage, type SfContext, type SfEnv } from './env.js'
import { formatMoney } from './format.js'
import { href, Layout, type PageContext } from './layout.js'
import { render } from './render.js'

const ADDRESS_FIELDS = ['first_name', 'last_name', 'address_1', 'postal_code', 'city', 'province', 'country_code', 'phone'] as const
export type Values = Record<string, string>

export interface Problem {
  code: string
  fields: Record<string, string>
  /** With `cart.total_changed`: the total the server computed. */
  total?: number
}

function valuesOf(cart: Cart): Values {
  const address = cart.shipping_address
  const values: Values = {
    email: cart.email ?? '',
    shipping_option_id: cart.shipping_method?.shipping_option_id ?? '',
    provider_id: cart.payment_session?.provider_id ?? 'test',
    token: 'tok_ok',
  }
  for (const field of ADDRESS_FIELDS) values[field] = address?.[field] ?? ''
  return values
}

/**
 * What the cart's total was priced for: email (first-order promotions), shipping option and
 * destination. Empty until the cart has an address and a shipping method.
 */
function pricedFor(cart: Cart): string {
  const address = cart.shipping_address
  if (!address || !cart.shipping_method) return ''
  return fingerprint({
    email: cart.email ?? '',
    shipping_option_id: cart.shipping_method.shipping_option_id,
    country_code: address.country_code,
    province: address.province ?? '',
    postal_code: address.postal_code,
  })
}

function fingerprint(values: Values): string {
  const part = (key: string) => (values[key] ?? '').trim().toLowerCase()
  return ['email', 'shipping_option_id', 'country_code', 'province', 'postal_code'].map(part).join('|')
}

/**
 * The total the buyer saw, when it was priced for what the form submits; the order is then placed
 * at it or not at all (`cart.total_changed`). A first submission that picks shipping or an address
 * was shown the parts (lines, shipping prices), not a total for them: it sends none.
 */
function shownTotal(values: Values): number | undefined {
  if (!values.priced_for || values.priced_for !== fingerprint(values) || !/^\d+$/.test(values.expected_total ?? '')) return undefined
  return Number(values.expected_total)
}

export function problemOf(error: KassaApiError): Problem {
  const fields: Record<string, string> = {}
  for (const e of error.errors ?? []) fields[e.path.replace(/^shipping_address\./, '')] = e.message
  for (const missing of Array.isArray(error.body.missing) ? (error.body.missing as string[]) : [])
    fields[missing === 'shipping_method' ? 'shipping_option_id' : missing] ||= '—'
  const total = typeof error.body.total === 'number' ? error.body.total : undefined
  return { code: String(error.code), fields, ...(total !== undefined && { total }) }
}

export function Field({
  name,
  label,
  values,
  problem,
  type = 'text',
  required = true,
  auto,
}: {
  name: string
  label: string
  values: Values
  problem?: Problem | undefined
  type?: string
  required?: boolean
  auto?: string
}) {
  const message = problem?.fields[name]
  return (
    <label class={message ? 'err' : ''}>
      <span>{label}</span>
      <input
        type={type}
        name={name}
        value={values[name] ?? ''}
        required={required}
        autocomplete={auto}
        aria-invalid={message ? 'true' : undefined}
      />
      {message && message !== '—' && <span class="msg">{message}</span>}
    </label>
  )
}

function CheckoutPage({
  page,
  cart,
  options,
  values,
  problem,
  needsConfirm,
}: {
  page: PageContext
  cart: Cart
  options: ShippingOptionQuote[]
  values: Values
  problem?: Problem | undefined
  needsConfirm?: boolean
}) {
  const { t, lang } = page
  const countries = page.regions.find((r) => r.id === cart.region_id)?.countries ?? []
  const names = new Intl.DisplayNames([lang], { type: 'region' })
  const money = (n: number) => formatMoney(n, cart.currency_code, lang)
  return (
    <Layout page={page} title={t.checkout} description={t.checkout} noindex>
      <h1>{t.checkout}</h1>
      {problem && (
        <Notice kind="err">
          {problem.code === 'cart.total_changed' ? t.totalChanged(money(problem.total ?? cart.total)) : (t.errors[problem.code] ?? t.errors.generic)}
          {problem.code === 'inventory.insufficient' && (
            <>
              {' '}
              <a href={href(lang, '/cart')}>{t.cart}</a>
            </>
          )}
        </Notice>
      )}
      {needsConfirm && (
        <form class="panel" method="post" action={href(lang, '/checkout/confirm')}>
          <p>{t.confirm3ds}</p>
          <button type="submit">{t.confirmPayment}</button>
        </form>
      )}
      <div class="checkout">
        <form class="form" method="post" action={href(lang, '/checkout')}>
          {/* The total shown here and what it was priced for: see shownTotal. */}
          <input type="hidden" name="expected_total" value={String(cart.total)} />
          <input type="hidden" name="priced_for" value={pricedFor(cart)} />
          <section class="panel">
            <h2>{t.contact}</h2>
            <Field name="email" label={t.email} type="email" auto="email" values={values} problem={problem} />
          </section>
          <section class="panel">
            <h2>{t.address}</h2>
            <div class="row">
              <Field name="first_name" label={t.firstName} auto="given-name" values={values} problem={problem} />
              <Field name="last_name" label={t.lastName} auto="family-name" values={values} problem={problem} />
            </div>
            <Field name="address_1" label={t.address1} auto="address-line1" values={values} problem={problem} />
            <div class="row">
              <Field name="postal_code" label={t.postalCode} auto="postal-code" values={values} problem={problem} />
              <Field name="city" label={t.city} auto="address-level2" values={values} problem={problem} />
            </div>
            <Field name="province" label={t.province} auto="address-level1" required={false} values={values} problem={problem} />
            <label class={problem?.fields.country_code ? 'err' : ''}>
              <span>{t.country}</span>
              <select name="country_code" autocomplete="country">
                {countries.map((code) => (
                  <option value={code} selected={values.country_code === code}>
                    {names.of(code.toUpperCase()) ?? code}
                  </option>
                ))}
              </select>
            </label>
            <Field name="phone" label={t.phone} type="tel" auto="tel" required={false} values={values} problem={problem} />
          </section>
          <section class="panel">
            <h2>{t.shippingOption}</h2>
            {options.map((option, i) => (
              <label class="choice">
                <input
                  type="radio"
                  name="shipping_option_id"
                  value={option.id}
                  required
                  checked={values.shipping_option_id ? values.shipping_option_id === option.id : i === 0}
                />
                <span style="flex:1">{option.name}</span>
                <b>{money(option.amount)}</b>
              </label>
            ))}
          </section>
          <section class="panel">
            <h2>{t.payment}</h2>
            <label class="choice">
              <input type="radio" name="provider_id" value="test" checked={values.provider_id !== 'manual'} />
              <span>{t.payTest}</span>
            </label>
            <label class={problem?.code === 'payment.declined' ? 'err' : ''}>
              <span>{t.cardToken}</span>
              <input type="text" name="token" value={values.token ?? ''} autocomplete="off" spellcheck={false} />
              <span class="hint">{t.cardTokenHint}</span>
            </label>
            <label class="choice">
              <input type="radio" name="provider_id" value="manual" checked={values.provider_id === 'manual'} />
              <span>{t.payManual}</span>
            </label>
          </section>
          <button class="big" type="submit">
            {t.placeOrder}
          </button>
        </form>
        <aside class="panel">
          <ItemLines items={cart.items} currency={cart.currency_code} lang={lang} />
          <Totals page={page} cart={cart} />
        </aside>
      </div>
    </Layout>
  )
}

async function showCheckout(c: SfContext, deps: Deps, cart: Cart, values: Values, problem?: Problem, needsConfirm = false) {
  const options = await c
    .get('store')
    .carts.shippingOptions(cart.id)
    .catch(() => [])
  personalPage(c)
  return render(
    c,
    <CheckoutPage page={c.get('page')} cart={cart} options={options} values={values} problem={problem} needsConfirm={needsConfirm} />,
  )
}

/** The cart's details; a signed-in customer's email and default shipping address fill what the cart lacks. */
async function prefilled(c: SfContext, cart: Cart): Promise<Values> {
  const values = valuesOf(cart)
  if (!c.get('page').signedIn) return values
  const store = c.get('store')
  const [customer, addresses] = await Promise.all([store.customers.me(), cart.shipping_address ? [] : store.customers.addresses.list()])
  values.email ||= customer.email
  const countries = c.get('page').regions.find((r) => r.id === cart.region_id)?.countries ?? []
  const address = addresses.find((a) => a.is_default_shipping && countries.includes(a.country_code))
  if (address) for (const field of ADDRESS_FIELDS) values[field] = address[field] ?? ''
  return values
}

function placed(c: SfContext, order: Order): Response {
  const page = c.get('page')
  forgetCart(c)
  // The order token reads the order as a guest: kept in an httpOnly cookie, never in a URL.
  setCookie(c, COOKIES.order, `${order.id}.${order.order_token}`, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: 60 * 60 * 24 * 30,
  })
  return c.redirect(href(page.lang, `/orders/${order.id}`), 303)
}

/** Checkout as one plain form (address, shipping, payment, place order), the 3-D Secure step and the confirmation page. */
export function checkoutRoutes(app: Hono<SfEnv>, deps: Deps): void {
  app.get('/:lang/checkout', async (c) => {
    const cart = await currentCart(c)
    if (!cart || cart.items.length === 0) return c.redirect(href(c.get('page').lang, '/cart'), 303)
    const pending = cart.payment_session?.status === 'requires_action'
    return showCheckout(c, deps, cart, await prefilled(c, cart), undefined, pending)
  })

  app.post('/:lang/checkout', async (c) => {
    const page = c.get('page')
    let cart = await currentCart(c)
    if (!cart || cart.items.length === 0) return c.redirect(href(page.lang, '/cart'), 303)
    const form = await c.req.parseBody()
    const values: Values = {}
    for (const [key, value] of Object.entries(form)) if (typeof value === 'string') values[key] = value.trim()
    try {
      const address: Record<string, string | null> = {}
      for (const field of ADDRESS_FIELDS) address[field] = values[field] || (field === 'province' || field === 'phone' ? null : '')
      cart = await c.get('store').carts.update(cart.id, { email: values.email ?? '', shipping_address: address as never })
      if (values.shipping_option_id) cart = await c.get('store').carts.setShippingMethod(cart.id, values.shipping_option_id)
      const provider = values.provider_id === 'manual' ? 'manual' : 'test'
      cart = await c
        .get('store')
        .carts.setPayment(
          cart.id,
          { provider_id: provider, ...(provider === 'test' && { data: { token: values.token ?? '' } }) },
          { idempotencyKey: randomUUID() },
        )
      const shown = shownTotal(values)
      return placed(c, await c.get('store').carts.complete(cart.id, { idempotencyKey: randomUUID(), ...(shown !== undefined && { expected_total: shown }) }))
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500) throw error
      c.status(error.status === 402 ? 402 : error.status === 409 ? 409 : 400)
      const fresh = (await currentCart(c)) ?? cart
      return showCheckout(
        c,
        deps,
        fresh,
        values,
        error.code === 'payment.requires_action' ? undefined : problemOf(error),
        error.code === 'payment.requires_action',
      )
    }
  })

  app.post('/:lang/checkout/confirm', async (c) => {
    const page = c.get('page')
    const cart = await currentCart(c)
    if (!cart) return c.redirect(href(page.lang, '/cart'), 303)
    try {
      return placed(c, await c.get('store').carts.confirmPayment(cart.id, {}, { idempotencyKey: randomUUID() }))
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500) throw error
      c.status(error.status === 402 ? 402 : 409)
      return showCheckout(c, deps, (await currentCart(c)) ?? cart, valuesOf(cart), problemOf(error))
    }
  })

  app.get('/:lang/orders/:id', async (c) => {
    const page = c.get('page')
    const { t, lang } = page
    const saved = getCookie(c, COOKIES.order) ?? ''
    const id = saved.slice(0, saved.indexOf('.'))
    const token = saved.slice(saved.indexOf('.') + 1)
    if (!id || !token || id !== c.req.param('id')) return c.notFound()
    const order = await c.get('store').orders.get(id, token)
    personalPage(c)
    return render(
      c,
      <Layout page={page} title={t.orderConfirmed} description={t.orderConfirmed} noindex>
        <h1>{t.orderConfirmed}</h1>
        <p class="panel">
          {t.orderNumber}: <b data-order-number>{order.number}</b>
          <br />
          <span class="muted">{t.orderEmailed(order.email)}</span>
        </p>
        <ItemLines items={order.items} currency={order.currency_code} lang={lang} />
        <Totals page={page} cart={order} />
        <a class="btn" href={href(lang, '/')}>
          {t.continueShopping}
        </a>
      </Layout>,
    )
  })
}
