import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { limitSchema } from '../kernel/schemas.js'
import type { SniffedImage } from './sniff.js'

/** An uploaded file as the Admin API lists it. */
export interface UploadedFile {
  id: string
  /** Where clients load it: `/media/<key>` on this server (local storage) or the bucket's URL. */
  url: string
  /** Content-addressed: `<first two hex digits>/<sha256>.<extension>`. */
  key: string
  /** The storage provider that holds it (`local`, `s3`). */
  storage: string
  original_name: string | null
  content_type: SniffedImage['contentType']
  size_bytes: number
  sha256: string
  width: number | null
  height: number | null
  created_by: string | null
  created_at: string
}

export const FileErrors = {
  notFound: defineError('upload.not_found', 'not_found', (id: string) => `Upload ${id} not found`),
  tooLarge: defineError('upload.too_large', 'too_large', (limit: string) => `The file is larger than ${limit}`),
  unsupportedType: defineError(
    'upload.unsupported_type',
    'unsupported_media_type',
    () => 'The file is not a JPEG, PNG, WebP, GIF or AVIF image (SVG is refused: it can carry script)',
  ),
}

export const uploadListQuerySchema = z.object({ limit: limitSchema, cursor: z.string().max(2000).optional() })

/** What the upload use case receives: the bytes as sent, the client's file name. */
export interface UploadFileInput {
  bytes: Uint8Array
  originalName?: string | null
  /** Refuse more bytes than this (`upload.too_large`). */
  maxBytes: number
}
