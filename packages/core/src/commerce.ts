import type { Kysely } from 'kysely'
import { type ResolvedConfig, resolveConfig } from './config/config.js'
import { localFileStorage, s3FileStorage } from './files/index.js'
import { ProviderRegistry } from './config/providers.js'
import { createDb, type DialectName, type PoolStats } from './db/create-db.js'
import type { Database } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { EventSubscribers } from './events/subscribers.js'
import { registerBuiltInSubscribers } from './built-in-subscribers.js'
import { databaseNotificationProvider, smtpNotificationProvider } from './notifications/index.js'
import { manualPaymentProvider, testPaymentProvider } from './payments/index.js'
import { systemShippingProvider } from './shipping/index.js'
import { systemTaxProvider } from './tax/index.js'
import { type Clock, systemClock } from './kernel/clock.js'
import type { Actor, Ctx, SalesChannelRef } from './kernel/ctx.js'
import { newId } from './kernel/ids.js'

/** A running engine: the database, the providers and a way to make a ctx. */
export interface Commerce {
  config: ResolvedConfig
  db: Kysely<Database>
  dialect: DialectName
  providers: ProviderRegistry
  /** In-process subscribers to the outbox; the event worker (`kassa start`, `kassa worker`) drives them. */
  events: EventSubscribers
  ctx(actor?: Actor, channel?: SalesChannelRef): Ctx
  close(): Promise<void>
  /** PostgreSQL: the connection pool now, for metrics. */
  poolStats?(): PoolStats
}

export interface CommerceOptions {
  /** Run migrations before returning (default true). */
  migrate?: boolean
  clock?: Clock
  /** PostgreSQL schema to use (tests). */
  schema?: string
  poolSize?: number
  onClose?: () => Promise<void>
}

/**
 * Opens the database, migrates it and registers the built-in and configured providers.
 * @example const commerce = await createCommerce(await loadConfig())
 */
export async function createCommerce(config: ResolvedConfig = resolveConfig({}), options: CommerceOptions = {}): Promise<Commerce> {
  const handle = createDb({ url: config.databaseUrl, ...(options.schema && { schema: options.schema }), ...(options.poolSize && { poolSize: options.poolSize }) })
  if (options.migrate !== false) await migrateToLatest(handle.db)
  const providers = new ProviderRegistry()
  // Root-relative like product media: the Store API and feeds make `/media/...` absolute with publicUrl.
  providers.register(localFileStorage({ dir: `${config.dataDir}/files`, baseUrl: '/media' }))
  if (config.s3) providers.register(s3FileStorage(config.s3))
  if (config.testPayments) providers.register(testPaymentProvider())
  providers.register(manualPaymentProvider())
  providers.register(systemTaxProvider()).register(systemShippingProvider())
  const clock = options.clock ?? systemClock
  providers.register(databaseNotificationProvider(handle.db, clock))
  const smtp = config.smtpUrl ? smtpNotificationProvider({ url: config.smtpUrl, from: config.notificationFrom }) : undefined
  if (smtp) providers.register(smtp)
  for (const provider of config.providers) providers.register(provider)
  const events = new EventSubscribers()
  for (const plugin of config.plugins) await plugin.setup(providers, events)
  registerBuiltInSubscribers(events, config, providers)
  return {
    config,
    db: handle.db,
    dialect: handle.dialect,
    providers,
    events,
    ctx: (actor = { type: 'system' }, channel) => ({ db: handle.db, actor, ...(channel && { channel }), now: clock, newId, providers }),
    ...(handle.poolStats && { poolStats: handle.poolStats }),
    async close() {
      smtp?.close()
      await handle.destroy()
      await options.onClose?.()
    },
  }
}
