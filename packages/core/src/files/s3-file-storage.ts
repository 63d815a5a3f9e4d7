import type { FileStorageProvider } from './file-storage.js'
import { sha256Hex, signRequest, uriEncode } from './sigv4.js'

/** Where an S3-compatible bucket is and how to sign for it (env `KASSA_S3_*`). */
export interface S3StorageOptions {
  /** The service's base URL, e.g. `https://s3.eu-west-1.amazonaws.com`, `http://127.0.0.1:9000` (MinIO). */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Public base URL of the objects (a CDN, a public bucket domain); default `<endpoint>/<bucket>`. */
  publicUrl?: string
  /** Replaceable for tests; default the global fetch. */
  fetch?: typeof fetch
  now?: () => Date
}

/**
 * File storage in an S3-compatible bucket, addressed path-style (`<endpoint>/<bucket>/<key>`), with
 * requests signed by AWS Signature Version 4. Objects are written with a long immutable
 * Cache-Control: their keys are derived from their content.
 */
export function s3FileStorage(options: S3StorageOptions): FileStorageProvider {
  const endpoint = options.endpoint.replace(/\/+$/, '')
  const publicBase = (options.publicUrl ?? `${endpoint}/${options.bucket}`).replace(/\/+$/, '')
  const doFetch = options.fetch ?? fetch
  const now = options.now ?? (() => new Date())
  const objectUrl = (key: string) => `${endpoint}/${uriEncode(options.bucket, false)}/${uriEncode(key, true)}`
  const send = (method: string, key: string, body?: Uint8Array, headers: Record<string, string> = {}) => {
    const url = objectUrl(key)
    const signed = signRequest({ ...options, method, url, headers, ...(body && { payloadHash: sha256Hex(body) }), now: now() })
    return doFetch(url, { method, headers: signed, ...(body && { body: body as Uint8Array<ArrayBuffer> }) })
  }
  return {
    id: 's3',
    kind: 'file',
    async put(key, body, contentType) {
      const res = await send('PUT', key, body, { 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' })
      if (!res.ok) throw new Error(`S3 PUT ${key} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
      return { url: `${publicBase}/${uriEncode(key, true)}` }
    },
    async get(key) {
      const res = await send('GET', key)
      if (res.status === 404) return undefined
      if (!res.ok) throw new Error(`S3 GET ${key} answered ${res.status}`)
      return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'application/octet-stream' }
    },
    async delete(key) {
      const res = await send('DELETE', key)
      if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} answered ${res.status}`)
    },
  }
}
