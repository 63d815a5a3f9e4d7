import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

describe('HTTP behaviour', () => {
  it('answers malformed JSON with validation_failed, not a 500', async () => {
    const res = await api.admin('/admin/products', { method: 'POST', body: '{"title": ', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const body = await res.json()
    expect(body).toMatchObject({ code: 'validation_failed', status: 400 })
    expect(body.request_id).toBe(res.headers.get('x-request-id'))
  })

  it('rejects unknown fields so a client cannot set what the server owns', async () => {
    const res = await api.admin('/admin/products', { method: 'POST', json: { title: 'X', published_at: '2020-01-01', id: 'prod_mine' } })
    expect(res.status).toBe(400)
    const { errors } = await res.json()
    expect(errors.map((e: { path: string; code: string }) => [e.path, e.code]).sort()).toEqual([
      ['id', 'unknown_field'],
      ['published_at', 'unknown_field'],
    ])
    expect(await api.count('product')).toBe(0)
  })

  it('answers 413 for a body over 1 MB', async () => {
    const res = await api.admin('/admin/products', { method: 'POST', json: { title: 'x'.repeat(1_100_000) } })
    expect(res.status).toBe(413)
    expect((await res.json()).code).toBe('request.too_large')
  })

  it('answers a body without a JSON content type with a 400, never a 500', async () => {
    const res = await api.admin('/admin/products', { method: 'POST', body: 'title=x', headers: { 'content-type': 'text/plain' } })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(await api.count('product')).toBe(0)
  })

  it('answers unknown routes with a 404 problem', async () => {
    const res = await api.request('/nope')
    expect(res.status).toBe(404)
    expect((await res.json()).code).toBe('route.not_found')
  })

  it('reports health and readiness', async () => {
    expect(await (await api.request('/health')).json()).toEqual({ status: 'ok' })
    expect(await (await api.request('/ready')).json()).toEqual({ status: 'ready', database: api.commerce.dialect })
  })

  it('serves an offline API reference', async () => {
    const page = await api.request('/docs')
    const html = await page.text()
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js')
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/)
    const bundle = await api.request('/docs/assets/swagger-ui-bundle.js')
    expect(bundle.status).toBe(200)
    expect((await bundle.text()).length).toBeGreaterThan(100_000)
  })
})
