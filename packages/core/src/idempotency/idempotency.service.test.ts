import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCtx } from '../testing/index.js'
import { beginIdempotentRequest, finishIdempotentRequest, releaseIdempotencyKey } from './idempotency.service.js'

let ctx: Awaited<ReturnType<typeof createTestCtx>>
beforeAll(async () => {
  ctx = await createTestCtx()
})
afterAll(() => ctx.close())

describe('idempotency keys', () => {
  it('runs the first request, refuses a second while it runs, then replays its response', async () => {
    const ref = { scope: 'sc_1 POST /store/carts/cart_1/complete', key: 'k1' }
    expect(await beginIdempotentRequest(ctx, ref, 'hash-a')).toEqual({ kind: 'run' })
    await expect(beginIdempotentRequest(ctx, ref, 'hash-a')).rejects.toMatchObject({ code: 'idempotency.in_progress' })
    await finishIdempotentRequest(ctx, ref, { status: 200, body: '{"order":{}}' })
    expect(await beginIdempotentRequest(ctx, ref, 'hash-a')).toEqual({ kind: 'replay', status: 200, body: '{"order":{}}' })
  })

  it('refuses the key with another request body, also while the first runs', async () => {
    const ref = { scope: 'sc_1 POST /store/carts/cart_2/payment', key: 'k2' }
    await beginIdempotentRequest(ctx, ref, 'hash-a')
    await expect(beginIdempotentRequest(ctx, ref, 'hash-b')).rejects.toMatchObject({ code: 'idempotency.key_reused' })
    await finishIdempotentRequest(ctx, ref, { status: 402, body: '{"code":"payment.declined"}' })
    await expect(beginIdempotentRequest(ctx, ref, 'hash-b')).rejects.toMatchObject({ code: 'idempotency.key_reused' })
  })

  it('keeps keys apart per route, and frees a released key', async () => {
    const a = { scope: 'sc_1 POST /store/carts/cart_3/complete', key: 'same' }
    const b = { scope: 'sc_1 POST /store/carts/cart_4/complete', key: 'same' }
    expect(await beginIdempotentRequest(ctx, a, 'h')).toEqual({ kind: 'run' })
    expect(await beginIdempotentRequest(ctx, b, 'h')).toEqual({ kind: 'run' })
    await releaseIdempotencyKey(ctx, a)
    expect(await beginIdempotentRequest(ctx, a, 'other')).toEqual({ kind: 'run' })
  })

  it('lets exactly one of many concurrent requests with one key run', async () => {
    const ref = { scope: 'sc_1 POST /store/carts/cart_5/complete', key: 'race' }
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => beginIdempotentRequest(ctx, ref, 'h')))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'idempotency.in_progress' })
  })
})
