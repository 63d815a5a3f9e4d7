import { addLine, completeCart, createCart, createRegion, createShippingOption, createTaxRate, ensureChannelStockLocation, ensureDefaultChannel, setPaymentSession, setShippingMethod, setStockLevel, updateCart } from '@kassa/core'
import type { TestApi } from '../helpers.js'
import { ADMIN } from '../helpers.js'
import type { BadCase } from './generate.js'
import { ACCESS_REQUESTS, ACCESS_SEMANTIC_CASES, type AccessFixtures, createAccessFixtures } from './access.requests.js'
import { createDataioFixtures, DATAIO_REQUESTS, type DataioFixtures } from './dataio.requests.js'
import { createRegionFixtures, REGION_REQUESTS, REGION_SEMANTIC_CASES, type RegionFixtures } from './regions.requests.js'
import { createPromotionFixtures, PROMOTION_REQUESTS, PROMOTION_SEMANTIC_CASES, type PromotionFixtures } from './promotions.requests.js'
import { createCustomerFixtures, CUSTOMER_REQUESTS, CUSTOMER_SEMANTIC_CASES, type CustomerFixtures } from './customers.requests.js'
import { createWebhookFixtures, WEBHOOK_REQUESTS, WEBHOOK_SEMANTIC_CASES, type WebhookFixtures } from './webhooks.requests.js'
import { createOrderFixtures, ORDER_REQUESTS, ORDER_SEMANTIC_CASES, type OrderFixtures } from './orders.requests.js'
import { REPORT_REQUESTS } from './reports.requests.js'
import { createUploadFixtures, UPLOAD_REQUESTS, type UploadFixtures } from './uploads.requests.js'

/** One valid request: the cases break exactly one part of it. */
export interface ValidRequest {
  path?: Record<string, string>
  query?: Record<string, string | string[]>
  body?: unknown
  /** Headers the operation needs besides its credentials (an order token). */
  headers?: Record<string, string>
  /** A `multipart/form-data` body instead of JSON: text parts and files. */
  form?: Record<string, FormPart>
}

/** One part of a multipart body: text, or a file given as base64 (plain data, so a request can be cloned). */
export type FormPart = string | { filename: string; type: string; base64: string }

/** Real records, so that a path parameter is never the reason a request fails. */
export interface Fixtures {
  product: { id: string; handle: string; variantId: string; spareVariantId: string; sizeOptionId: string }
  optionProduct: { id: string; optionId: string }
  doomedProductId: string
  collection: { id: string; handle: string }
  doomedCollectionId: string
  category: { id: string; handle: string }
  doomedCategoryId: string
  /** The default sales channel, and a stock location of no channel. */
  inventory: { channelId: string; locationId: string }
  regions: RegionFixtures
  promotions: PromotionFixtures
  access: AccessFixtures
  customers: CustomerFixtures
  webhooks: WebhookFixtures
  orders: OrderFixtures
  dataio: DataioFixtures
  uploads: UploadFixtures
  checkout: {
    regionId: string
    shippingOptionId: string
    /** An open cart with one line, an address and a shipping method. */
    cartId: string
    lineId: string
    /** A line that the delete request removes. */
    doomedLine: { cartId: string; lineId: string }
    /** Carts ready to complete, and one waiting for a payment confirmation. */
    completeCartId: string
    confirmCartId: string
    order: { id: string; token: string }
  }
}

export async function createFixtures(api: TestApi): Promise<Fixtures> {
  const post = async <T>(path: string, json: unknown): Promise<T> => {
    const res = await api.admin(path, { method: 'POST', json })
    if (res.status !== 201) throw new Error(`fixture ${path} answered ${res.status}: ${await res.text()}`)
    return res.json() as Promise<T>
  }
  type One<K extends string> = Record<K, { id: string; handle: string }>
  const { collection } = await post<One<'collection'>>('/admin/collections', { title: 'Fixture summer', handle: 'fixture-summer' })
  const { collection: doomedCollection } = await post<One<'collection'>>('/admin/collections', { title: 'Fixture doomed' })
  const { category } = await post<One<'category'>>('/admin/categories', { title: 'Fixture tops', handle: 'fixture-tops' })
  const { category: doomedCategory } = await post<One<'category'>>('/admin/categories', { title: 'Fixture doomed' })
  const { product } = await post<{ product: { id: string; handle: string; options: { id: string }[]; variants: { id: string; sku: string }[] } }>('/admin/products', {
    title: 'Fixture shirt',
    handle: 'fixture-shirt',
    status: 'published',
    tags: ['summer'],
    collection_ids: [collection.id],
    category_ids: [category.id],
    options: [{ title: 'Size', values: ['S', 'M', 'L'] }],
    variants: [
      { sku: 'FIX-S', options: { Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 2500 }] },
      { sku: 'FIX-M', options: { Size: 'M' }, prices: [{ currency_code: 'EUR', amount: 2500 }] },
    ],
  })
  const { product: optionProduct } = await post<{ product: { id: string; options: { id: string }[] } }>('/admin/products', {
    title: 'Fixture options',
    options: [{ title: 'Color', values: ['Red'] }],
  })
  const { product: doomed } = await post<{ product: { id: string } }>('/admin/products', { title: 'Fixture doomed' })
  const variant = (sku: string) => product.variants.find((v) => v.sku === sku)!.id
  const inventory = await createInventoryFixtures(api)
  const checkout = await createCheckoutFixtures(api, variant('FIX-S'))
  return {
    checkout,
    product: { id: product.id, handle: product.handle, variantId: variant('FIX-S'), spareVariantId: variant('FIX-M'), sizeOptionId: product.options[0]!.id },
    optionProduct: { id: optionProduct.id, optionId: optionProduct.options[0]!.id },
    doomedProductId: doomed.id,
    collection,
    doomedCollectionId: doomedCollection.id,
    category,
    doomedCategoryId: doomedCategory.id,
    inventory,
    regions: await createRegionFixtures(api),
    promotions: await createPromotionFixtures(api, checkout.regionId),
    access: await createAccessFixtures(api),
    customers: await createCustomerFixtures(api, checkout),
    webhooks: await createWebhookFixtures(api),
    orders: await createOrderFixtures(api, checkout, variant('FIX-S')),
    dataio: await createDataioFixtures(api),
    uploads: await createUploadFixtures(api),
  }
}

/** Carts in every state the checkout operations need, made through the engine. */
async function createCheckoutFixtures(api: TestApi, variantId: string): Promise<Fixtures['checkout']> {
  const { channel } = await ensureDefaultChannel(api.commerce.ctx())
  const ctx = api.commerce.ctx({ type: 'guest' }, channel)
  const location = await ensureChannelStockLocation(ctx, channel.id)
  await setStockLevel(ctx, variantId, location.id, { stocked_quantity: 100 })
  const region = await createRegion(ctx, { name: 'Fixture region', currency_code: 'EUR', tax_inclusive: true, countries: ['nl'] })
  await createTaxRate(ctx, region.id, { name: 'BTW', rate_bps: 2100 })
  const option = await createShippingOption(ctx, { region_id: region.id, name: 'Fixture post', price_type: 'flat', amount: 495 })
  const ready = async (token = 'tok_ok') => {
    const cart = await createCart(ctx, { region_id: region.id, email: 'fixture@example.com' })
    await addLine(ctx, cart.id, { variant_id: variantId, quantity: 1 })
    await updateCart(ctx, cart.id, { shipping_address: { ...address } })
    await setShippingMethod(ctx, cart.id, option.id)
    const paid = await setPaymentSession(ctx, cart.id, { provider_id: 'test', data: { token } })
    return { cartId: paid.id, lineId: paid.items[0]!.id }
  }
  const open = await ready()
  const doomed = await ready()
  const complete = await ready()
  const confirm = await ready('tok_3ds')
  await completeCart(ctx, confirm.cartId).catch((error: { code?: string }) => {
    if (error.code !== 'payment.requires_action') throw error
  })
  const placed = await completeCart(ctx, (await ready()).cartId)
  return {
    regionId: region.id,
    shippingOptionId: option.id,
    cartId: open.cartId,
    lineId: open.lineId,
    doomedLine: doomed,
    completeCartId: complete.cartId,
    confirmCartId: confirm.cartId,
    order: { id: placed.id, token: placed.order_token },
  }
}

const address = {
  first_name: 'Anna',
  last_name: 'de Vries',
  company: 'Fixture BV',
  address_1: 'Keizersgracht 1',
  address_2: 'Tweede etage',
  city: 'Amsterdam',
  postal_code: '1015 CJ',
  province: 'NH',
  country_code: 'nl',
  phone: '+31 20 123 4567',
}

async function createInventoryFixtures(api: TestApi): Promise<Fixtures['inventory']> {
  const channel = await api.commerce.db.selectFrom('sales_channel').select('id').where('is_default', '=', true).executeTakeFirstOrThrow()
  const res = await api.admin('/admin/stock-locations', { method: 'POST', json: { name: 'Fixture warehouse' } })
  if (res.status !== 201) throw new Error(`fixture stock location answered ${res.status}: ${await res.text()}`)
  return { channelId: channel.id, locationId: ((await res.json()) as { stock_location: { id: string } }).stock_location.id }
}

const translations = [{ locale: 'nl', title: 'Titel', description: 'Omschrijving' }]
const metadata = { note: 'valid', count: 1, flag: true, empty: null }

/**
 * A valid request per operationId. Optional nested structures appear once each, so that every
 * field inside them gets its invalid values. A new route needs an entry here.
 */
export const VALID_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  health: () => ({}),
  ready: () => ({}),

  storeListProducts: (f) => ({
    query: {
      q: 'shirt',
      collection: f.collection.handle,
      category: f.category.handle,
      tag: 'summer',
      option: 'Size:S',
      price_min: '0',
      price_max: '100000',
      sort: 'newest',
      limit: '10',
      locale: 'en',
      currency: 'EUR',
    },
  }),
  storeGetProduct: (f) => ({ path: { handle: f.product.handle }, query: { locale: 'nl', currency: 'EUR' } }),
  storeListCollections: () => ({ query: { locale: 'en' } }),
  storeGetCollection: (f) => ({ path: { handle: f.collection.handle }, query: { locale: 'en' } }),
  storeListCategories: () => ({ query: { locale: 'en' } }),
  storeGetCategory: (f) => ({ path: { handle: f.category.handle }, query: { locale: 'en' } }),

  adminLogin: () => ({ body: { ...ADMIN } }),

  storeCreateCart: (f) => ({ body: { region_id: f.checkout.regionId, email: 'buyer@example.com' } }),
  storeGetCart: (f) => ({ path: { id: f.checkout.cartId } }),
  storeUpdateCart: (f) => ({ path: { id: f.checkout.cartId }, body: { email: 'buyer@example.com', shipping_address: { ...address }, billing_address: { ...address } } }),
  storeAddCartLine: (f) => ({ path: { id: f.checkout.cartId }, body: { variant_id: f.product.variantId, quantity: 1 } }),
  storeUpdateCartLine: (f) => ({ path: { id: f.checkout.cartId, line_id: f.checkout.lineId }, body: { quantity: 2 } }),
  storeDeleteCartLine: (f) => ({ path: { id: f.checkout.doomedLine.cartId, line_id: f.checkout.doomedLine.lineId } }),
  storeListCartShippingOptions: (f) => ({ path: { id: f.checkout.cartId } }),
  storeSetCartShippingMethod: (f) => ({ path: { id: f.checkout.cartId }, body: { shipping_option_id: f.checkout.shippingOptionId } }),
  storeSetCartPayment: (f) => ({ path: { id: f.checkout.cartId }, body: { provider_id: 'test', data: { token: 'tok_ok' } } }),
  storeConfirmCartPayment: (f) => ({ path: { id: f.checkout.confirmCartId }, body: { data: { three_d_secure: 'passed' } } }),
  storeCompleteCart: (f) => ({ path: { id: f.checkout.completeCartId }, body: {} }),
  storeGetOrder: (f) => ({ path: { id: f.checkout.order.id }, headers: { 'x-order-token': f.checkout.order.token } }),

  adminListProducts: () => ({ query: { status: 'published', q: 'shirt', limit: '5' } }),
  adminCreateProduct: (f) => ({
    body: {
      handle: 'valid-product',
      title: 'Valid product',
      subtitle: 'Subtitle',
      description: 'Description',
      status: 'draft',
      tags: ['new'],
      media: [{ url: 'https://example.com/a.jpg', alt: 'Front' }],
      collection_ids: [f.collection.id],
      category_ids: [f.category.id],
      translations: [{ locale: 'nl', title: 'Geldig product', subtitle: 'Ondertitel', description: 'Omschrijving' }],
      metadata,
      options: [{ title: 'Size', values: ['S'] }],
      variants: [
        {
          title: 'Small',
          sku: 'VALID-S',
          barcode: '1234567890123',
          weight_grams: 200,
          options: { Size: 'S' },
          prices: [{ currency_code: 'EUR', amount: 1999 }],
          metadata,
        },
      ],
    },
  }),
  adminGetProduct: (f) => ({ path: { id: f.product.id } }),
  adminUpdateProduct: (f) => ({
    path: { id: f.product.id },
    body: {
      handle: f.product.handle,
      title: 'Fixture shirt',
      subtitle: null,
      description: 'Updated',
      status: 'published',
      tags: ['summer'],
      media: [{ url: '/media/shirt.jpg', alt: null }],
      collection_ids: [f.collection.id],
      category_ids: [f.category.id],
      translations: [{ locale: 'nl', title: 'Shirt', subtitle: null, description: null }],
      metadata,
    },
  }),
  adminDeleteProduct: (f) => ({ path: { id: f.doomedProductId } }),
  adminCreateProductOption: (f) => ({ path: { id: f.optionProduct.id }, body: { title: 'Material', values: ['Cotton'] } }),
  adminUpdateProductOption: (f) => ({ path: { id: f.product.id, option_id: f.product.sizeOptionId }, body: { title: 'Size', values: ['S', 'M', 'L', 'XL'] } }),
  adminBatchPrices: (f) => ({ body: { items: [{ variant_id: f.product.variantId, currency_code: 'EUR', amount: 2500 }] } }),
  adminDeleteProductOption: (f) => ({ path: { id: f.optionProduct.id, option_id: f.optionProduct.optionId } }),
  adminCreateVariant: (f) => ({
    path: { id: f.product.id },
    body: {
      title: 'Large',
      sku: 'VALID-L',
      barcode: null,
      weight_grams: null,
      options: { Size: 'L' },
      prices: [{ currency_code: 'EUR', amount: 2500 }],
      metadata,
    },
  }),
  adminUpdateVariant: (f) => ({
    path: { id: f.product.id, variant_id: f.product.variantId },
    body: { title: 'Small', sku: 'FIX-S', barcode: '42', weight_grams: 180, prices: [{ currency_code: 'usd', amount: 0 }], metadata, archived: false },
  }),
  adminDeleteVariant: (f) => ({ path: { id: f.product.id, variant_id: f.product.spareVariantId } }),

  adminListCollections: () => ({}),
  adminCreateCollection: () => ({ body: { handle: 'valid-collection', title: 'Valid collection', description: 'Text', translations, metadata } }),
  adminGetCollection: (f) => ({ path: { id: f.collection.id } }),
  adminUpdateCollection: (f) => ({ path: { id: f.collection.id }, body: { handle: f.collection.handle, title: 'Fixture summer', description: '', translations, metadata } }),
  adminDeleteCollection: (f) => ({ path: { id: f.doomedCollectionId } }),
  adminSetCollectionProducts: (f) => ({ path: { id: f.collection.id }, body: { add: [f.product.id], remove: [f.optionProduct.id] } }),

  adminListCategories: () => ({}),
  adminCreateCategory: (f) => ({
    body: { handle: 'valid-category', title: 'Valid category', description: 'Text', translations, metadata, parent_id: f.category.id, position: 3 },
  }),
  adminGetCategory: (f) => ({ path: { id: f.category.id } }),
  adminUpdateCategory: (f) => ({
    path: { id: f.category.id },
    body: { handle: f.category.handle, title: 'Fixture tops', description: '', translations, metadata, parent_id: null, position: 0 },
  }),
  adminDeleteCategory: (f) => ({ path: { id: f.doomedCategoryId } }),
  adminSetCategoryProducts: (f) => ({ path: { id: f.category.id }, body: { add: [f.product.id], remove: [f.optionProduct.id] } }),
  ...REGION_REQUESTS,
  ...PROMOTION_REQUESTS,
  ...ACCESS_REQUESTS,
  ...CUSTOMER_REQUESTS,
  ...WEBHOOK_REQUESTS,
  ...ORDER_REQUESTS,
  ...DATAIO_REQUESTS,
  ...REPORT_REQUESTS,
  ...UPLOAD_REQUESTS,

  adminListStockLocations: () => ({}),
  adminCreateStockLocation: (f) => ({ body: { name: 'Valid warehouse', sales_channel_ids: [f.inventory.channelId] } }),
  adminGetVariantStock: (f) => ({ path: { id: f.product.variantId } }),
  adminSetVariantStock: (f) => ({ path: { id: f.product.variantId, location_id: f.inventory.locationId }, body: { stocked_quantity: 100 } }),
  adminBatchStock: (f) => ({
    body: { items: [{ sku: 'FIX-S', stocked_quantity: 100, location_id: f.inventory.locationId, prices: [{ currency_code: 'EUR', amount: 2500 }] }] },
  }),
}

const commaList = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `${prefix}v${i}`).join(',')
const set = (at: (string | number)[], value: unknown) => ({ in: 'body' as const, at, set: () => value })
const bodyCase = (label: string, at: (string | number)[], value: unknown, path = at.join('.')): BadCase => ({
  label: `body ${at.join('.')}: ${label}`,
  mutation: set(at, value),
  expect: { path },
})
const duplicateLocale = (at: (string | number)[] = ['translations']) =>
  bodyCase('the same locale twice', at, [{ locale: 'nl' }, { locale: 'nl', title: 'Twice' }])
const duplicateCurrency = (at: (string | number)[]) =>
  bodyCase('two prices in one currency', at, [{ currency_code: 'EUR', amount: 1 }, { currency_code: 'eur', amount: 2 }])
const manyKeys = (at: (string | number)[]) => bodyCase('more than 50 keys', at, Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])))

/** Rules a JSON Schema cannot state (refinements, cross-field checks): added by hand, per operation. */
export const SEMANTIC_CASES: Record<string, BadCase[]> = {
  storeListProducts: [
    { label: 'query option: no Title:Value', mutation: { in: 'query', name: 'option', value: 'Size' }, expect: { path: 'query.option.0' } },
    { label: 'query option: second value without a value', mutation: { in: 'query', name: 'option', value: 'Size:S,Color:' }, expect: { path: 'query.option.1' } },
    { label: 'query option: repeated, second without a title', mutation: { in: 'query', name: 'option', value: ['Size:S', ':Red'] }, expect: { path: 'query.option.1' } },
    ...(['collection', 'category', 'tag'] as const).flatMap((name): BadCase[] => [
      { label: `query ${name}: more than 50 comma-separated values`, mutation: { in: 'query', name, value: commaList(51) }, expect: { path: `query.${name}` } },
      { label: `query ${name}: a comma-separated value of 256 characters`, mutation: { in: 'query', name, value: `a,${'x'.repeat(256)}` }, expect: { path: `query.${name}.1` } },
    ]),
    { label: 'query option: more than 50 values of one option', mutation: { in: 'query', name: 'option', value: commaList(51, 'Size:') }, expect: { path: 'query.option.Size' } },
  ],
  adminCreateProduct: [
    bodyCase('only whitespace', ['title'], '   '),
    bodyCase('not an http(s) URL or a path', ['media', 0, 'url'], 'javascript:alert(1)'),
    duplicateLocale(),
    duplicateCurrency(['variants', 0, 'prices']),
    manyKeys(['metadata']),
    manyKeys(['variants', 0, 'metadata']),
  ],
  adminUpdateProduct: [
    bodyCase('only whitespace', ['title'], ' '),
    bodyCase('not an http(s) URL or a path', ['media', 0, 'url'], 'ftp://example.com/a.jpg'),
    duplicateLocale(),
    manyKeys(['metadata']),
  ],
  adminCreateProductOption: [bodyCase('only whitespace', ['title'], '  '), bodyCase('a value of only whitespace', ['values', 0], ' ')],
  adminUpdateProductOption: [bodyCase('only whitespace', ['title'], '  '), bodyCase('a value of only whitespace', ['values', 0], ' ')],
  adminBatchPrices: [
    bodyCase('the same variant and currency twice', ['items'], [{ variant_id: 'var_x', currency_code: 'EUR', amount: 1 }, { variant_id: 'var_x', currency_code: 'eur', amount: 2 }], 'items.1.currency_code'),
  ],
  adminCreateVariant: [duplicateCurrency(['prices']), manyKeys(['metadata'])],
  adminUpdateVariant: [duplicateCurrency(['prices']), manyKeys(['metadata'])],
  adminCreateCollection: [duplicateLocale(), manyKeys(['metadata'])],
  adminUpdateCollection: [duplicateLocale(), manyKeys(['metadata'])],
  adminCreateCategory: [duplicateLocale(), manyKeys(['metadata'])],
  adminUpdateCategory: [duplicateLocale(), manyKeys(['metadata'])],
  ...REGION_SEMANTIC_CASES,
  ...PROMOTION_SEMANTIC_CASES,
  ...ACCESS_SEMANTIC_CASES,
  ...CUSTOMER_SEMANTIC_CASES,
  ...WEBHOOK_SEMANTIC_CASES,
  ...ORDER_SEMANTIC_CASES,
  adminCreateStockLocation: [bodyCase('only whitespace', ['name'], '  ')],
  adminBatchStock: [
    bodyCase('a row that sets neither stock nor prices', ['items', 0], { sku: 'FIX-S' }),
    bodyCase('only whitespace', ['items', 0, 'sku'], ' '),
    { ...bodyCase('an unknown SKU', ['items', 0, 'sku'], 'NO-SUCH-SKU'), expect: { path: 'items.0.sku', code: 'unknown_sku' } },
    { ...bodyCase('an unknown location', ['items', 0, 'location_id'], 'sloc_nope'), expect: { path: 'items.0.location_id', code: 'not_found' } },
    bodyCase('two prices in one currency', ['items', 0, 'prices'], [{ currency_code: 'EUR', amount: 1 }, { currency_code: 'eur', amount: 2 }], 'items.0.prices.1.currency_code'),
  ],
}
