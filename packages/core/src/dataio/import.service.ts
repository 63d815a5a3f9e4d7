import { createReadStream } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import { addVariant, createProduct, getProduct, updateProduct, updateVariant } from '../catalog/product.service.js'
import type { Product, Variant, VariantInput } from '../catalog/catalog.js'
import { ensureDefaultChannel } from '../channels/channel.service.js'
import { analyzeTables } from '../db/dialect.js'
import { ensureChannelStockLocation, ensureStockLevels, listStockLocations, setStockLevel } from '../inventory/stock.service.js'
import { findLevel } from '../inventory/inventory.repository.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { isKassaError } from '../kernel/errors.js'
import { isCurrency } from '../kernel/money.js'
import { DataioErrors, type ImportOptions, type ImportProgress, type ImportResult } from './dataio.js'
import { draftProduct, ignoredColumns, type ProductDraft, type RowIssue, type ShopifyRow } from './shopify-csv.js'

/** Keep at most this many row issues in a result: a broken 100k-row file must not fill memory. */
const MAX_ISSUES = 1000
/** On PostgreSQL, refresh planner statistics after this many products written in one import. */
const ANALYZE_EVERY = 5000

class DryRun extends Error {}
/** A reason to skip one product that is no API error: it only ever appears in an import result. */
class RowProblem extends Error {}

type Metadata = Record<string, string | number | boolean | null>

/**
 * Imports a Shopify product CSV from a stream: rows of one handle become one product, written in
 * its own transaction through the catalog services (so search and events stay right). Upserts by
 * handle and SKU: a second import of the same file reports every product unchanged. A product any
 * of whose rows is bad is skipped whole, each bad row reported with its line number.
 */
export async function importProducts(ctx: Ctx, source: Readable, options: ImportOptions = {}): Promise<ImportResult> {
  const currency = (options.currency ?? 'EUR').toUpperCase()
  if (!isCurrency(currency)) throw DataioErrors.unknownCurrency(currency)
  const locationId = await resolveLocation(ctx, options.location)
  const result: ImportResult = {
    dry_run: options.dryRun ?? false,
    rows: 0,
    products: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    variants: 0,
    ignored_columns: [],
    issues: [],
    issues_truncated: false,
  }
  const report = (issue: RowIssue) => {
    if (result.issues.length < MAX_ISSUES) result.issues.push(issue)
    else result.issues_truncated = true
  }
  let bytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (bytes === 0 && looksBinary(chunk)) return done(DataioErrors.notCsv('the file holds binary data'))
      bytes += chunk.length
      done(null, chunk)
    },
  })
  let header: string[] = []
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    columns: (names: string[]) => {
      header = names.map((n) => n.trim())
      if (!header.includes('Handle')) throw DataioErrors.missingColumn('Handle')
      return header
    },
  })
  source.on('error', (e) => counter.destroy(e))
  counter.on('error', (e) => parser.destroy(e))
  const records = source.pipe(counter).pipe(parser) as AsyncIterable<{ record: ShopifyRow; info: { lines: number } }>

  let group: { line: number; row: ShopifyRow }[] = []
  const seen = new Map<string, number>()
  let written = 0
  let lastLine = 1
  const flush = async () => {
    if (group.length === 0) return
    const rows = group
    group = []
    const outcome = await importOne(ctx, rows, currency, locationId, result.dry_run)
    if (outcome.issues.length) {
      result.products.failed++
      outcome.issues.forEach(report)
    } else {
      result.products[outcome.status!]++
      result.variants += outcome.variants
      if (outcome.status !== 'unchanged' && ++written % ANALYZE_EVERY === 0 && !result.dry_run) await analyzeTables(ctx.db, ANALYZE_TABLES)
    }
    options.onProgress?.({ bytes, rows: result.rows, products: sumProducts(result) } satisfies ImportProgress)
  }
  try {
    for await (const { record, info } of records) {
      const line = lastLine + 1
      lastLine = info.lines
      result.rows++
      const handle = (record.Handle ?? '').trim()
      if (!handle) {
        report({ line, reason: 'the row has no Handle' })
        continue
      }
      if (group.length && group[0]!.row.Handle!.trim() !== handle) await flush()
      // A product's rows come together (as Shopify writes them); a handle seen before is a stray row.
      const first = seen.get(handle)
      if (first !== undefined && group.length === 0) {
        report({
          line,
          handle,
          reason: `the row is apart from the other rows of ${handle} (from line ${first}): keep a product's rows together`,
        })
        continue
      }
      if (first === undefined) seen.set(handle, line)
      group.push({ line, row: record })
    }
    await flush()
  } catch (error) {
    if (isKassaError(error)) throw error
    const message = (error as Error).message ?? String(error)
    if ((error as { code?: string }).code?.startsWith('CSV_')) throw DataioErrors.notCsv(message)
    throw error
  }
  if (result.rows === 0 && header.length === 0) throw DataioErrors.notCsv('the file is empty')
  result.ignored_columns = ignoredColumns(header)
  result.issues.sort((a, b) => a.line - b.line)
  if (written > 0 && !result.dry_run) await analyzeTables(ctx.db, ANALYZE_TABLES)
  return result
}

const ANALYZE_TABLES = ['product', 'product_variant', 'price', 'product_media', 'product_tag', 'variant_option_value', 'inventory_level']

const sumProducts = (r: ImportResult) => r.products.created + r.products.updated + r.products.unchanged + r.products.failed

function looksBinary(chunk: Buffer): boolean {
  const head = chunk.subarray(0, 4096)
  return head.includes(0)
}

async function resolveLocation(ctx: Ctx, location: string | undefined): Promise<string> {
  if (!location) {
    const { channel } = await ensureDefaultChannel(ctx)
    return (await ensureChannelStockLocation(ctx, channel.id)).id
  }
  const found = (await listStockLocations(ctx)).find((l) => l.id === location || l.name.toLowerCase() === location.toLowerCase())
  if (!found) throw DataioErrors.locationNotFound(location)
  return found.id
}

interface Outcome {
  status?: 'created' | 'updated' | 'unchanged'
  variants: number
  issues: RowIssue[]
}

async function importOne(
  ctx: Ctx,
  rows: { line: number; row: ShopifyRow }[],
  currency: string,
  locationId: string,
  dryRun: boolean,
): Promise<Outcome> {
  const { draft, issues } = draftProduct(rows, currency)
  if (!draft) return { variants: 0, issues }
  let status: Outcome['status']
  try {
    await inTransaction(ctx, async (tx) => {
      status = await upsert(tx, draft, locationId)
      if (dryRun) throw new DryRun()
    })
  } catch (error) {
    if (error instanceof RowProblem) return { variants: 0, issues: [{ line: draft.line, handle: draft.handle, reason: error.message }] }
    if (!(error instanceof DryRun)) {
      if (!isKassaError(error)) throw error
      const detail = error.errors?.map((e) => `${e.path}: ${e.message}`).join('; ')
      return {
        variants: 0,
        issues: [{ line: draft.line, handle: draft.handle, reason: detail ? `${error.message} (${detail})` : error.message }],
      }
    }
  }
  return { status, variants: draft.input.variants.length, issues: [] }
}

/** Writes one product through the catalog services; returns what it did. */
async function upsert(ctx: Ctx, draft: ProductDraft, locationId: string): Promise<'created' | 'updated' | 'unchanged'> {
  const { input } = draft
  const existingId = (await ctx.db.selectFrom('product').select('id').where('handle', '=', draft.handle).executeTakeFirst())?.id
  const skus = input.variants.flatMap((v) => (v.sku ? [v.sku] : []))
  const owners = skus.length
    ? await ctx.db
        .selectFrom('product_variant as v')
        .innerJoin('product as p', 'p.id', 'v.product_id')
        .select(['v.sku', 'p.handle'])
        .where('v.sku', 'in', skus)
        .execute()
    : []
  const foreign = owners.find((o) => o.handle !== draft.handle)
  if (foreign) throw new RowProblem(`SKU ${foreign.sku} belongs to product ${foreign.handle}`)

  if (!existingId) {
    const product = await createProduct(ctx, input)
    // New variants have no levels yet: one batched write for those with an SKU.
    const bySku: { sku: string; stocked_quantity: number }[] = []
    for (const [i, variant] of product.variants.entries()) {
      const qty = draft.stock[i]
      if (qty === undefined) continue
      if (variant.sku) bySku.push({ sku: variant.sku, stocked_quantity: qty })
      else await setStockLevel(ctx, variant.id, locationId, { stocked_quantity: qty })
    }
    if (bySku.length) await ensureStockLevels(ctx, locationId, bySku)
    return 'created'
  }

  let changed = false
  const current = await getProduct(ctx, existingId)
  const metadata = { ...(current.metadata as Metadata), ...input.metadata }
  const productChanged =
    current.title !== input.title ||
    current.description !== input.description ||
    current.status !== input.status ||
    !same([...current.tags].sort(), [...(input.tags ?? [])].sort()) ||
    !same(
      current.media.map((m) => [m.url, m.alt]),
      (input.media ?? []).map((m) => [m.url, m.alt ?? null]),
    ) ||
    !same(current.metadata, metadata)
  if (productChanged) {
    await updateProduct(ctx, existingId, {
      title: input.title,
      description: input.description,
      status: input.status,
      tags: input.tags,
      media: input.media,
      metadata,
    })
    changed = true
  }
  let product = current
  for (const [i, wanted] of input.variants.entries()) {
    const found = matchVariant(product, wanted)
    let variantId: string
    if (!found) {
      const missing = Object.entries(wanted.options ?? {}).find(
        ([title, value]) => !product.options.some((o) => o.title === title && o.values.includes(value)),
      )
      if (missing)
        throw new RowProblem(`${draft.handle} exists without ${missing[0]} ${missing[1]}: add the option value in the catalog first`)
      variantId = (await addVariant(ctx, existingId, wanted)).id
      product = await getProduct(ctx, existingId)
      changed = true
    } else {
      variantId = found.id
      const prices = mergePrices(found, wanted)
      const variantMetadata = { ...(found.metadata as Metadata), ...wanted.metadata }
      if (
        found.barcode !== wanted.barcode ||
        found.weight_grams !== wanted.weight_grams ||
        found.allow_backorder !== wanted.allow_backorder ||
        found.manage_inventory !== wanted.manage_inventory ||
        !same(found.prices, prices) ||
        !same(found.metadata, variantMetadata) ||
        found.archived_at !== null
      ) {
        await updateVariant(ctx, existingId, found.id, {
          barcode: wanted.barcode ?? null,
          weight_grams: wanted.weight_grams ?? null,
          allow_backorder: wanted.allow_backorder ?? false,
          manage_inventory: wanted.manage_inventory ?? true,
          prices,
          metadata: variantMetadata,
          archived: false,
        })
        changed = true
      }
    }
    const qty = draft.stock[i]
    if (qty !== undefined) {
      const level = await findLevel(ctx.db, variantId, locationId)
      if (level?.stocked_quantity !== qty) {
        await setStockLevel(ctx, variantId, locationId, { stocked_quantity: qty })
        changed = true
      }
    }
  }
  return changed ? 'updated' : 'unchanged'
}

function matchVariant(product: Product, wanted: VariantInput): Variant | undefined {
  if (wanted.sku) return product.variants.find((v) => v.sku === wanted.sku)
  const combo = JSON.stringify(Object.entries(wanted.options ?? {}).sort())
  return product.variants.find((v) => !v.sku && JSON.stringify(Object.entries(v.options).sort()) === combo)
}

/** The file's price replaces the one of its currency; the variant's other currencies stay. */
function mergePrices(variant: Variant, wanted: VariantInput) {
  const byCurrency = new Map(variant.prices.map((p) => [p.currency_code, p.amount]))
  for (const p of wanted.prices ?? []) byCurrency.set(p.currency_code.toUpperCase(), p.amount)
  return [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency_code, amount]) => ({ currency_code, amount }))
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}

/**
 * Checks a file's start before a background import is queued, so an upload that is no CSV or
 * lacks a Handle column is refused at once rather than by a failed job.
 */
export async function inspectImportFile(path: string): Promise<{ columns: string[] }> {
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    createReadStream(path, { start: 0, end: 65_535 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject)
  })
  if (head.length === 0) throw DataioErrors.notCsv('the file is empty')
  if (looksBinary(head)) throw DataioErrors.notCsv('the file holds binary data')
  let rows: string[][]
  try {
    rows = parseSync(head.toString('utf8'), { bom: true, to_line: 1, relax_column_count: true }) as string[][]
  } catch (error) {
    throw DataioErrors.notCsv((error as Error).message)
  }
  const columns = (rows[0] ?? []).map((c) => c.trim())
  if (!columns.includes('Handle')) throw DataioErrors.missingColumn('Handle')
  return { columns }
}
