import { testPaymentProvider } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
let live: TestApi
beforeAll(async () => {
  api = await createTestApi()
  live = await createTestApi({ testPayments: false })
})
afterAll(async () => {
  await api.close()
  await live.close()
})

describe('payment providers over HTTP', () => {
  it('accepts a webhook whose signature verifies and refuses a tampered one', async () => {
    const provider = api.commerce.providers.get('payment', 'test') as ReturnType<typeof testPaymentProvider>
    const body = JSON.stringify({ id: 'evt_1', type: 'payment.captured', provider_ref: 'pay_1', amount: 1000 })
    const ok = await api.request('/hooks/payments/test', { method: 'POST', body, headers: provider.signWebhook(body) })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ received: true, id: 'evt_1' })
    const tampered = await api.request('/hooks/payments/test', { method: 'POST', body: body.replace('1000', '1'), headers: provider.signWebhook(body) })
    expect(tampered.status).toBe(401)
    expect((await tampered.json()).code).toBe('payment.webhook_invalid')
    const unknown = await api.request('/hooks/payments/nope', { method: 'POST', body })
    expect((await unknown.json()).code).toBe('payment.webhook_provider_unknown')
  })

  it('does not offer the test provider outside demo or test mode', async () => {
    expect(live.commerce.providers.get('payment', 'test')).toBeUndefined()
    expect(live.commerce.providers.get('payment', 'manual')).toBeDefined()
    const hook = await live.request('/hooks/payments/test', { method: 'POST', body: '{}' })
    expect(hook.status).toBe(404)
  })
})
