import { createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  AuthErrors,
  createImportJob,
  DataioErrors,
  exportCustomersCsv,
  exportOrdersCsv,
  exportProductsCsv,
  exportProductsJson,
  getImportJob,
  inspectImportFile,
  type Commerce,
  resolveImportPath,
  runImportJob,
  uploadsDir,
} from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { errorResponses, jsonResponse } from '../schemas/common.js'
import { adminRoute } from './admin-route.js'

/** Largest CSV the upload route takes: its own limit, above the API's 1 MB for JSON bodies. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]

const RowIssueSchema = z.object({ line: z.number().int(), handle: z.string().optional(), reason: z.string() }).openapi('ImportRowIssue')

const ImportResultSchema = z
  .object({
    dry_run: z.boolean(),
    rows: z.number().int(),
    products: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), failed: z.number().int() }),
    variants: z.number().int(),
    ignored_columns: z.array(z.string()),
    issues: z.array(RowIssueSchema).openapi({ description: 'Bad rows by line number; their products were skipped whole. At most 1000.' }),
    issues_truncated: z.boolean(),
  })
  .openapi('ImportResult')

const ImportJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['products']),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    filename: z.string().nullable(),
    dry_run: z.boolean(),
    currency: z.string(),
    total_bytes: z.number().int(),
    processed_bytes: z.number().int().openapi({ description: 'Progress: bytes of the file read so far' }),
    rows: z.number().int(),
    result: ImportResultSchema.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
    started_at: z.string().nullable().openapi({ format: 'date-time' }),
    finished_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('ImportJob')

const importOptions = {
  dry_run: z.boolean().optional(),
  currency: z.string().length(3).optional(),
  location: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Stock location id or name; default the default channel location' }),
  wait: z
    .boolean()
    .optional()
    .openapi({ description: 'Run the import before answering (200 with the finished job): for small files and scripts' }),
}

const ImportFromPathSchema = z
  .strictObject({
    path: z.string().min(1).max(500).openapi({ description: "A file in the data folder's imports/ folder" }),
    ...importOptions,
  })
  .openapi('ImportFromPath')

const startImport = adminRoute('data', 'catalog:write', {
  method: 'post',
  path: '/imports',
  operationId: 'adminStartImport',
  summary: 'Import products from a Shopify product CSV, in the background',
  description:
    `Send the CSV as a \`text/csv\` body (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; options in the query string), or name a file already ` +
    "in the data folder's `imports/` folder with a JSON body. Answers 202 with the job; poll `GET /admin/imports/{id}` for progress and the result.",
  request: {
    query: z.object({
      dry_run: z.enum(['true', 'false']).optional(),
      currency: z.string().length(3).optional(),
      location: z.string().min(1).max(200).optional(),
      filename: z.string().max(255).optional(),
      wait: z.enum(['true', 'false']).optional(),
    }),
    body: {
      required: false,
      content: {
        'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
        'application/json': { schema: ImportFromPathSchema },
      },
    },
  },
  responses: {
    200: jsonResponse(z.object({ import: ImportJobSchema }), 'The finished import (with `wait`)'),
    202: jsonResponse(z.object({ import: ImportJobSchema }), 'The queued import'),
    ...errorResponses(
      ...authErrors,
      DataioErrors.notCsv,
      DataioErrors.missingColumn,
      DataioErrors.unknownCurrency,
      DataioErrors.locationNotFound,
      DataioErrors.tooLarge,
      DataioErrors.lengthMismatch,
      DataioErrors.pathOutside,
      DataioErrors.fileNotFound,
      DataioErrors.unsupportedType,
    ),
  },
})

const getImport = adminRoute('data', 'catalog:read', {
  method: 'get',
  path: '/imports/{id}',
  operationId: 'adminGetImport',
  summary: 'An import: status, progress and, once finished, the result with bad rows',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: jsonResponse(z.object({ import: ImportJobSchema }), 'The import'),
    ...errorResponses(...authErrors, DataioErrors.jobNotFound),
  },
})

const exportProducts = adminRoute('data', 'catalog:read', {
  method: 'get',
  path: '/exports/products',
  operationId: 'adminExportProducts',
  summary: 'The whole catalog as a Shopify product CSV or a JSON array, streamed',
  request: {
    query: z.object({ format: z.enum(['shopify-csv', 'json']).default('shopify-csv'), currency: z.string().length(3).optional() }),
  },
  responses: {
    200: {
      description: 'The catalog',
      content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(z.object({}).passthrough()) } },
    },
    ...errorResponses(...authErrors, DataioErrors.unknownCurrency),
  },
})

const exportOrders = adminRoute('data', 'orders:read', {
  method: 'get',
  path: '/exports/orders',
  operationId: 'adminExportOrders',
  summary: 'Orders for accounting: one CSV row per order line with its tax and discount, streamed',
  request: {
    query: z.object({
      from: z.string().datetime({ offset: true }).optional().openapi({ description: 'Orders placed at or after' }),
      to: z.string().datetime({ offset: true }).optional().openapi({ description: 'Orders placed before' }),
    }),
  },
  responses: { 200: { description: 'The order lines', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(...authErrors) },
})

const exportCustomers = adminRoute('data', 'customers:read', {
  method: 'get',
  path: '/exports/customers',
  operationId: 'adminExportCustomers',
  summary: 'Customers: one CSV row per account with orders count, spend per currency and default address, streamed',
  description:
    'Columns: id, email, first_name, last_name, phone, email_verified, erased, created_at, orders_count, then one `total_spent_<CURRENCY>` per ' +
    'currency any customer ordered in (decimals; order totals less refunds, canceled orders left out; empty when none in that currency), then ' +
    'the default shipping address (address_first_name ... address_phone). Erased customers appear anonymized, with `erased` true.',
  responses: { 200: { description: 'The customers', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(...authErrors) },
})

/** Writes the request body to a file in the uploads folder, refusing more than the limit or than announced. */
async function saveUpload(c: Context<AppEnv>, commerce: Commerce): Promise<{ path: string; bytes: number }> {
  const announced = c.req.header('content-length')
  const announcedBytes = announced === undefined ? undefined : Number(announced)
  if (announcedBytes !== undefined && announcedBytes > MAX_IMPORT_BYTES) throw DataioErrors.tooLarge('50 MB')
  const body = c.req.raw.body
  if (!body) throw DataioErrors.notCsv('the body is empty')
  const path = join(await uploadsDir(commerce.config.dataDir), `${commerce.ctx().newId('upload')}.csv`)
  let bytes = 0
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      if (bytes > MAX_IMPORT_BYTES) return done(DataioErrors.tooLarge('50 MB'))
      if (announcedBytes !== undefined && Number.isFinite(announcedBytes) && bytes > announcedBytes)
        return done(DataioErrors.lengthMismatch(announcedBytes))
      done(null, chunk)
    },
  })
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), guard, createWriteStream(path))
  } catch (error) {
    await rm(path, { force: true })
    throw error
  }
  return { path, bytes }
}

export function adminDataioRoutes() {
  const app = new OpenAPIHono<AppEnv>()

  app.openapi(startImport, async (c) => {
    const commerce = c.get('commerce')
    const ctx = commerce.ctx(c.get('actor'))
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const query = c.req.valid('query')
    let job
    let wait = query.wait === 'true'
    if (type === 'application/json') {
      const input = c.req.valid('json') as z.infer<typeof ImportFromPathSchema>
      wait = input.wait ?? false
      const path = await resolveImportPath(commerce.config.dataDir, input.path)
      await inspectImportFile(path)
      job = await createImportJob(ctx, {
        filePath: path,
        filename: input.path,
        totalBytes: (await stat(path)).size,
        temporary: false,
        ...(input.dry_run !== undefined && { dryRun: input.dry_run }),
        ...(input.currency && { currency: input.currency }),
        ...(input.location && { location: input.location }),
      })
    } else if (type === 'text/csv' || type === 'application/csv') {
      const upload = await saveUpload(c, commerce)
      try {
        await inspectImportFile(upload.path)
      } catch (error) {
        await rm(upload.path, { force: true })
        throw error
      }
      job = await createImportJob(ctx, {
        filePath: upload.path,
        filename: query.filename ?? null,
        totalBytes: upload.bytes,
        temporary: true,
        dryRun: query.dry_run === 'true',
        ...(query.currency && { currency: query.currency }),
        ...(query.location && { location: query.location }),
      })
    } else {
      throw DataioErrors.unsupportedType(type || 'none')
    }
    if (wait) return c.json({ import: await runImportJob(ctx, job.id) }, 200)
    // The job runs after the answer; its outcome is in the job row.
    const id = job.id
    setImmediate(
      () =>
        void runImportJob(commerce.ctx(c.get('actor')), id).catch((error: unknown) =>
          c.get('logger').error({ err: error, id }, 'import job'),
        ),
    )
    return c.json({ import: job }, 202)
  })

  app.openapi(getImport, async (c) =>
    c.json({ import: await getImportJob(c.get('commerce').ctx(c.get('actor')), c.req.valid('param').id) }, 200),
  )

  app.openapi(exportProducts, async (c) => {
    const ctx = c.get('commerce').ctx(c.get('actor'))
    const { format, currency } = c.req.valid('query')
    const chunks = format === 'json' ? exportProductsJson(ctx) : exportProductsCsv(ctx, currency ? { currency } : {})
    return stream(
      chunks,
      format === 'json' ? 'application/json' : 'text/csv; charset=utf-8',
      `products.${format === 'json' ? 'json' : 'csv'}`,
    )
  })

  app.openapi(exportOrders, async (c) => {
    const ctx = c.get('commerce').ctx(c.get('actor'))
    const { from, to } = c.req.valid('query')
    return stream(
      exportOrdersCsv(ctx, { ...(from && { from: new Date(from).toISOString() }), ...(to && { to: new Date(to).toISOString() }) }),
      'text/csv; charset=utf-8',
      'orders.csv',
    )
  })

  app.openapi(exportCustomers, async (c) =>
    stream(exportCustomersCsv(c.get('commerce').ctx(c.get('actor'))), 'text/csv; charset=utf-8', 'customers.csv'),
  )
  return app
}

/**
 * Streams generated text; the first chunk is produced before answering so a bad parameter is still
 * a problem response, not a broken 200.
 */
async function stream(chunks: AsyncGenerator<string>, type: string, filename: string): Promise<any> {
  const first = await chunks.next()
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close()
      else controller.enqueue(encoder.encode(first.value))
    },
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
  return new Response(body, { status: 200, headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` } })
}
