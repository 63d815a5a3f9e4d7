import type { Ctx } from '../kernel/ctx.js'
import type { KassaEvent } from './event.service.js'

export type EventHandler = (event: KassaEvent, ctx: Ctx) => Promise<void> | void

export interface Subscription {
  /** The name its progress is stored under (`event_consumer.name`): keep it stable across releases. */
  consumer: string
  type: string
  handler: EventHandler
}

/**
 * In-process subscribers. The dispatcher hands each subscriber every event of its type (or every
 * event for `'*'`) at least once, after the transaction that wrote it committed; a handler that
 * throws gets the event again later, with backoff.
 * @example commerce.events.subscribe('order.placed', async (event) => erp.push(event.data), { consumer: 'erp' })
 */
export class EventSubscribers {
  readonly #subscriptions: Subscription[] = []

  subscribe(type: string, handler: EventHandler, options: { consumer?: string } = {}): this {
    const consumer = options.consumer ?? `${type}:${handler.name || this.#subscriptions.length}`
    if (this.#subscriptions.some((s) => s.consumer === consumer)) throw new Error(`event consumer ${consumer} subscribed twice`)
    this.#subscriptions.push({ consumer, type, handler })
    return this
  }

  list(): readonly Subscription[] {
    return this.#subscriptions
  }
}
