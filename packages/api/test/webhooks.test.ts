import { addLine, completeCart, recordEvent, createCart, dispatchEvents, deliverDueWebhooks, listEvents, setPaymentSession, setShippingMethod, updateCart } from '@kassa/core'
import { loadEventSchemas, startWebhookReceiver } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

let api: TestApi
let strict: TestApi
let shop: Shop

beforeAll(async () => {
  api = await createTestApi({ webhooksAllowPrivate: true })
  strict = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(async () => {
  await api.close()
  await strict.close()
})

async function placeOrder(email = 'buyer@example.com') {
  const ctx = api.commerce.ctx({ type: 'guest' }, { id: shop.channelId, name: 'Default' })
  const cart = await createCart(ctx, { region_id: shop.regions.nl, email })
  await addLine(ctx, cart.id, { variant_id: shop.variants.shirt, quantity: 1 })
  await updateCart(ctx, cart.id, { shipping_address: ADDRESSES.nl })
  await setShippingMethod(ctx, cart.id, shop.shipping.nl)
  await setPaymentSession(ctx, cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
  return completeCart(ctx, cart.id)
}

/** What the event worker does, pass after pass, until nothing is left to do. */
async function pump() {
  const ctx = api.commerce.ctx()
  for (;;) {
    const handled = await dispatchEvents(ctx, api.commerce.events.list())
    const delivered = await deliverDueWebhooks(ctx, { allowPrivate: true })
    if (handled === 0 && delivered.length === 0) return
  }
}

describe('webhook endpoints in the Admin API', () => {
  it('creates an endpoint with a generated secret shown once; reads never show it', async () => {
    const res = await api.admin('/admin/webhooks', { method: 'POST', json: { url: 'https://hooks.example.com/kassa', events: ['order.placed'] } })
    expect(res.status).toBe(201)
    const { webhook_endpoint } = (await res.json()) as any
    expect(webhook_endpoint).toMatchObject({ url: 'https://hooks.example.com/kassa', events: ['order.placed'], active: true })
    expect(webhook_endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const got = (await (await api.admin(`/admin/webhooks/${webhook_endpoint.id}`)).json()) as any
    expect(got.webhook_endpoint).not.toHaveProperty('secret')
    const list = (await (await api.admin('/admin/webhooks')).json()) as any
    expect(list.data.map((e: any) => e.id)).toContain(webhook_endpoint.id)
    expect(list.data.every((e: any) => !('secret' in e))).toBe(true)

    const patched = await api.admin(`/admin/webhooks/${webhook_endpoint.id}`, { method: 'PATCH', json: { active: false, events: ['*'] } })
    expect(await patched.json()).toMatchObject({ webhook_endpoint: { active: false, events: ['*'] } })
    expect((await api.admin(`/admin/webhooks/${webhook_endpoint.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await (await api.admin(`/admin/webhooks/${webhook_endpoint.id}`)).json()).toMatchObject({ code: 'webhook.not_found' })
  })

  it('refuses internal event types', async () => {
    const res = await api.admin('/admin/webhooks', { method: 'POST', json: { url: 'https://hooks.example.com/x', events: ['order.placed', 'customer.password_reset_requested'] } })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'events.1', code: 'internal_event' }] })
  })

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://10.1.2.3/hook',
    'http://172.16.0.5/hook',
    'http://192.168.1.1/hook',
    'http://100.64.0.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/hook',
    'http://[::1]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:a9fe:a9fe]/hook',
    'http://2130706433/hook',
  ])('refuses %s at save unless private targets are allowed', async (url) => {
    for (const [method, path] of [['POST', '/admin/webhooks']] as const) {
      const res = await strict.admin(path, { method, json: { url, events: ['*'] } })
      expect(res.status, url).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'url', code: 'url_not_allowed' }] })
    }
    const ok = await strict.admin('/admin/webhooks', { method: 'POST', json: { url: 'https://93.184.215.14/hook', events: ['*'] } })
    const { webhook_endpoint } = (await ok.json()) as any
    const patch = await strict.admin(`/admin/webhooks/${webhook_endpoint.id}`, { method: 'PATCH', json: { url } })
    expect(patch.status).toBe(400)
  })
})

describe('events to webhooks and notifications', () => {
  it('delivers order.placed of a real checkout, signed, valid against its schema; lists deliveries; replays', async () => {
    const create = await api.admin('/admin/webhooks', { method: 'POST', json: { url: 'http://placeholder.invalid/', events: ['*'] } })
    const { webhook_endpoint: endpoint } = (await create.json()) as any
    const receiver = await startWebhookReceiver(endpoint.secret)
    try {
      await api.admin(`/admin/webhooks/${endpoint.id}`, { method: 'PATCH', json: { url: receiver.url } })
      const order = await placeOrder()
      await pump()
      const placed = receiver.received.filter((r) => r.type === 'order.placed' && r.data.id === order.id)
      expect(placed).toHaveLength(1)
      expect(placed[0]!.verified).toBe(true)
      expect(receiver.received.some((r) => r.type === 'cart.completed' && r.data.order_id === order.id)).toBe(true)
      expect(receiver.failures()).toBe(0)

      const schemas = loadEventSchemas()
      for (const hook of receiver.received) expect(schemas.get(`${hook.type}@1`)?.validate(hook.data), hook.type).toEqual([])

      const deliveries = (await (await api.admin(`/admin/webhooks/${endpoint.id}/deliveries?status=succeeded`)).json()) as any
      expect(deliveries.data.length).toBeGreaterThanOrEqual(2)
      expect(deliveries.data[0]).toMatchObject({ status: 'succeeded', attempts: 1, response_status: 200 })

      const event = (await listEvents(api.commerce.ctx(), { type: 'order.placed', limit: 100 })).find((e) => e.data.id === order.id)!
      const replay = await api.admin(`/admin/webhooks/${endpoint.id}/replay`, { method: 'POST', json: { event_id: event.id } })
      expect(replay.status).toBe(201)
      await pump()
      expect(receiver.received.filter((r) => r.type === 'order.placed' && r.data.id === order.id)).toHaveLength(2)
      const again = await api.admin(`/admin/webhook-deliveries/${deliveries.data[0].id}/replay`, { method: 'POST' })
      expect(again.status).toBe(201)
      expect(await (await api.admin(`/admin/webhooks/${endpoint.id}/replay`, { method: 'POST', json: { event_id: 'evt_nope' } })).json()).toMatchObject({
        code: 'webhook.event_not_found',
      })
    } finally {
      await receiver.close()
      await api.admin(`/admin/webhooks/${endpoint.id}`, { method: 'DELETE' })
    }
  })

  it('every emitted event validates against its schema', async () => {
    await placeOrder('schema@example.com')
    const schemas = loadEventSchemas()
    const events = await listEvents(api.commerce.ctx(), { limit: 100 })
    expect(events.length).toBeGreaterThan(0)
    for (const event of events) {
      const schema = schemas.get(`${event.type}@${event.version}`)
      expect(schema, `no schema for ${event.type} v${event.version}`).toBeDefined()
      expect(schema!.validate(event.data), event.type).toEqual([])
    }
  })

  it('sends the order confirmation through the database provider, listed in the Admin API', async () => {
    const order = await placeOrder('confirm@example.com')
    await pump()
    const res = await api.admin('/admin/notifications?to=confirm@example.com')
    const { data } = (await res.json()) as any
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({ provider_id: 'database', template: 'order_confirmation', locale: 'en', to: 'confirm@example.com' })
    expect(data[0].subject).toBe(`Order #${order.number} confirmed`)
    expect(data[0].text).toContain('Checkout Shirt')
  })

  it('sends the shipping confirmation in Dutch to the order’s own address, whatever the payload says', async () => {
    const order = await placeOrder('ship@example.com')
    await pump()
    await recordEvent(api.commerce.ctx(), 'order.shipped', {
      order_id: order.id,
      number: 1,
      email: 'attacker@example.net',
      carrier: 'PostNL',
      tracking_number: '3SABCD1234567',
      tracking_url: 'https://postnl.example/track/3SABCD1234567',
      locale: 'nl',
    })
    await pump()
    const { data } = (await (await api.admin('/admin/notifications?template=shipping_confirmation')).json()) as any
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({ to: 'ship@example.com', locale: 'nl', subject: `Bestelling #${order.number} is verzonden` })
    expect(data[0].text).toContain('Vervoerder: PostNL')
    expect(data[0].text).toContain('https://postnl.example/track/3SABCD1234567')
  })
})
