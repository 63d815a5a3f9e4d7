import { serve } from '@hono/node-server'
import { createStorefront, type StorefrontOptions } from './app.js'

export interface RunningStorefront {
  url: string
  port: number
  close(): Promise<void>
}

/** Serves the storefront on a port (0 picks a free one) and resolves once it listens. */
export function startStorefront(options: StorefrontOptions & { port: number; host?: string }): Promise<RunningStorefront> {
  const app = createStorefront(options)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }, (info) => {
      resolve({
        url: `http://localhost:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            if ('closeIdleConnections' in server) server.closeIdleConnections()
          }),
      })
    })
    server.once('error', reject)
  })
}
