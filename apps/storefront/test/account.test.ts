import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVisitor } from './browser-less.js'
import { createTestShop, type TestShop } from './shop.js'

let shop: TestShop
let handle: string

beforeAll(async () => {
  shop = await createTestShop({ products: 12 })
  const res = await shop.api.request('/store/products?limit=1', { headers: { 'x-publishable-api-key': shop.publishableKey } })
  handle = (await res.json()).data[0].handle
})
afterAll(() => shop.close())

const PASSWORD = 'a long enough secret'

type Visitor = ReturnType<typeof createVisitor>

/** A new visitor who registers (and is signed in by it) with plain form posts. */
async function registered(email: string, first = 'Anna'): Promise<Visitor> {
  const visitor = createVisitor(shop.get)
  const res = await visitor.post('/nl/account/register', { first_name: first, last_name: 'de Vries', email, password: PASSWORD })
  expect(res.status, await res.clone().text()).toBe(303)
  expect(res.headers.get('location')).toBe('/nl/account')
  return visitor
}

/** Puts the product's default variant in the visitor's cart. */
async function addToCart(visitor: Visitor) {
  const product = await (await visitor.get(`/nl/p/${handle}`)).text()
  const form: Record<string, string> = { handle, variant_id: '', quantity: '1' }
  for (const match of product.matchAll(/<input type="radio" name="(o\d)" value="([^"]*)"[^>]*checked=""/g)) form[match[1]!] = match[2]!
  const res = await visitor.post('/nl/cart/add', form)
  expect(res.status).toBe(303)
}

const ADDRESS = {
  first_name: 'Anna',
  last_name: 'de Vries',
  address_1: 'Keizersgracht 1',
  postal_code: '1015 CJ',
  city: 'Amsterdam',
  country_code: 'nl',
}

/** Checks out the visitor's cart with tok_ok; answers the confirmation page's location. */
async function checkout(visitor: Visitor, email?: string): Promise<string> {
  const page = await (await visitor.get('/nl/checkout')).text()
  const option = /name="shipping_option_id" value="([^"]+)"/.exec(page)![1]!
  const email_ = email ?? /name="email" value="([^"]*)"/.exec(page)![1]!
  const res = await visitor.post('/nl/checkout', {
    ...ADDRESS,
    email: email_,
    shipping_option_id: option,
    provider_id: 'test',
    token: 'tok_ok',
  })
  expect(res.status, await res.clone().text()).toBe(303)
  return res.headers.get('location')!
}

describe('customer accounts with plain forms', () => {
  it('registers, signs in and shows the name; account pages are private and kept out of search engines', async () => {
    const visitor = await registered('anna@example.com')
    const cookie = visitor.jar.get('kassa_customer')
    expect(cookie).toMatch(/^kcs_/)
    const account = await visitor.get('/nl/account')
    expect(account.status).toBe(200)
    expect(account.headers.get('cache-control')).toBe('private, no-store')
    const html = await account.text()
    expect(html).toContain('data-customer-name="true">Hallo, Anna de Vries</h1>')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<a class="nav" href="/nl/account">Account</a>')
    for (const path of ['/nl/account/login', '/en/account/register', '/nl/account/orders', '/nl/account/addresses']) {
      const res = await visitor.get(path)
      expect(res.headers.get('cache-control'), path).toBe('private, no-store')
      expect(await res.text(), path).toContain('<meta name="robots" content="noindex"/>')
    }
    const robots = await (await shop.get('/robots.txt')).text()
    expect(robots).toContain('Disallow: /nl/account')
    expect(robots).toContain('Disallow: /en/account')

    // Signing in again from a fresh browser works too; the cookie is httpOnly and SameSite=Lax.
    const again = createVisitor(shop.get)
    const res = await again.post('/en/account/login', { email: 'anna@example.com', password: PASSWORD })
    expect(res.status).toBe(303)
    const set = res.headers.getSetCookie().find((c) => c.startsWith('kassa_customer='))!
    expect(set).toMatch(/HttpOnly/i)
    expect(set).toMatch(/SameSite=Lax/i)
    expect(await (await again.get('/en/account')).text()).toContain('Hello, Anna de Vries')
  })

  it('sends signed-out visitors to the sign-in form and back afterwards', async () => {
    const visitor = createVisitor(shop.get)
    const header = await (await visitor.get('/en/')).text()
    expect(header).toContain('<a class="nav" href="/en/account/login">Sign in</a>')
    const res = await visitor.get('/en/account/orders')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/en/account/login?next=%2Fen%2Faccount%2Forders')
    await registered('next@example.com')
    const login = await (await visitor.get(res.headers.get('location')!)).text()
    expect(login).toContain('<input type="hidden" name="next" value="/en/account/orders"/>')
    const signedIn = await visitor.post('/en/account/login', { email: 'next@example.com', password: PASSWORD, next: '/en/account/orders' })
    expect(signedIn.headers.get('location')).toBe('/en/account/orders')
    const offsite = await visitor.post('/en/account/login', { email: 'next@example.com', password: PASSWORD, next: '//evil.example/' })
    expect(offsite.headers.get('location')).toBe('/en/account')
  })

  it('says clearly what went wrong: wrong password, taken email, field errors, too many attempts', async () => {
    await registered('bob@example.com', 'Bob')
    const visitor = createVisitor(shop.get)
    const wrong = await visitor.post('/en/account/login', { email: 'bob@example.com', password: 'not the password' })
    expect(wrong.status).toBe(401)
    const wrongHtml = await wrong.text()
    expect(wrongHtml).toContain('That email and password do not match an account.')
    expect(wrongHtml).toContain('value="bob@example.com"')
    expect(wrongHtml).not.toContain('not the password')
    expect(visitor.jar.has('kassa_customer')).toBe(false)

    const taken = await visitor.post('/nl/account/register', { email: 'bob@example.com', password: PASSWORD })
    expect(taken.status).toBe(409)
    expect(await taken.text()).toContain('Er is al een account met dit e-mailadres.')

    const short = await visitor.post('/en/account/register', { email: 'short@example.com', password: 'short' })
    expect(short.status).toBe(400)
    expect(await short.text()).toMatch(/<label class="err"><span>Password<\/span>/)

    let last: Response | undefined
    for (let i = 0; i < 12 && last?.status !== 429; i++)
      last = await visitor.post('/nl/account/login', { email: 'bob@example.com', password: `wrong ${i}` })
    expect(last!.status).toBe(429)
    expect(await last!.text()).toContain('Te veel inlogpogingen. Probeer het later opnieuw.')
  })

  it('keeps the guest cart after signing in, prefills checkout, and files the order under the account only', async () => {
    await registered('carla@example.com', 'Carla')
    const visitor = createVisitor(shop.get)
    await addToCart(visitor)
    const guestCart = visitor.jar.get('kassa_cart')
    expect(guestCart).toBeTruthy()
    const login = await visitor.post('/nl/account/login', { email: 'carla@example.com', password: PASSWORD })
    expect(login.status).toBe(303)
    expect(visitor.jar.get('kassa_cart')).toBe(guestCart)
    const cart = await (await visitor.get('/nl/cart')).text()
    expect(cart).toContain('<ul class="lines">')

    // A default shipping address, added through the form, fills the checkout.
    const added = await visitor.post('/nl/account/addresses', { ...ADDRESS, is_default_shipping: '1' })
    expect(added.headers.get('location')).toBe('/nl/account/addresses?done=saved')
    const form = await (await visitor.get('/nl/checkout')).text()
    expect(form).toContain('name="email" value="carla@example.com"')
    expect(form).toContain('name="address_1" value="Keizersgracht 1"')

    const confirmation = await checkout(visitor)
    const orderId = confirmation.split('/').pop()!
    const number = /data-order-number="true">(\d+)</.exec(await (await visitor.get(confirmation)).text())![1]!
    const orders = await visitor.get('/nl/account/orders')
    expect(orders.headers.get('cache-control')).toBe('private, no-store')
    const list = await orders.text()
    expect(list).toContain(`href="/nl/account/orders/${orderId}"`)
    expect(list).toContain(`data-order-number="true">${number}</b>`)
    const detail = await visitor.get(`/nl/account/orders/${orderId}`)
    expect(detail.status).toBe(200)
    expect(await detail.text()).toContain(`<span data-order-number="true">${number}</span>`)

    // Someone else, signed in, gets the same 404 page as for an order that does not exist.
    const other = await registered('dave@example.com', 'Dave')
    const theirs = await other.get(`/nl/account/orders/${orderId}`)
    expect(theirs.status).toBe(404)
    expect(await theirs.text()).toContain('Pagina niet gevonden')
    expect(await (await other.get('/nl/account/orders')).text()).toContain('Je hebt nog niets besteld.')
  })

  it('pages the order history with a cursor', async () => {
    const visitor = await registered('erin@example.com', 'Erin')
    for (let i = 0; i < 11; i++) {
      await addToCart(visitor)
      await checkout(visitor, 'erin@example.com')
    }
    const first = await (await visitor.get('/nl/account/orders')).text()
    expect(first.match(/data-order-number/g)).toHaveLength(10)
    const next = /rel="next" href="([^"]+)"/.exec(first)![1]!.replace(/&amp;/g, '&')
    const second = await (await visitor.get(next)).text()
    expect(second.match(/data-order-number/g)).toHaveLength(1)
    expect(second).not.toContain('rel="next"')
  })

  it('adds, edits, makes default and deletes addresses with forms', async () => {
    const visitor = await registered('frank@example.com', 'Frank')
    const invalid = await visitor.post('/en/account/addresses', { ...ADDRESS, city: '' })
    expect(invalid.status).toBe(400)
    expect(await invalid.text()).toMatch(/<label class="err"><span>City<\/span>/)
    await visitor.post('/en/account/addresses', ADDRESS)
    await visitor.post('/en/account/addresses', { ...ADDRESS, address_1: 'Damrak 5' })
    let page = await (await visitor.get('/en/account/addresses?done=saved')).text()
    expect(page).toContain('role="status">Saved.</p>')
    const ids = [...page.matchAll(/data-address="([^"]+)"/g)].map((m) => m[1]!)
    expect(ids).toHaveLength(2)
    const damrak = ids.find(
      (id) =>
        page.indexOf(`data-address="${id}"`) < page.indexOf('Damrak 5') &&
        page.indexOf('Damrak 5') - page.indexOf(`data-address="${id}"`) < 300,
    )!

    const edit = await (await visitor.get(`/en/account/addresses/${damrak}`)).text()
    expect(edit).toContain('name="address_1" value="Damrak 5"')
    const saved = await visitor.post(`/en/account/addresses/${damrak}`, { ...ADDRESS, address_1: 'Damrak 7' })
    expect(saved.status).toBe(303)
    expect(await visitor.post(`/en/account/addresses/${damrak}/default`, { kind: 'billing' })).toHaveProperty('status', 303)
    page = await (await visitor.get('/en/account/addresses')).text()
    expect(page).toContain('Damrak 7')
    expect(page).not.toContain('Damrak 5')
    expect(page).toContain('✓ Default billing address')

    const deleted = await visitor.post(`/en/account/addresses/${damrak}/delete`, {})
    expect(deleted.headers.get('location')).toBe('/en/account/addresses?done=deleted')
    page = await (await visitor.get(deleted.headers.get('location')!)).text()
    expect(page).not.toContain('Damrak 7')
    expect(page.match(/data-address=/g)).toHaveLength(1)

    // Another customer cannot touch it.
    const other = await registered('gina@example.com', 'Gina')
    const [kept] = [...page.matchAll(/data-address="([^"]+)"/g)].map((m) => m[1]!)
    expect((await other.post(`/en/account/addresses/${kept}/delete`, {})).status).toBe(404)
    expect((await visitor.get('/en/account/addresses')).status).toBe(200)
    expect(await (await visitor.get('/en/account/addresses')).text()).toContain(`data-address="${kept}"`)
  })

  it('signs out: the session cookie is cleared and the API no longer accepts the token', async () => {
    const visitor = await registered('hank@example.com', 'Hank')
    const token = visitor.jar.get('kassa_customer')!
    const res = await visitor.post('/en/account/logout', {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/en/')
    expect(res.headers.getSetCookie().find((c) => c.startsWith('kassa_customer='))).toMatch(/Max-Age=0/i)
    expect(visitor.jar.has('kassa_customer')).toBe(false)
    expect((await visitor.get('/en/account')).status).toBe(303)
    const me = await shop.api.request('/store/customers/me', {
      headers: { 'x-publishable-api-key': shop.publishableKey, authorization: `Bearer ${token}` },
    })
    expect(me.status).toBe(401)

    // A stale session cookie (ended elsewhere) is forgotten and the visitor asked to sign in again.
    const stale = createVisitor(shop.get)
    stale.jar.set('kassa_customer', token)
    const again = await stale.get('/en/account')
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe('/en/account/login?next=%2Fen%2Faccount')
    expect(stale.jar.has('kassa_customer')).toBe(false)
  })
})
