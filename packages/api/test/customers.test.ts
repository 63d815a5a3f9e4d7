import { listEvents } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

// Customer accounts through the real app: every route, and that one customer never reaches another's things.
let api: TestApi
let shop: Shop

beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

type Json = Record<string, any>

/** A Store API call with an optional customer token and JSON body. */
async function call(method: string, path: string, options: { token?: string; json?: unknown; headers?: Record<string, string> } = {}) {
  const res = await api.store(path, {
    method,
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.json !== undefined && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.json !== undefined && { body: JSON.stringify(options.json) }),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json, headers: res.headers }
}

let seq = 0
/** Registers and signs in a fresh customer. */
async function signUp(overrides: Json = {}) {
  const email = overrides.email ?? `buyer${++seq}@example.com`
  const password = 'a long enough secret'
  const reg = await call('POST', '/store/customers', { json: { email, password, first_name: 'Ann', last_name: 'Lee', ...overrides } })
  expect(reg.status, JSON.stringify(reg.body)).toBe(201)
  const login = await call('POST', '/store/auth/login', { json: { email, password }, headers: { 'x-forwarded-for': `10.0.0.${seq}` } })
  expect(login.status, JSON.stringify(login.body)).toBe(200)
  return { id: reg.body.customer.id as string, email, password, token: login.body.token as string }
}

/** A cart through checkout to an order, as `token`'s customer or as a guest. */
async function placeOrder(options: { token?: string; email?: string } = {}) {
  const { token } = options
  const cart = await call('POST', '/store/carts', {
    token,
    json: { region_id: shop.regions.nl, email: options.email ?? 'guest@example.com' },
  })
  expect(cart.status).toBe(201)
  const id = cart.body.cart.id as string
  expect(
    (await call('POST', `/store/carts/${id}/line-items`, { token, json: { variant_id: shop.variants.shirt, quantity: 1 } })).status,
  ).toBe(200)
  expect((await call('PATCH', `/store/carts/${id}`, { token, json: { shipping_address: ADDRESSES.nl } })).status).toBe(200)
  expect((await call('POST', `/store/carts/${id}/shipping-method`, { token, json: { shipping_option_id: shop.shipping.nl } })).status).toBe(
    200,
  )
  expect(
    (await call('POST', `/store/carts/${id}/payment`, { token, json: { provider_id: 'test', data: { token: 'tok_ok' } } })).status,
  ).toBe(200)
  const done = await call('POST', `/store/carts/${id}/complete`, { token })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  return done.body.order as Json
}

async function lastEventData(type: string): Promise<Json> {
  const events = await listEvents(api.commerce.ctx(), { type, limit: 10_000 })
  return events[events.length - 1]!.data
}

describe('register, login, profile', () => {
  it('registers, signs in and reads the profile; the token is a bearer next to the publishable key', async () => {
    const a = await signUp()
    const me = await call('GET', '/store/customers/me', { token: a.token })
    expect(me.status).toBe(200)
    expect(me.body.customer).toMatchObject({ id: a.id, email: a.email, first_name: 'Ann', email_verified: false })
    expect(me.body.customer).not.toHaveProperty('password_hash')
    expect(me.headers.get('cache-control')).toBe('private, no-store')
    expect((await listEvents(api.commerce.ctx(), { type: 'customer.created', limit: 10_000 })).some((e) => e.data.id === a.id)).toBe(true)
  })

  it('refuses a second account with the same email (any case) and unknown fields (mass assignment)', async () => {
    const a = await signUp()
    const again = await call('POST', '/store/customers', { json: { email: a.email.toUpperCase(), password: 'another long secret' } })
    expect(again.body.code).toBe('customer.email_taken')
    const sneaky = await call('POST', '/store/customers', {
      json: { email: 'x@example.com', password: 'a long enough secret', email_verified: true, id: 'cus_mine' },
    })
    expect(sneaky.status).toBe(400)
    expect(sneaky.body.errors.map((e: Json) => e.path).sort()).toEqual(['email_verified', 'id'])
    const patch = await call('PATCH', '/store/customers/me', { token: a.token, json: { email_verified: true } })
    expect(patch.status).toBe(400)
    expect(patch.body.errors[0]).toMatchObject({ path: 'email_verified', code: 'unknown_field' })
  })

  it("updates the profile, cannot take another customer's email, and a new email is unverified", async () => {
    const a = await signUp()
    const b = await signUp()
    const taken = await call('PATCH', '/store/customers/me', { token: a.token, json: { email: b.email, current_password: a.password } })
    expect(taken.status).toBe(409)
    expect(taken.body.code).toBe('customer.email_taken')
    const noPassword = await call('PATCH', '/store/customers/me', { token: a.token, json: { email: `new-${a.email}` } })
    expect(noPassword.body.code).toBe('customer.wrong_password')
    const badPassword = await call('PATCH', '/store/customers/me', {
      token: a.token,
      json: { email: `new-${a.email}`, current_password: 'nope' },
    })
    expect(badPassword.body.code).toBe('customer.wrong_password')
    const ok = await call('PATCH', '/store/customers/me', {
      token: a.token,
      json: { first_name: 'Anna', phone: '+31 6 1234 5678', email: `new-${a.email}`, current_password: a.password },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.customer).toMatchObject({ first_name: 'Anna', phone: '+31 6 1234 5678', email: `new-${a.email}`, email_verified: false })
    expect((await lastEventData('customer.updated')).id).toBe(a.id)
  })

  it('answers login the same for an unknown email and a wrong password', async () => {
    const a = await signUp()
    const wrong = await call('POST', '/store/auth/login', { json: { email: a.email, password: 'not the password' } })
    const unknown = await call('POST', '/store/auth/login', { json: { email: `nobody-${a.email}`, password: 'not the password' } })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const strip = (b: Json) => ({ ...b, request_id: undefined })
    expect(strip(wrong.body)).toEqual(strip(unknown.body))
    expect(wrong.body.code).toBe('auth.invalid_credentials')
  })

  it('logs out: the token stops working with customer_session.revoked', async () => {
    const a = await signUp()
    expect((await call('POST', '/store/auth/logout', { token: a.token })).status).toBe(204)
    const after = await call('GET', '/store/customers/me', { token: a.token })
    expect(after.status).toBe(401)
    expect(after.body.code).toBe('customer_session.revoked')
  })

  it('changes the password: the current session stays, every other session is revoked, the old password stops working', async () => {
    const a = await signUp()
    const other = (await call('POST', '/store/auth/login', { json: { email: a.email, password: a.password } })).body.token as string
    const wrong = await call('POST', '/store/customers/me/password', {
      token: a.token,
      json: { current_password: 'nope', new_password: 'a brand new secret' },
    })
    expect(wrong.body.code).toBe('customer.wrong_password')
    const ok = await call('POST', '/store/customers/me/password', {
      token: a.token,
      json: { current_password: a.password, new_password: 'a brand new secret' },
    })
    expect(ok.status).toBe(204)
    expect((await call('GET', '/store/customers/me', { token: a.token })).status).toBe(200)
    expect((await call('GET', '/store/customers/me', { token: other })).body.code).toBe('customer_session.revoked')
    expect((await call('POST', '/store/auth/login', { json: { email: a.email, password: a.password } })).status).toBe(401)
    expect((await call('POST', '/store/auth/login', { json: { email: a.email, password: 'a brand new secret' } })).status).toBe(200)
  })

  it('needs a session on /me routes: no token is customer_session.required', async () => {
    for (const path of [
      '/store/customers/me',
      '/store/customers/me/addresses',
      '/store/customers/me/orders',
      '/store/customers/me/export',
    ]) {
      const res = await call('GET', path)
      expect(res.status, path).toBe(401)
      expect(res.body.code, path).toBe('customer_session.required')
    }
  })
})

describe('tokens', () => {
  it("rejects a tampered token, an admin token, a malformed header and another channel's session with 401 and a code", async () => {
    const a = await signUp()
    const tampered = a.token.slice(0, -2) + (a.token.endsWith('AA') ? 'BB' : 'AA')
    expect((await call('GET', '/store/customers/me', { token: tampered })).body).toMatchObject({
      status: 401,
      code: 'customer_session.invalid',
    })
    expect((await call('GET', '/store/customers/me', { token: api.adminToken })).body).toMatchObject({
      status: 401,
      code: 'customer_session.wrong_audience',
    })
    const malformed = await call('GET', '/store/customers/me', { headers: { authorization: 'Basic abc' } })
    expect(malformed.body).toMatchObject({ status: 401, code: 'customer_session.invalid' })

    const now = new Date().toISOString()
    await api.commerce.db
      .insertInto('sales_channel')
      .values({ id: 'sc_other', name: 'App', description: null, is_default: false, created_at: now, updated_at: now })
      .execute()
    await api.commerce.db
      .insertInto('publishable_key')
      .values({ id: 'apk_other', token: 'pk_other_channel', title: 'App', sales_channel_id: 'sc_other', revoked_at: null, created_at: now })
      .execute()
    const elsewhere = await call('GET', '/store/customers/me', { token: a.token, headers: { 'x-publishable-api-key': 'pk_other_channel' } })
    expect(elsewhere.body).toMatchObject({ status: 401, code: 'customer_session.wrong_audience' })
  })

  it('checks the bearer on buyer routes only: the catalog is the same for everyone', async () => {
    expect((await call('GET', '/store/products', { token: 'kcs_garbage' })).status).toBe(200)
    expect((await call('POST', '/store/carts', { token: 'kcs_garbage', json: { region_id: shop.regions.nl } })).body.code).toBe(
      'customer_session.invalid',
    )
  })

  it('rejects an expired session with customer_session.expired', async () => {
    const a = await signUp()
    await api.commerce.db
      .updateTable('customer_session')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('customer_id', '=', a.id)
      .execute()
    expect((await call('GET', '/store/customers/me', { token: a.token })).body).toMatchObject({
      status: 401,
      code: 'customer_session.expired',
    })
  })

  it('does not accept a customer token on the Admin API', async () => {
    const a = await signUp()
    const res = await api.request('/admin/customers', { headers: { authorization: `Bearer ${a.token}` } })
    expect(res.status).toBe(401)
  })

  it('stores session tokens hashed', async () => {
    const a = await signUp()
    const rows = await api.commerce.db.selectFrom('customer_session').select('token_hash').where('customer_id', '=', a.id).execute()
    expect(rows.length).toBe(1)
    expect(rows[0]!.token_hash).not.toContain(a.token)
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('addresses', () => {
  it('adds, lists, updates, deletes; the first is the default and one default of each kind is kept', async () => {
    const a = await signUp()
    const first = await call('POST', '/store/customers/me/addresses', { token: a.token, json: ADDRESSES.nl })
    expect(first.status).toBe(201)
    expect(first.body.address).toMatchObject({ country_code: 'nl', is_default_shipping: true, is_default_billing: true })
    const second = await call('POST', '/store/customers/me/addresses', {
      token: a.token,
      json: { ...ADDRESSES.us, is_default_shipping: true },
    })
    expect(second.body.address).toMatchObject({ is_default_shipping: true, is_default_billing: false })
    const list = await call('GET', '/store/customers/me/addresses', { token: a.token })
    expect(list.body.data.map((x: Json) => [x.country_code, x.is_default_shipping, x.is_default_billing])).toEqual([
      ['nl', false, true],
      ['us', true, false],
    ])
    const patched = await call('PATCH', `/store/customers/me/addresses/${first.body.address.id}`, {
      token: a.token,
      json: { city: 'Utrecht', is_default_shipping: true },
    })
    expect(patched.body.address).toMatchObject({ city: 'Utrecht', is_default_shipping: true, first_name: 'Anna' })
    const again = await call('GET', '/store/customers/me/addresses', { token: a.token })
    expect(again.body.data.filter((x: Json) => x.is_default_shipping).length).toBe(1)
    expect((await call('DELETE', `/store/customers/me/addresses/${second.body.address.id}`, { token: a.token })).status).toBe(204)
    expect((await call('GET', '/store/customers/me/addresses', { token: a.token })).body.data.length).toBe(1)
  })

  it("never lets customer B read, change or delete A's address (404 like a missing one)", async () => {
    const a = await signUp()
    const b = await signUp()
    const address = (await call('POST', '/store/customers/me/addresses', { token: a.token, json: ADDRESSES.nl })).body.address as Json
    const missing = await call('PATCH', '/store/customers/me/addresses/caddr_missing', { token: b.token, json: { city: 'X' } })
    const patch = await call('PATCH', `/store/customers/me/addresses/${address.id}`, { token: b.token, json: { city: 'Hacked' } })
    expect(patch.status).toBe(404)
    expect(patch.body.code).toBe('customer.address_not_found')
    expect(Object.keys(patch.body).sort()).toEqual(Object.keys(missing.body).sort())
    expect((await call('DELETE', `/store/customers/me/addresses/${address.id}`, { token: b.token })).status).toBe(404)
    expect((await call('GET', '/store/customers/me/addresses', { token: b.token })).body.data).toEqual([])
    const mine = await call('GET', '/store/customers/me/addresses', { token: a.token })
    expect(mine.body.data[0]).toMatchObject({ id: address.id, city: 'Amsterdam' })
  })
})

describe('carts and orders of a customer', () => {
  it('owns the carts it creates: B and guests get cart.not_found for every cart route', async () => {
    const a = await signUp()
    const b = await signUp()
    const cart = await call('POST', '/store/carts', { token: a.token, json: { region_id: shop.regions.nl } })
    expect(cart.body.cart.customer_id).toBe(a.id)
    const id = cart.body.cart.id as string
    const line = await call('POST', `/store/carts/${id}/line-items`, {
      token: a.token,
      json: { variant_id: shop.variants.shirt, quantity: 1 },
    })
    const lineId = line.body.cart.items[0].id as string
    const attempts: [string, string, unknown?][] = [
      ['GET', `/store/carts/${id}`],
      ['PATCH', `/store/carts/${id}`, { email: 'thief@example.com' }],
      ['POST', `/store/carts/${id}/line-items`, { variant_id: shop.variants.mug, quantity: 1 }],
      ['PATCH', `/store/carts/${id}/line-items/${lineId}`, { quantity: 5 }],
      ['DELETE', `/store/carts/${id}/line-items/${lineId}`],
      ['GET', `/store/carts/${id}/shipping-options`],
      ['POST', `/store/carts/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl }],
      ['POST', `/store/carts/${id}/payment`, { provider_id: 'test', data: { token: 'tok_ok' } }],
      ['POST', `/store/carts/${id}/complete`],
    ]
    for (const token of [b.token, undefined]) {
      for (const [method, path, json] of attempts) {
        const res = await call(method, path, { ...(token && { token }), ...(json !== undefined && { json }) })
        expect(res.status, `${method} ${path} as ${token ? 'B' : 'guest'}`).toBe(404)
        expect(res.body.code).toBe('cart.not_found')
      }
    }
    const mine = await call('GET', `/store/carts/${id}`, { token: a.token })
    expect(mine.body.cart.items).toEqual([expect.objectContaining({ quantity: 1 })])
    expect(mine.body.cart.email).toBe(a.email)
  })

  it('places orders with customer_id; history and detail show them; B gets order.not_found', async () => {
    const a = await signUp()
    const b = await signUp()
    const first = await placeOrder({ token: a.token, email: a.email })
    const second = await placeOrder({ token: a.token, email: a.email })
    expect(first.customer_id).toBe(a.id)
    const page1 = await call('GET', '/store/customers/me/orders?limit=1', { token: a.token })
    expect(page1.body.data.map((o: Json) => o.id)).toEqual([second.id])
    const page2 = await call('GET', `/store/customers/me/orders?limit=1&cursor=${page1.body.next_cursor}`, { token: a.token })
    expect(page2.body.data.map((o: Json) => o.id)).toEqual([first.id])
    expect(page2.body.next_cursor).toBeNull()
    expect((await call('GET', `/store/customers/me/orders/${first.id}`, { token: a.token })).body.order.id).toBe(first.id)
    // The generic order route answers its owner without an order token.
    expect((await call('GET', `/store/orders/${first.id}`, { token: a.token })).status).toBe(200)

    expect((await call('GET', '/store/customers/me/orders', { token: b.token })).body.data).toEqual([])
    for (const path of [`/store/customers/me/orders/${first.id}`, `/store/orders/${first.id}`]) {
      const res = await call('GET', path, { token: b.token })
      expect(res.status, path).toBe(404)
      expect(res.body.code).toBe('order.not_found')
    }
    expect((await call('GET', `/store/orders/${first.id}`)).status).toBe(404)
    expect((await call('GET', `/store/orders/${first.id}`, { headers: { 'x-order-token': first.order_token } })).status).toBe(200)
  })

  it('merges a guest cart into the open customer cart at login, summing quantities per variant', async () => {
    const a = await signUp()
    const own = (await call('POST', '/store/carts', { token: a.token, json: { region_id: shop.regions.nl } })).body.cart.id as string
    await call('POST', `/store/carts/${own}/line-items`, { token: a.token, json: { variant_id: shop.variants.shirt, quantity: 2 } })
    await call('POST', `/store/carts/${own}/line-items`, { token: a.token, json: { variant_id: shop.variants.mug, quantity: 1 } })
    const guest = (await call('POST', '/store/carts', { json: { region_id: shop.regions.nl } })).body.cart.id as string
    await call('POST', `/store/carts/${guest}/line-items`, { json: { variant_id: shop.variants.shirt, quantity: 3 } })

    const login = await call('POST', '/store/auth/login', { json: { email: a.email, password: a.password, cart_id: guest } })
    expect(login.body.cart_id).toBe(guest)
    const cart = await call('GET', `/store/carts/${guest}`, { token: login.body.token })
    expect(cart.body.cart.customer_id).toBe(a.id)
    const quantities = Object.fromEntries(cart.body.cart.items.map((i: Json) => [i.variant_id, i.quantity]))
    expect(quantities).toEqual({ [shop.variants.shirt]: 5, [shop.variants.mug]: 1 })
    expect((await call('GET', `/store/carts/${own}`, { token: a.token })).status).toBe(404)
    // Now the customer's: a guest holding the id no longer reaches it.
    expect((await call('GET', `/store/carts/${guest}`)).status).toBe(404)
  })

  it("does not take another customer's cart at login", async () => {
    const a = await signUp()
    const b = await signUp()
    const cartOfB = (await call('POST', '/store/carts', { token: b.token, json: { region_id: shop.regions.nl } })).body.cart.id as string
    const login = await call('POST', '/store/auth/login', { json: { email: a.email, password: a.password, cart_id: cartOfB } })
    expect(login.status).toBe(200)
    expect(login.body.cart_id).toBeNull()
    expect((await call('GET', `/store/carts/${cartOfB}`, { token: b.token })).body.cart.customer_id).toBe(b.id)
  })

  it("shows a guest's orders of the same email only once that email is verified", async () => {
    const email = `guest-then-member-${Date.now()}@example.com`
    const guestOrder = await placeOrder({ email: email.toUpperCase() })
    const a = await signUp({ email })
    expect((await call('GET', '/store/customers/me/orders', { token: a.token })).body.data).toEqual([])
    expect((await call('GET', `/store/customers/me/orders/${guestOrder.id}`, { token: a.token })).status).toBe(404)
    expect((await call('GET', `/store/orders/${guestOrder.id}`, { token: a.token })).status).toBe(404)

    expect((await call('POST', '/store/customers/me/verification', { token: a.token, json: { locale: 'nl' } })).status).toBe(204)
    const sent = await lastEventData('customer.verification_requested')
    expect(sent).toMatchObject({ customer_id: a.id, email, locale: 'nl' })
    expect((await call('POST', '/store/auth/verify-email', { json: { token: sent.token } })).status).toBe(204)
    expect((await call('POST', '/store/auth/verify-email', { json: { token: sent.token } })).body.code).toBe('customer.token_invalid')

    expect((await call('GET', '/store/customers/me', { token: a.token })).body.customer.email_verified).toBe(true)
    const orders = await call('GET', '/store/customers/me/orders', { token: a.token })
    expect(orders.body.data.map((o: Json) => o.id)).toEqual([guestOrder.id])
    expect((await call('GET', `/store/customers/me/orders/${guestOrder.id}`, { token: a.token })).status).toBe(200)
    expect((await call('GET', `/store/orders/${guestOrder.id}`, { token: a.token })).status).toBe(200)
  })
})

describe('password reset', () => {
  it('sends a single-use, hashed token through an internal event; the reset signs out every session', async () => {
    const a = await signUp()
    const unknown = await call('POST', '/store/auth/password-reset', { json: { email: 'nobody-here@example.com' } })
    const known = await call('POST', '/store/auth/password-reset', { json: { email: a.email, locale: 'de' } })
    expect([unknown.status, known.status]).toEqual([204, 204])
    const sent = await lastEventData('customer.password_reset_requested')
    expect(sent).toMatchObject({ customer_id: a.id, email: a.email, locale: 'de' })
    expect(new Date(sent.expires_at).getTime() - Date.parse('2026-01-01')).toBeGreaterThan(0)
    const { isInternalEvent } = await import('@kassa/core')
    expect(isInternalEvent('customer.password_reset_requested')).toBe(true)
    const stored = await api.commerce.db.selectFrom('customer_token').select('token_hash').where('customer_id', '=', a.id).execute()
    expect(stored.map((r) => r.token_hash)).not.toContain(sent.token)

    const done = await call('POST', '/store/auth/password-reset/confirm', { json: { token: sent.token, password: 'reset to this one' } })
    expect(done.status).toBe(204)
    expect((await call('GET', '/store/customers/me', { token: a.token })).body.code).toBe('customer_session.revoked')
    const reuse = await call('POST', '/store/auth/password-reset/confirm', { json: { token: sent.token, password: 'and again this one' } })
    expect(reuse.body.code).toBe('customer.token_invalid')
    expect((await call('POST', '/store/auth/login', { json: { email: a.email, password: 'reset to this one' } })).status).toBe(200)
  })

  it('limits reset links per address, known or not, the same way', async () => {
    const a = await signUp()
    for (const email of [a.email, 'no-account-here@example.com']) {
      const statuses = []
      for (let i = 0; i < 5; i++) statuses.push((await call('POST', '/store/auth/password-reset', { json: { email } })).status)
      expect(statuses, email).toEqual([204, 204, 204, 429, 429])
    }
  })

  it('refuses an expired reset token', async () => {
    const a = await signUp()
    await call('POST', '/store/auth/password-reset', { json: { email: a.email } })
    const sent = await lastEventData('customer.password_reset_requested')
    await api.commerce.db
      .updateTable('customer_token')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('customer_id', '=', a.id)
      .execute()
    const res = await call('POST', '/store/auth/password-reset/confirm', { json: { token: sent.token, password: 'reset to this one' } })
    expect(res.body.code).toBe('customer.token_invalid')
  })
})

describe('export and erasure', () => {
  it('exports profile, addresses and orders as JSON', async () => {
    const a = await signUp()
    await call('POST', '/store/customers/me/addresses', { token: a.token, json: ADDRESSES.nl })
    const order = await placeOrder({ token: a.token, email: a.email })
    const res = await call('GET', '/store/customers/me/export', { token: a.token })
    expect(res.status).toBe(200)
    expect(res.body.customer.id).toBe(a.id)
    expect(res.body.addresses.length).toBe(1)
    expect(res.body.orders.map((o: Json) => o.id)).toEqual([order.id])
  })

  it("shows an admin a customer's addresses and the orders the account placed (not guest orders of the same email)", async () => {
    const a = await signUp()
    await call('POST', '/store/customers/me/addresses', { token: a.token, json: ADDRESSES.nl })
    const first = await placeOrder({ token: a.token, email: a.email })
    const second = await placeOrder({ token: a.token, email: a.email })
    const guest = await placeOrder({ email: a.email })

    const addresses = (await (await api.admin(`/admin/customers/${a.id}/addresses`)).json()) as Json
    expect(addresses.data.map((x: Json) => [x.city, x.is_default_shipping])).toEqual([[ADDRESSES.nl.city, true]])
    expect((await api.admin('/admin/customers/cus_missing/addresses')).status).toBe(404)

    const page1 = (await (await api.admin(`/admin/orders?customer_id=${a.id}&limit=1`)).json()) as Json
    const page2 = (await (await api.admin(`/admin/orders?customer_id=${a.id}&limit=1&cursor=${page1.next_cursor}`)).json()) as Json
    expect([...page1.data, ...page2.data].map((o: Json) => o.id).sort()).toEqual([first.id, second.id].sort())
    expect(page2.next_cursor).toBeNull()
    const byEmail = (await (await api.admin(`/admin/orders?q=${encodeURIComponent(a.email)}`)).json()) as Json
    expect(byEmail.data.map((o: Json) => o.id)).toContain(guest.id)
  })

  it('searches customers by part of the email or name, any case; LIKE wildcards match only themselves', async () => {
    const a = await signUp({ email: 'Searchable_One@example.com', first_name: 'Zebedee', last_name: 'Quist' })
    const b = await signUp({ email: 'searchableXtwo@example.com', first_name: 'Ann', last_name: 'Zebedee-Smith' })
    const ids = async (q: string) =>
      (((await (await api.admin(`/admin/customers?q=${encodeURIComponent(q)}`)).json()) as Json).data as Json[]).map((c) => c.id)
    const both = [a.id, b.id].sort()
    expect((await ids('SEARCHABLE')).sort()).toEqual(both)
    expect(await ids('searchable_')).toEqual([a.id])
    expect((await ids('zebedee')).sort()).toEqual(both)
    expect(await ids('quist')).toEqual([a.id])
    expect(await ids('%')).toEqual([])
  })

  it('lets an admin list, read and erase a customer: personal data gone, order amounts kept', async () => {
    const a = await signUp({ phone: '+31 6 0000 0000' })
    await call('POST', '/store/customers/me/addresses', { token: a.token, json: ADDRESSES.nl })
    const order = await placeOrder({ token: a.token, email: a.email })

    const found = await api.admin(`/admin/customers?email=${encodeURIComponent(a.email.toUpperCase())}`)
    expect(((await found.json()) as Json).data.map((c: Json) => c.id)).toEqual([a.id])
    const page = (await (await api.admin('/admin/customers?limit=2')).json()) as Json
    expect(page.data.length).toBe(2)
    expect(page.next_cursor).toEqual(expect.any(String))
    expect((await api.admin(`/admin/customers/${a.id}`)).status).toBe(200)

    expect((await api.admin(`/admin/customers/${a.id}`, { method: 'DELETE' })).status).toBe(204)
    const erased = (await (await api.admin(`/admin/customers/${a.id}`)).json()) as Json
    expect(erased.customer).toMatchObject({ first_name: null, last_name: null, phone: null, erased_at: expect.any(String) })
    expect(erased.customer.email).not.toContain(a.email)
    expect(await api.commerce.db.selectFrom('customer_address').select('id').where('customer_id', '=', a.id).execute()).toEqual([])
    expect((await call('GET', '/store/customers/me', { token: a.token })).status).toBe(401)
    expect((await call('POST', '/store/auth/login', { json: { email: a.email, password: a.password } })).status).toBe(401)

    const kept = await call('GET', `/store/orders/${order.id}`, { headers: { 'x-order-token': order.order_token } })
    expect(kept.body.order).toMatchObject({ total: order.total, subtotal: order.subtotal, tax_total: order.tax_total, items: order.items })
    expect(kept.body.order.email).not.toBe(a.email)
    expect(kept.body.order.shipping_address).toMatchObject({ first_name: '[erased]', address_1: '[erased]', country_code: 'nl' })
    expect(JSON.stringify(kept.body.order)).not.toContain('Keizersgracht')
    expect((await lastEventData('customer.deleted')).id).toBe(a.id)
    expect((await api.admin(`/admin/customers/${a.id}`, { method: 'DELETE' })).status).toBe(404)
  })
})
