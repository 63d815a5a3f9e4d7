import { ADMIN_APP_PATH, createApp, hasAdminApp, openApiDocument, startServer } from '@kassa/api'
import { type Commerce, createCommerce, startEventWorker, createAdminUser, DEMO_PUBLISHABLE_KEY, ensureDefaultChannel, loadConfig, migrateToLatest, createDb, seedDemo, warmFacetIndex } from '@kassa/core'
import { startStorefront } from '@kassa/storefront'
import { bootstrapAdmin } from './bootstrap.js'
import { createLogger } from './logger.js'
import { isWorker, runWorkers, workerCount } from './workers.js'

type Flags = Record<string, string | boolean>

/** The built admin app: apps/admin/dist, three levels up from packages/cli/src (tsx) or packages/cli/dist (the bundle). */
const ADMIN_DIR = new URL('../../../apps/admin/dist', import.meta.url).pathname

/** `kassa start`: migrate, seed the demo shop on first start, serve, print where everything is. */
export async function start(flags: Flags): Promise<void> {
  const started = performance.now()
  const config = await loadConfig()
  const logger = createLogger(config.logLevel)
  const workers = workerCount(flags)
  if (isWorker()) return serveWorker(config, logger)
  if (workers > 1 && config.embedded) logger.warn({ workers }, 'the embedded database serves from one process: --workers needs PostgreSQL (DATABASE_URL)')
  const clustered = workers > 1 && !config.embedded
  const commerce = await createCommerce(config)
  const { publishableKey } = await ensureDefaultChannel(commerce.ctx(), config.demo ? { token: DEMO_PUBLISHABLE_KEY } : {})
  const login = await bootstrapAdmin(commerce)
  // Demo data arrives on the first start only: products an owner deletes later stay deleted.
  if (config.demo && !(await hasProducts(commerce))) {
    const result = await seedDemo(commerce.ctx())
    if (result.created.products > 0) logger.info({ created: result.created }, 'seeded the demo catalog')
  }
  let storefrontUrl: string
  if (clustered) {
    await commerce.close()
    await runWorkers(workers, logger)
    // Every worker serves the storefront on the same port (node:cluster shares it).
    const sf = new URL(config.publicUrl)
    sf.port = String(storefrontPort(config.port))
    storefrontUrl = process.env.STOREFRONT_PUBLIC_URL ?? sf.origin
  } else {
    ;({ storefrontUrl } = await serve(commerce, config, logger, publishableKey))
  }

  const url = config.publicUrl
  const lines = [
    `API: ${url}${clustered ? ` (${workers} processes)` : ''}`,
    `Storefront: ${storefrontUrl}`,
    hasAdminApp(ADMIN_DIR) ? `Admin: ${url}${ADMIN_APP_PATH}` : `Admin: not built (npm run build); the Admin API is at ${url}/admin`,
    `API reference: ${url}/docs`,
    `Publishable key: ${publishableKey}`,
    ...(login ? [`Admin login: ${login.email} / ${login.password}`] : []),
    `Database: ${commerce.dialect === 'sqlite' ? config.databaseUrl : 'PostgreSQL'}${config.demo ? ' (demo mode)' : ''}`,
  ]
  console.log(lines.join('\n'))
  logger.info({ ms: Math.round(performance.now() - started) }, 'ready')
}

/** A forked API process: the primary migrated and seeded already. */
async function serveWorker(config: Awaited<ReturnType<typeof loadConfig>>, logger: ReturnType<typeof createLogger>): Promise<void> {
  const commerce = await createCommerce(config, { migrate: false })
  const { publishableKey } = await ensureDefaultChannel(commerce.ctx(), config.demo ? { token: DEMO_PUBLISHABLE_KEY } : {})
  await serve(commerce, config, logger, publishableKey)
}

/** Serves until SIGINT/SIGTERM, then drains in-flight requests (10 s at most) and closes the database. */
async function serve(
  commerce: Commerce,
  config: Awaited<ReturnType<typeof loadConfig>>,
  logger: ReturnType<typeof createLogger>,
  publishableKey: string,
): Promise<{ storefrontUrl: string }> {
  const server = await startServer(commerce, { port: config.port, host: config.host, logger, ...(hasAdminApp(ADMIN_DIR) && { adminDir: ADMIN_DIR }) })
  // The facet index loads while the server already answers; the first product list waits for it.
  warmFacetIndex(commerce.ctx()).catch((err: unknown) => logger.error({ err }, 'facet index'))
  // The storefront talks to the API only through the SDK; in one process the SDK gets the served
  // app's fetch (no network hop, and one response cache for both).
  const api = server.app
  const serveStorefront = (port: number) =>
    startStorefront({
      apiUrl: config.publicUrl,
      publishableKey,
      fetch: (request) => api.fetch(request),
      port,
      host: config.host,
      ...(process.env.STOREFRONT_PUBLIC_URL && { publicUrl: process.env.STOREFRONT_PUBLIC_URL }),
    })
  const storefront = await serveStorefront(storefrontPort(config.port)).catch((error: NodeJS.ErrnoException) => {
    // The port beside the API is only a default: when it is taken, any free port will do.
    if (error.code === 'EADDRINUSE' && !process.env.STOREFRONT_PORT) return serveStorefront(0)
    throw error
  })
  // Subscribers, notifications and webhook deliveries run beside the API; on PostgreSQL every
  // process may run one (claims are exclusive), and `kassa worker` runs more on their own.
  const events = startEventWorker(commerce, { onError: (err, where) => logger.error({ err, where }, 'event worker') })
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    await storefront.close()
    await server.close()
    await events.stop()
    await commerce.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  return { storefrontUrl: process.env.STOREFRONT_PUBLIC_URL ?? storefront.url }
}

/** `STOREFRONT_PORT`, else the port after the API's (9001 beside 9000); 0 picks a free one. */
function storefrontPort(apiPort: number): number {
  const raw = process.env.STOREFRONT_PORT
  if (raw !== undefined && raw !== '') return Number(raw)
  return apiPort === 0 ? 0 : apiPort + 1
}

/**
 * `kassa worker`: runs only the event worker (subscribers, notifications, webhook deliveries), for
 * shops that deliver from separate processes. Any number may run against one PostgreSQL database.
 */
export async function worker(_flags: Flags): Promise<void> {
  const config = await loadConfig()
  const logger = createLogger(config.logLevel)
  const commerce = await createCommerce(config)
  const running = startEventWorker(commerce, { onError: (err, where) => logger.error({ err, where }, 'event worker') })
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping the event worker')
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    await running.stop()
    await commerce.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  console.log(`Worker: delivering events from ${commerce.dialect === 'sqlite' ? config.databaseUrl : 'PostgreSQL'}`)
}

async function hasProducts(commerce: Commerce): Promise<boolean> {
  return (await commerce.db.selectFrom('product').select('id').limit(1).executeTakeFirst()) !== undefined
}

/** `kassa migrate`: bring the database to the newest schema. */
export async function migrate(): Promise<void> {
  const config = await loadConfig()
  const handle = createDb({ url: config.databaseUrl })
  try {
    const applied = await migrateToLatest(handle.db)
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date')
  } finally {
    await handle.destroy()
  }
}

/** `kassa seed`: create the demo catalog (idempotent). */
export async function seed(): Promise<void> {
  const commerce = await createCommerce(await loadConfig())
  try {
    await ensureDefaultChannel(commerce.ctx(), commerce.config.demo ? { token: DEMO_PUBLISHABLE_KEY } : {})
    const result = await seedDemo(commerce.ctx())
    console.log(`Created ${JSON.stringify(result.created)}; already there ${JSON.stringify(result.skipped)}`)
  } finally {
    await commerce.close()
  }
}

/** `kassa admin:create --email E --password P [--role owner|manager|support|read_only|<custom role>]`; an unknown role is refused. */
export async function adminCreate(flags: Flags): Promise<void> {
  const email = String(flags.email ?? process.env.KASSA_ADMIN_EMAIL ?? '')
  const password = String(flags.password ?? process.env.KASSA_ADMIN_PASSWORD ?? '')
  const role = String(flags.role ?? 'manager')
  const commerce = await createCommerce(await loadConfig())
  try {
    const user = await createAdminUser(commerce.ctx(), { email, password, role })
    console.log(`Created admin ${user.email} (${user.role})`)
  } finally {
    await commerce.close()
  }
}

/** `kassa openapi`: print the OpenAPI document. */
export async function openapi(): Promise<void> {
  const commerce = await createCommerce(await loadConfig(), { migrate: false })
  try {
    console.log(JSON.stringify(openApiDocument(createApp(commerce)), null, 2))
  } finally {
    await commerce.close()
  }
}
