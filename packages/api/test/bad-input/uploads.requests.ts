import { uploadFile } from '@kassa/core'
import type { TestApi } from '../helpers.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** A 1x1 PNG: the smallest image every upload request can carry. */
export const PNG_1X1_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** An upload for the delete request to remove. */
export interface UploadFixtures {
  doomedUploadId: string
}

export async function createUploadFixtures(api: TestApi): Promise<UploadFixtures> {
  const storage = api.commerce.providers.get('file', 'local')!
  const file = await uploadFile(api.commerce.ctx(), storage, {
    bytes: Buffer.from(PNG_1X1_BASE64, 'base64'),
    originalName: 'doomed.png',
    maxBytes: 1024 * 1024,
  })
  return { doomedUploadId: file.id }
}

export const UPLOAD_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  adminCreateUpload: () => ({ form: { file: { filename: 'pixel.png', type: 'image/png', base64: PNG_1X1_BASE64 }, name: 'Pixel' } }),
  adminListUploads: () => ({ query: { limit: '10' } }),
  adminDeleteUpload: (f) => ({ path: { id: f.uploads.doomedUploadId } }),
}
