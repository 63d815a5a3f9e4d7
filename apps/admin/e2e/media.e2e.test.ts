import type { RunningServer } from '@kassa/api'
import { type Commerce, createAdminUser, createProduct, ensureDefaultChannel } from '@kassa/core'
import { createTestCommerce } from '@kassa/core/testing'
import { createStoreClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminInBrowser, OWNER, runsInBrowser, startAdminInBrowser } from './harness.js'
import { SCREENSHOT_DIR, screenshot } from '../../storefront/e2e/browser.js'

// Real headless Chromium against the real API serving the built admin app at /app/: images
// uploaded on the product page reach the Store API's product media.
// A 1x1 PNG and a 1x1 GIF: real images by their first bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const GIF_BASE64 = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='

describe.runIf(runsInBrowser('admin media browser tests'))('product media in the admin, in headless Chromium', () => {
  let commerce: Commerce
  let api: RunningServer
  let ui: AdminInBrowser
  let publishableKey: string
  let productId: string

  beforeAll(async () => {
    commerce = await createTestCommerce()
    publishableKey = (await ensureDefaultChannel(commerce.ctx())).publishableKey
    await createAdminUser(commerce.ctx(), { ...OWNER, role: 'owner' })
    const product = await createProduct(commerce.ctx(), {
      title: 'Canvas Tote',
      status: 'published',
      variants: [{ sku: 'TOTE-1', prices: [{ currency_code: 'EUR', amount: 1995 }] }],
    })
    productId = product.id
    ui = await startAdminInBrowser(commerce)
    api = ui.api
    console.log(`Screenshots: ${SCREENSHOT_DIR}`)
  })

  afterAll(async () => {
    await ui?.close()
    await commerce?.close()
  })

  const signedIn: AdminInBrowser['signedIn'] = (user, viewport) => ui.signedIn(user, viewport)

  const storeMedia = async () => {
    const store = createStoreClient({ baseUrl: api.url, publishableKey })
    return (await store.products.get('canvas-tote')).media
  }

  it('uploads by file picker and by drop, takes alt text and order, and the Store API shows the images', async () => {
    const page = await signedIn()
    await page.goto(`/app/#/products/${productId}`)
    await page.waitForSelector('.media-editor')

    await page.setInputFiles('input[name=media-upload]', { name: 'front.png', mimeType: 'image/png', buffer: PNG })
    await expect.poll(() => page.locator('.media-editor li img').count()).toBe(1)
    const firstUrl = await page.locator('.media-editor li').first().getAttribute('data-url')
    expect(firstUrl).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/)
    // The thumbnail loads from the API's own file storage.
    await expect
      .poll(() =>
        page
          .locator('.media-editor li img')
          .first()
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(1)

    // A file dropped on the drop zone, as a browser hands it over.
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], 'back.gif', { type: 'image/gif' }))
      document
        .querySelector('.media-editor .dropzone')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    }, GIF_BASE64)
    await expect.poll(() => page.locator('.media-editor li img').count()).toBe(2)
    await expect.poll(async () => (await storeMedia()).length).toBe(2)

    await page.fill('input[name=media-alt-1]', 'The back of the tote')
    await page.locator('input[name=media-alt-1]').press('Tab')
    await expect.poll(async () => (await storeMedia())[1]?.alt).toBe('The back of the tote')
    await page.click('button[aria-label="Move image 2 earlier"]')
    await expect.poll(async () => (await storeMedia()).map((m) => m.alt)).toEqual(['The back of the tote', null])
    await screenshot(page, 'admin-product-media')

    const media = await storeMedia()
    expect(new URL(media[1]!.url).pathname).toBe(firstUrl)
    const served = await fetch(`${api.url}${firstUrl}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true)

    await page.click('button[aria-label="Remove image 1"]')
    await expect.poll(async () => (await storeMedia()).map((m) => new URL(m.url).pathname)).toEqual([firstUrl])
  })

  it('shows why a file is refused', async () => {
    const page = await signedIn()
    await page.goto(`/app/#/products/${productId}`)
    await page.waitForSelector('.media-editor')
    await page.setInputFiles('input[name=media-upload]', { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') })
    await expect.poll(() => page.locator('.media-editor .problem').textContent()).toContain('upload.unsupported_type')
  })
})
