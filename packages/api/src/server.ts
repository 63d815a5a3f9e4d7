import { type ServerType, serve } from '@hono/node-server'
import { type Commerce, RESERVATION_SWEEP_INTERVAL_MS, sweepExpiredPromotionUses, sweepExpiredReservations } from '@kassa/core'
import type { Logger } from 'pino'
import { createApp, type KassaApp } from './app.js'

export interface RunningServer {
  url: string
  port: number
  server: ServerType
  /** The app it serves: in-process clients (the storefront) call `app.fetch` without a network hop. */
  app: KassaApp
  close(): Promise<void>
}

/**
 * Serves the API on a port (0 picks a free one) and resolves once it listens. While it runs it
 * releases expired stock reservations every `reservationSweepMs` (default 60 s; 0 turns it off).
 */
export function startServer(
  commerce: Commerce,
  options: { port: number; host?: string; logger?: Logger; reservationSweepMs?: number; adminDir?: string },
): Promise<RunningServer> {
  const app = createApp(commerce, { ...(options.logger && { logger: options.logger }), ...(options.adminDir && { adminDir: options.adminDir }) })
  const sweepMs = options.reservationSweepMs ?? RESERVATION_SWEEP_INTERVAL_MS
  const sweeper = sweepMs > 0 ? setInterval(() => void sweep(commerce, options.logger), sweepMs).unref() : undefined
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }, (info) => {
      resolve({
        url: `http://localhost:${info.port}`,
        port: info.port,
        server,
        app,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(sweeper)
            // Finish in-flight requests, drop idle keep-alive sockets so close does not wait for them.
            server.close(() => done())
            if ('closeIdleConnections' in server) server.closeIdleConnections()
          }),
      })
    })
    server.once('error', (error) => {
      clearInterval(sweeper)
      reject(error)
    })
  })
}

/** A crashed checkout must not keep stock: give back reservations that expired without an order. */
async function sweep(commerce: Commerce, logger: Logger | undefined): Promise<void> {
  try {
    const released = await sweepExpiredReservations(commerce.ctx())
    if (released) logger?.info({ released }, 'released expired stock reservations')
    const uses = await sweepExpiredPromotionUses(commerce.ctx())
    if (uses) logger?.info({ released: uses }, 'released expired promotion uses')
  } catch (err) {
    logger?.error({ err }, 'releasing expired stock reservations failed')
  }
}
