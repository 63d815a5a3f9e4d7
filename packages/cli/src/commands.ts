import { createApp, openApiDocument, startServer } from '@kassa/api'
import { type Commerce, createCommerce, createAdminUser, DEMO_PUBLISHABLE_KEY, ensureDefaultChannel, loadConfig, migrateToLatest, createDb, seedDemo } from '@kassa/core'
import { bootstrapAdmin } from './bootstrap.js'
import { createLogger } from './logger.js'

type Flags = Record<string, string | boolean>

/** `kassa start`: migrate, seed the demo shop on first start, serve, print where everything is. */
export async function start(_flags: Flags): Promise<void> {
  const started = performance.now()
  const config = await loadConfig()
  const logger = createLogger(config.logLevel)
  const commerce = await createCommerce(config)
  const { publishableKey } = await ensureDefaultChannel(commerce.ctx(), config.demo ? { token: DEMO_PUBLISHABLE_KEY } : {})
  const login = await bootstrapAdmin(commerce)
  // Demo data arrives on the first start only: products an owner deletes later stay deleted.
  if (config.demo && !(await hasProducts(commerce))) {
    const result = await seedDemo(commerce.ctx())
    if (result.created.products > 0) logger.info({ created: result.created }, 'seeded the demo catalog')
  }
  const server = await startServer(commerce, { port: config.port, host: config.host, logger })
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    await server.close()
    await commerce.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  const url = config.publicUrl
  const lines = [
    `API: ${url}`,
    `Storefront: not part of this build yet; browse the catalog at ${url}/store/products`,
    `Admin: not part of this build yet; the Admin API is at ${url}/admin`,
    `API reference: ${url}/docs`,
    `Publishable key: ${publishableKey}`,
    ...(login ? [`Admin login: ${login.email} / ${login.password}`] : []),
    `Database: ${commerce.dialect === 'sqlite' ? config.databaseUrl : 'PostgreSQL'}${config.demo ? ' (demo mode)' : ''}`,
  ]
  console.log(lines.join('\n'))
  logger.info({ ms: Math.round(performance.now() - started) }, 'ready')
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

/** `kassa admin:create --email E --password P [--role owner|admin|staff]`. */
export async function adminCreate(flags: Flags): Promise<void> {
  const email = String(flags.email ?? process.env.KASSA_ADMIN_EMAIL ?? '')
  const password = String(flags.password ?? process.env.KASSA_ADMIN_PASSWORD ?? '')
  const role = String(flags.role ?? 'admin') as 'owner' | 'admin' | 'staff'
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
