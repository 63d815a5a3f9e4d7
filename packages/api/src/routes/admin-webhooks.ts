import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  AuthErrors,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  limitSchema,
  listNotifications,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  replayWebhookEvent,
  updateWebhookEndpoint,
  webhookCreateSchema,
  WebhookErrors,
  webhookReplaySchema,
  webhookUpdateSchema,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { errorResponses, jsonBody, jsonResponse, listOf } from '../schemas/common.js'
import { NotificationSchema, WebhookDeliverySchema, WebhookEndpointSchema, WebhookEndpointWithSecretSchema } from '../schemas/webhooks.js'
import { adminRoute } from './admin-route.js'

const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]
const idParam = z.object({ id: z.string().max(64) })
const endpoint = jsonResponse(z.object({ webhook_endpoint: WebhookEndpointSchema }), 'The webhook endpoint')
const delivery = jsonResponse(z.object({ webhook_delivery: WebhookDeliverySchema }), 'The new delivery, pending')
const page = { limit: limitSchema.optional(), cursor: z.string().max(500).optional() }

const routes = {
  list: adminRoute('webhooks', 'webhooks:read', {
    method: 'get',
    path: '/webhooks',
    operationId: 'adminListWebhooks',
    summary: 'Every webhook endpoint (without secrets)',
    responses: { 200: jsonResponse(listOf(WebhookEndpointSchema), 'Webhook endpoints'), ...errorResponses(...authErrors) },
  }),
  create: adminRoute('webhooks', 'webhooks:write', {
    method: 'post',
    path: '/webhooks',
    operationId: 'adminCreateWebhook',
    summary: 'Register an endpoint for some event types; without a secret one is generated and returned, once',
    request: { body: jsonBody(webhookCreateSchema.meta({ id: 'WebhookCreateInput' })) },
    responses: {
      201: jsonResponse(z.object({ webhook_endpoint: WebhookEndpointWithSecretSchema }), 'The endpoint with its signing secret'),
      ...errorResponses(...authErrors),
    },
  }),
  get: adminRoute('webhooks', 'webhooks:read', {
    method: 'get',
    path: '/webhooks/{id}',
    operationId: 'adminGetWebhook',
    summary: 'A webhook endpoint by id',
    request: { params: idParam },
    responses: { 200: endpoint, ...errorResponses(...authErrors, WebhookErrors.notFound) },
  }),
  update: adminRoute('webhooks', 'webhooks:write', {
    method: 'patch',
    path: '/webhooks/{id}',
    operationId: 'adminUpdateWebhook',
    summary: 'Change an endpoint: URL, event types, secret (rotation), active',
    request: { params: idParam, body: jsonBody(webhookUpdateSchema.meta({ id: 'WebhookUpdateInput' })) },
    responses: { 200: endpoint, ...errorResponses(...authErrors, WebhookErrors.notFound) },
  }),
  delete: adminRoute('webhooks', 'webhooks:write', {
    method: 'delete',
    path: '/webhooks/{id}',
    operationId: 'adminDeleteWebhook',
    summary: 'Delete an endpoint with its deliveries',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(...authErrors, WebhookErrors.notFound) },
  }),
  deliveries: adminRoute('webhooks', 'webhooks:read', {
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    operationId: 'adminListWebhookDeliveries',
    summary: "An endpoint's deliveries, newest first: status, attempts, last response",
    request: { params: idParam, query: z.object({ ...page, status: z.enum(['pending', 'delivering', 'succeeded', 'dead']).optional() }) },
    responses: { 200: jsonResponse(listOf(WebhookDeliverySchema), 'Deliveries'), ...errorResponses(...authErrors, WebhookErrors.notFound) },
  }),
  replayEvent: adminRoute('webhooks', 'webhooks:write', {
    method: 'post',
    path: '/webhooks/{id}/replay',
    operationId: 'adminReplayWebhookEvent',
    summary: 'Send an event to the endpoint again, as a new delivery',
    request: { params: idParam, body: jsonBody(webhookReplaySchema.meta({ id: 'WebhookReplayInput' })) },
    responses: { 201: delivery, ...errorResponses(...authErrors, WebhookErrors.notFound, WebhookErrors.eventNotFound) },
  }),
  replayDelivery: adminRoute('webhooks', 'webhooks:write', {
    method: 'post',
    path: '/webhook-deliveries/{id}/replay',
    operationId: 'adminReplayWebhookDelivery',
    summary: 'Send the event of a (dead) delivery again, as a new delivery',
    request: { params: idParam },
    responses: { 201: delivery, ...errorResponses(...authErrors, WebhookErrors.deliveryNotFound) },
  }),
  notifications: adminRoute('notifications', 'settings:read', {
    method: 'get',
    path: '/notifications',
    operationId: 'adminListNotifications',
    summary: 'Messages kept by the built-in `database` notification provider, newest first',
    request: {
      query: z.object({
        ...page,
        to: z.string().max(320).optional(),
        template: z.enum(['order_confirmation', 'shipping_confirmation', 'password_reset']).optional(),
      }),
    },
    responses: { 200: jsonResponse(listOf(NotificationSchema), 'Notifications'), ...errorResponses(...authErrors) },
  }),
}

export function adminWebhookRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  const guard = (c: { get: (k: 'commerce') => any }) => ({ allowPrivate: Boolean(c.get('commerce').config.webhooksAllowPrivate) })
  const r = routes

  app.openapi(r.list, async (c) => c.json({ data: await listWebhookEndpoints(ctx(c)), next_cursor: null }, 200))
  app.openapi(r.create, async (c) => c.json({ webhook_endpoint: await createWebhookEndpoint(ctx(c), c.req.valid('json'), guard(c)) }, 201))
  app.openapi(r.get, async (c) => c.json({ webhook_endpoint: await getWebhookEndpoint(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(r.update, async (c) =>
    c.json({ webhook_endpoint: await updateWebhookEndpoint(ctx(c), c.req.valid('param').id, c.req.valid('json'), guard(c)) }, 200),
  )
  app.openapi(r.delete, async (c) => {
    await deleteWebhookEndpoint(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(r.deliveries, async (c) => {
    const { limit, cursor, status } = c.req.valid('query')
    return c.json(await withQueryPaths(() => listWebhookDeliveries(ctx(c), c.req.valid('param').id, { limit: limit ?? 20, cursor, status })), 200)
  })
  app.openapi(r.replayEvent, async (c) =>
    c.json({ webhook_delivery: await replayWebhookEvent(ctx(c), c.req.valid('param').id, c.req.valid('json').event_id) }, 201),
  )
  app.openapi(r.replayDelivery, async (c) => c.json({ webhook_delivery: await replayWebhookDelivery(ctx(c), c.req.valid('param').id) }, 201))
  app.openapi(r.notifications, async (c) => {
    const { limit, cursor, to, template } = c.req.valid('query')
    return c.json(await withQueryPaths(() => listNotifications(ctx(c), { limit: limit ?? 20, cursor, to, template })), 200)
  })
  return app
}
