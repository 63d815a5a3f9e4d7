import type { RunningServer } from '@kassa/api'
import { type Commerce, createAdminUser, ensureDefaultChannel } from '@kassa/core'
import { createTestCommerce } from '@kassa/core/testing'
import { type AdminClient, createAdminClient, createStoreClient, type StoreClient } from '@kassa/sdk'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminInBrowser, OWNER, runsInBrowser, startAdminInBrowser } from './harness.js'
import { ADDRESSES, createShop, type Shop } from '../../../packages/api/test/shop-fixtures.js'
import { SCREENSHOT_DIR, screenshot } from '../../storefront/e2e/browser.js'

// Orders after the sale and promotions of every kind, in real headless Chromium against the real
// API serving the built admin app, on the embedded database. Whatever the UI does is checked
// through the Admin or Store API, not through the page alone.

describe.runIf(runsInBrowser('admin order browser tests'))('orders, returns and promotions in the admin', () => {
  let commerce: Commerce
  let api: RunningServer
  let ui: AdminInBrowser
  let shop: Shop
  let store: StoreClient
  let publishableKey: string
  let admin: AdminClient

  beforeAll(async () => {
    commerce = await createTestCommerce()
    shop = await createShop(commerce)
    publishableKey = (await ensureDefaultChannel(commerce.ctx())).publishableKey
    await createAdminUser(commerce.ctx(), { ...OWNER, role: 'owner' })
    ui = await startAdminInBrowser(commerce)
    api = ui.api
    store = createStoreClient({ baseUrl: api.url, publishableKey })
    admin = createAdminClient({ baseUrl: api.url })
    await admin.login(OWNER.email, OWNER.password)
    console.log(`Screenshots: ${SCREENSHOT_DIR}`)
  })

  afterAll(async () => {
    await ui?.close()
    await commerce?.close()
  })

  const signedIn: AdminInBrowser['signedIn'] = (user, viewport) => ui.signedIn(user, viewport)

  /** Shirts and mugs bought through the Store API, paid with the test provider (authorized, not captured). */
  async function placeOrder(email: string, lines: { variant: string; quantity: number }[], code?: string, client = store) {
    const cart = await client.carts.create({ region_id: shop.regions.nl, email })
    for (const l of lines) await client.carts.addLine(cart.id, { variant_id: l.variant, quantity: l.quantity })
    if (code) await client.carts.addPromotion(cart.id, code)
    await client.carts.update(cart.id, { shipping_address: ADDRESSES.nl })
    await client.carts.setShippingMethod(cart.id, shop.shipping.nl)
    await client.carts.setPayment(cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    return client.carts.complete(cart.id)
  }

  /** The numbers of the orders the list shows now. */
  const listed = (page: Page) => page.locator('table.orders tbody tr td:first-child').allTextContents()

  it('captures, fulfills and ships an order, returns one line, receives it into stock and refunds it; the list filters find it', async () => {
    const order = await placeOrder('returns@example.com', [
      { variant: shop.variants.shirt, quantity: 2 },
      { variant: shop.variants.mug, quantity: 1 },
    ])
    const other = await placeOrder('other@example.com', [{ variant: shop.variants.mug, quantity: 1 }])
    const shirtLine = order.items.find((i) => i.variant_id === shop.variants.shirt)!
    const stockBefore = (await admin.inventory.variantStock(shop.variants.shirt)).levels[0]!.stocked_quantity

    const page = await signedIn()
    await page.goto(`/app/#/orders/${order.id}`)
    await page.waitForSelector(`h1:has-text("Order #${order.number}")`)
    await page.click('button:has-text("Capture")')
    await page.waitForSelector('.page-head .badge-captured')
    await page.click('button:has-text("Fulfill remaining items")')
    await page.fill('input[name=carrier]', 'PostNL')
    await page.fill('input[name=tracking_number]', '3SRETURN0001')
    await page.click('button:has-text("Mark shipped")')
    await page.waitForSelector('[data-tracking]')

    // Nothing chosen: the form says so before sending anything.
    await page.click('button:has-text("Request return")')
    await page.waitForSelector('.return-request .problem')
    await page.fill('input[aria-label="Units of Checkout Shirt to return"]', '3')
    await page.fill('input[name=return-reason]', 'Too small')
    await page.click('button:has-text("Request return")')
    await page.waitForSelector('.return-request .error:has-text("from 0 to 2")')
    await page.fill('input[aria-label="Units of Checkout Shirt to return"]', '1')
    await page.click('button:has-text("Request return")')
    await page.waitForSelector('.return .badge-requested')
    await page.click('button[name=receive-return]')
    await page.waitForSelector('.return .badge-received')
    await page.click('button[name=refund-return]')
    await page.waitForSelector('[data-return-refund] .badge-succeeded')
    await page.waitForSelector('li[data-event="refund.created"]')
    await screenshot(page, 'admin-order-returns')

    const after = await admin.orders.get(order.id)
    expect(after.returns).toEqual([
      expect.objectContaining({
        status: 'received',
        reason: 'Too small',
        requested_by: 'admin',
        items: [{ line_id: shirtLine.id, quantity: 1, restock: true }],
      }),
    ])
    const refunds = after.transactions.filter((t) => t.kind === 'refund')
    expect(refunds).toEqual([
      expect.objectContaining({ status: 'succeeded', return_id: after.returns[0]!.id, amount: shirtLine.total / 2 }),
    ])
    expect(after.payment).toMatchObject({ status: 'partially_refunded', refunded_amount: shirtLine.total / 2 })
    expect(after.fulfillment_status).toBe('partially_returned')
    expect((await admin.inventory.variantStock(shop.variants.shirt)).levels[0]!.stocked_quantity).toBe(stockBefore - 2 + 1)
    // The timeline shows every change the API recorded, each with who made it.
    const types = after.timeline.map((t) => t.type)
    for (const type of [
      'order.placed',
      'order.payment_captured',
      'order.fulfilled',
      'order.shipped',
      'return.requested',
      'return.received',
      'refund.created',
    ])
      expect(types).toContain(type)
    expect(await page.locator('ol.timeline li').count()).toBe(after.timeline.length)
    expect(await page.locator('li[data-event="return.received"]').textContent()).toMatch(/by admin .*1 unit, 1 restocked/)

    await page.click('a[href="#/orders"]')
    // Both orders at first (placed within the same millisecond they may list in either order).
    await expect.poll(async () => (await listed(page)).sort()).toEqual([`#${order.number}`, `#${other.number}`].sort())
    await page.selectOption('select[name=payment_status]', 'partially_refunded')
    await expect.poll(() => listed(page)).toEqual([`#${order.number}`])
    await page.selectOption('select[name=payment_status]', 'authorized')
    await expect.poll(() => listed(page)).toEqual([`#${other.number}`])
    await page.selectOption('select[name=payment_status]', '')
    await page.fill('input[name=q]', 'returns@example')
    await page.press('input[name=q]', 'Enter')
    await expect.poll(() => listed(page)).toEqual([`#${order.number}`])
    await page.fill('input[name=q]', 'other@example.com')
    await page.press('input[name=q]', 'Enter')
    await expect.poll(() => listed(page)).toEqual([`#${other.number}`])

    // Before anything is packed the order's lines can change; the server reprices it.
    await page.click(`a[href="#/orders/${other.id}"]`)
    await page.click('button[name=edit-order]')
    await page.fill('input[name=edit-qty-0]', 'two')
    await page.click('button:has-text("Save changes")')
    await page.waitForSelector('.error:has-text("A whole number")')
    await screenshot(page, 'admin-order-edit')
    await page.fill('input[name=edit-qty-0]', '2')
    await page.click('button:has-text("Save changes")')
    await page.waitForSelector('li[data-event="order.updated"]')
    const edited = await admin.orders.get(other.id)
    expect(edited.items.map((i) => i.quantity)).toEqual([2])
    expect(edited.subtotal).toBe(2 * other.subtotal)
  })

  it('creates a buy-X-get-Y promotion that a Store API cart then gets, edits it, counts its use, deactivates and deletes it', async () => {
    const shirt = (await store.products.list({ q: 'Checkout Shirt' })).data[0]!
    const page = await signedIn()
    await page.click('a[href="#/promotions"]')
    // What only the API knows (ABC is no ISO 4217 currency) comes back under the field's path.
    await page.fill('input[name=promo-name]', 'Five off')
    await page.selectOption('select[name=promo-kind]', 'order_fixed')
    await page.fill('input[name=value]', '5')
    await page.fill('input[name=promo-currency]', 'ABC')
    await page.fill('input[name=codes]', 'FIVEOFF')
    await page.click('button[name=save-promotion]')
    await page.waitForSelector('.problem li code:has-text("rule.currency_code")')
    await page.waitForSelector('.field.invalid input[name=promo-currency]')
    await page.fill('input[name=promo-currency]', 'EUR')
    await page.fill('input[name=promo-name]', 'Shirts 2 for 1')
    await page.selectOption('select[name=promo-kind]', 'buy_x_get_y')
    await page.fill('input[name=promo-buy]', '0')
    await page.fill('input[name=promo-product_ids]', shirt.id)
    await page.fill('input[name=codes]', 'SHIRT2FOR1')
    await page.fill('input[name=promo-customer_usage_limit]', '2')
    await page.click('button[name=save-promotion]')
    // Checked before sending, under the path the API would name.
    await page.waitForSelector('.problem li code:has-text("rule.buy")')
    await page.fill('input[name=promo-buy]', '1')
    await screenshot(page, 'admin-promotion-form')
    await page.click('button[name=save-promotion]')
    await page.waitForSelector('table.promotions td:has-text("Shirts 2 for 1")')

    const cart = await store.carts.create({ region_id: shop.regions.nl, email: 'promo@example.com' })
    await store.carts.addLine(cart.id, { variant_id: shop.variants.shirt, quantity: 2 })
    await store.carts.addLine(cart.id, { variant_id: shop.variants.mug, quantity: 1 })
    const discounted = await store.carts.addPromotion(cart.id, 'SHIRT2FOR1')
    expect(discounted.promotions).toEqual([expect.objectContaining({ code: 'SHIRT2FOR1', applied: true })])
    expect(discounted.discount_total).toBe(2495)

    // Edit: buy 2 get 1 from now on, and a second code.
    await page.click('table.promotions a:has-text("Shirts 2 for 1")')
    await page.waitForSelector('h1:has-text("Shirts 2 for 1")')
    await page.fill('input[name=promo-name]', 'Shirts 3 for 2')
    await page.fill('input[name=promo-buy]', '2')
    await page.fill('input[name=codes]', 'SHIRT2FOR1, SHIRT3FOR2')
    await page.click('button[name=save-promotion]')
    await page.waitForSelector('h1:has-text("Shirts 3 for 2")')
    const [listedPromotion] = (await admin.promotions.list()).data
    const edited = await admin.promotions.get(listedPromotion!.id)
    expect(edited).toMatchObject({
      name: 'Shirts 3 for 2',
      rule: { type: 'buy_x_get_y', buy: 2, get: 1, target: { product_ids: [shirt.id] } },
      customer_usage_limit: 2,
    })
    expect(edited.codes.sort()).toEqual(['SHIRT2FOR1', 'SHIRT3FOR2'])
    const two = await store.carts.get(cart.id)
    expect(two.promotions).toEqual([expect.objectContaining({ code: 'SHIRT2FOR1', applied: false, reason: 'min_quantity_not_met' })])

    const order = await placeOrder('promo@example.com', [{ variant: shop.variants.shirt, quantity: 3 }], 'SHIRT3FOR2')
    expect(order.discount_total).toBe(2495)
    await page.reload()
    await expect.poll(() => page.locator('[data-usage="used"]').textContent()).toBe('1')
    await page.waitForSelector(`a[href="#/orders/${order.id}"]`)
    await page.click('a[href="#/promotions"]')
    await expect.poll(() => page.locator('table.promotions td[data-usage]').first().textContent()).toBe('1')

    // Deactivated from its page: a cart then shows the code as not applied.
    await page.click('table.promotions a:has-text("Shirts 3 for 2")')
    await page.click('button[name=toggle-promotion]')
    await page.waitForSelector('.page-head .badge-inactive')
    expect((await store.carts.get(cart.id)).promotions).toEqual([expect.objectContaining({ applied: false, reason: 'inactive' })])
    page.once('dialog', (dialog) => void dialog.accept())
    await page.click('button[name=delete-promotion]')
    await page.waitForSelector('text=No promotions yet.')
    await expect(admin.promotions.get(edited.id)).rejects.toMatchObject({ code: 'promotion.not_found' })
  })

  it("finds a customer by part of the name and shows the account's addresses and orders", async () => {
    const buyer = createStoreClient({ baseUrl: api.url, publishableKey })
    const account = { email: 'marta.k@example.com', password: 'a long enough secret' }
    await buyer.customers.register({ ...account, first_name: 'Marta', last_name: 'Kowalska' })
    await buyer.auth.login(account)
    await buyer.customers.addresses.create(ADDRESSES.nl)
    const order = await placeOrder(account.email, [{ variant: shop.variants.mug, quantity: 1 }], undefined, buyer)

    const page = await signedIn()
    await page.click('a[href="#/customers"]')
    await page.fill('input[name=q]', 'KOWAL')
    await page.press('input[name=q]', 'Enter')
    await expect.poll(() => page.locator('table.customers tbody tr').allTextContents()).toEqual([expect.stringContaining(account.email)])
    await page.click(`table.customers a:has-text("${account.email}")`)
    await page.waitForSelector(`.addresses li:has-text("${ADDRESSES.nl.address_1}")`)
    await page.waitForSelector(`table.customer-orders a[href="#/orders/${order.id}"]`)
    expect(await page.locator('table.customer-orders tbody tr').count()).toBe(1)
  })

  it('takes a phone order as a draft: address, a product found by SKU, shipping, then an order awaiting payment', async () => {
    const page = await signedIn()
    await page.click('a[href="#/orders"]')
    await page.click('a[href="#/draft-orders/new"]')
    await page.selectOption('select[name=draft-region]', shop.regions.nl)
    await page.fill('input[name=draft-email]', 'phone@example.com')
    await page.click('button:has-text("Start draft order")')
    await page.waitForSelector('.field.invalid input[name=draft-city]')
    for (const [key, value] of Object.entries(ADDRESSES.nl)) await page.fill(`input[name=draft-${key}]`, value)
    await page.click('button:has-text("Start draft order")')
    await page.waitForSelector('h1:has-text("Draft order for phone@example.com")')
    await page.fill('input[name=draft-search]', 'CO-SHIRT')
    await page.press('input[name=draft-search]', 'Enter')
    await page.click('button[name=add-CO-SHIRT]')
    await page.waitForSelector('table.draft-items td:has-text("Checkout Shirt")')
    await page.selectOption('select[name=draft-shipping]', shop.shipping.nl)
    await page.waitForSelector('button[name=convert-draft]:not([disabled])')
    await screenshot(page, 'admin-draft-order')
    await page.click('button[name=convert-draft]')
    await page.waitForFunction(() => /^#\/orders\/ord_/.test(location.hash))
    const orderId = await page.evaluate(() => location.hash.split('/')[2]!)
    const order = await admin.orders.get(orderId)
    expect(order).toMatchObject({ email: 'phone@example.com', shipping_method: expect.objectContaining({ name: 'Standard' }) })
    expect(order.items.map((i) => [i.variant_id, i.quantity])).toEqual([[shop.variants.shirt, 1]])
    expect(order.payment.status).toBe('awaiting')
  })
})
