import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attrs, createVisitor } from './browser-less.js'
import { createTestShop, type TestShop } from './shop.js'

let shop: TestShop
let shirt: { handle: string; title: string; options: { title: string; values: string[] }[] }
let other: string

beforeAll(async () => {
  shop = await createTestShop()
  const res = await shop.api.request('/store/products?category=shirts&limit=1', {
    headers: { 'x-publishable-api-key': shop.publishableKey },
  })
  shirt = (await res.json()).data[0]
  const books = await shop.api.request('/store/products?category=books&limit=1', {
    headers: { 'x-publishable-api-key': shop.publishableKey },
  })
  other = (await books.json()).data[0].handle
})
afterAll(() => shop.close())

const srcDir = join(import.meta.dirname, '../src')

describe('the storefront is headless', () => {
  it('imports nothing of the engine or the API: only @kassa/sdk, hono and node built-ins', () => {
    const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) {
      const source = readFileSync(join(srcDir, file), 'utf8')
      const imports = [...source.matchAll(/^(?:import|export)\b[^;]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'|^import\s+'([^']+)'/gm)].map(
        (m) => m[1] ?? m[2] ?? m[3]!,
      )
      if (/\bfrom '/.test(source)) expect(imports.length, file).toBeGreaterThan(0)
      for (const name of imports)
        expect(name, `${file} imports ${name}`).toMatch(/^(\.\.?\/|node:|hono(\/|$)|@hono\/node-server$|@kassa\/sdk$)/)
    }
    const pkg = JSON.parse(readFileSync(join(srcDir, '../package.json'), 'utf8'))
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@hono/node-server', '@kassa/sdk', 'hono'])
  })
})

describe('findable pages', () => {
  it('sends visitors without a language to the one their browser prefers', async () => {
    const res = await shop.get('/', { headers: { 'accept-language': 'nl-NL,nl;q=0.9' } })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/nl/')
  })

  it('sends language-neutral product links (product feeds) to the product page in the browser language', async () => {
    const res = await shop.get(`/products/${shirt.handle}?variant=x`, { headers: { 'accept-language': 'nl' } })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`/nl/p/${shirt.handle}`)
  })

  it('renders the home page with title, description, canonical and hreflang, cacheable with an ETag', async () => {
    const res = await shop.get('/en/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="en">/)
    expect(html).toMatch(/<title>Kassa<\/title>/)
    expect(attrs(html, 'meta', 'name')).toContain('description')
    expect(attrs(html, 'link', 'rel')).toContain('canonical')
    expect(html).toContain('<link rel="canonical" href="https://shop.example/en/"/>')
    expect(html).toContain('hreflang="nl" href="https://shop.example/nl/"')
    expect(html).toContain('hreflang="x-default" href="https://shop.example/en/"')
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
    const etag = res.headers.get('etag')
    expect(etag).toBeTruthy()
    expect((await shop.get('/en/', { headers: { 'if-none-match': etag! } })).status).toBe(304)
  })

  it('speaks Dutch under /nl with the Dutch region (EUR, VAT included)', async () => {
    const html = await (await shop.get(`/nl/p/${shirt.handle}`)).text()
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('In winkelwagen')
    expect(html).toContain('incl. btw')
    expect(html).toMatch(/€\s?\d/)
  })

  it('gives product pages schema.org Product JSON-LD with offers in the region currency, and images with fixed sizes', async () => {
    const res = await shop.get(`/en/p/${shirt.handle}`)
    const html = await res.text()
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1]
    const product = JSON.parse(json!)
    expect(product).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      url: `https://shop.example/en/p/${shirt.handle}`,
    })
    expect(product.offers.length).toBeGreaterThan(0)
    expect(product.offers[0]).toMatchObject({ '@type': 'Offer', priceCurrency: 'USD' })
    expect(product.offers[0].price).toMatch(/^\d+\.\d{2}$/)
    expect(product.image[0]).toMatch(/^https:\/\/shop\.example\/media\//)
    for (const tag of html.match(/<img\b[^>]*>/g)!) expect(tag).toMatch(/width="\d+" height="\d+"/)
    expect(res.headers.get('cache-control')).toMatch(/^public/)
    expect(html.match(/<script\b[^>]*src=/g)).toHaveLength(1)
  })

  it('lists every product in both languages in /sitemap.xml and points robots.txt at it', async () => {
    const xml = await (await shop.get('/sitemap.xml')).text()
    expect(xml).toContain(`<loc>https://shop.example/en/p/${shirt.handle}</loc>`)
    expect(xml).toContain(`<loc>https://shop.example/nl/p/${shirt.handle}</loc>`)
    expect(xml).toContain(`hreflang="nl" href="https://shop.example/nl/p/${shirt.handle}"`)
    expect(xml).toContain('<loc>https://shop.example/en/c/shirts</loc>')
    expect(xml.match(/<url>/g)!.length).toBeGreaterThan(120)
    const robots = await (await shop.get('/robots.txt')).text()
    expect(robots).toContain('Sitemap: https://shop.example/sitemap.xml')
    expect(robots).toContain('Disallow: /en/checkout')
  })

  it('answers a tampered cursor with a 400 page, not a server error', async () => {
    const res = await shop.get('/en/c/shirts?cursor=not-a-cursor')
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('<a class="btn" href="/en/c/shirts">')
  })

  it('answers an unknown product with a 404 page', async () => {
    const res = await shop.get('/en/p/no-such-product')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Page not found')
  })
})

describe('without JavaScript', () => {
  it('filters a category with a plain GET form and shows facet counts', async () => {
    const size = shirt.options.find((o) => o.title === 'Size')!
    const html = await (await shop.get(`/en/c/shirts?option=${encodeURIComponent(`Size:${size.values[0]}`)}&sort=price_asc`)).text()
    expect(html).toContain('<form class="filters" method="get" action="/en/c/shirts"')
    expect(html).toMatch(new RegExp(`value="Size:${size.values[0]}" checked=""/>${size.values[0]} <small>\\(\\d+\\)</small>`))
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toMatch(/<option value="price_asc" selected="">/)
  })

  it('finds a product with the search form and adds the chosen variant to a cart held in an httpOnly cookie', async () => {
    const visitor = createVisitor(shop.get)
    const search = await (await visitor.get(`/en/search?q=${encodeURIComponent(shirt.title)}`)).text()
    expect(search).toContain(`href="/en/p/${shirt.handle}"`)
    const page = await (await visitor.get(`/en/p/${shirt.handle}`)).text()
    expect(page).toContain('<form method="post" action="/en/cart/add"')
    const form: Record<string, string> = { handle: shirt.handle, variant_id: '', quantity: '2' }
    for (const match of page.matchAll(/<input type="radio" name="(o\d)" value="([^"]*)"[^>]*checked=""/g)) form[match[1]!] = match[2]!
    expect(Object.keys(form)).toContain('o0')
    const added = await visitor.post('/en/cart/add', form)
    expect(added.status).toBe(303)
    expect(added.headers.get('location')).toBe('/en/cart')
    expect(added.headers.getSetCookie().find((c) => c.startsWith('kassa_cart='))).toMatch(/HttpOnly/i)
    const cart = await visitor.get('/en/cart')
    expect(cart.headers.get('cache-control')).toBe('private, no-store')
    const html = await cart.text()
    expect(html).toMatch(/<input type="number" name="quantity" value="2"/)
    expect(html).toMatch(/data-total="true">\$\d/)
  })

  it('refuses a promotion code it cannot apply with the reason on the cart page', async () => {
    const { visitor } = await dutchCart()
    const cart = await (await visitor.get('/nl/cart')).text()
    expect(cart).toContain('<form class="row promo" method="post" action="/nl/cart/promotions">')
    const res = await visitor.post('/nl/cart/promotions', { code: 'NO-SUCH-CODE' })
    expect(res.status).toBe(303)
    expect(new URL(res.headers.get('location')!, 'http://x').searchParams.get('error')).toBe('promotion.not_found')
    const page = await (await visitor.get(res.headers.get('location')!)).text()
    expect(page).toMatch(/role="alert">Deze code bestaat niet\.</)
  })

  it('applies the demo code and shows the discount the server computed', async () => {
    const { visitor } = await dutchCart()
    const before = await (await visitor.get('/nl/cart')).text()
    const res = await visitor.post('/nl/cart/promotions', { code: 'welcome10' })
    expect(res.headers.get('location')).toBe('/nl/cart')
    const after = await (await visitor.get('/nl/cart')).text()
    expect(after).toMatch(/<b>WELCOME10<\/b><span class="avail in_stock"> ✓<\/span>/)
    expect(after).not.toEqual(before)
    const removed = await visitor.post('/nl/cart/promotions/remove', { code: 'WELCOME10' })
    expect(removed.headers.get('location')).toBe('/nl/cart')
    expect(await (await visitor.get('/nl/cart')).text()).not.toContain('<b>WELCOME10</b>')
  })

  it('says so when an unavailable combination is posted', async () => {
    const visitor = createVisitor(shop.get)
    const res = await visitor.post('/en/cart/add', { handle: shirt.handle, variant_id: '', o0: 'no-such-value' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('error=combination')
    expect(await (await visitor.get(res.headers.get('location')!)).text()).toContain('This combination is not available')
  })

  /** A Dutch visitor with the shirt's default variant in the cart; answers the checkout fields. */
  async function dutchCart(handle = shirt.handle) {
    const visitor = createVisitor(shop.get)
    const product = await (await visitor.get(`/nl/p/${handle}`)).text()
    const form: Record<string, string> = { handle, variant_id: '', quantity: '1' }
    for (const match of product.matchAll(/<input type="radio" name="(o\d)" value="([^"]*)"[^>]*checked=""/g)) form[match[1]!] = match[2]!
    await visitor.post('/nl/cart/add', form)
    const checkout = await (await visitor.get('/nl/checkout')).text()
    const option = /name="shipping_option_id" value="([^"]+)"/.exec(checkout)![1]!
    const details = {
      email: 'anna@example.com',
      first_name: 'Anna',
      last_name: 'de Vries',
      address_1: 'Keizersgracht 1',
      postal_code: '1015 CJ',
      city: 'Amsterdam',
      country_code: 'nl',
      shipping_option_id: option,
      provider_id: 'test',
    }
    return { visitor, details }
  }

  it('checks out with plain forms: a declined card keeps the cart, a good card places the order', async () => {
    const { visitor, details } = await dutchCart()
    const declined = await visitor.post('/nl/checkout', { ...details, token: 'tok_declined' })
    expect(declined.status).toBe(402)
    expect(await declined.text()).toContain('Je kaart is geweigerd')
    const placed = await visitor.post('/nl/checkout', { ...details, token: 'tok_ok' })
    expect(placed.status).toBe(303)
    const confirmation = await (await visitor.get(placed.headers.get('location')!)).text()
    expect(confirmation).toMatch(/data-order-number="true">\d{4,}</)
    expect(visitor.jar.has('kassa_cart')).toBe(false)
  })

  it('asks to confirm a tok_3ds payment and places the order after the confirmation', async () => {
    const { visitor, details } = await dutchCart()
    const pending = await visitor.post('/nl/checkout', { ...details, token: 'tok_3ds' })
    const html = await pending.text()
    expect(html).toContain('Je bank vraagt je deze betaling te bevestigen.')
    expect(html).toContain('<form class="panel" method="post" action="/nl/checkout/confirm">')
    const placed = await visitor.post('/nl/checkout/confirm', {})
    expect(placed.status).toBe(303)
    expect(placed.headers.get('location')).toMatch(/^\/nl\/orders\/ord_/)
  })

  it('places the order only at the total it showed: a changed total re-renders the checkout with the new one', async () => {
    // A product of its own: the order it places holds stock the other checkout tests count on.
    const listed = await shop.api.request('/store/products?limit=20', { headers: { 'x-publishable-api-key': shop.publishableKey } })
    const handle = ((await listed.json()).data as { handle: string }[]).map((p) => p.handle).find((h) => h !== shirt.handle && h !== other)!
    const { visitor, details } = await dutchCart(handle)
    expect((await visitor.post('/nl/checkout', { ...details, token: 'tok_declined' })).status).toBe(402)
    const page = await (await visitor.get('/nl/checkout')).text()
    const shown = /name="expected_total" value="(\d+)"/.exec(page)![1]!
    const pricedFor = /name="priced_for" value="([^"]+)"/.exec(page)![1]!
    // Meanwhile the cart changed (another tab): the total the buyer saw is no longer the cart's.
    const cartId = visitor.jar.get('kassa_cart')!
    const headers = { 'x-publishable-api-key': shop.publishableKey, 'content-type': 'application/json' }
    const cart = await (await shop.api.request(`/store/carts/${cartId}`, { headers })).json()
    const line = cart.cart.items[0]
    const bumped = await shop.api.request(`/store/carts/${cartId}/line-items/${line.id}`, { method: 'PATCH', headers, body: JSON.stringify({ quantity: line.quantity + 1 }) })
    expect(bumped.status, await bumped.clone().text()).toBe(200)
    const total = (await bumped.json()).cart.total as number
    expect(total).not.toBe(Number(shown))
    const res = await visitor.post('/nl/checkout', { ...details, token: 'tok_ok', expected_total: shown, priced_for: pricedFor })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('Het totaal is gewijzigd naar')
    expect(html).toContain(`name="expected_total" value="${total}"`)
    expect(visitor.jar.has('kassa_cart')).toBe(true)
    const placed = await visitor.post('/nl/checkout', { ...details, token: 'tok_ok', expected_total: String(total), priced_for: pricedFor })
    expect(placed.status).toBe(303)
  })

  it('says which step to take when stock ran out meanwhile, and keeps the cart', async () => {
    // Another product than the other tests': a pending 3-D Secure payment holds the shirt's stock.
    const { visitor, details } = await dutchCart(other)
    const cart = await (
      await shop.api.request(`/store/carts/${visitor.jar.get('kassa_cart')}`, { headers: { 'x-publishable-api-key': shop.publishableKey } })
    ).json()
    const sku = cart.cart.items[0].sku
    const emptied = await shop.api.request('/admin/stock/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${shop.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ sku, stocked_quantity: 0 }] }),
    })
    expect(emptied.status, await emptied.clone().text()).toBe(200)
    const res = await visitor.post('/nl/checkout', { ...details, token: 'tok_ok' })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('niet meer in dit aantal op voorraad')
    expect(html).toContain('<a href="/nl/cart">Winkelwagen</a>')
    expect(visitor.jar.has('kassa_cart')).toBe(true)
  })
})

describe('other pages', () => {
  it('renders a collection page and answers an unknown language with 404', async () => {
    const html = await (await shop.get('/nl/collections/bestsellers')).text()
    expect(html).toContain('<link rel="canonical" href="https://shop.example/nl/collections/bestsellers"/>')
    expect(html).toContain('class="grid"')
    expect((await shop.get('/de/c/shirts')).status).toBe(404)
  })
})
