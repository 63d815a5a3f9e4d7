import { stringify } from 'csv-stringify/sync'
import type { Product } from '../catalog/catalog.js'
import { findProductsByIds } from '../catalog/product.repository.js'
import { parseJson, toIso } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'
import { currencyExponent, isCurrency } from '../kernel/money.js'
import { DataioErrors } from './dataio.js'
import { SHOPIFY_COLUMNS, type ShopifyColumn } from './shopify-csv.js'

const PAGE = 200

export interface ProductExportOptions {
  /** The currency whose prices go into Variant Price (Shopify files hold one): default EUR. */
  currency?: string
  /** Stock location for Variant Inventory Qty: default the location holding the most stock. */
  locationId?: string
}

/** Every product, a page at a time, ordered by handle: memory stays flat however big the catalog. */
export async function* eachProduct(ctx: Ctx): AsyncGenerator<Product> {
  let after = ''
  for (;;) {
    const ids = await ctx.db
      .selectFrom('product')
      .select(['id', 'handle'])
      .where('handle', '>', after)
      .orderBy('handle')
      .limit(PAGE)
      .execute()
    if (ids.length === 0) return
    for (const product of await findProductsByIds(
      ctx.db,
      ids.map((r) => r.id),
    ))
      yield product
    after = ids[ids.length - 1]!.handle
  }
}

/** Formats minor units as Shopify writes prices: `4995` EUR -> `49.95`. */
export function formatDecimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency)
  if (exponent === 0) return String(amount)
  const digits = String(amount).padStart(exponent + 1, '0')
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/**
 * The catalog as a Shopify product CSV (the columns the importer reads), streamed as text chunks.
 * Importing the result into an empty shop gives the same catalog.
 */
export async function* exportProductsCsv(ctx: Ctx, options: ProductExportOptions = {}): AsyncGenerator<string> {
  const currency = (options.currency ?? 'EUR').toUpperCase()
  if (!isCurrency(currency)) throw DataioErrors.unknownCurrency(currency)
  yield stringify([[...SHOPIFY_COLUMNS]], { bom: true })
  for await (const product of eachProduct(ctx)) {
    const stock = await stockOf(
      ctx,
      product.variants.map((v) => v.id),
      options.locationId,
    )
    const rows = productRows(product, currency, stock).map((r) => SHOPIFY_COLUMNS.map((c) => r[c] ?? ''))
    yield stringify(rows)
  }
}

async function stockOf(ctx: Ctx, variantIds: string[], locationId?: string): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map()
  let query = ctx.db.selectFrom('inventory_level').select(['variant_id', 'stocked_quantity']).where('variant_id', 'in', variantIds)
  if (locationId) query = query.where('location_id', '=', locationId)
  const rows = await query.orderBy('stocked_quantity', 'desc').execute()
  const result = new Map<string, number>()
  for (const row of rows) if (!result.has(row.variant_id)) result.set(row.variant_id, Number(row.stocked_quantity))
  return result
}

function productRows(product: Product, currency: string, stock: Map<string, number>): Partial<Record<ShopifyColumn, string>>[] {
  const meta = product.metadata as Record<string, unknown>
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const head: Partial<Record<ShopifyColumn, string>> = {
    Title: product.title,
    'Body (HTML)': product.description,
    Vendor: text(meta.vendor),
    'Product Category': text(meta.product_category),
    Type: text(meta.product_type),
    Tags: product.tags.join(', '),
    Published: product.status === 'published' ? 'TRUE' : 'FALSE',
    'SEO Title': text(meta.seo_title),
    'SEO Description': text(meta.seo_description),
    Status: product.status === 'published' ? 'active' : product.status,
  }
  const options = product.options.length ? product.options : [{ title: 'Title', values: ['Default Title'] }]
  options.slice(0, 3).forEach((o, i) => (head[`Option${i + 1} Name` as ShopifyColumn] = o.title))
  const images = product.media
  const rows = product.variants.map((v, i) => {
    const row: Partial<Record<ShopifyColumn, string>> = i === 0 ? { ...head } : {}
    options
      .slice(0, 3)
      .forEach(
        (o, n) => (row[`Option${n + 1} Value` as ShopifyColumn] = product.options.length ? (v.options[o.title] ?? '') : 'Default Title'),
      )
    const price = v.prices.find((p) => p.currency_code === currency)
    const compareAt = v.metadata.compare_at_amount
    Object.assign(row, {
      'Variant SKU': v.sku ?? '',
      'Variant Grams': v.weight_grams === null ? '' : String(v.weight_grams),
      'Variant Inventory Tracker': v.manage_inventory ? 'shopify' : '',
      'Variant Inventory Qty': stock.has(v.id) ? String(stock.get(v.id)) : '',
      'Variant Inventory Policy': v.allow_backorder ? 'continue' : 'deny',
      'Variant Price': price ? formatDecimal(price.amount, currency) : '',
      'Variant Compare At Price': typeof compareAt === 'number' ? formatDecimal(compareAt, currency) : '',
      'Variant Barcode': v.barcode ?? '',
      'Variant Image': text(v.metadata.image_url),
    } satisfies Partial<Record<ShopifyColumn, string>>)
    return row
  })
  images.forEach((m, i) => {
    const target = rows[i] ?? (rows[rows.length] = {})
    Object.assign(target, { 'Image Src': m.url, 'Image Position': String(i + 1), 'Image Alt Text': m.alt ?? '' })
  })
  return rows.map((r) => ({ ...r, Handle: product.handle }))
}

/** The catalog as one JSON array of admin products, streamed. */
export async function* exportProductsJson(ctx: Ctx): AsyncGenerator<string> {
  let first = true
  yield '['
  for await (const product of eachProduct(ctx)) {
    yield `${first ? '' : ','}\n${JSON.stringify(product)}`
    first = false
  }
  yield '\n]\n'
}

export const ORDER_COLUMNS = [
  'order_number',
  'order_id',
  'placed_at',
  'status',
  'payment_status',
  'email',
  'currency',
  'tax_inclusive',
  'line_position',
  'sku',
  'product_title',
  'variant_title',
  'quantity',
  'unit_price',
  'line_subtotal',
  'line_discount',
  'line_tax',
  'line_total',
  'tax_rates',
  'order_subtotal',
  'order_discount',
  'order_shipping',
  'order_tax',
  'order_total',
] as const

export interface OrderExportOptions {
  /** Orders placed at or after this instant (ISO 8601). */
  from?: string
  /** Orders placed before this instant. */
  to?: string
}

/**
 * Orders for accounting: one row per order line, amounts as decimals in the order's currency,
 * the line's tax and discount beside the order's totals. Streamed a page of orders at a time.
 */
export async function* exportOrdersCsv(ctx: Ctx, options: OrderExportOptions = {}): AsyncGenerator<string> {
  yield stringify([[...ORDER_COLUMNS]], { bom: true })
  let after = 0
  for (;;) {
    let query = ctx.db.selectFrom('order').selectAll().where('number', '>', after)
    if (options.from) query = query.where('created_at', '>=', options.from)
    if (options.to) query = query.where('created_at', '<', options.to)
    const orders = await query.orderBy('number').limit(PAGE).execute()
    if (orders.length === 0) return
    const lines = await ctx.db
      .selectFrom('order_line')
      .selectAll()
      .where(
        'order_id',
        'in',
        orders.map((o) => o.id),
      )
      .orderBy('order_id')
      .orderBy('position')
      .execute()
    const rows: string[][] = []
    for (const order of orders) {
      const c = order.currency_code
      const money = (n: number | string) => formatDecimal(Number(n), c)
      for (const line of lines.filter((l) => l.order_id === order.id)) {
        const rates = parseJson<{ rate_bps?: number; name?: string }[]>(line.tax_lines, [])
        rows.push([
          String(order.number),
          order.id,
          toIso(order.created_at),
          order.status,
          order.payment_status,
          order.email,
          c,
          order.tax_inclusive ? 'true' : 'false',
          String(line.position),
          line.sku ?? '',
          line.product_title,
          line.variant_title,
          String(line.quantity),
          money(line.unit_price),
          money(line.subtotal),
          money(line.discount_total),
          money(line.tax_total),
          money(line.total),
          rates.map((r) => `${r.name ?? ''} ${(r.rate_bps ?? 0) / 100}%`.trim()).join('; '),
          money(order.subtotal),
          money(order.discount_total),
          money(order.shipping_total),
          money(order.tax_total),
          money(order.total),
        ])
      }
    }
    yield stringify(rows)
    after = Number(orders[orders.length - 1]!.number)
  }
}

/** The fixed columns of the customer export; one `total_spent_<CURRENCY>` column per order currency follows `orders_count`. */
export const CUSTOMER_COLUMNS = ['id', 'email', 'first_name', 'last_name', 'phone', 'email_verified', 'erased', 'created_at', 'orders_count'] as const
export const CUSTOMER_ADDRESS_COLUMNS = [
  'address_first_name',
  'address_last_name',
  'address_company',
  'address_1',
  'address_2',
  'address_city',
  'address_postal_code',
  'address_province',
  'address_country_code',
  'address_phone',
] as const

/**
 * Customers as CSV, one row per account, ordered by id and streamed a page at a time: profile,
 * `orders_count` (orders the account placed), one `total_spent_<CURRENCY>` column per currency any
 * customer ordered in (decimals: order totals less refunds, canceled orders left out) and the default
 * shipping address. Erased accounts appear as erasure left them (placeholder email, no name, phone
 * or address) with `erased` true.
 */
export async function* exportCustomersCsv(ctx: Ctx): AsyncGenerator<string> {
  const currencies = (
    await ctx.db.selectFrom('order').select('currency_code').distinct().where('customer_id', 'is not', null).orderBy('currency_code').execute()
  ).map((r) => r.currency_code)
  yield stringify([[...CUSTOMER_COLUMNS, ...currencies.map((c) => `total_spent_${c}`), ...CUSTOMER_ADDRESS_COLUMNS]], { bom: true })
  let after = ''
  for (;;) {
    const customers = await ctx.db
      .selectFrom('customer')
      .select(['id', 'email', 'first_name', 'last_name', 'phone', 'email_verified', 'erased_at', 'created_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()
    if (customers.length === 0) return
    const ids = customers.map((c) => c.id)
    const totals = await ctx.db
      .selectFrom('order')
      .select((eb) => [
        'customer_id',
        'currency_code',
        eb.fn.countAll<number | string>().as('orders'),
        eb.fn
          .sum<number | string | null>(eb.case().when('lifecycle_status', '=', 'canceled').then(0).else(eb('total', '-', eb.ref('refunded_amount'))).end())
          .as('spent'),
      ])
      .where('customer_id', 'in', ids)
      .groupBy(['customer_id', 'currency_code'])
      .execute()
    const addresses = await ctx.db.selectFrom('customer_address').selectAll().where('customer_id', 'in', ids).orderBy('created_at').execute()
    const rows = customers.map((c) => {
      const mine = totals.filter((t) => t.customer_id === c.id)
      const address = addresses.find((a) => a.customer_id === c.id && Boolean(a.is_default_shipping))
      return [
        c.id,
        c.email,
        c.first_name ?? '',
        c.last_name ?? '',
        c.phone ?? '',
        c.email_verified ? 'true' : 'false',
        c.erased_at ? 'true' : 'false',
        toIso(c.created_at),
        String(mine.reduce((n, t) => n + Number(t.orders), 0)),
        ...currencies.map((currency) => {
          const spent = mine.find((t) => t.currency_code === currency)
          return spent ? formatDecimal(Number(spent.spent ?? 0), currency) : ''
        }),
        ...(address
          ? [
              address.first_name,
              address.last_name,
              address.company ?? '',
              address.address_1,
              address.address_2 ?? '',
              address.city,
              address.postal_code,
              address.province ?? '',
              address.country_code,
              address.phone ?? '',
            ]
          : CUSTOMER_ADDRESS_COLUMNS.map(() => '')),
      ]
    })
    yield stringify(rows)
    after = ids[ids.length - 1]!
  }
}
