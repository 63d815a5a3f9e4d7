import { createReadStream } from 'node:fs'
import { mkdir, realpath, rm, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { parseJson, toIso, toIsoOrNull, toJson } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'
import { isKassaError } from '../kernel/errors.js'
import { DataioErrors, type ImportJob, type ImportResult } from './dataio.js'
import type { ImportJobTable } from './dataio.table.js'
import { importProducts } from './import.service.js'

/** Where server-side import files live: the only folder an API caller may name a file in. */
export function importsDir(dataDir: string): string {
  return join(dataDir, 'imports')
}

/** Where uploads wait for their job; each is deleted when its job ends. */
export async function uploadsDir(dataDir: string): Promise<string> {
  const dir = join(importsDir(dataDir), '.uploads')
  await mkdir(dir, { recursive: true })
  return dir
}

/**
 * Resolves a file name an API caller gave to a file inside the imports folder; anything that
 * leaves it (`..`, an absolute path elsewhere, a symlink pointing out) is refused.
 */
export async function resolveImportPath(dataDir: string, name: string): Promise<string> {
  const root = resolve(importsDir(dataDir))
  const candidate = resolve(root, name)
  const inside = (path: string, base: string) => {
    const rel = relative(base, path)
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
  }
  if (!inside(candidate, root) || name.split(/[\\/]/).includes('.uploads'))
    throw DataioErrors.pathOutside('the imports folder of the data directory')
  let real: string
  try {
    real = await realpath(candidate)
    if (!(await stat(real)).isFile()) throw new Error('not a file')
  } catch {
    throw DataioErrors.fileNotFound(name)
  }
  if (!inside(real, await realpath(root).catch(() => root))) throw DataioErrors.pathOutside('the imports folder of the data directory')
  return real
}

export interface NewImportJob {
  filePath: string
  filename: string | null
  totalBytes: number
  /** Delete the file when the job ends (uploads). */
  temporary: boolean
  dryRun?: boolean
  currency?: string
  location?: string
}

export async function createImportJob(ctx: Ctx, input: NewImportJob): Promise<ImportJob> {
  const id = ctx.newId('imp')
  await ctx.db
    .insertInto('import_job')
    .values({
      id,
      kind: 'products',
      status: 'queued',
      filename: input.filename,
      file_path: input.filePath,
      options: toJson({
        dry_run: input.dryRun ?? false,
        currency: (input.currency ?? 'EUR').toUpperCase(),
        location: input.location ?? null,
        temporary: input.temporary,
      }),
      total_bytes: input.totalBytes,
      processed_bytes: 0,
      rows: 0,
      created_at: ctx.now().toISOString(),
    })
    .execute()
  return getImportJob(ctx, id)
}

export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJob> {
  const row = await ctx.db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw DataioErrors.jobNotFound(id)
  return toJob(row)
}

interface JobOptions {
  dry_run: boolean
  currency: string
  location: string | null
  temporary: boolean
}

/**
 * Runs a queued import to its end, writing progress as it goes (at most twice a second). Never
 * throws: the outcome is in the job.
 */
export async function runImportJob(ctx: Ctx, id: string): Promise<ImportJob> {
  const row = await ctx.db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw DataioErrors.jobNotFound(id)
  const options = parseJson<JobOptions>(row.options, { dry_run: false, currency: 'EUR', location: null, temporary: false })
  await ctx.db.updateTable('import_job').set({ status: 'running', started_at: ctx.now().toISOString() }).where('id', '=', id).execute()
  let lastWrite = 0
  let pending: Promise<unknown> = Promise.resolve()
  try {
    const result = await importProducts(ctx, createReadStream(row.file_path), {
      dryRun: options.dry_run,
      currency: options.currency,
      ...(options.location && { location: options.location }),
      onProgress: (p) => {
        if (Date.now() - lastWrite < 500) return
        lastWrite = Date.now()
        pending = pending.then(() =>
          ctx.db.updateTable('import_job').set({ processed_bytes: p.bytes, rows: p.rows }).where('id', '=', id).execute(),
        )
      },
    })
    await pending
    await finish(ctx, id, { status: 'succeeded', processed_bytes: Number(row.total_bytes), rows: result.rows, result: toJson(result) })
  } catch (error) {
    await pending.catch(() => undefined)
    const problem = isKassaError(error)
      ? { code: error.code, message: error.message }
      : { code: 'import.failed', message: 'The import stopped on an internal error' }
    await finish(ctx, id, { status: 'failed', error: toJson(problem) })
  } finally {
    if (options.temporary) await rm(row.file_path, { force: true })
  }
  return getImportJob(ctx, id)
}

async function finish(ctx: Ctx, id: string, values: { status: ImportJobTable['status'] } & Record<string, string | number>) {
  await ctx.db
    .updateTable('import_job')
    .set({ ...values, finished_at: ctx.now().toISOString() } as never)
    .where('id', '=', id)
    .execute()
}

function toJob(row: { [K in keyof ImportJobTable]: unknown }): ImportJob {
  const options = parseJson<JobOptions>(row.options, { dry_run: false, currency: 'EUR', location: null, temporary: false })
  return {
    id: row.id as string,
    kind: 'products',
    status: row.status as ImportJob['status'],
    filename: (row.filename as string | null) ?? null,
    dry_run: options.dry_run,
    currency: options.currency,
    total_bytes: Number(row.total_bytes),
    processed_bytes: Number(row.processed_bytes),
    rows: Number(row.rows),
    result: row.result === null || row.result === undefined ? null : parseJson<ImportResult | null>(row.result, null),
    error: row.error === null || row.error === undefined ? null : parseJson<{ code: string; message: string } | null>(row.error, null),
    created_at: toIso(row.created_at),
    started_at: toIsoOrNull(row.started_at),
    finished_at: toIsoOrNull(row.finished_at),
  }
}
