import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../kernel/ctx.js'
import { createTestCtx } from '../testing/index.js'
import { takeOrderNumber } from './order.repository.js'

let ctx: Awaited<ReturnType<typeof createTestCtx>>
beforeAll(async () => {
  ctx = await createTestCtx()
})
afterAll(() => ctx.close())

describe('order numbers', () => {
  it('starts at 1001 and gives 20 concurrent transactions 20 different, consecutive numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => inTransaction(ctx, (tx) => takeOrderNumber(tx.db))))
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 1001 + i))
  })

  it('gives a rolled-back number back', async () => {
    const failed = inTransaction(ctx, async (tx) => {
      await takeOrderNumber(tx.db)
      throw new Error('order write failed')
    })
    await expect(failed).rejects.toThrow('order write failed')
    expect(await inTransaction(ctx, (tx) => takeOrderNumber(tx.db))).toBe(1021)
  })
})
