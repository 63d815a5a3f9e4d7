import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import type { AppEnv } from './env.js'

/** Where the admin single-page app is served from the API process. */
export const ADMIN_APP_PATH = '/app/'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

// The SPA calls the Admin API (same origin unless <html data-api-url> says otherwise) and nothing else.
const CSP =
  "default-src 'self'; connect-src *; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"

/** Whether `dir` holds a built admin app (apps/admin/dist after `npm run build`). */
export function hasAdminApp(dir: string): boolean {
  return existsSync(join(dir, 'index.html'))
}

/**
 * Serves the built files of the admin app at /app/: read once at start (only those names are
 * served, so no path reaches outside the folder), gzipped when the browser accepts it. Any other
 * path under /app/ answers index.html: the app routes in the browser.
 */
export function adminAppRoutes(dir: string) {
  const files = new Map<string, { body: Buffer; gzip: Buffer; type: string }>()
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)]
    if (!type) continue
    const body = readFileSync(join(dir, name))
    files.set(name, { body, gzip: gzipSync(body), type })
  }
  const app = new Hono<AppEnv>()
  app.get('/app', (c) => c.redirect(ADMIN_APP_PATH, 301))
  app.get('/app/*', (c) => {
    const name = c.req.path.slice(ADMIN_APP_PATH.length)
    const file = files.get(name) ?? files.get('index.html')!
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
    c.header('content-type', file.type)
    c.header('cache-control', 'no-cache')
    c.header('vary', 'accept-encoding')
    c.header('content-security-policy', CSP)
    c.header('referrer-policy', 'no-referrer')
    if (gzip) c.header('content-encoding', 'gzip')
    return c.body(new Uint8Array(gzip ? file.gzip : file.body), 200)
  })
  return app
}
