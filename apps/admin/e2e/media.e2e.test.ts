import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { type RunningServer, startServer } from '@kassa/api'
import { type Commerce, createAdminUser, createProduct, ensureDefaultChannel } from '@kassa/core'
import { createTestCommerce, testDialect } from '@kassa/core/testing'
import { createStoreClient } from '@kassa/sdk'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, chromiumAvailable, launchChromium, SCREENSHOT_DIR, screenshot } from '../../storefront/e2e/browser.js'

// Real headless Chromium against the real API serving the built admin app at /app/: images
// uploaded on the product page reach the Store API's product media.
const ci = process.env.CI === 'true' || process.env.CI === '1'
const present = chromiumAvailable()
const root = join(import.meta.dirname, '../../..')
const OWNER = { email: 'owner@example.com', password: 'correct horse battery' }
// A 1x1 PNG and a 1x1 GIF: real images by their first bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const GIF_BASE64 = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='

if (!present)
  console.warn(
    `Chromium not found at ${CHROMIUM_PATH}: ${ci ? 'CI=true, so the media browser tests fail' : 'skipping the media browser tests'}`,
  )

if (testDialect === 'sqlite' && ci && !present) {
  describe('admin media browser tests on CI', () => {
    it('need Chromium', () => {
      expect.fail(`CI=true and no Chromium at ${CHROMIUM_PATH}`)
    })
  })
}

describe.runIf(testDialect === 'sqlite' && present)('product media in the admin, in headless Chromium', () => {
  let commerce: Commerce
  let api: RunningServer
  let browser: Browser
  let publishableKey: string
  let productId: string
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
    commerce = await createTestCommerce()
    publishableKey = (await ensureDefaultChannel(commerce.ctx())).publishableKey
    await createAdminUser(commerce.ctx(), { ...OWNER, role: 'owner' })
    const product = await createProduct(commerce.ctx(), {
      title: 'Canvas Tote',
      status: 'published',
      variants: [{ sku: 'TOTE-1', prices: [{ currency_code: 'EUR', amount: 1995 }] }],
    })
    productId = product.id
    api = await startServer(commerce, { port: 0, host: '127.0.0.1', reservationSweepMs: 0, adminDir: join(root, 'apps/admin/dist') })
    browser = await launchChromium()
    console.log(`Screenshots: ${SCREENSHOT_DIR}`)
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await api?.close()
    await commerce?.close()
  })

  async function signedIn(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: api.url })
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(8_000)
    page.on('pageerror', (error) => console.error('page error:', error))
    await page.goto('/app/')
    await page.fill('input[name=email]', OWNER.email)
    await page.fill('input[name=password]', OWNER.password)
    await page.click('button[type=submit]')
    await page.waitForSelector('.topbar')
    return page
  }

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
