import type { CreateProductInput, ProductStatus, VariantInput } from '../catalog/catalog.js'
import { currencyExponent } from '../kernel/money.js'

/** The columns of Shopify's product CSV that Kassa reads, in the order Shopify writes them. */
export const SHOPIFY_COLUMNS = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Product Category',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Inventory Policy',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Barcode',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'Variant Image',
  'SEO Title',
  'SEO Description',
  'Status',
] as const

export type ShopifyColumn = (typeof SHOPIFY_COLUMNS)[number]
export type ShopifyRow = Partial<Record<ShopifyColumn, string>> & Record<string, string | undefined>

/** A problem with one line of the file: the row (or its whole product) is skipped. */
export interface RowIssue {
  line: number
  handle?: string
  reason: string
}

/** One product's rows, gathered: what the catalog should hold afterwards. */
export interface ProductDraft {
  handle: string
  line: number
  input: CreateProductInput & { handle: string; variants: VariantInput[] }
  /** Stock per variant (index into input.variants), when the file gives a quantity. */
  stock: (number | undefined)[]
}

/** Shopify writes product fields on a product's first row only: these mark a product row. */
const PRODUCT_COLUMNS: ShopifyColumn[] = ['Title', 'Body (HTML)', 'Vendor', 'Type', 'Tags', 'Status']
const VARIANT_COLUMNS: ShopifyColumn[] = [
  'Option1 Value',
  'Variant SKU',
  'Variant Price',
  'Variant Barcode',
  'Variant Grams',
  'Variant Inventory Qty',
]

type Metadata = Record<string, string | number | boolean | null>

const cell = (row: ShopifyRow, column: string): string => (row[column] ?? '').trim()

/** Columns of a header that Kassa does not read: reported so nobody wonders where they went. */
export function ignoredColumns(header: string[]): string[] {
  const known = new Set<string>(SHOPIFY_COLUMNS)
  return header.filter((h) => h && !known.has(h))
}

/**
 * A price as written by Shopify or by a spreadsheet, in minor units of `currency`: `12.50`,
 * `12,50` (decimal comma), `1,234.50`, `1.234,50`, `€ 12,50`. Throws a reason for anything else.
 */
export function parseAmount(text: string, currency: string): number {
  const exponent = currencyExponent(currency)
  let s = text.replace(/[\s\u00a0]|[€$£¥]/g, '')
  if (!/^-?[\d.,]+$/.test(s)) throw new Error(`price ${JSON.stringify(text)} is not a number`)
  const lastDot = s.lastIndexOf('.')
  const lastComma = s.lastIndexOf(',')
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')
  } else if (lastComma >= 0) {
    const decimals = s.length - lastComma - 1
    const commas = s.split(',').length - 1
    s = commas === 1 && decimals !== 3 ? s.replace(',', '.') : s.replace(/,/g, '')
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`price ${JSON.stringify(text)} is not a number`)
  const [whole, fraction = ''] = s.replace('-', '').split('.') as [string, string?]
  const trimmed = fraction.replace(/0+$/, '')
  if (trimmed.length > exponent) throw new Error(`price ${text} has more decimals than ${currency.toUpperCase()} allows`)
  if (s.startsWith('-')) throw new Error(`price ${text} is negative`)
  const amount = Number(whole) * 10 ** exponent + Number(trimmed.padEnd(exponent, '0') || '0')
  if (!Number.isSafeInteger(amount)) throw new Error(`price ${text} is too large`)
  return amount
}

/** `8.71234E+12`: a spreadsheet turned the barcode into a float and the last digits are gone. */
export function isScientific(text: string): boolean {
  return /^\d+([.,]\d+)?e[+-]?\d+$/i.test(text)
}

function parseInteger(text: string, what: string): number {
  const s = text.replace(',', '.')
  if (!/^-?\d+(\.0+)?$/.test(s)) {
    if (isScientific(text)) throw new Error(`${what} ${text} is in scientific notation: a spreadsheet rounded it`)
    throw new Error(`${what} ${JSON.stringify(text)} is not a whole number`)
  }
  return Number.parseInt(s, 10)
}

function statusOf(row: ShopifyRow): ProductStatus {
  const status = cell(row, 'Status').toLowerCase()
  if (status === 'active') return 'published'
  if (status === 'draft' || status === 'archived') return status
  if (status) throw new Error(`status ${JSON.stringify(status)} is not active, draft or archived`)
  return cell(row, 'Published').toLowerCase() === 'true' ? 'published' : 'draft'
}

const isVariantRow = (row: ShopifyRow) => VARIANT_COLUMNS.some((c) => cell(row, c) !== '')
const isProductRow = (row: ShopifyRow) => PRODUCT_COLUMNS.some((c) => cell(row, c) !== '')

/**
 * Turns the rows of one handle into the product they describe. Problems are returned per line;
 * when there are any, the caller skips the whole product so nothing is half-written.
 */
export function draftProduct(rows: { line: number; row: ShopifyRow }[], currency: string): { draft?: ProductDraft; issues: RowIssue[] } {
  const issues: RowIssue[] = []
  const first = rows[0]!
  const handle = cell(first.row, 'Handle')
  const fail = (line: number, reason: string) => issues.push({ line, handle, reason })
  const head = first.row
  if (!isProductRow(head) || !cell(head, 'Title')) {
    fail(first.line, `the first row of ${handle} has no Title`)
    return { issues }
  }
  let status: ProductStatus = 'draft'
  try {
    status = statusOf(head)
  } catch (error) {
    fail(first.line, (error as Error).message)
  }
  const optionTitles = [1, 2, 3].map((n) => cell(head, `Option${n} Name`)).filter((t, i, all) => t !== '' && all.indexOf(t) === i)
  const defaultOnly =
    optionTitles.length === 1 &&
    optionTitles[0] === 'Title' &&
    rows.every((r) => !isVariantRow(r.row) || cell(r.row, 'Option1 Value') === 'Default Title')
  const titles = defaultOnly ? [] : optionTitles
  const optionValues = titles.map(() => [] as string[])
  const variants: VariantInput[] = []
  const stock: (number | undefined)[] = []
  const media = new Map<string, { url: string; alt: string | null; position: number; order: number }>()
  const addMedia = (url: string, alt: string | null, position: number) => {
    if (!/^(https?:\/\/|\/)/.test(url)) return false
    const known = media.get(url)
    if (!known) media.set(url, { url, alt, position, order: media.size })
    else if (!known.alt && alt) known.alt = alt
    return true
  }
  const skus = new Set<string>()
  for (const { line, row } of rows) {
    const image = cell(row, 'Image Src')
    if (image) {
      const position = Number.parseInt(cell(row, 'Image Position'), 10)
      if (!addMedia(image, cell(row, 'Image Alt Text') || null, Number.isFinite(position) ? position : 1_000_000))
        fail(line, `image ${image} is not an http(s) URL`)
    }
    if (!isVariantRow(row)) {
      if (!image && row !== head) fail(line, 'the row has neither a variant nor an image')
      continue
    }
    try {
      const options: Record<string, string> = {}
      titles.forEach((title, i) => {
        const value = cell(row, `Option${optionTitles.indexOf(title) + 1} Value`)
        if (!value) throw new Error(`option ${title} has no value`)
        options[title] = value
        if (!optionValues[i]!.includes(value)) optionValues[i]!.push(value)
      })
      const sku = cell(row, 'Variant SKU')
      if (sku && skus.has(sku)) throw new Error(`SKU ${sku} appears twice in ${handle}`)
      if (sku) skus.add(sku)
      const barcode = cell(row, 'Variant Barcode').replace(/^'/, '')
      if (barcode && isScientific(barcode))
        throw new Error(`barcode ${barcode} is in scientific notation: a spreadsheet rounded it and digits are lost`)
      const priceText = cell(row, 'Variant Price')
      if (!priceText) throw new Error('the variant has no price')
      const price = parseAmount(priceText, currency)
      const compareText = cell(row, 'Variant Compare At Price')
      const compareAt = compareText ? parseAmount(compareText, currency) : undefined
      const grams = cell(row, 'Variant Grams')
      const qty = cell(row, 'Variant Inventory Qty')
      const policy = cell(row, 'Variant Inventory Policy').toLowerCase()
      if (policy && policy !== 'deny' && policy !== 'continue')
        throw new Error(`inventory policy ${JSON.stringify(policy)} is not deny or continue`)
      const variantImage = cell(row, 'Variant Image')
      if (variantImage) addMedia(variantImage, null, 1_000_000)
      const tracker = row['Variant Inventory Tracker']
      const metadata: Metadata = {}
      if (compareAt !== undefined) metadata.compare_at_amount = compareAt
      if (variantImage) metadata.image_url = variantImage
      variants.push({
        ...(titles.length === 0 ? { title: 'Default' } : {}),
        sku: sku || null,
        barcode: barcode || null,
        weight_grams: grams ? Math.round(Number(grams.replace(',', '.'))) : null,
        options,
        prices: [{ currency_code: currency.toUpperCase(), amount: price }],
        allow_backorder: policy === 'continue',
        manage_inventory: tracker === undefined ? true : tracker.trim() !== '',
        metadata,
      })
      if (grams && !Number.isFinite(Number(grams.replace(',', '.')))) throw new Error(`weight ${JSON.stringify(grams)} is not a number`)
      stock.push(qty ? Math.max(0, parseInteger(qty, 'quantity')) : undefined)
    } catch (error) {
      fail(line, (error as Error).message)
    }
  }
  if (variants.length === 0 && issues.length === 0) fail(first.line, `${handle} has no variant row`)
  if (issues.length) return { issues }
  const tags = [
    ...new Set(
      cell(head, 'Tags')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
  const metadata: Metadata = {}
  for (const [column, key] of [
    ['Vendor', 'vendor'],
    ['Type', 'product_type'],
    ['Product Category', 'product_category'],
    ['SEO Title', 'seo_title'],
    ['SEO Description', 'seo_description'],
  ] as const) {
    const value = cell(head, column)
    if (value) metadata[key] = value
  }
  return {
    issues,
    draft: {
      handle,
      line: first.line,
      stock,
      input: {
        handle,
        title: cell(head, 'Title'),
        description: head['Body (HTML)'] ?? '',
        status,
        tags,
        media: [...media.values()].sort((a, b) => a.position - b.position || a.order - b.order).map((m) => ({ url: m.url, alt: m.alt })),
        options: titles.map((title, i) => ({ title, values: optionValues[i]! })),
        variants,
        metadata,
      },
    },
  }
}
