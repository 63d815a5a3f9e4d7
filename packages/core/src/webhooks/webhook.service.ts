import { toIso } from '../db/dialect.js'
import { entityIdOf, isInternalEvent } from '../events/event-types.js'
import { findEvent } from '../events/event.service.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import { CommonErrors } from '../kernel/errors.js'
import type { Ctx } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import { z } from 'zod'
import { webhookUrlProblem } from './address-guard.js'
import { newWebhookSecret } from './sign.js'
import {
  type CreateWebhookInput,
  type UpdateWebhookInput,
  type WebhookDelivery,
  type WebhookEndpoint,
  WebhookErrors,
  webhookCreateSchema,
  webhookUpdateSchema,
} from './webhook.js'
import {
  deleteEndpointRow,
  findDeliveryRow,
  findEndpointRow,
  insertDeliveries,
  insertEndpoint,
  listDeliveryRows,
  listEndpointRows,
  toDelivery,
  toEndpoint,
  updateEndpointRow,
} from './webhook.repository.js'

export interface WebhookOptions {
  /** `KASSA_WEBHOOKS_ALLOW_PRIVATE`: accept loopback and private addresses (development, tests). */
  allowPrivate: boolean
}

async function checkUrl(url: string, options: WebhookOptions): Promise<void> {
  const problem = await webhookUrlProblem(url, options.allowPrivate)
  if (problem) throw CommonErrors.validation([{ path: 'url', code: 'url_not_allowed', message: `This URL cannot receive webhooks: ${problem}` }])
}

function checkEvents(events: string[] | undefined): void {
  const internal = (events ?? []).map((type, i) => ({ type, i })).filter(({ type }) => isInternalEvent(type))
  if (internal.length > 0) {
    throw CommonErrors.validation(internal.map(({ type, i }) => ({ path: `events.${i}`, code: 'internal_event', message: `${type} is an internal event and is never sent to webhooks` })))
  }
}

/** Registers an endpoint; the answer carries the signing secret, the only time it is shown. */
export async function createWebhookEndpoint(ctx: Ctx, raw: CreateWebhookInput, options: WebhookOptions): Promise<WebhookEndpoint & { secret: string }> {
  const input = parseInput(webhookCreateSchema, raw)
  checkEvents(input.events)
  await checkUrl(input.url, options)
  const now = ctx.now().toISOString()
  const secret = input.secret ?? newWebhookSecret()
  const id = ctx.newId('whep')
  await insertEndpoint(ctx.db, { id, url: input.url, events: input.events, secret, description: input.description ?? null, active: input.active ?? true, created_at: now, updated_at: now })
  return { ...(await getWebhookEndpoint(ctx, id)), secret }
}

export async function getWebhookEndpoint(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
  const row = await findEndpointRow(ctx.db, id)
  if (!row) throw WebhookErrors.notFound(id)
  return toEndpoint(row)
}

export async function listWebhookEndpoints(ctx: Ctx): Promise<WebhookEndpoint[]> {
  return (await listEndpointRows(ctx.db)).map(toEndpoint)
}

export async function updateWebhookEndpoint(ctx: Ctx, id: string, raw: UpdateWebhookInput, options: WebhookOptions): Promise<WebhookEndpoint> {
  const input = parseInput(webhookUpdateSchema, raw)
  await getWebhookEndpoint(ctx, id)
  checkEvents(input.events)
  if (input.url !== undefined) await checkUrl(input.url, options)
  await updateEndpointRow(ctx.db, id, {
    ...(input.url !== undefined && { url: input.url }),
    ...(input.events !== undefined && { events: input.events }),
    ...(input.secret !== undefined && { secret: input.secret }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.active !== undefined && { active: input.active }),
    updated_at: ctx.now().toISOString(),
  })
  return getWebhookEndpoint(ctx, id)
}

export async function deleteWebhookEndpoint(ctx: Ctx, id: string): Promise<void> {
  if (!(await deleteEndpointRow(ctx.db, id))) throw WebhookErrors.notFound(id)
}

const deliveryCursor = z.object({ created_at: z.string(), id: z.string() })

/** An endpoint's deliveries, newest first, optionally of one status. */
export async function listWebhookDeliveries(
  ctx: Ctx,
  endpointId: string,
  query: { limit: number; cursor?: string | undefined; status?: string | undefined },
): Promise<{ data: WebhookDelivery[]; next_cursor: string | null }> {
  await getWebhookEndpoint(ctx, endpointId)
  const after = query.cursor ? decodeCursor(query.cursor, deliveryCursor) : undefined
  const rows = await listDeliveryRows(ctx.db, endpointId, query.limit, after, query.status)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return { data: page.map(toDelivery), next_cursor: rows.length > query.limit && last ? encodeCursor({ created_at: toIso(last.created_at), id: last.id }) : null }
}

/** Sends an event to an endpoint again, as a new delivery with a fresh retry window. */
export async function replayWebhookEvent(ctx: Ctx, endpointId: string, eventId: string): Promise<WebhookDelivery> {
  await getWebhookEndpoint(ctx, endpointId)
  const event = await findEvent(ctx, eventId)
  if (!event || isInternalEvent(event.type)) throw WebhookErrors.eventNotFound(eventId)
  const now = ctx.now().toISOString()
  const id = ctx.newId('msg')
  await insertDeliveries(ctx.db, [
    {
      id,
      endpoint_id: endpointId,
      event_id: event.id,
      event_type: event.type,
      event_created_at: event.timestamp,
      entity_id: entityIdOf(event),
      origin: 'replay',
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_until: null,
      response_status: null,
      last_error: null,
      delivered_at: null,
      created_at: now,
      updated_at: now,
    },
  ])
  return toDelivery((await findDeliveryRow(ctx.db, id))!)
}

/** Replays the event of an earlier delivery (typically a dead one) to the same endpoint. */
export async function replayWebhookDelivery(ctx: Ctx, deliveryId: string): Promise<WebhookDelivery> {
  const row = await findDeliveryRow(ctx.db, deliveryId)
  if (!row) throw WebhookErrors.deliveryNotFound(deliveryId)
  return replayWebhookEvent(ctx, row.endpoint_id, row.event_id)
}
