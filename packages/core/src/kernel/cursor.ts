import type { z } from 'zod'
import { CommonErrors } from './errors.js'

/** Opaque list cursors: base64url JSON that only the server reads. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** Decodes a cursor or answers `validation_failed` on `cursor`. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    if (parsed.success) return parsed.data
  } catch {
    // fall through to the validation error
  }
  throw CommonErrors.validation([{ path: 'cursor', code: 'invalid_cursor', message: 'The cursor is not one this server issued' }])
}
