import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { RunningServer } from '@kassa/api'
import { type Commerce, createAdminUser, ensureDefaultChannel, type EventWorker, startEventWorker } from '@kassa/core'
import { createTestCommerce } from '@kassa/core/testing'
import { createAdminClient, createStoreClient } from '@kassa/sdk'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminInBrowser, OWNER, runsInBrowser, startAdminInBrowser } from './harness.js'
import { ADDRESSES, createShop, type Shop } from '../../../packages/api/test/shop-fixtures.js'
import { SCREENSHOT_DIR, screenshot } from '../../storefront/e2e/browser.js'

// Real headless Chromium against the real API serving the built admin app at /app/, on the
// embedded database. The browser proves the pages; the reports' sums are proven on both databases
// by packages/api/test/reports.test.ts.
const SUPPORT = { email: 'support@example.com', password: 'correct horse battery' }

describe.runIf(runsInBrowser('admin browser tests'))('the admin in headless Chromium', () => {
  let commerce: Commerce
  let api: RunningServer
  let ui: AdminInBrowser
  let shop: Shop
  let publishableKey: string
  let events: EventWorker

  beforeAll(async () => {
    commerce = await createTestCommerce({ webhooksAllowPrivate: true })
    events = startEventWorker(commerce, { idleMs: 100 })
    shop = await createShop(commerce)
    publishableKey = (await ensureDefaultChannel(commerce.ctx())).publishableKey
    await createAdminUser(commerce.ctx(), { ...OWNER, role: 'owner' })
    await createAdminUser(commerce.ctx(), { ...SUPPORT, role: 'support' })
    ui = await startAdminInBrowser(commerce)
    api = ui.api
    console.log(`Screenshots: ${SCREENSHOT_DIR}`)
  })

  afterAll(async () => {
    await ui?.close()
    await events?.stop()
    await commerce?.close()
  })

  const signedIn: AdminInBrowser['signedIn'] = (user, viewport) => ui.signedIn(user, viewport)

  it('creates a product with two options and prices, which the Store API then shows', async () => {
    const page = await signedIn(OWNER)
    await page.click('a[href="#/products"]')
    await page.click('a[href="#/products/new"]')
    await page.fill('input[name=title]', 'Field Jacket')
    await page.selectOption('select[name=status]', 'published')
    await page.fill('input[name=option-title-0]', 'Size')
    await page.fill('input[name=option-values-0]', 'S, M')
    await page.click('text=Add option')
    await page.fill('input[name=option-title-1]', 'Color')
    await page.fill('input[name=option-values-1]', 'Olive, Navy')
    await page.click('button[name=generate]')
    await expect.poll(() => page.locator('table.variants tbody tr').count()).toBe(4)
    // A price that is not a number is caught before sending.
    await page.fill('input[name=price-0-EUR]', 'abc')
    await page.click('text=Create product')
    await page.waitForSelector('.problem')
    for (let i = 0; i < 4; i++) {
      await page.fill(`input[name=price-${i}-EUR]`, '89.00')
      await page.fill(`input[name=price-${i}-USD]`, '99.50')
      await page.fill(`input[name=sku-${i}]`, `JKT-${i}`)
    }
    await page.click('text=Create product')
    await page.waitForFunction(() => /^#\/products\/prod_/.test(location.hash))
    await expect.poll(() => page.locator('input[name=price-3-USD]').inputValue()).toBe('99.50')
    // Stock per location: 7 units of the first variant at the shop's location.
    await page.fill(`input[name=stock-0-${shop.locationId}]`, '7')
    await page.click('button[name=save-stock]')
    await page.waitForSelector('text=Stock saved.')
    await screenshot(page, 'admin-product-edit')

    const store = createStoreClient({ baseUrl: api.url, publishableKey })
    const found = await store.products.list({ q: 'Field Jacket' })
    expect(found.data.map((p) => p.title)).toEqual(['Field Jacket'])
    const product = await store.products.get(found.data[0]!.handle)
    expect(product.options.map((o) => o.title)).toEqual(['Size', 'Color'])
    expect(product.variants).toHaveLength(4)
    expect(product.variants.map((v) => v.sku).sort()).toEqual(['JKT-0', 'JKT-1', 'JKT-2', 'JKT-3'])
    const admin = createAdminClient({ baseUrl: api.url })
    await admin.login(OWNER.email, OWNER.password)
    const first = (await admin.products.get(product.id)).variants.find((v) => v.sku === 'JKT-0')!
    expect((await admin.inventory.variantStock(first.id)).levels).toEqual([
      expect.objectContaining({ location_id: shop.locationId, stocked_quantity: 7 }),
    ])
  })

  /** Two shirts bought through the Store API, paid with the test provider. */
  async function placeOrder() {
    const store = createStoreClient({ baseUrl: api.url, publishableKey })
    const cart = await store.carts.create({ region_id: shop.regions.nl, email: 'buyer@example.com' })
    await store.carts.addLine(cart.id, { variant_id: shop.variants.shirt, quantity: 2 })
    await store.carts.update(cart.id, { shipping_address: ADDRESSES.nl })
    await store.carts.setShippingMethod(cart.id, shop.shipping.nl)
    await store.carts.setPayment(cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    return store.carts.complete(cart.id)
  }

  it('shows an order placed through the Store API, and captures, fulfills and ships it', async () => {
    const order = await placeOrder()

    const page = await signedIn(OWNER)
    await page.click('a[href="#/orders"]')
    await page.fill('input[name=q]', 'buyer@example.com')
    await page.press('input[name=q]', 'Enter')
    await page.click(`a[href="#/orders/${order.id}"]`)
    await page.waitForSelector(`h1:has-text("Order #${order.number}")`)
    await page.click('button:has-text("Capture")')
    await page.waitForSelector('.page-head .badge-captured')
    await page.click('button:has-text("Fulfill remaining items")')
    await page.fill('input[name=carrier]', 'PostNL')
    await page.fill('input[name=tracking_number]', '3SABCD1234567')
    await page.click('button:has-text("Mark shipped")')
    await page.waitForSelector('[data-tracking]')
    await screenshot(page, 'admin-order-detail')

    const admin = createAdminClient({ baseUrl: api.url })
    await admin.login(OWNER.email, OWNER.password)
    const after = await admin.orders.get(order.id)
    expect(after.payment.status).toBe('captured')
    expect(after.payment.captured_amount).toBe(order.total)
    expect(after.fulfillment_status).toBe('shipped')
    expect(after.fulfillments.map((f) => [f.status, f.carrier, f.tracking_number])).toEqual([['shipped', 'PostNL', '3SABCD1234567']])

    await page.click('a[href="#/"]')
    await page.waitForSelector('.chart canvas')
    expect(await page.locator('[data-figure="revenue-Today"]').textContent()).toBe(`€${(order.total / 100).toFixed(2)}`)
    await screenshot(page, 'admin-dashboard')
  })

  it('creates a webhook endpoint whose secret verifies the signed delivery of the next order', async () => {
    // A receiver that keeps what arrives; the secret is known only once the admin shows it.
    const arrived: { body: string; headers: IncomingHttpHeaders }[] = []
    const receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        arrived.push({ body, headers: req.headers })
        res.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    try {
      const page = await signedIn(OWNER)
      await page.click('a[href="#/settings"]')
      await page.click('a[href="#/settings/webhooks"]')
      await page.fill('input[name=webhook-url]', `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`)
      await page.fill('input[name=webhook-events]', 'order.placed')
      await page.click('button:has-text("Create endpoint")')
      const secret = (await page.locator('[data-secret]').textContent())!
      expect(secret).toMatch(/^whsec_/)

      const order = await placeOrder()
      await expect.poll(() => arrived.length, { timeout: 10_000 }).toBeGreaterThan(0)
      const verifier = new Webhook(secret)
      const headers = Object.fromEntries(Object.entries(arrived[0]!.headers).map(([k, v]) => [k, String(v)]))
      expect(verifier.verify(arrived[0]!.body, headers)).toMatchObject({ type: 'order.placed', data: { id: order.id } })

      await page.click('button:has-text("Deliveries")')
      await page.waitForSelector('.deliveries .badge-succeeded')
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()))
    }
  })

  it('creates a promotion code and shows the field errors the API answers with', async () => {
    const page = await signedIn(OWNER)
    await page.click('a[href="#/promotions"]')
    await page.fill('input[name=promo-name]', 'Spring')
    await page.fill('input[name=value]', '150')
    await page.fill('input[name=codes]', 'SPRING10')
    await page.click('button:has-text("Create")')
    // 150 % is refused by the API: its errors[] appear with their paths.
    await page.waitForSelector('.problem li code:has-text("rule")')
    await page.fill('input[name=value]', '10')
    await page.click('button:has-text("Create")')
    await page.waitForSelector('table.promotions td:has-text("Spring")')
    const admin = createAdminClient({ baseUrl: api.url })
    await admin.login(OWNER.email, OWNER.password)
    const [promotion] = (await admin.promotions.list()).data
    expect(promotion).toMatchObject({ name: 'Spring', status: 'active', rule: { type: 'order_percentage', percentage: 10 } })
  })

  it('creates a secret API key and shows its secret once', async () => {
    const page = await signedIn(OWNER)
    await page.click('a[href="#/settings"]')
    await page.click('a[href="#/settings/api-keys"]')
    await page.fill('input[name=key-title]', 'Warehouse sync')
    await page.selectOption('select[name=key-role]', 'support')
    await page.click('button:has-text("Create key")')
    const secret = await page.locator('[data-secret]').textContent()
    expect(secret).toMatch(/^sk_/)
    await page.waitForSelector('table.api-keys td:has-text("Warehouse sync")')
    const withKey = createAdminClient({ baseUrl: api.url, token: secret! })
    expect((await withKey.me()).role).toBe('support')
    await page.reload()
    await page.click('a[href="#/settings"]')
    await page.click('a[href="#/settings/api-keys"]')
    await page.waitForSelector('table.api-keys td:has-text("Warehouse sync")')
    expect(await page.locator('[data-secret]').count()).toBe(0)
  })

  it('hides product creation and API keys from a support user, and the API refuses them too', async () => {
    const page = await signedIn(SUPPORT, { width: 390, height: 844 })
    await page.click('a[href="#/products"]')
    await page.waitForSelector('table.products tbody tr')
    expect(await page.locator('a[href="#/products/new"]').count()).toBe(0)
    expect(await page.locator('a[href="#/api-keys"]').count()).toBe(0)
    await screenshot(page, 'admin-products-support-phone')
    // Support works orders on a phone: the list and an order's page fit 390 px without sideways scrolling.
    await page.click('a[href="#/orders"]')
    await page.click('table.orders tbody tr a')
    await page.waitForSelector('.timeline li')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'admin-order-support-phone')
    await page.goto('/app/#/products/new')
    await page.waitForSelector('text=Your role cannot create products.')
    await page.goto('/app/#/api-keys')
    await page.waitForSelector('text=Your role cannot manage API keys.')

    const admin = createAdminClient({ baseUrl: api.url })
    await admin.login(SUPPORT.email, SUPPORT.password)
    await expect(admin.products.create({ title: 'Nope' })).rejects.toMatchObject({ status: 403, code: 'auth.forbidden' })
    await expect(admin.apiKeys.list()).rejects.toMatchObject({ status: 403, code: 'auth.forbidden' })
  })
})
