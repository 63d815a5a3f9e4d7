import { OpenAPIHono, z } from '@hono/zod-openapi'
import { deleteUploadedFile, FileErrors, limitSchema, listUploadedFiles, uploadFile } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { errorResponses, jsonResponse, listOf } from '../schemas/common.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

export const UploadedFileSchema = z
  .object({
    id: z.string(),
    url: z
      .string()
      .openapi({ description: 'Where clients load the file: `/media/<key>` on this server (local storage) or the bucket URL' }),
    key: z.string().openapi({ description: 'Content-addressed: `<2 hex>/<sha256>.<extension>`' }),
    storage: z.string().openapi({ description: 'The file provider that holds it: `local`, `s3`' }),
    original_name: z.string().nullable(),
    content_type: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']),
    size_bytes: z.number().int(),
    sha256: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    created_by: z.string().nullable().openapi({ description: 'The admin user or API key that uploaded it' }),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('UploadedFile')

const UploadForm = z
  .strictObject({
    file: z.file().openapi({ type: 'string', format: 'binary', description: 'The image: JPEG, PNG, WebP, GIF or AVIF' }),
    name: z.string().max(255).optional().openapi({ description: "A name to keep instead of the file's own" }),
  })
  .openapi('UploadForm')

const create = adminRoute('uploads', 'catalog:write', {
  method: 'post',
  path: '/uploads',
  operationId: 'adminCreateUpload',
  summary: 'Upload an image for product media; answers the file with the URL to put in a product',
  description:
    "A `multipart/form-data` body with the image in the field `file`. The type is read from the bytes, not from the name or the part's " +
    'Content-Type: JPEG, PNG, WebP, GIF and AVIF are taken; SVG is refused (it can carry script). Larger than `KASSA_UPLOAD_MAX_MB` ' +
    '(default 10) answers 413 `upload.too_large`.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    201: jsonResponse(z.object({ file: UploadedFileSchema }), 'The stored file'),
    ...errorResponses(...adminAuthErrors, FileErrors.tooLarge, FileErrors.unsupportedType),
  },
})

const list = adminRoute('uploads', 'catalog:read', {
  method: 'get',
  path: '/uploads',
  operationId: 'adminListUploads',
  summary: 'Uploaded files, newest first',
  request: { query: z.object({ limit: limitSchema, cursor: z.string().max(2000).optional() }) },
  responses: { 200: jsonResponse(listOf(UploadedFileSchema), 'A page of uploaded files'), ...errorResponses(...adminAuthErrors) },
})

const remove = adminRoute('uploads', 'catalog:write', {
  method: 'delete',
  path: '/uploads/{id}',
  operationId: 'adminDeleteUpload',
  summary: 'Delete an uploaded file (product media that use its URL keep it and show a missing image)',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(...adminAuthErrors, FileErrors.notFound) },
})

export function adminUploadRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(create, async (c) => {
    const commerce = c.get('commerce')
    const { file, name } = c.req.valid('form')
    const storage = commerce.providers.get('file', commerce.config.fileStorage)
    if (!storage) throw new Error(`no file storage provider ${commerce.config.fileStorage} is registered`)
    const stored = await uploadFile(commerce.ctx(c.get('actor')), storage, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      originalName: name ?? file.name,
      maxBytes: Math.floor(commerce.config.uploadMaxMb * 1024 * 1024),
    })
    return c.json({ file: stored }, 201)
  })
  app.openapi(list, async (c) =>
    c.json(await withQueryPaths(() => listUploadedFiles(c.get('commerce').ctx(c.get('actor')), c.req.valid('query'))), 200),
  )
  app.openapi(remove, async (c) => {
    await deleteUploadedFile(c.get('commerce').ctx(c.get('actor')), c.req.valid('param').id)
    return c.body(null, 204)
  })
  return app
}
