import { type ServerType, serve } from '@hono/node-server'
import type { Commerce } from '@kassa/core'
import type { Logger } from 'pino'
import { createApp } from './app.js'

export interface RunningServer {
  url: string
  port: number
  server: ServerType
  close(): Promise<void>
}

/** Serves the API on a port (0 picks a free one) and resolves once it listens. */
export function startServer(commerce: Commerce, options: { port: number; host?: string; logger?: Logger }): Promise<RunningServer> {
  const app = createApp(commerce, options.logger ? { logger: options.logger } : {})
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }, (info) => {
      resolve({
        url: `http://localhost:${info.port}`,
        port: info.port,
        server,
        close: () =>
          new Promise<void>((done) => {
            // Finish in-flight requests, drop idle keep-alive sockets so close does not wait for them.
            server.close(() => done())
            if ('closeIdleConnections' in server) server.closeIdleConnections()
          }),
      })
    })
    server.once('error', reject)
  })
}
