import { createHash, createHmac } from 'node:crypto'

export interface SignInput {
  method: string
  url: string
  /** Headers to send and sign besides `host`, `x-amz-date` and `x-amz-content-sha256`. */
  headers?: Record<string, string>
  /** Hex SHA-256 of the body; default the hash of an empty body. */
  payloadHash?: string
  region: string
  service?: string
  accessKeyId: string
  secretAccessKey: string
  now: Date
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/** RFC 3986 encoding as AWS wants it: only unreserved characters stay; `/` too in a path. */
export function uriEncode(value: string, keepSlash: boolean): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded
}

/**
 * The headers that sign a request with AWS Signature Version 4 (header-based), for S3 and the
 * services that speak its protocol (MinIO, R2, ...). S3 paths are encoded once, never twice.
 */
export function signRequest(input: SignInput): Record<string, string> {
  const url = new URL(input.url)
  const amzDate = input.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const day = amzDate.slice(0, 8)
  const service = input.service ?? 's3'
  const payloadHash = input.payloadHash ?? EMPTY_SHA256
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate }
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value.trim().replace(/\s+/g, ' ')
  const names = Object.keys(headers).sort()
  const path = uriEncode(decodeURIComponent(url.pathname), true) || '/'
  const query = [...url.searchParams]
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const canonical = [
    input.method.toUpperCase(),
    path,
    query,
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    names.join(';'),
    payloadHash,
  ].join('\n')
  const scope = `${day}/${input.region}/${service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request')
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  const { host: _host, ...sent } = headers
  return {
    ...sent,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  }
}

export { sha256Hex }
