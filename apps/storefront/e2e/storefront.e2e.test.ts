import { type RunningServer, startServer } from '@kassa/api'
import { type Commerce, createAdminUser, ensureDefaultChannel, loginAdmin, seedDemo } from '@kassa/core'
import { createTestCommerce, testDialect } from '@kassa/core/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningStorefront, startStorefront } from '../src/index.js'
import { CHROMIUM_PATH, chromiumAvailable, launchChromium, SCREENSHOT_DIR, screenshot, watchScriptBytes } from './browser.js'

// Real headless Chromium against the real API and storefront servers on the embedded database.
// It runs in the sqlite project only: the browser proves the pages, not the database.
const JS_BUDGET_BYTES = 30 * 1024
const ci = process.env.CI === 'true' || process.env.CI === '1'
const present = chromiumAvailable()
if (!present)
  console.warn(
    `Chromium not found at ${CHROMIUM_PATH}: ${ci ? 'CI=true, so the browser tests fail' : 'skipping the browser tests'} (apt-get install -y chromium)`,
  )

if (testDialect === 'sqlite' && ci && !present) {
  describe('browser tests on CI', () => {
    it('need Chromium', () => {
      expect.fail(`CI=true and no Chromium at ${CHROMIUM_PATH}`)
    })
  })
}

describe.runIf(testDialect === 'sqlite' && present)('the storefront in headless Chromium', () => {
  let commerce: Commerce
  let api: RunningServer
  let shop: RunningStorefront
  let browser: Browser
  let publishableKey: string
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    commerce = await createTestCommerce()
    publishableKey = (await ensureDefaultChannel(commerce.ctx())).publishableKey
    await seedDemo(commerce.ctx(), { products: 60 })
    api = await startServer(commerce, { port: 0, host: '127.0.0.1', reservationSweepMs: 0 })
    shop = await startStorefront({ apiUrl: api.url, publishableKey, port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
    console.log(`Screenshots: ${SCREENSHOT_DIR}`)
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await shop?.close()
    await api?.close()
    await commerce?.close()
  })

  /** A phone-sized browser window (390 px wide), JavaScript on unless told otherwise. */
  async function phone(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: shop.url, ...options })
    contexts.push(context)
    return context.newPage()
  }

  async function orderCount(): Promise<number> {
    const row = await commerce.db
      .selectFrom('order')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async function fillCheckout(page: Page, token: string) {
    await page.fill('input[name=email]', 'sam@example.com')
    await page.fill('input[name=first_name]', 'Sam')
    await page.fill('input[name=last_name]', 'Lee')
    await page.fill('input[name=address_1]', '1 Main St')
    await page.fill('input[name=postal_code]', '10001')
    await page.fill('input[name=city]', 'New York')
    await page.fill('input[name=province]', 'NY')
    await page.check('input[name=provider_id][value=test]')
    await page.fill('input[name=token]', token)
  }

  it('browses a filtered category, picks a variant, pays with tok_ok and gets an order number', async () => {
    const page = await phone()
    await page.goto('/en/')
    await screenshot(page, 'home')
    await page.click('nav.cats >> text=Clothing')
    await page.click('main nav.cats >> text=Shirts')
    await page.waitForURL('**/en/c/shirts')
    await page.click('form.filters summary')
    await Promise.all([page.waitForURL(/option=Size%3AM/), page.check('input[name=option][value="Size:M"]')])
    expect(await page.isChecked('input[name=option][value="Size:M"]')).toBe(true)

    const scripts = watchScriptBytes(page)
    await page.goto(page.url())
    await page.waitForLoadState('load')
    const categoryJs = await scripts.bytes()
    expect(categoryJs).toBeGreaterThan(0)
    expect(categoryJs).toBeLessThanOrEqual(JS_BUDGET_BYTES)

    const productScripts = watchScriptBytes(page)
    await page.click('ul.grid li.card a >> nth=0')
    await page.waitForURL('**/en/p/**')
    await page.waitForLoadState('load')
    const productJs = await productScripts.bytes()
    expect(productJs).toBeLessThanOrEqual(JS_BUDGET_BYTES)
    console.log(`Compressed JS: category page ${categoryJs} B, product page ${productJs} B (budget ${JS_BUDGET_BYTES} B)`)

    // The picker marks combinations that cannot be bought and keeps the price in step with the choice.
    await page.click('fieldset.opts >> nth=0 >> label:not(.na) >> nth=-1')
    const chosen = await page.$$eval('fieldset.opts input:checked', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(await page.isEnabled('form[data-variants] button[type=submit]')).toBe(true)
    expect(await page.textContent('[data-price]')).toMatch(/^\$\d+\.\d{2}$/)
    await screenshot(page, 'product')
    await page.click('text=Add to cart')
    await page.waitForURL('**/en/cart')
    expect(await page.textContent('.lines')).toContain(chosen.join(' / '))
    expect(await page.textContent('[data-cart-count]')).toBe('1')

    // The demo code applies; the server's discount shows on the cart.
    await page.fill('form.promo input[name=code]', 'welcome10')
    await Promise.all([page.waitForURL('**/en/cart'), page.click('form.promo button[type=submit]')])
    expect(await page.textContent('ul.promos')).toContain('WELCOME10')
    expect(await page.textContent('ul.promos')).toContain('✓')

    await page.click('text=Go to checkout')
    await page.waitForURL('**/en/checkout')
    await fillCheckout(page, 'tok_ok')
    await screenshot(page, 'checkout')
    await page.click('text=Place order')
    await page.waitForURL('**/en/orders/**')
    const number = Number(await page.textContent('[data-order-number]'))
    expect(number).toBeGreaterThanOrEqual(1001)

    // The order is there on the server, and the page shows its total.
    const orderId = page.url().split('/').pop()!
    const saved = (await page.context().cookies()).find((c) => c.name === 'kassa_order')!
    expect(saved.httpOnly).toBe(true)
    const token = saved.value.slice(saved.value.indexOf('.') + 1)
    const res = await fetch(`${api.url}/store/orders/${orderId}`, {
      headers: { 'x-publishable-api-key': publishableKey, 'x-order-token': token },
    })
    const { order } = await res.json()
    expect(order).toMatchObject({ number, email: 'sam@example.com', currency_code: 'USD' })
    expect(order.items).toHaveLength(1)
    // US prices exclude tax: the line's total adds New York sales tax, the shipping total its own.
    const [line] = order.items
    expect(Math.abs(line.discount_total - line.subtotal / 10)).toBeLessThanOrEqual(0.5)
    expect(line.total).toBe(line.subtotal - line.discount_total + line.tax_total)
    expect(line.tax_total).toBeGreaterThan(0)
    expect(order.total).toBe(line.total + order.shipping_total)
    expect(await page.textContent('main')).toContain(chosen.join(' / '))
    expect(await page.textContent('[data-total]')).toBe(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(order.total / 100),
    )
    // The shop's staff see the same order, with the same total, through the Admin API.
    await createAdminUser(commerce.ctx(), { email: 'staff@example.com', password: 'correct horse battery', role: 'support' })
    const { token: adminToken } = await loginAdmin(commerce.ctx(), { email: 'staff@example.com', password: 'correct horse battery' })
    const adminRes = await fetch(`${api.url}/admin/orders/${orderId}`, { headers: { authorization: `Bearer ${adminToken}` } })
    expect(adminRes.status).toBe(200)
    const { order: seen } = await adminRes.json()
    expect(seen).toMatchObject({ id: orderId, number, total: order.total, currency_code: 'USD' })
    expect(seen.promotions.map((p: { code: string | null }) => p.code)).toEqual(['WELCOME10'])
  })

  it('shows a declined card clearly, places no order, and lets the buyer retry', async () => {
    const page = await phone()
    await page.goto('/en/c/home')
    await page.click('ul.grid li.card a >> nth=0')
    await page.click('text=Add to cart')
    await page.waitForURL('**/en/cart')
    await page.click('text=Go to checkout')
    await fillCheckout(page, 'tok_declined')
    const before = await orderCount()
    await page.click('text=Place order')
    await expect.poll(() => page.textContent('[role=alert]')).toContain('Your card was declined')
    expect(await orderCount()).toBe(before)
    expect(await page.inputValue('input[name=email]')).toBe('sam@example.com')
    await page.fill('input[name=token]', 'tok_ok')
    await page.click('text=Place order')
    await page.waitForURL('**/en/orders/**')
    expect(await orderCount()).toBe(before + 1)
  })

  it('switches to Dutch and searches as you type', async () => {
    const page = await phone()
    await page.goto('/en/')
    await page.click('text=Nederlands')
    await page.waitForURL('**/nl/')
    expect(await page.getAttribute('html', 'lang')).toBe('nl')
    expect(await page.textContent('main')).toContain('Uitgelichte collecties')
    expect(await page.textContent('main')).toMatch(/€\s?\d/)
    await page.fill('input[name=q]', 'mok')
    await page.waitForSelector('.suggest li a')
    expect(await page.getAttribute('.suggest li a >> nth=0', 'href')).toMatch(/^\/nl\/p\//)
  })

  it('registers, signs in, pays with tok_ok and finds the order in the account history', async () => {
    const page = await phone()
    await page.goto('/en/account/register')
    await page.fill('input[name=first_name]', 'Robin')
    await page.fill('input[name=last_name]', 'Park')
    await page.fill('input[name=email]', 'robin@example.com')
    await page.fill('input[name=password]', 'a long enough secret')
    await Promise.all([page.waitForURL('**/en/account'), page.click('form button[type=submit] >> text=Create account')])
    // Sign out and in again: the login form is what returning customers use.
    await Promise.all([page.waitForURL('**/en/'), page.click('text=Sign out')])
    expect(await page.textContent('header')).toContain('Sign in')
    await page.click('header >> text=Sign in')
    await page.fill('input[name=email]', 'robin@example.com')
    await page.fill('input[name=password]', 'a long enough secret')
    await Promise.all([page.waitForURL('**/en/account'), page.click('main button[type=submit]')])
    expect(await page.textContent('h1')).toBe('Hello, Robin Park')
    const session = (await page.context().cookies()).find((c) => c.name === 'kassa_customer')!
    expect(session.httpOnly).toBe(true)
    expect(session.sameSite).toBe('Lax')

    await page.goto('/en/c/books')
    await page.click('ul.grid li.card a >> nth=0')
    await page.click('text=Add to cart')
    await page.waitForURL('**/en/cart')
    await page.click('text=Go to checkout')
    await page.waitForURL('**/en/checkout')
    expect(await page.inputValue('input[name=email]')).toBe('robin@example.com')
    await fillCheckout(page, 'tok_ok')
    await page.fill('input[name=email]', 'robin@example.com')
    await page.click('text=Place order')
    await page.waitForURL('**/en/orders/**')
    const number = await page.textContent('[data-order-number]')

    await page.goto('/en/account/orders')
    expect(await page.textContent('ul.orders')).toContain(number!)
    await screenshot(page, 'account-orders')
  })

  it('finds a product with the search form and adds it to the cart with JavaScript off', async () => {
    const page = await phone({ javaScriptEnabled: false })
    await page.goto('/en/')
    await page.fill('input[name=q]', 'mug')
    await page.press('input[name=q]', 'Enter')
    await page.waitForURL('**/en/search?q=mug')
    await page.click('ul.grid li.card a >> nth=0')
    await page.waitForURL('**/en/p/**')
    await page.click('text=Add to cart')
    await page.waitForURL('**/en/cart')
    expect(await page.$$('.lines li')).toHaveLength(1)
    expect(await page.textContent('[data-total]')).toMatch(/^\$\d/)
  })
})
