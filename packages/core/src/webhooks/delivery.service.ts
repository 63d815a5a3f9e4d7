import { toIso } from '../db/dialect.js'
import { findEvent, type KassaEvent } from '../events/event.service.js'
import { entityIdOf, isInternalEvent } from '../events/event-types.js'
import type { Ctx } from '../kernel/ctx.js'
import { webhookUrlProblem } from './address-guard.js'
import { postWebhook, type SendResult } from './http-sender.js'
import { signWebhook } from './sign.js'
import { claimDueDeliveries, findEndpointRow, finishDelivery, insertDeliveries, listEndpointRows, toEndpoint } from './webhook.repository.js'

/** Failed deliveries are retried for at least this long before they are marked dead (and replayable). */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60_000
const FIRST_RETRY_MS = 30_000
const MAX_RETRY_DELAY_MS = 4 * 60 * 60_000
// Longer than a send may take (10 s timeout); a crashed worker's deliveries are retried after it.
const LEASE_MS = 30_000

/** The consumer name under which the outbox fan-out keeps its progress. */
export const WEBHOOK_FANOUT_CONSUMER = 'webhooks'

/**
 * Turns one outbox event into a pending delivery per active endpoint that wants it. Runs as an
 * event subscriber; an event already fanned out to an endpoint is not added twice.
 */
export async function fanOutEvent(ctx: Ctx, event: KassaEvent): Promise<number> {
  if (isInternalEvent(event.type)) return 0
  const endpoints = (await listEndpointRows(ctx.db, true)).map(toEndpoint).filter((e) => e.events.includes('*') || e.events.includes(event.type))
  const now = ctx.now().toISOString()
  await insertDeliveries(
    ctx.db,
    endpoints.map((endpoint) => ({
      id: ctx.newId('msg'),
      endpoint_id: endpoint.id,
      event_id: event.id,
      event_type: event.type,
      event_created_at: event.timestamp,
      entity_id: entityIdOf(event),
      origin: 'event' as const,
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: now,
      lease_until: null,
      response_status: null,
      last_error: null,
      delivered_at: null,
      created_at: now,
      updated_at: now,
    })),
  )
  return endpoints.length
}

/**
 * The wait before retry `attempt` (1 = after the first failure): doubling from 30 s, at most 4 h,
 * with +-20 % jitter so that endpoints that failed together do not retry together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS)
  return Math.round(base * (0.8 + 0.4 * random()))
}

export interface DeliverOptions {
  allowPrivate: boolean
  limit?: number
  random?: () => number
  timeoutMs?: number
  /** Replaces the HTTP call (never in production); the default posts with the SSRF guard. */
  send?: (url: string, headers: Record<string, string>, body: string) => Promise<SendResult>
}

export interface DeliveryOutcome {
  id: string
  status: 'succeeded' | 'pending' | 'dead'
  response_status: number | null
}

/**
 * One pass of the delivery worker: claims due deliveries, sends each signed per the Standard
 * Webhooks spec outside any transaction, and records the outcome. Returns what it did.
 */
export async function deliverDueWebhooks(ctx: Ctx, options: DeliverOptions): Promise<DeliveryOutcome[]> {
  const now = ctx.now()
  const claimed = await claimDueDeliveries(ctx.db, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), options.limit ?? 20)
  return Promise.all(claimed.map((row) => deliverOne(ctx, row, options)))
}

type ClaimedRow = Awaited<ReturnType<typeof claimDueDeliveries>>[number]

async function deliverOne(ctx: Ctx, row: ClaimedRow, options: DeliverOptions): Promise<DeliveryOutcome> {
  const endpointRow = await findEndpointRow(ctx.db, row.endpoint_id)
  const event = await findEvent(ctx, row.event_id)
  let result: SendResult
  if (!endpointRow || !event) result = { error: 'the endpoint or the event no longer exists' }
  else if (!endpointRow.active) result = { error: 'the endpoint is inactive' }
  else {
    const body = JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data })
    // The signature's timestamp is the real moment of sending: receivers compare it with their own clock.
    const headers = signWebhook(endpointRow.secret, row.id, Math.floor(Date.now() / 1000), body)
    const problem = await webhookUrlProblem(endpointRow.url, options.allowPrivate)
    if (problem) result = { error: `refused: ${problem}` }
    else if (options.send) result = await options.send(endpointRow.url, headers, body)
    else result = await postWebhook(endpointRow.url, headers, body, { allowPrivate: options.allowPrivate, ...(options.timeoutMs && { timeoutMs: options.timeoutMs }) })
  }
  const finished = ctx.now()
  const responseStatus = result.status ?? null
  if (!result.error && responseStatus !== null && responseStatus >= 200 && responseStatus < 300) {
    await finishDelivery(ctx.db, row.id, { status: 'succeeded', lease_until: null, response_status: responseStatus, last_error: null, delivered_at: finished.toISOString(), updated_at: finished.toISOString() })
    return { id: row.id, status: 'succeeded', response_status: responseStatus }
  }
  const error = result.error ?? `answered ${responseStatus}`
  const next = new Date(finished.getTime() + retryDelayMs(Number(row.attempts), options.random))
  const dead = !endpointRow || !event || finished.getTime() - new Date(toIso(row.created_at)).getTime() >= WEBHOOK_RETRY_WINDOW_MS
  await finishDelivery(ctx.db, row.id, {
    status: dead ? 'dead' : 'pending',
    lease_until: null,
    next_attempt_at: dead ? finished.toISOString() : next.toISOString(),
    response_status: responseStatus,
    last_error: error.slice(0, 1000),
    updated_at: finished.toISOString(),
  })
  return { id: row.id, status: dead ? 'dead' : 'pending', response_status: responseStatus }
}
