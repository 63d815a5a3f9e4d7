import { createHash } from 'node:crypto'
import { z } from 'zod'
import { toIso } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import { parseInput } from '../kernel/validate.js'
import { FileErrors, type UploadedFile, type UploadFileInput, uploadListQuerySchema } from './file.js'
import type { FileStorageProvider } from './file-storage.js'
import type { UploadedFileTable } from './file.table.js'
import { sniffImage } from './sniff.js'

const listCursor = z.tuple([z.string(), z.string()])

function toUploadedFile(row: { [K in keyof UploadedFileTable]: unknown }): UploadedFile {
  return {
    id: row.id as string,
    url: row.url as string,
    key: row.key as string,
    storage: row.storage as string,
    original_name: (row.original_name as string | null) ?? null,
    content_type: row.content_type as UploadedFile['content_type'],
    size_bytes: Number(row.size_bytes),
    sha256: row.sha256 as string,
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    created_by: (row.created_by as string | null) ?? null,
    created_at: toIso(row.created_at),
  }
}

/** `1.5 MB`, `10 MB`: the limit as the error message names it. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`
}

/**
 * Stores an image and records it. The type comes from the bytes alone (JPEG, PNG, WebP, GIF, AVIF);
 * the key is derived from the content (`ab/<sha256>.png`), so the same image uploaded twice is one
 * object that caches forever. The storage write happens before the row, outside any transaction.
 */
export async function uploadFile(ctx: Ctx, storage: FileStorageProvider, input: UploadFileInput): Promise<UploadedFile> {
  if (input.bytes.length > input.maxBytes) throw FileErrors.tooLarge(formatMegabytes(input.maxBytes))
  const image = sniffImage(input.bytes)
  if (!image) throw FileErrors.unsupportedType()
  const sha256 = createHash('sha256').update(input.bytes).digest('hex')
  const key = `${sha256.slice(0, 2)}/${sha256}.${image.extension}`
  const { url } = await storage.put(key, input.bytes, image.contentType)
  const row = {
    id: ctx.newId('file'),
    storage: storage.id,
    key,
    url,
    original_name: input.originalName?.slice(0, 255) || null,
    content_type: image.contentType,
    size_bytes: input.bytes.length,
    sha256,
    width: image.width,
    height: image.height,
    created_by: ctx.actor.type === 'admin' ? ctx.actor.id : null,
    created_at: ctx.now().toISOString(),
  }
  await ctx.db.insertInto('uploaded_file').values(row).execute()
  return toUploadedFile(row)
}

/** Uploaded files, newest first, with keyset pagination. */
export async function listUploadedFiles(ctx: Ctx, rawQuery: unknown): Promise<{ data: UploadedFile[]; next_cursor: string | null }> {
  const query = parseInput(uploadListQuerySchema, rawQuery)
  let select = ctx.db.selectFrom('uploaded_file').selectAll()
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, listCursor)
    select = select.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]))
  }
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const data = rows.slice(0, query.limit).map(toUploadedFile)
  const last = data[data.length - 1]
  return { data, next_cursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null }
}

/** An uploaded file by id; `upload.not_found` when there is none. */
export async function getUploadedFile(ctx: Ctx, id: string): Promise<UploadedFile> {
  const row = await ctx.db.selectFrom('uploaded_file').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw FileErrors.notFound(id)
  return toUploadedFile(row)
}

/**
 * Forgets an upload and removes its object once no other upload has the same content. Product
 * media that still point at its URL are left as they are: the admin chose to delete it.
 */
export async function deleteUploadedFile(ctx: Ctx, id: string): Promise<void> {
  const file = await getUploadedFile(ctx, id)
  const deleted = await ctx.db.deleteFrom('uploaded_file').where('id', '=', id).executeTakeFirst()
  if (Number(deleted.numDeletedRows) !== 1) throw FileErrors.notFound(id)
  const shared = await ctx.db
    .selectFrom('uploaded_file')
    .select('id')
    .where('storage', '=', file.storage)
    .where('key', '=', file.key)
    .executeTakeFirst()
  if (!shared) await ctx.providers?.get('file', file.storage)?.delete(file.key)
}
