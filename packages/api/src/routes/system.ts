import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { demoImageSvg } from '@kassa/core'
import { sql } from 'kysely'
import type { AppEnv } from '../env.js'
import { problem } from '../errors.js'
import { jsonResponse } from '../schemas/common.js'

const CONTENT_ADDRESSED = /^[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]+$/

const swaggerDir = join(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'), '..')
const DOC_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
}

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kassa API reference</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/assets/init.js"></script>
</body></html>`

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout',
  validatorUrl: null, persistAuthorization: true })`

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'health',
  tags: ['System'],
  summary: 'Liveness: the process answers',
  responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'Alive') },
})

const ready = createRoute({
  method: 'get',
  path: '/ready',
  operationId: 'ready',
  tags: ['System'],
  summary: 'Readiness: the database answers',
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) }), 'Ready'),
    503: { description: 'Error: database.unavailable', content: { 'application/problem+json': { schema: z.object({ code: z.literal('database.unavailable') }) } } },
  },
})

export function systemRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(health, (c) => c.json({ status: 'ok' as const }, 200))
  app.openapi(ready, async (c) => {
    const commerce = c.get('commerce')
    try {
      await sql`select 1`.execute(commerce.db)
      return c.json({ status: 'ready' as const, database: commerce.dialect }, 200)
    } catch {
      return problem(c, 503, 'database.unavailable', 'The database does not answer') as never
    }
  })

  app.get('/docs', (c) => c.html(DOCS_HTML))
  app.get('/docs/assets/init.js', (c) => c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file')
    const type = DOC_ASSETS[file]
    if (!type) return problem(c, 404, 'route.not_found', `No asset ${file}`)
    const body = await readFile(join(swaggerDir, file))
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' })
  })

  app.get('/media/demo/:file', (c) => {
    const name = c.req.param('file').replace(/\.svg$/, '')
    const svg = demoImageSvg(name)
    if (!svg) return problem(c, 404, 'media.not_found', `No demo image ${name}`)
    return c.body(svg, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400, immutable' })
  })

  app.get('/media/*', async (c) => {
    const key = c.req.path.slice('/media/'.length)
    const storage = c.get('commerce').providers.get('file', 'local')
    const file = key && !key.includes('..') ? await storage?.get(key) : undefined
    if (!file) return problem(c, 404, 'media.not_found', 'No such file')
    // Uploads are stored under their content's hash: the bytes behind such a key never change.
    const immutable = CONTENT_ADDRESSED.test(key)
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.contentType,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      'content-security-policy': "default-src 'none'; sandbox",
    })
  })
  return app
}
