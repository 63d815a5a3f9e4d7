import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Commerce, createCommerce } from '../commerce.js'
import { resolveConfig } from '../config/config.js'
import { dispatchEvents } from '../events/dispatcher.js'
import { recordEvent } from '../events/event.service.js'
import { EventSubscribers } from '../events/subscribers.js'
import { createTestCommerce, startWebhookReceiver, steppingClock, testDialect, testPostgresUrl } from '../testing/index.js'
import { deliverDueWebhooks } from './delivery.service.js'
import { newWebhookSecret } from './sign.js'
import { createWebhookEndpoint } from './webhook.service.js'

const EVENTS = 300

describe.runIf(testDialect === 'postgres')('two workers on one PostgreSQL database', () => {
  let a: Commerce
  let b: Commerce
  const secret = newWebhookSecret()
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>

  beforeAll(async () => {
    a = await createTestCommerce({ webhooksAllowPrivate: true })
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(a.db)
    b = await createCommerce(resolveConfig({ databaseUrl: testPostgresUrl, demo: false, webhooksAllowPrivate: true }), {
      schema: rows[0]!.schema,
      poolSize: 4,
      migrate: false,
      // Both processes read the same kind of clock the test database was filled with.
      clock: steppingClock(),
    })
    receiver = await startWebhookReceiver(secret)
  })
  afterAll(async () => {
    await receiver.close()
    await b.close()
    await a.close()
  })

  it('never takes the same event or delivery attempt in both', async () => {
    await createWebhookEndpoint(a.ctx(), { url: receiver.url, events: ['*'], secret }, { allowPrivate: true })
    for (let i = 0; i < EVENTS; i++) await recordEvent(a.ctx(), 'order.placed', { id: `ord_${i}`, number: 1000 + i })

    // The same subscriber in both processes: each event must reach exactly one of them.
    const handled = new Map<string, number>()
    const subscribersOf = (commerce: Commerce) =>
      new EventSubscribers()
        .subscribe('order.placed', (event) => void handled.set(event.id, (handled.get(event.id) ?? 0) + 1), { consumer: 'counter' })
        .subscribe('*', commerce.events.list().find((s) => s.consumer === 'webhooks')!.handler, { consumer: 'webhooks' })
        .list()

    const work = async (commerce: Commerce) => {
      const ctx = commerce.ctx()
      const subscriptions = subscribersOf(commerce)
      let delivered = 0
      for (;;) {
        const taken = await dispatchEvents(ctx, subscriptions, { batchSize: 25 })
        const sent = await deliverDueWebhooks(ctx, { allowPrivate: true, limit: 10 })
        delivered += sent.length
        if (taken === 0 && sent.length === 0) {
          const left = await commerce.db.selectFrom('webhook_delivery').select('id').where('status', '!=', 'succeeded').execute()
          const total = await commerce.db.selectFrom('webhook_delivery').select('id').execute()
          if (left.length === 0 && total.length === EVENTS) return delivered
        }
      }
    }
    const [byA, byB] = await Promise.all([work(a), work(b)])
    console.log(`${EVENTS} deliveries by two workers: ${byA} + ${byB}`)
    // Both took part: otherwise the test would prove nothing about concurrent claims.
    expect(byA).toBeGreaterThan(0)
    expect(byB).toBeGreaterThan(0)
    expect(byA + byB).toBe(EVENTS)

    expect(handled.size).toBe(EVENTS)
    expect([...handled.values()].every((n) => n === 1)).toBe(true)
    const ids = receiver.received.map((r) => r.id)
    expect(ids).toHaveLength(EVENTS)
    expect(new Set(ids).size).toBe(EVENTS)
    expect(receiver.failures()).toBe(0)
    const attempts = await a.db.selectFrom('webhook_delivery').select('attempts').execute()
    expect(attempts.every((r) => r.attempts === 1)).toBe(true)
  }, 120_000)
})
