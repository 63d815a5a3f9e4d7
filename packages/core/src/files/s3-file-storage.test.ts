import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { s3FileStorage } from './s3-file-storage.js'
import { sha256Hex, signRequest } from './sigv4.js'

const KEYS = { region: 'eu-west-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' }

/**
 * A stand-in for an S3-compatible service on a local port: it keeps objects in memory and refuses
 * any request whose signature does not match the headers and body that actually arrived.
 */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; type: string; cacheControl: string | undefined }>()
  const seen: string[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    seen.push(`${req.method} ${req.url}`)
    if (!verified(req, body)) return void res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>')
    const path = decodeURIComponent(req.url!)
    if (req.method === 'PUT') {
      objects.set(path, { body, type: req.headers['content-type']!, cacheControl: req.headers['cache-control'] })
      return void res.writeHead(200).end()
    }
    const object = objects.get(path)
    if (req.method === 'DELETE') {
      objects.delete(path)
      return void res.writeHead(204).end()
    }
    if (!object) return void res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>')
    res.writeHead(200, { 'content-type': object.type }).end(object.body)
  })
  return { server, objects, seen }
}

function verified(req: IncomingMessage, body: Buffer): boolean {
  const auth = /SignedHeaders=([^,]+), Signature=([0-9a-f]+)/.exec(req.headers.authorization ?? '')
  if (!auth) return false
  const amzDate = req.headers['x-amz-date'] as string
  const now = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  )
  const signed = auth[1]!.split(';').filter((h) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(h))
  const headers = Object.fromEntries(signed.map((h) => [h, String(req.headers[h])]))
  if (req.headers['x-amz-content-sha256'] !== sha256Hex(body)) return false
  const expected = signRequest({
    ...KEYS,
    method: req.method!,
    url: `http://${req.headers.host}${req.url}`,
    headers,
    payloadHash: sha256Hex(body),
    now,
  })
  return expected.authorization!.endsWith(`Signature=${auth[2]}`)
}

describe('s3FileStorage against an S3-compatible stand-in', () => {
  const s3 = fakeS3()
  let endpoint: string
  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => (s3.server as Server).close(() => resolve())))

  it('puts, gets and deletes objects path-style with signed requests', async () => {
    const storage = s3FileStorage({ ...KEYS, endpoint, bucket: 'shop-media' })
    const body = new Uint8Array([1, 2, 3, 4])
    const { url } = await storage.put('ab/abcdef.png', body, 'image/png')
    expect(url).toBe(`${endpoint}/shop-media/ab/abcdef.png`)
    expect(s3.objects.get('/shop-media/ab/abcdef.png')).toMatchObject({
      type: 'image/png',
      cacheControl: 'public, max-age=31536000, immutable',
    })
    expect(await storage.get('ab/abcdef.png')).toEqual({ body, contentType: 'image/png' })
    await storage.delete('ab/abcdef.png')
    expect(await storage.get('ab/abcdef.png')).toBeUndefined()
    expect(s3.seen).toEqual([
      'PUT /shop-media/ab/abcdef.png',
      'GET /shop-media/ab/abcdef.png',
      'DELETE /shop-media/ab/abcdef.png',
      'GET /shop-media/ab/abcdef.png',
    ])
  })

  it('links objects under the public URL when one is set, and fails loudly on a refused signature', async () => {
    const cdn = s3FileStorage({ ...KEYS, endpoint, bucket: 'shop-media', publicUrl: 'https://cdn.example.com/' })
    expect((await cdn.put('cd/x.webp', new Uint8Array([9]), 'image/webp')).url).toBe('https://cdn.example.com/cd/x.webp')
    const wrong = s3FileStorage({ ...KEYS, secretAccessKey: 'not-the-secret', endpoint, bucket: 'shop-media' })
    await expect(wrong.put('ef/y.png', new Uint8Array([1]), 'image/png')).rejects.toThrow(/answered 403/)
  })
})
