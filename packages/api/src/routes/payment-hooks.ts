import { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { problem } from '../errors.js'

/**
 * Inbound payment provider webhooks: `POST /hooks/payments/{provider_id}`. The raw body is
 * verified by the provider (signature over the exact bytes) before anything is read from it.
 * These are for providers, not API clients, so they are not part of the OpenAPI document.
 */
export function paymentHookRoutes() {
  const app = new Hono<AppEnv>()
  app.post('/hooks/payments/:provider_id', async (c) => {
    const providerId = c.req.param('provider_id')
    const provider = c.get('commerce').providers.get('payment', providerId)
    if (!provider?.verifyWebhook) return problem(c, 404, 'payment.webhook_provider_unknown', `No payment provider ${providerId} takes webhooks`)
    const rawBody = await c.req.text()
    const event = await provider.verifyWebhook(c.req.raw.headers, rawBody)
    if (!event) return problem(c, 401, 'payment.webhook_invalid', 'The webhook signature does not verify')
    c.get('logger').info({ provider: providerId, event_id: event.id, type: event.type, provider_ref: event.provider_ref }, 'payment webhook received')
    return c.json({ received: true, id: event.id }, 200)
  })
  return app
}
