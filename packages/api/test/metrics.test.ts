import { recordEvent } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

describe('GET /metrics', () => {
  it('reports requests by route pattern and status, the response cache and the outbox backlog in Prometheus text', async () => {
    await api.store('/store/products')
    await api.store('/store/products')
    await api.store('/store/products/nope')
    await api.request('/no/such/route')
    await recordEvent(api.commerce.ctx(), 'test.pending', {})
    const res = await api.request('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await res.text()
    expect(text).toContain('kassa_http_requests_total{method="GET",route="/store/products",status="200"} 2')
    expect(text).toContain('kassa_http_requests_total{method="GET",route="/store/products/:handle",status="404"} 1')
    expect(text).toContain('kassa_http_requests_total{method="GET",route="unmatched",status="404"} 1')
    expect(text).toMatch(/kassa_http_request_duration_seconds_bucket\{method="GET",route="\/store\/products",status="200",le="\+Inf"\} 2/)
    expect(text).toContain('kassa_response_cache_requests_total{outcome="hit"} 1')
    expect(text).toContain('kassa_event_outbox_pending 1')
    expect(text).toMatch(/kassa_event_outbox_lag_seconds \d/)
    expect(text).toMatch(/kassa_process_resident_memory_bytes \d+/)
    if (api.commerce.dialect === 'postgres') expect(text).toMatch(/kassa_db_pool_connections\{state="max"\} \d+/)
    else expect(text).not.toContain('kassa_db_pool')
  })
})
