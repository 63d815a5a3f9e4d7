import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inviteAdminUser, loginAdmin } from '@kassa/core'
import { createAdminClient, isKassaApiError } from '@kassa/sdk'
import { PNG_1X1_BASE64 } from './bad-input/uploads.requests.js'
import { createTestApi, type TestApi } from './helpers.js'

const PNG = Buffer.from(PNG_1X1_BASE64, 'base64')
const LIMIT_MB = 0.01 // 10,485 bytes: small enough to exceed in a test

let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ uploadMaxMb: LIMIT_MB })
})
afterAll(() => api.close())

function upload(file: Blob | string | undefined, filename = 'image.png', headers: Record<string, string> = {}) {
  const form = new FormData()
  if (typeof file === 'string') form.append('file', file)
  else if (file) form.append('file', file, filename)
  return api.admin('/admin/uploads', { method: 'POST', body: form, headers })
}

const problemCode = async (res: Response) => ((await res.json()) as { code: string }).code

describe('POST /admin/uploads', () => {
  it('stores a PNG under its content hash and serves the same bytes at its URL, cached for good', async () => {
    const res = await upload(new Blob([PNG], { type: 'application/octet-stream' }), 'pixel.png')
    expect(res.status).toBe(201)
    const { file } = (await res.json()) as { file: Record<string, unknown> }
    expect(file).toMatchObject({
      id: expect.stringMatching(/^file_/),
      storage: 'local',
      original_name: 'pixel.png',
      content_type: 'image/png',
      size_bytes: PNG.length,
      width: 1,
      height: 1,
    })
    expect(file.key).toBe(`${(file.sha256 as string).slice(0, 2)}/${file.sha256 as string}.png`)
    expect(file.url).toBe(`/media/${file.key as string}`)

    const served = await api.request(file.url as string)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('refuses a file over KASSA_UPLOAD_MAX_MB with 413 upload.too_large, whether the body or the file is too big', async () => {
    const padded = Buffer.concat([PNG, Buffer.alloc(12_000)]) // a PNG header; past the 10 KB file limit, within the body's slack
    const overFile = await upload(new Blob([padded]), 'big.png')
    expect(overFile.status).toBe(413)
    expect(overFile.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await problemCode(overFile)).toBe('upload.too_large')

    const overBody = await upload(new Blob([Buffer.concat([PNG, Buffer.alloc(200_000)])]), 'huge.png')
    expect(overBody.status).toBe(413)
    expect(await problemCode(overBody)).toBe('upload.too_large')
    expect(await api.count('uploaded_file')).toBe(1)
  })

  it('refuses what is not an image by its bytes with 415 upload.unsupported_type: text, and SVG named .png', async () => {
    const text = await upload(new Blob(['hello, world'], { type: 'image/png' }), 'note.png')
    expect(text.status).toBe(415)
    expect(await problemCode(text)).toBe('upload.unsupported_type')
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    const disguised = await upload(new Blob([svg], { type: 'image/png' }), 'innocent.png')
    expect(disguised.status).toBe(415)
    expect(await problemCode(disguised)).toBe('upload.unsupported_type')
  })

  it('answers 400 validation_failed naming `file` when the part is missing or is text', async () => {
    const missing = await upload(undefined)
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'file', code: 'required' }] })
    const text = await upload('just text')
    expect(text.status).toBe(400)
    expect(await text.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'file', code: 'invalid_type' }] })
  })

  it('is refused to the support role (catalog:write) with 403, and writes nothing', async () => {
    await inviteAdminUser(api.commerce.ctx(), { email: 'support@example.com', password: 'support password', role: 'support' })
    const { token } = await loginAdmin(api.commerce.ctx(), { email: 'support@example.com', password: 'support password' })
    const before = await api.count('uploaded_file')
    const res = await upload(new Blob([PNG]), 'pixel.png', { authorization: `Bearer ${token}` })
    expect(res.status).toBe(403)
    expect(await problemCode(res)).toBe('auth.forbidden')
    expect(await api.count('uploaded_file')).toBe(before)
  })
})

describe('GET and DELETE /admin/uploads', () => {
  it('lists uploads newest first by cursor, and a delete removes the record and, once unused, the file', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')
    const second = (await (await upload(new Blob([gif]), 'dot.gif')).json()) as { file: { id: string; url: string; width: number } }
    const again = (await (await upload(new Blob([gif]), 'dot-again.gif')).json()) as { file: { id: string; url: string } }
    expect(again.file.url).toBe(second.file.url)
    expect(second.file.width).toBe(1)

    const page1 = (await (await api.admin('/admin/uploads?limit=2')).json()) as { data: { id: string }[]; next_cursor: string | null }
    expect(page1.data.map((f) => f.id)).toEqual([again.file.id, second.file.id])
    expect(page1.next_cursor).not.toBeNull()
    const page2 = (await (await api.admin(`/admin/uploads?limit=2&cursor=${page1.next_cursor}`)).json()) as {
      data: { id: string }[]
      next_cursor: string | null
    }
    expect(page2.data).toHaveLength(1)
    expect(page2.next_cursor).toBeNull()

    // Two uploads share the object: deleting one keeps it served, deleting both removes it.
    expect((await api.admin(`/admin/uploads/${again.file.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api.request(second.file.url)).status).toBe(200)
    expect((await api.admin(`/admin/uploads/${second.file.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api.request(second.file.url)).status).toBe(404)
    const gone = await api.admin(`/admin/uploads/${second.file.id}`, { method: 'DELETE' })
    expect(gone.status).toBe(404)
    expect(await problemCode(gone)).toBe('upload.not_found')
  })
})

describe('SDK: admin.uploads', () => {
  it('uploads a File, lists it and deletes it; a refusal rejects with its code', async () => {
    const admin = createAdminClient({ baseUrl: 'http://kassa.test', token: api.adminToken, fetch: (request) => api.app.fetch(request) })
    const file = await admin.uploads.create(new File([PNG], 'from-sdk.png'), 'Front view')
    expect(file).toMatchObject({ original_name: 'Front view', content_type: 'image/png', url: expect.stringMatching(/^\/media\//) })
    expect((await admin.uploads.list({ limit: 1 })).data[0]?.id).toBe(file.id)
    await admin.uploads.delete(file.id)
    const refused = await admin.uploads.create(new Blob(['<svg/>'])).catch((error: unknown) => error)
    expect(isKassaApiError(refused) && refused.code).toBe('upload.unsupported_type')
  })
})
