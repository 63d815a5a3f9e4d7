import { createServer } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../kernel/clock.js'
import type { Ctx } from '../kernel/ctx.js'
import { recordEvent } from '../events/event.service.js'
import { dispatchEvents } from '../events/dispatcher.js'
import { createTestCtx, type ReceivedWebhook, startWebhookReceiver } from '../testing/index.js'
import { deliverDueWebhooks, retryDelayMs, WEBHOOK_RETRY_WINDOW_MS } from './delivery.service.js'
import { newWebhookSecret } from './sign.js'
import { createWebhookEndpoint, listWebhookDeliveries, replayWebhookDelivery, updateWebhookEndpoint } from './webhook.service.js'

const allowPrivate = { allowPrivate: true }
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function setup(respond?: (n: number, hook: ReceivedWebhook) => number) {
  const base = await createTestCtx({ webhooksAllowPrivate: true })
  const clock = fixedClock('2026-03-01T12:00:00.000Z')
  const ctx: Ctx = { ...base, now: clock }
  const secret = newWebhookSecret()
  const receiver = await startWebhookReceiver(secret, respond)
  cleanups.push(() => base.close(), () => receiver.close())
  const endpoint = await createWebhookEndpoint(ctx, { url: receiver.url, events: ['order.placed', 'order.shipped'], secret }, allowPrivate)
  const pump = async () => {
    await dispatchEvents(ctx, base.commerce.events.list())
    return deliverDueWebhooks(ctx, { allowPrivate: true, random: () => 0.5 })
  }
  return { ctx, clock, receiver, endpoint, pump }
}

describe('webhook delivery', () => {
  it('delivers subscribed events signed per Standard Webhooks, and nothing else', async () => {
    const { ctx, receiver, pump } = await setup()
    await recordEvent(ctx, 'order.placed', { id: 'ord_1', number: 1001 })
    await recordEvent(ctx, 'cart.completed', { cart_id: 'cart_1', order_id: 'ord_1' })
    await recordEvent(ctx, 'customer.password_reset_requested', { customer_id: 'cus_1', email: 'a@example.com', token: 't', expires_at: 'x', locale: 'en' })
    const outcomes = await pump()
    expect(outcomes.map((o) => o.status)).toEqual(['succeeded'])
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]).toMatchObject({ type: 'order.placed', verified: true, data: { id: 'ord_1', number: 1001 } })
    expect(receiver.failures()).toBe(0)
  })

  it('retries with growing, jittered delays for 24 hours, then marks the delivery dead; a replay delivers it', async () => {
    let failing = true
    const { ctx, clock, receiver, endpoint, pump } = await setup(() => (failing ? 503 : 200))
    await recordEvent(ctx, 'order.placed', { id: 'ord_2', number: 1002 })
    const delays: number[] = []
    let attempts = 0
    for (;;) {
      const [outcome] = await pump()
      attempts++
      expect(outcome).toBeDefined()
      if (outcome!.status === 'dead') break
      const { data } = await listWebhookDeliveries(ctx, endpoint.id, { limit: 10 })
      const wait = new Date(data[0]!.next_attempt_at!).getTime() - ctx.now().getTime()
      delays.push(wait)
      // Not due yet: nothing is sent before its time.
      clock.advance(wait - 1000)
      expect(await pump()).toEqual([])
      clock.advance(1000)
    }
    expect(delays[0]).toBe(retryDelayMs(1, () => 0.5))
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!)
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(WEBHOOK_RETRY_WINDOW_MS - Math.max(...delays))
    expect(receiver.received.length).toBe(attempts)
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1)

    const { data } = await listWebhookDeliveries(ctx, endpoint.id, { limit: 10 })
    expect(data[0]).toMatchObject({ status: 'dead', attempts, response_status: 503 })
    failing = false
    const replay = await replayWebhookDelivery(ctx, data[0]!.id)
    expect(replay).toMatchObject({ status: 'pending', origin: 'replay' })
    expect(await pump()).toEqual([{ id: replay.id, status: 'succeeded', response_status: 200 }])
    expect(receiver.received.at(-1)).toMatchObject({ id: replay.id, type: 'order.placed', verified: true })
  })

  it('holds a later event of an entity back while an earlier one is still pending', async () => {
    let failedOnce = false
    const { ctx, clock, receiver, pump } = await setup((_n, hook) => {
      if (failedOnce || hook.data.id !== 'ord_3') return 200
      failedOnce = true
      return 500
    })
    // Written in separate moments, as separate requests write them.
    await recordEvent(ctx, 'order.placed', { id: 'ord_3', number: 1003 })
    clock.advance(1)
    await recordEvent(ctx, 'order.shipped', { order_id: 'ord_3', number: 1003 })
    clock.advance(1)
    await recordEvent(ctx, 'order.placed', { id: 'ord_4', number: 1004 })
    const first = await pump()
    expect(first.map((o) => o.status).sort()).toEqual(['pending', 'succeeded'])
    expect(receiver.received.map((r) => [r.type, r.data.id ?? r.data.order_id])).toEqual(
      expect.arrayContaining([
        ['order.placed', 'ord_3'],
        ['order.placed', 'ord_4'],
      ]),
    )
    expect(receiver.received.some((r) => r.type === 'order.shipped')).toBe(false)
    clock.advance(60 * 60_000)
    await pump()
    await pump()
    const ord3 = receiver.received.filter((r) => (r.data.id ?? r.data.order_id) === 'ord_3' && r.verified).map((r) => r.type)
    expect(ord3).toEqual(['order.placed', 'order.placed', 'order.shipped'])
  })

  it('refuses private addresses at send when they are not allowed', async () => {
    const { ctx, receiver, endpoint, pump } = await setup()
    void pump
    await recordEvent(ctx, 'order.placed', { id: 'ord_5', number: 1005 })
    const base = ctx as Ctx & { commerce: { events: { list(): any } } }
    await dispatchEvents(ctx, base.commerce.events.list())
    const [outcome] = await deliverDueWebhooks(ctx, { allowPrivate: false })
    expect(outcome).toMatchObject({ status: 'pending', response_status: null })
    const { data } = await listWebhookDeliveries(ctx, endpoint.id, { limit: 1 })
    expect(data[0]!.last_error).toMatch(/refused/)
    expect(receiver.received).toHaveLength(0)
  })

  it('counts an endpoint that does not answer in time as a failure and retries it', async () => {
    const { ctx, endpoint } = await setup()
    const silent = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => silent.close(() => resolve())), async () => void silent.closeAllConnections())
    await updateWebhookEndpoint(ctx, endpoint.id, { url: `http://127.0.0.1:${(silent.address() as { port: number }).port}/` }, allowPrivate)
    await recordEvent(ctx, 'order.placed', { id: 'ord_6', number: 1006 })
    await dispatchEvents(ctx, (ctx as Ctx & { commerce: { events: { list(): any } } }).commerce.events.list())
    // The production timeout is 10 s; the test shortens it to keep the suite quick.
    const [outcome] = await deliverDueWebhooks(ctx, { allowPrivate: true, timeoutMs: 200 })
    expect(outcome).toMatchObject({ status: 'pending', response_status: null })
    const { data } = await listWebhookDeliveries(ctx, endpoint.id, { limit: 1 })
    expect(data[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect(data[0]!.last_error).toMatch(/no answer within/)
  })
})
