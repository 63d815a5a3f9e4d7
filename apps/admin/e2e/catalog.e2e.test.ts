import type { RunningServer } from '@kassa/api'
import { type Commerce, createAdminUser, ensureDefaultChannel, type EventWorker, startEventWorker } from '@kassa/core'
import { createTestCommerce } from '@kassa/core/testing'
import { type AdminClient, createAdminClient, createStoreClient, type StoreClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminInBrowser, OWNER, runsInBrowser, startAdminInBrowser } from './harness.js'
import { createShop, type Shop } from '../../../packages/api/test/shop-fixtures.js'
import { SCREENSHOT_DIR, screenshot } from '../../storefront/e2e/browser.js'

// The catalog side of the admin in real headless Chromium against the real API serving the built
// app at /app/, on the embedded database: option editing on an existing product, translations,
// categories, publishing, and the bulk price and stock editors. What the shop sees is read back
// through the Store API.

describe.runIf(runsInBrowser('catalog browser tests'))('the admin catalog editors in headless Chromium', () => {
  let commerce: Commerce
  let api: RunningServer
  let ui: AdminInBrowser
  let shop: Shop
  let events: EventWorker
  let admin: AdminClient
  let store: StoreClient
  let sock: { id: string; handle: string }

  beforeAll(async () => {
    commerce = await createTestCommerce()
    events = startEventWorker(commerce, { idleMs: 100 })
    shop = await createShop(commerce)
    const publishableKey = (await ensureDefaultChannel(commerce.ctx())).publishableKey
    await createAdminUser(commerce.ctx(), { ...OWNER, role: 'owner' })
    ui = await startAdminInBrowser(commerce)
    api = ui.api
    admin = createAdminClient({ baseUrl: api.url })
    await admin.login(OWNER.email, OWNER.password)
    store = createStoreClient({ baseUrl: api.url, publishableKey })
    // A draft product with two sizes, as an earlier session in the admin would have left it.
    sock = await admin.products.create({
      title: 'Trail Sock',
      handle: 'trail-sock',
      status: 'draft',
      options: [{ title: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'TS-S', options: { Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 1200 }] },
        { sku: 'TS-M', options: { Size: 'M' }, prices: [{ currency_code: 'EUR', amount: 1200 }] },
      ],
    })
    console.log(`Screenshots: ${SCREENSHOT_DIR}`)
  })

  afterAll(async () => {
    await ui?.close()
    await events?.stop()
    await commerce?.close()
  })

  const signedIn: AdminInBrowser['signedIn'] = (user, viewport) => ui.signedIn(user, viewport)

  it('creates a category, then edits an existing product: a new option value and its variant, Dutch text, the category, publishing', async () => {
    const page = await signedIn()
    await page.click('a[href="#/categories"]')
    await page.click('a[href="#/categories/new"]')
    // A handle the API would refuse is caught before sending.
    await page.fill('input[name=title]', 'Socks')
    await page.fill('input[name=handle]', 'Socks!')
    await page.click('button:has-text("Create category")')
    await page.waitForSelector('.field.invalid input[name=handle]')
    await page.fill('input[name=handle]', 'socks')
    await page.fill('input[name=translation-title-nl]', 'Sokken')
    await page.click('button:has-text("Create category")')
    await page.waitForFunction(() => /^#\/categories\/pcat_/.test(location.hash))
    const categoryId = (await page.evaluate(() => location.hash)).split('/')[2]!
    await page.click('a[href="#/categories"]')
    await page.waitForSelector('table.categories td:has-text("Socks")')

    await page.goto(`/app/#/products/${sock.id}`)
    await page.waitForSelector('.options-editor')
    await page.fill('input[name=option-new-value-0]', 'L')
    await page.click('button[name=add-value-0]')
    await page.click('button[name=save-option-0]')
    await page.waitForSelector('text=Option Size saved.')
    await page.click('button[name=generate-missing]')
    await page.waitForSelector('text=1 variant added.')
    await expect.poll(() => page.locator('table.variants tbody tr').count()).toBe(3)

    await page.click('button[name=locale-nl]')
    await page.fill('input[name=translation-title-nl]', 'Wandelsok')
    await page.fill('textarea[name=translation-description-nl]', 'Een warme sok voor lange tochten.')
    await page.click('button[name=save-translations]')
    await page.waitForSelector('text=Translations saved.')

    await page.check(`input[name=category-${categoryId}]`)
    await page.click('button[name=save-groupings]')
    await page.waitForSelector('text=Groupings saved.')
    await page.click('button:has-text("Publish")')
    await page.waitForSelector('.page-head .badge-published')
    await page.waitForSelector('button[name=to-draft]')
    await screenshot(page, 'admin-product-catalog-edit')

    const product = await admin.products.get(sock.id)
    expect(product).toMatchObject({ status: 'published', category_ids: [categoryId] })
    expect(product.options[0]!.values).toEqual(['S', 'M', 'L'])
    expect(product.variants.map((v) => v.options.Size)).toEqual(['S', 'M', 'L'])

    const dutch = await store.products.get(sock.handle, { locale: 'nl' })
    expect(dutch).toMatchObject({ title: 'Wandelsok', description: 'Een warme sok voor lange tochten.', locale: 'nl' })
    const byHeader = await fetch(`${api.url}/store/products/${sock.handle}`, {
      headers: {
        'x-publishable-api-key': (await ensureDefaultChannel(commerce.ctx())).publishableKey,
        'accept-language': 'nl-NL,nl;q=0.9',
      },
    })
    expect((await byHeader.json()).product.title).toBe('Wandelsok')
    expect((await store.products.get(sock.handle)).title).toBe('Trail Sock')
    const inCategory = await store.products.list({ category: ['socks'] })
    expect(inCategory.data.map((p) => p.handle)).toEqual(['trail-sock'])
    expect(inCategory.data[0]!.variants).toHaveLength(3)
  })

  it('bulk-edits the prices and the stock of two selected products, each in one request', async () => {
    const shirt = (await admin.products.list({ q: 'Checkout Shirt' })).data[0]!
    const sockVariants = (await admin.products.get(sock.id)).variants
    const page = await signedIn()
    const batches: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/admin\/(prices|stock)\/batch$/.test(r.url())) batches.push(new URL(r.url()).pathname)
    })
    await page.click('a[href="#/products"]')
    await page.check(`input[name=select-${sock.id}]`)
    await page.check(`input[name=select-${shirt.id}]`)
    await page.waitForSelector('text=2 selected')

    await page.click('button[name=bulk-prices]')
    const priceOf = (variantId: string) => `input[name=bulk-price-${variantId}-EUR]`
    await expect.poll(() => page.locator('.bulk-prices tbody tr').count()).toBe(4)
    // A price that is not a number is caught before sending.
    await page.fill(priceOf(sockVariants[2]!.id), 'abc')
    await page.click('button[name=save-bulk-prices]')
    await page.waitForSelector('.bulk-prices input.invalid')
    expect(batches).toEqual([])
    await page.fill(priceOf(sockVariants[2]!.id), '14.50')
    await page.fill(priceOf(sockVariants[0]!.id), '9.95')
    await page.fill(priceOf(onlyVariant(shirt)), '27.50')
    await screenshot(page, 'admin-bulk-prices')
    await page.click('button[name=save-bulk-prices]')
    await page.waitForSelector('text=Prices saved.')
    expect(batches).toEqual(['/admin/prices/batch'])

    const nl = { region_id: shop.regions.nl }
    const sockInStore = await store.products.get(sock.handle, nl)
    expect(sockInStore.variants.map((v) => v.price)).toEqual([995, 1200, 1450])
    expect((await store.products.get(shirt.handle, nl)).variants.map((v) => v.price)).toEqual([2750])

    await page.check(`input[name=select-${sock.id}]`)
    await page.check(`input[name=select-${shirt.id}]`)
    await page.click('button[name=bulk-stock]')
    const stockOf = (variantId: string) => `input[name=bulk-stock-${variantId}-${shop.locationId}]`
    await page.waitForSelector(stockOf(onlyVariant(shirt)))
    await page.fill(stockOf(onlyVariant(shirt)), '42')
    await page.fill(stockOf(sockVariants[0]!.id), '7')
    await page.click('button[name=save-bulk-stock]')
    await page.waitForSelector('text=Stock saved.')
    expect(batches).toEqual(['/admin/prices/batch', '/admin/stock/batch'])
    const levelAt = async (variantId: string) =>
      (await admin.inventory.variantStock(variantId)).levels.find((l) => l.location_id === shop.locationId)?.stocked_quantity
    expect(await levelAt(onlyVariant(shirt))).toBe(42)
    expect(await levelAt(sockVariants[0]!.id)).toBe(7)
  })
})

/** The one variant of the shop's shirt. */
function onlyVariant(product: { variants: { id: string }[] }): string {
  return product.variants[0]!.id
}
