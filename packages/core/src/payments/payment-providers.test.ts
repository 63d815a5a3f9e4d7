import { describe, expect, it } from 'vitest'
import { manualPaymentProvider } from './manual-provider.js'
import { testPaymentProvider } from './test-provider.js'

const session = { session_id: 'ps_1', amount: 2599, currency_code: 'EUR' }
const authorize = (provider: ReturnType<typeof testPaymentProvider>, token: string | undefined, idempotency_key = `key_${token}`) =>
  provider.authorize({ ...session, ...(token !== undefined && { data: { token } }), idempotency_key })

describe('test payment provider', () => {
  it.each([
    ['tok_ok', { status: 'authorized', provider_ref: expect.stringMatching(/^tpay_/) }],
    ['tok_declined', { status: 'declined', reason: 'card_declined' }],
    [
      'tok_3ds',
      {
        status: 'requires_action',
        provider_ref: expect.stringMatching(/^tpay_/),
        action: expect.objectContaining({ type: 'three_d_secure' }),
      },
    ],
    ['tok_stolen', { status: 'declined', reason: 'invalid_token' }],
    [undefined, { status: 'declined', reason: 'missing_token' }],
  ])('authorizes %s deterministically', async (token, expected) => {
    const provider = testPaymentProvider()
    expect(await authorize(provider, token)).toEqual(expected)
    expect(provider.calls.authorize).toEqual([
      { ...session, ...(token !== undefined && { data: { token } }), idempotency_key: `key_${token}` },
    ])
  })

  it('records every call but authorizes once per idempotency key', async () => {
    const provider = testPaymentProvider()
    const first = await authorize(provider, 'tok_ok', 'cart_1')
    const again = await authorize(provider, 'tok_ok', 'cart_1')
    expect(again).toEqual(first)
    expect(provider.calls.authorize).toHaveLength(2)
    expect(provider.authorizations).toBe(1)
    await authorize(provider, 'tok_ok', 'cart_2')
    expect(provider.authorizations).toBe(2)
    expect(testPaymentProvider().calls.authorize).toHaveLength(0)
  })

  it('needs a confirm after tok_3ds, which can also fail the challenge', async () => {
    const provider = testPaymentProvider()
    const { provider_ref } = await authorize(provider, 'tok_3ds')
    expect(await provider.confirm({ session_id: 'ps_1', provider_ref: provider_ref! })).toEqual({ status: 'authorized', provider_ref })
    expect(await provider.confirm({ session_id: 'ps_1', provider_ref: provider_ref! })).toEqual({ status: 'authorized', provider_ref })
    expect(await provider.confirm({ session_id: 'ps_other', provider_ref: provider_ref! })).toMatchObject({
      status: 'declined',
      reason: 'unknown_payment',
    })

    const failing = (await authorize(provider, 'tok_3ds', 'other')).provider_ref!
    expect(await provider.confirm({ session_id: 'ps_1', provider_ref: failing, data: { fail: true } })).toMatchObject({
      status: 'declined',
      reason: 'authentication_failed',
    })
    expect(await provider.capture({ provider_ref: failing, amount: 1 })).toEqual({ status: 'failed', reason: 'payment is canceled' })
  })

  it('captures, refunds and cancels within what was authorized', async () => {
    const provider = testPaymentProvider()
    const { provider_ref } = await authorize(provider, 'tok_ok')
    const ref = provider_ref!
    expect(await provider.refund({ provider_ref: ref, amount: 1 })).toEqual({ status: 'failed', reason: 'amount_exceeds_captured' })
    expect(await provider.capture({ provider_ref: ref, amount: 2000 })).toEqual({ status: 'succeeded' })
    expect(await provider.capture({ provider_ref: ref, amount: 600 })).toEqual({ status: 'failed', reason: 'amount_exceeds_authorized' })
    expect(await provider.capture({ provider_ref: ref, amount: 599 })).toEqual({ status: 'succeeded' })
    expect(await provider.refund({ provider_ref: ref, amount: 2599 })).toEqual({ status: 'succeeded' })
    expect(await provider.refund({ provider_ref: ref, amount: 1 })).toEqual({ status: 'failed', reason: 'amount_exceeds_captured' })
    expect(await provider.cancel({ provider_ref: ref })).toEqual({ status: 'failed', reason: 'already_captured' })

    const uncaptured = (await authorize(provider, 'tok_ok', 'k2')).provider_ref!
    expect(await provider.cancel({ provider_ref: uncaptured })).toEqual({ status: 'succeeded' })
    expect(await provider.capture({ provider_ref: uncaptured, amount: 1 })).toMatchObject({ status: 'failed' })
    expect(await provider.capture({ provider_ref: 'tpay_nope', amount: 1 })).toEqual({ status: 'failed', reason: 'unknown_payment' })
  })

  it('refuses an amount that is not whole minor units', async () => {
    const provider = testPaymentProvider()
    await expect(provider.authorize({ ...session, amount: 25.99, data: { token: 'tok_ok' }, idempotency_key: 'k' })).rejects.toThrow(
      RangeError,
    )
    await expect(provider.initiate({ ...session, amount: -1 })).rejects.toThrow(RangeError)
  })

  it('verifies webhook signatures with its secret', async () => {
    const provider = testPaymentProvider({ webhookSecret: 'whsec_a' })
    const body = JSON.stringify({ id: 'evt_1', type: 'payment.captured', provider_ref: 'tpay_1', amount: 2599 })
    const headers = provider.signWebhook(body)
    expect(await provider.verifyWebhook!(headers, body)).toEqual({
      id: 'evt_1',
      type: 'payment.captured',
      provider_ref: 'tpay_1',
      amount: 2599,
    })
    expect(await provider.verifyWebhook!(new Headers(headers), body)).toMatchObject({ id: 'evt_1' })
    expect(await provider.verifyWebhook!(headers, body.replace('2599', '1'))).toBeUndefined()
    expect(await provider.verifyWebhook!(testPaymentProvider({ webhookSecret: 'whsec_b' }).signWebhook(body), body)).toBeUndefined()
    expect(await provider.verifyWebhook!({}, body)).toBeUndefined()
  })
})

describe('manual payment provider', () => {
  it('leaves the payment pending: the order is placed, the money awaited', async () => {
    const provider = manualPaymentProvider()
    expect(provider.id).toBe('manual')
    expect((await provider.initiate(session)).data).toMatchObject({ instructions: expect.any(String) })
    const result = await provider.authorize({ ...session, idempotency_key: 'k' })
    expect(result).toEqual({ status: 'pending', provider_ref: 'manual_ps_1' })
    expect(await provider.confirm({ session_id: 'ps_1', provider_ref: result.provider_ref! })).toEqual({
      status: 'pending',
      provider_ref: 'manual_ps_1',
    })
    expect(await provider.capture({ provider_ref: 'manual_ps_1', amount: 2599 })).toEqual({ status: 'succeeded' })
    await expect(provider.capture({ provider_ref: 'manual_ps_1', amount: 1.5 })).rejects.toThrow(RangeError)
  })
})

describe('built-in registration', () => {
  it('registers test and manual for every engine, each engine with its own test provider state', async () => {
    const { createTestCommerce } = await import('../testing/create-test-ctx.js')
    const a = await createTestCommerce()
    const b = await createTestCommerce()
    try {
      expect(
        a.providers
          .list('payment')
          .map((p) => p.id)
          .sort(),
      ).toEqual(['manual', 'test'])
      expect(a.providers.get('payment', 'test')).not.toBe(b.providers.get('payment', 'test'))
    } finally {
      await a.close()
      await b.close()
    }
  })
})
