import { parseJson, toIso } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'
import type { KassaEvent } from './event.service.js'
import { claimReceipt, findCheckpoint, findDueEvents, finishReceipt, oldestUnfinished, receiptAttempts, saveCheckpoint } from './receipt.repository.js'
import type { Subscription } from './subscribers.js'

/** How long a commit may lag behind the `created_at` its transaction wrote; the checkpoint stays this far behind. */
export const CHECKPOINT_GRACE_MS = 5 * 60_000
/** A claimed event goes back to the pool when its process has not finished it within this time. */
const LEASE_MS = 30_000
/** A subscriber that fails an event this many times gives it up (`dead`); the error stays on the receipt. */
export const MAX_SUBSCRIBER_ATTEMPTS = 12

export interface DispatchOptions {
  batchSize?: number
  onError?: (error: unknown, event: KassaEvent, consumer: string) => void
}

/**
 * One pass over the outbox for every subscription: each due event is claimed, handed to the handler
 * outside any transaction, and marked done; a failure is retried with exponential backoff.
 * Returns how many events the handlers took.
 */
export async function dispatchEvents(ctx: Ctx, subscriptions: readonly Subscription[], options: DispatchOptions = {}): Promise<number> {
  let handled = 0
  for (const subscription of subscriptions) handled += await dispatchOne(ctx, subscription, options)
  return handled
}

async function dispatchOne(ctx: Ctx, sub: Subscription, options: DispatchOptions): Promise<number> {
  const start = ctx.now()
  // A new consumer starts near the present: subscribing must not replay the shop's whole history.
  const checkpoint = (await findCheckpoint(ctx.db, sub.consumer)) ?? new Date(start.getTime() - CHECKPOINT_GRACE_MS).toISOString()
  const due = await findDueEvents(ctx.db, sub.consumer, sub.type, checkpoint, start.toISOString(), options.batchSize ?? 100)
  let handled = 0
  for (const row of due) {
    const now = ctx.now()
    const claimed = await claimReceipt(ctx.db, sub.consumer, row.id, row.receipt_status === null, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString())
    if (!claimed) continue
    const event: KassaEvent = { id: row.id, type: row.type, version: row.version, timestamp: toIso(row.created_at), data: parseJson(row.data, {}) }
    handled++
    try {
      await sub.handler(event, ctx)
      await finishReceipt(ctx.db, sub.consumer, row.id, { status: 'done', now: ctx.now().toISOString() })
    } catch (error) {
      options.onError?.(error, event, sub.consumer)
      const attempts = await receiptAttempts(ctx.db, sub.consumer, row.id)
      const failedAt = ctx.now().getTime()
      const status = attempts >= MAX_SUBSCRIBER_ATTEMPTS ? 'dead' : 'failed'
      const nextAttemptAt = new Date(failedAt + Math.min(2 ** attempts * 1000, 3_600_000)).toISOString()
      await finishReceipt(ctx.db, sub.consumer, row.id, { status, nextAttemptAt, error: String((error as Error)?.message ?? error).slice(0, 1000), now: new Date(failedAt).toISOString() })
    }
  }
  const oldest = await oldestUnfinished(ctx.db, sub.consumer, sub.type, checkpoint)
  const horizon = new Date(ctx.now().getTime() - CHECKPOINT_GRACE_MS).toISOString()
  const next = [oldest ?? horizon, horizon].sort()[0]!
  if (next > checkpoint) await saveCheckpoint(ctx.db, sub.consumer, next, ctx.now().toISOString())
  else if (!(await findCheckpoint(ctx.db, sub.consumer))) await saveCheckpoint(ctx.db, sub.consumer, checkpoint, ctx.now().toISOString())
  return handled
}
