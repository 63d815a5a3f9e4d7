import { OpenAPIHono } from '@hono/zod-openapi'
import { adminAppRoutes } from './admin-app.js'
import { type Commerce, FileErrors, formatMegabytes } from '@kassa/core'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import pino, { type Logger } from 'pino'
import { cacheOptionsFromEnv, responseCache, type ResponseCacheOptions } from './cache/response-cache.js'
import type { AppEnv } from './env.js'
import { errorHandler, kassaProblem, problem, validationProblem } from './errors.js'
import { Metrics } from './metrics.js'
import { adminAuth } from './middleware/admin.js'
import { PRIVATE_STORE_PATH, storeAuth } from './middleware/store.js'
import { storeCors } from './middleware/store-cors.js'
import { adminApiKeyRoutes } from './routes/admin-api-keys.js'
import { adminAuditRoutes } from './routes/admin-audit.js'
import { adminAuthRoutes, adminSessionRoutes } from './routes/admin-auth.js'
import { adminDataioRoutes } from './routes/admin-dataio.js'
import { adminGroupingRoutes } from './routes/admin-groupings.js'
import { adminInventoryRoutes } from './routes/admin-inventory.js'
import { adminOrderRoutes } from './routes/admin-orders.js'
import { adminDraftOrderRoutes } from './routes/admin-draft-orders.js'
import { adminProductRoutes } from './routes/admin-products.js'
import { adminRegionRoutes } from './routes/admin-regions.js'
import { adminReportRoutes } from './routes/admin-reports.js'
import { adminPromotionRoutes } from './routes/admin-promotions.js'
import { adminRoleRoutes } from './routes/admin-roles.js'
import { adminSalesChannelRoutes } from './routes/admin-sales-channels.js'
import { adminUserRoutes } from './routes/admin-users.js'
import { adminWebhookRoutes } from './routes/admin-webhooks.js'
import { adminUploadRoutes } from './routes/admin-uploads.js'
import { storeCartRoutes } from './routes/store-carts.js'
import { storeCatalogRoutes } from './routes/store-catalog.js'
import { storeRegionRoutes } from './routes/store-regions.js'
import { storeFeedRoutes } from './routes/store-feeds.js'
import { storeOrderRoutes } from './routes/store-orders.js'
import { storePromotionRoutes } from './routes/store-promotions.js'
import { storeAuthRoutes } from './routes/store-auth.js'
import { storeCustomerRoutes } from './routes/store-customers.js'
import { adminCustomerRoutes } from './routes/admin-customers.js'
import { paymentHookRoutes } from './routes/payment-hooks.js'
import { systemRoutes } from './routes/system.js'

export interface AppOptions {
  logger?: Logger
  /** The Store API catalog cache; `false` turns it off. Default: from `KASSA_CACHE*` env. */
  cache?: ResponseCacheOptions | false
  /** A built admin app (apps/admin/dist) to serve at /app/; without it /app/ is not served. */
  adminDir?: string
}

const MAX_BODY_BYTES = 1024 * 1024

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Kassa API',
    version: '0.1.0',
    description:
      'Headless commerce. Store API (`/store/*`, header `x-publishable-api-key`) and Admin API (`/admin/*`, `Authorization: Bearer`). ' +
      'Amounts are integers in minor units of `currency_code`. Errors are application/problem+json with a stable `code`.',
  },
}

function newApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      // The validator hands the hook the raw input as `data`: it tells a missing field from a wrong type.
      if (!result.success) return validationProblem(c, result.error, result.target, 'data' in result ? result.data : undefined)
      return undefined
    },
  })
}

/** The whole HTTP API over one engine. Serve it with `startServer` or call `app.fetch` directly. */
export function createApp(commerce: Commerce, options: AppOptions = {}) {
  const logger = options.logger ?? pino({ level: 'silent' })
  const app = newApp()
  const metrics = new Metrics()
  const cache = responseCache(commerce, options.cache ?? cacheOptionsFromEnv())

  app.use('*', metrics.middleware())
  app.use('*', requestId({ headerName: 'x-request-id' }))
  app.use('*', async (c, next) => {
    const started = performance.now()
    const log = logger.child({ req_id: c.get('requestId') })
    c.set('logger', log)
    c.set('commerce', commerce)
    c.set('actor', { type: 'guest' })
    c.header('x-content-type-options', 'nosniff')
    await next()
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request')
  })
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => problem(c, 413, 'request.too_large', 'The request body is larger than 1 MB') })
  // Image uploads have their own limit (plus room for the multipart framing); the file's own size is checked again.
  const uploadMaxBytes = Math.floor(commerce.config.uploadMaxMb * 1024 * 1024)
  const uploadLimit = bodyLimit({ maxSize: uploadMaxBytes + 64 * 1024, onError: (c) => kassaProblem(c, FileErrors.tooLarge(formatMegabytes(uploadMaxBytes))) })
  // CSV uploads have their own, larger limit, checked while the body streams to disk.
  app.use('*', (c, next) => {
    if (c.req.method !== 'POST') return limit(c, next)
    if (c.req.path === '/admin/imports') return next()
    return c.req.path === '/admin/uploads' ? uploadLimit(c, next) : limit(c, next)
  })

  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKey', { type: 'apiKey', in: 'header', name: 'x-publishable-api-key' })
  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKeyQuery', { type: 'apiKey', in: 'query', name: 'key' })
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminBearer', { type: 'http', scheme: 'bearer' })
  app.openAPIRegistry.registerComponent('securitySchemes', 'customerBearer', { type: 'http', scheme: 'bearer', description: 'A customer session from POST /store/auth/login' })

  app.route('/', systemRoutes())
  // Prometheus scrapes it; not part of the API document. Restrict it at the proxy in production.
  app.get('/metrics', async (c) =>
    c.body(await metrics.render(commerce, cache.stats()), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' }),
  )
  app.route('/', paymentHookRoutes())
  if (options.adminDir) app.route('/', adminAppRoutes(options.adminDir))

  const store = newApp()
  store.use('*', storeCors(commerce))
  store.use('*', storeAuth(commerce))
  store.use('*', async (c, next) => {
    await next()
    // Carts and orders are one buyer's: never cached by a shared cache.
    if (PRIVATE_STORE_PATH.test(c.req.path)) c.header('cache-control', 'private, no-store')
    else if (/^\/store\/feeds\//.test(c.req.path) && c.res.status === 200) c.header('cache-control', 'public, max-age=3600')
    else if (c.req.method === 'GET' && c.res.status === 200) {
      c.header('cache-control', 'public, max-age=60, stale-while-revalidate=600')
      c.header('vary', 'x-publishable-api-key, accept-language')
    }
  })
  store.use('*', cache)
  store.route('/', storeCatalogRoutes())
  store.route('/', storeRegionRoutes())
  store.route('/', storeCartRoutes())
  store.route('/', storePromotionRoutes())
  store.route('/', storeOrderRoutes())
  store.route('/', storeAuthRoutes())
  store.route('/', storeCustomerRoutes())
  store.route('/', storeFeedRoutes())
  app.route('/store', store)

  const admin = newApp()
  admin.route('/', adminAuthRoutes())
  admin.use('*', async (c, next) => {
    if (c.req.path === '/admin/auth/login') return next()
    return adminAuth(commerce)(c, next)
  })
  admin.use('*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })
  admin.route('/', adminProductRoutes())
  admin.route('/', adminGroupingRoutes('collection'))
  admin.route('/', adminGroupingRoutes('category'))
  admin.route('/', adminInventoryRoutes())
  admin.route('/', adminRegionRoutes())
  admin.route('/', adminPromotionRoutes())
  admin.route('/', adminSessionRoutes())
  admin.route('/', adminUserRoutes())
  admin.route('/', adminRoleRoutes())
  admin.route('/', adminApiKeyRoutes())
  admin.route('/', adminSalesChannelRoutes())
  admin.route('/', adminAuditRoutes())
  admin.route('/', adminCustomerRoutes())
  admin.route('/', adminWebhookRoutes())
  admin.route('/', adminOrderRoutes())
  admin.route('/', adminDraftOrderRoutes())
  admin.route('/', adminDataioRoutes())
  admin.route('/', adminReportRoutes())
  admin.route('/', adminUploadRoutes())
  app.route('/admin', admin)

  app.doc31('/openapi.json', OPENAPI_INFO)
  app.notFound((c) => problem(c, 404, 'route.not_found', `No route ${c.req.method} ${c.req.path}`))
  app.onError(errorHandler)
  return app
}

export type KassaApp = ReturnType<typeof createApp>

/** The OpenAPI 3.1 document of the API, as `/openapi.json` serves it. */
export function openApiDocument(app: KassaApp) {
  return app.getOpenAPI31Document(OPENAPI_INFO)
}
