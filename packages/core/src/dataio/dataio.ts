import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import type { RowIssue } from './shopify-csv.js'

export interface ImportOptions {
  /** Validate and report without writing (each product's transaction is rolled back). */
  dryRun?: boolean
  /** The currency of the file's prices (Shopify files carry none): default EUR. */
  currency?: string
  /** Stock location id or name for `Variant Inventory Qty`; default the default channel's. */
  location?: string
  onProgress?: (progress: ImportProgress) => void
}

export interface ImportProgress {
  /** Bytes of the file read so far. */
  bytes: number
  rows: number
  products: number
}

export interface ImportResult {
  dry_run: boolean
  rows: number
  products: { created: number; updated: number; unchanged: number; failed: number }
  /** Variants in the products written (or that would be, in a dry run). */
  variants: number
  /** Header columns Kassa does not read. */
  ignored_columns: string[]
  /** Bad rows, by line: their products were skipped whole. At most 1000 kept. */
  issues: RowIssue[]
  issues_truncated: boolean
}

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number]

/** A product import started over the Admin API, running in the background. */
export interface ImportJob {
  id: string
  kind: 'products'
  status: ImportJobStatus
  filename: string | null
  dry_run: boolean
  currency: string
  total_bytes: number
  processed_bytes: number
  rows: number
  result: ImportResult | null
  error: { code: string; message: string } | null
  created_at: string
  started_at: string | null
  finished_at: string | null
}

export const exportFormatSchema = z.enum(['shopify-csv', 'json'])
export type ExportFormat = z.infer<typeof exportFormatSchema>

export const DataioErrors = {
  notCsv: defineError('import.not_csv', 'invalid', (why: string) => `The file is not a readable CSV: ${why}`),
  missingColumn: defineError('import.missing_column', 'invalid', (column: string) => `The CSV has no ${column} column`),
  unknownCurrency: defineError('import.unknown_currency', 'invalid', (code: string) => `Unknown currency ${code}`),
  locationNotFound: defineError('import.location_not_found', 'not_found', (l: string) => `No stock location has the id or name ${l}`),
  jobNotFound: defineError('import.not_found', 'not_found', (id: string) => `Import ${id} not found`),
  tooLarge: defineError('import.too_large', 'too_large', (limit: string) => `The file is larger than ${limit}`),
  lengthMismatch: defineError(
    'import.length_mismatch',
    'invalid',
    (announced: number) => `The body is longer than the ${announced} bytes its Content-Length announced`,
  ),
  pathOutside: defineError('import.path_outside', 'forbidden', (dir: string) => `Server-side import files must be inside ${dir}`),
  unsupportedType: defineError(
    'import.unsupported_type',
    'invalid',
    (type: string) => `Send the file as text/csv or name it in a JSON body, not ${type}`,
  ),
  fileNotFound: defineError('import.file_not_found', 'not_found', (name: string) => `No import file ${name}`),
}
