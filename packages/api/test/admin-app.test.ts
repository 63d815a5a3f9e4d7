import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { createTestCommerce } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'

// A stand-in build of the admin app: the API serves whatever apps/admin/dist holds.
const dir = mkdtempSync(join(tmpdir(), 'kassa-admin-'))
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div>')
writeFileSync(join(dir, 'admin.js'), 'console.log("admin")')
writeFileSync(join(dir, 'notes.txt'), 'not served')

let commerce: Awaited<ReturnType<typeof createTestCommerce>>
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  commerce = await createTestCommerce()
  app = createApp(commerce, { adminDir: dir })
})
afterAll(() => commerce.close())

describe('the admin app at /app/', () => {
  it('serves index.html and the bundle with their types, gzipped when asked', async () => {
    const page = await app.request('/app/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(await page.text()).toContain('id="app"')
    const js = await app.request('/app/admin.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await js.arrayBuffer())).toString()).toBe('console.log("admin")')
  })

  it('answers index.html for any other path under /app/, never a file outside the build', async () => {
    for (const path of ['/app/orders/ord_1', '/app/notes.txt', '/app/..%2Fpackage.json', '/app/../package.json']) {
      const res = await app.request(path)
      if (res.status === 200) expect(await res.text(), path).toContain('id="app"')
      else expect(res.status, path).toBe(404)
    }
    expect((await app.request('/app')).headers.get('location')).toBe('/app/')
  })

  it('is not served when no build is given', async () => {
    expect((await createApp(commerce).request('/app/')).status).toBe(404)
  })
})
