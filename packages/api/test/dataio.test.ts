import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  addLine,
  completeCart,
  createCart,
  ensureDefaultChannel,
  importsDir,
  setPaymentSession,
  setShippingMethod,
  updateCart,
} from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop } from './shop-fixtures.js'

const FIXTURE = new URL('../../core/src/dataio/fixtures/shopify-products.csv', import.meta.url)

let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ storefrontUrl: 'https://shop.example.com/' })
})
afterAll(() => api.close())

const upload = (body: BodyInit, headers: Record<string, string> = {}, query = '') =>
  api.admin(`/admin/imports${query}`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { 'content-type': 'text/csv', ...headers },
  } as RequestInit)

interface Job {
  id: string
  status: string
  result: { products: Record<string, number>; issues: { line: number; reason: string }[] } | null
  error: { code: string } | null
}

/** Polls the job until it ends (a bounded number of times; no timing assertion). */
async function finished(id: string): Promise<Job> {
  for (let i = 0; i < 500; i++) {
    const res = await api.admin(`/admin/imports/${id}`)
    expect(res.status).toBe(200)
    const { import: job } = (await res.json()) as { import: Job }
    if (job.status === 'succeeded' || job.status === 'failed') return job
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`import ${id} did not finish`)
}

describe('Admin API imports', () => {
  it('takes a CSV upload, runs it in the background and reports the result', async () => {
    const res = await upload(readFileSync(FIXTURE), {}, '?currency=EUR&filename=shop.csv')
    expect(res.status).toBe(202)
    const { import: queued } = (await res.json()) as { import: Job & { filename: string; total_bytes: number } }
    expect(queued).toMatchObject({ status: 'queued', filename: 'shop.csv', total_bytes: readFileSync(FIXTURE).length })
    const job = await finished(queued.id)
    expect(job.status).toBe('succeeded')
    expect(job.result!.products).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 2 })
    expect(job.result!.issues.map((i) => i.line)).toEqual([11, 12, 13])
    expect(await api.count('product')).toBe(4)
  })

  it("imports a file named inside the data folder's imports/ and refuses paths outside it", async () => {
    const dir = importsDir(api.commerce.config.dataDir)
    mkdirSync(dir, { recursive: true })
    copyFileSync(FIXTURE, join(dir, 'again.csv'))
    const res = await api.admin('/admin/imports', { method: 'POST', json: { path: 'again.csv', dry_run: true } })
    expect(res.status).toBe(202)
    const job = await finished(((await res.json()) as { import: Job }).import.id)
    expect(job.result!.products).toMatchObject({ unchanged: 4 })

    for (const path of ['../kassa.sqlite', '/etc/passwd', '.uploads/x.csv']) {
      const outside = await api.admin('/admin/imports', { method: 'POST', json: { path } })
      expect(outside.status).toBe(403)
      expect(await outside.json()).toMatchObject({ code: 'import.path_outside' })
    }
    const missing = await api.admin('/admin/imports', { method: 'POST', json: { path: 'nope.csv' } })
    expect(missing.status).toBe(404)
  })

  it('refuses a file that is no CSV, one without a Handle column, and bodies past the limit or the announced length', async () => {
    const binary = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    expect(binary.status).toBe(400)
    expect(await binary.json()).toMatchObject({ code: 'import.not_csv' })

    const noHandle = await upload('Title,Variant SKU\nHat,HAT-1\n')
    expect(noHandle.status).toBe(400)
    expect(await noHandle.json()).toMatchObject({ code: 'import.missing_column', detail: 'The CSV has no Handle column' })

    const huge = await upload('Handle\n', { 'content-length': String(2 * 1024 ** 3) })
    expect(huge.status).toBe(413)
    expect(await huge.json()).toMatchObject({ code: 'import.too_large' })

    const longer = await upload(new Blob(['Handle,Title\n', 'x'.repeat(5000)]).stream() as never, { 'content-length': '1024' })
    expect(longer.status).toBe(400)
    expect(await longer.json()).toMatchObject({ code: 'import.length_mismatch' })

    const streamedPastLimit = await upload(
      new ReadableStream({
        start(controller) {
          const chunk = new TextEncoder().encode(`Handle,Title\n${'x'.repeat(1024 * 1024)}\n`)
          for (let i = 0; i < 51; i++) controller.enqueue(chunk)
          controller.close()
        },
      }) as never,
    )
    expect(streamedPastLimit.status).toBe(413)

    const wrongType = await api.admin('/admin/imports', { method: 'POST', body: 'Handle\n', headers: { 'content-type': 'image/png' } })
    expect(wrongType.status).toBe(415)
    expect(readDirUploads()).toEqual([])
  })

  it('answers 404 for an unknown import', async () => {
    const res = await api.admin('/admin/imports/imp_nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: 'import.not_found' })
  })
})

function readDirUploads(): string[] {
  // Refused uploads leave no file behind.
  return readdirSync(join(importsDir(api.commerce.config.dataDir), '.uploads'))
}

describe('Admin API exports', () => {
  it('streams the catalog as Shopify CSV and JSON', async () => {
    const csv = await api.admin('/admin/exports/products?format=shopify-csv&currency=EUR')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = Buffer.from(await csv.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text.split('\n')[0]).toMatch(/^\ufeffHandle,Title,Body \(HTML\)/)
    expect(text).toContain('linen-shirt,Linen Shirt')
    const json = await api.admin('/admin/exports/products?format=json')
    expect(((await json.json()) as { handle: string }[]).map((p) => p.handle)).toContain('linen-shirt')
    const bad = await api.admin('/admin/exports/products?currency=XXX')
    expect(bad.status).toBe(400)
  })

  it('exports orders as CSV, one row per line with tax and discount', async () => {
    const shop = await createShop(api.commerce)
    const { channel } = await ensureDefaultChannel(api.commerce.ctx())
    const ctx = api.commerce.ctx({ type: 'guest' }, channel)
    const cart = await createCart(ctx, { region_id: shop.regions.nl, email: 'buyer@example.com' })
    await addLine(ctx, cart.id, { variant_id: shop.variants.shirt, quantity: 2 })
    await addLine(ctx, cart.id, { variant_id: shop.variants.mug, quantity: 1 })
    await updateCart(ctx, cart.id, { shipping_address: ADDRESSES.nl })
    await setShippingMethod(ctx, cart.id, shop.shipping.nl)
    await setPaymentSession(ctx, cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    const order = await completeCart(ctx, cart.id)
    const res = await api.admin('/admin/exports/orders')
    expect(res.status).toBe(200)
    const [header, ...rows] = (await res.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n')
    expect(header).toBe(
      'order_number,order_id,placed_at,status,payment_status,email,currency,tax_inclusive,line_position,sku,product_title,variant_title,quantity,unit_price,line_subtotal,line_discount,line_tax,line_total,tax_rates,order_subtotal,order_discount,order_shipping,order_tax,order_total',
    )
    expect(rows).toHaveLength(2)
    const shirt = rows.find((r) => r.includes('CO-SHIRT'))!.split(',')
    expect(shirt.slice(6, 8)).toEqual(['EUR', 'true'])
    expect(shirt.slice(12, 18)).toEqual(['2', '24.95', '49.90', '0.00', '8.66', '49.90'])
    expect(shirt[18]).toBe('BTW 21%')
    expect(shirt[23]).toBe((order.total / 100).toFixed(2))
    const none = await api.admin('/admin/exports/orders?from=2999-01-01T00:00:00Z')
    expect((await none.text()).trim().split('\n')).toHaveLength(1)
  })
})

describe('Google product feed', () => {
  it('serves RSS 2.0 with g: fields per variant, takes the key as a query parameter, and is cacheable', async () => {
    const missing = await api.request('/store/feeds/google.xml')
    expect(missing.status).toBe(401)
    const res = await api.request(`/store/feeds/google.xml?key=${api.publishableKey}&currency=EUR&locale=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    const etag = res.headers.get('etag')
    expect(etag).toBeTruthy()
    const xml = await res.text()
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0" xmlns:g="http:\/\/base.google.com\/ns\/1.0">/)
    const items = xml.match(/<item>.*?<\/item>/g)!
    const small = items.find((i) => i.includes('<g:id>LS-S-B</g:id>'))!
    expect(small).toContain('<g:title>Linen Shirt - S / Blue</g:title>')
    expect(small).toContain('<g:description>A light shirt. 100% &quot;linen&quot;</g:description>')
    expect(small).toMatch(/<g:link>https:\/\/shop.example.com\/products\/linen-shirt\?variant=var_\w+<\/g:link>/)
    expect(small).toContain('<g:image_link>https://cdn.example.com/linen-blue.jpg</g:image_link>')
    expect(small).toContain('<g:availability>in_stock</g:availability>')
    expect(small).toContain('<g:price>49.95 EUR</g:price>')
    expect(small).toContain('<g:brand>Acme</g:brand>')
    expect(small).toContain('<g:gtin>8712345678906</g:gtin>')
    expect(small).toContain('<g:mpn>LS-S-B</g:mpn>')
    expect(small).toContain('<g:condition>new</g:condition>')
    expect(small).toContain('<g:item_group_id>linen-shirt</g:item_group_id>')
    expect(small).toContain('<g:size>S</g:size><g:color>Blue</g:color>')
    // Drafts and archived products are not advertised.
    expect(xml).not.toContain('Coffee Mug')
    expect(xml).not.toContain('Old Poster')
    const bowl = items.find((i) => i.includes('BOWL-1'))!
    expect(bowl).not.toContain('item_group_id')

    const again = await api.request(`/store/feeds/google.xml?key=${api.publishableKey}&currency=EUR&locale=en`, {
      headers: { 'if-none-match': etag! },
    })
    expect(again.status).toBe(304)
    const unknownRegion = await api.store('/store/feeds/google.xml?region_id=reg_nope')
    expect(unknownRegion.status).toBe(404)
  })
})
