import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { ProviderRegistry } from '../config/providers.js'
import type { Clock } from './clock.js'

export type Actor =
  /** An admin user (`via: 'session'`, id of the user) or a secret API key (`via: 'api_key'`, id of the key). */
  | { type: 'admin'; id: string; role: string; via?: 'session' | 'api_key' }
  | { type: 'customer'; id: string }
  | { type: 'guest' }
  | { type: 'system' }

export interface SalesChannelRef {
  id: string
  name: string
}

/** What every use case receives first: the database handle (pool or open transaction), who acts, the clock. */
export interface Ctx {
  db: Kysely<Database>
  actor: Actor
  channel?: SalesChannelRef
  now: Clock
  newId: (prefix: string) => string
  /** The registered providers (tax, shipping, payment...); absent in a bare ctx, where built-ins apply. */
  providers?: ProviderRegistry
}

/**
 * Runs `fn` in one transaction; nested calls join the open one. Everything inside must use the
 * ctx it is given: on SQLite the root handle would deadlock, on PostgreSQL it would run outside.
 */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx)
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }))
}
