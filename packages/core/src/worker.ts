import type { Commerce } from './commerce.js'
import { dispatchEvents } from './events/dispatcher.js'
import { deliverDueWebhooks } from './webhooks/index.js'

export interface EventWorker {
  /** Finishes the pass in progress (deliveries in flight complete) and stops. */
  stop(): Promise<void>
}

export interface EventWorkerOptions {
  /** Pause between passes when there was nothing to do (default 1 s). */
  idleMs?: number
  onError?: (error: unknown, where: string) => void
}

/**
 * Runs the event dispatcher (in-process subscribers, the webhook fan-out, notifications) and the
 * webhook delivery worker in a loop. Several may run against one PostgreSQL database: claims keep
 * them from taking the same event or delivery attempt. `kassa start` and `kassa worker` run one.
 */
export function startEventWorker(commerce: Commerce, options: EventWorkerOptions = {}): EventWorker {
  const idleMs = options.idleMs ?? 1000
  let running = true
  let wake: (() => void) | undefined
  const loop = (async () => {
    while (running) {
      let busy = false
      try {
        const ctx = commerce.ctx()
        busy = (await dispatchEvents(ctx, commerce.events.list(), { onError: (e, ev, c) => options.onError?.(e, `subscriber ${c} on ${ev.type} ${ev.id}`) })) > 0
        busy = (await deliverDueWebhooks(ctx, { allowPrivate: commerce.config.webhooksAllowPrivate })).length > 0 || busy
      } catch (error) {
        options.onError?.(error, 'event worker pass')
      }
      if (running && !busy) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  })()
  return {
    async stop() {
      running = false
      wake?.()
      await loop
    },
  }
}
