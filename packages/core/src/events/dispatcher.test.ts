import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../kernel/clock.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { createTestCtx } from '../testing/index.js'
import { dispatchEvents, MAX_SUBSCRIBER_ATTEMPTS } from './dispatcher.js'
import { recordEvent } from './event.service.js'
import { EventSubscribers } from './subscribers.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A ctx whose clock stands still until the test moves it (events in one instant are ordered by id). */
async function setup(moving = false) {
  const base = await createTestCtx()
  cleanups.push(() => base.close())
  const clock = fixedClock('2026-05-01T10:00:00.000Z')
  const ctx: Ctx = moving ? base : { ...base, now: clock }
  return { ctx, clock }
}

describe('the event dispatcher', () => {
  it('hands each subscriber its events once, in the order they were written, after the transaction committed', async () => {
    const { ctx } = await setup(true)
    const seen: string[] = []
    const subs = new EventSubscribers()
      .subscribe('order.placed', (e) => void seen.push(`placed:${e.data.id}`), { consumer: 'a' })
      .subscribe('*', (e) => void seen.push(`any:${e.type}`), { consumer: 'b' })
    await inTransaction(ctx, async (tx) => {
      await recordEvent(tx, 'order.placed', { id: 'ord_1' })
      await recordEvent(tx, 'cart.completed', { cart_id: 'cart_1', order_id: 'ord_1' })
    })
    // A rolled-back transaction leaves no event behind.
    await inTransaction(ctx, async (tx) => {
      await recordEvent(tx, 'order.placed', { id: 'ord_rolled_back' })
      throw new Error('rollback')
    }).catch(() => undefined)
    expect(await dispatchEvents(ctx, subs.list())).toBe(3)
    expect(await dispatchEvents(ctx, subs.list())).toBe(0)
    expect(seen).toEqual(['placed:ord_1', 'any:order.placed', 'any:cart.completed'])
  })

  it('retries a failing subscriber with backoff without holding up the others, and gives up after the last attempt', async () => {
    const { ctx, clock } = await setup()
    let failures = 0
    const ok: string[] = []
    const subs = new EventSubscribers()
      .subscribe(
        'order.placed',
        () => {
          failures++
          throw new Error('mail server down')
        },
        { consumer: 'flaky' },
      )
      .subscribe('order.placed', (e) => void ok.push(e.id), { consumer: 'steady' })
    await recordEvent(ctx, 'order.placed', { id: 'ord_2' })
    await dispatchEvents(ctx, subs.list())
    expect(failures).toBe(1)
    expect(ok).toHaveLength(1)
    // Not again before its time.
    await dispatchEvents(ctx, subs.list())
    expect(failures).toBe(1)
    for (let i = 2; i <= MAX_SUBSCRIBER_ATTEMPTS + 2; i++) {
      clock.advance(2 * 60 * 60_000)
      await dispatchEvents(ctx, subs.list())
    }
    expect(failures).toBe(MAX_SUBSCRIBER_ATTEMPTS)
    const receipt = await ctx.db.selectFrom('event_receipt').selectAll().where('consumer', '=', 'flaky').executeTakeFirstOrThrow()
    expect(receipt).toMatchObject({ status: 'dead', attempts: MAX_SUBSCRIBER_ATTEMPTS, last_error: 'mail server down' })
    expect(ok).toHaveLength(1)
  })

  it('moves the checkpoint past finished events, staying behind the commit grace period', async () => {
    const { ctx, clock } = await setup()
    const subs = new EventSubscribers().subscribe('*', () => undefined, { consumer: 'c' })
    await recordEvent(ctx, 'order.placed', { id: 'ord_3' })
    await dispatchEvents(ctx, subs.list())
    clock.advance(60 * 60_000)
    await dispatchEvents(ctx, subs.list())
    const row = await ctx.db.selectFrom('event_consumer').selectAll().where('name', '=', 'c').executeTakeFirstOrThrow()
    expect(new Date(row.checkpoint as string).toISOString()).toBe('2026-05-01T10:55:00.000Z')
  })
})
