import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type KassaConfig, resolveConfig } from '../config/config.js'
import { type Commerce, createCommerce } from '../commerce.js'
import type { Ctx } from '../kernel/ctx.js'

/** Which database the suite runs on: `KASSA_TEST_DB=postgres` reruns it on PostgreSQL. */
export const testDialect: 'sqlite' | 'postgres' = process.env.KASSA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'
export const testPostgresUrl = process.env.KASSA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** A clock that starts at a fixed instant and moves 1 ms each time it is read: ordered, repeatable. */
export function steppingClock(start = '2026-01-01T00:00:00.000Z') {
  let t = new Date(start).getTime()
  return () => new Date(t++)
}

/** A fresh, migrated database (SQLite file or a new PostgreSQL schema) wrapped in an engine. */
export async function createTestCommerce(config: KassaConfig = {}): Promise<Commerce> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-test-'))
  const cleanupDir = async () => rmSync(dataDir, { recursive: true, force: true })
  if (testDialect === 'sqlite') {
    return createCommerce(resolveConfig({ demo: false, testPayments: true, ...config, dataDir, databaseUrl: join(dataDir, 'test.sqlite') }), {
      clock: steppingClock(),
      onClose: cleanupDir,
    })
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const resolved = resolveConfig({ demo: false, testPayments: true, ...config, dataDir, databaseUrl: testPostgresUrl })
  const admin = new pg.Client({ connectionString: testPostgresUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const commerce = await createCommerce(resolved, {
    schema,
    poolSize: 4,
    clock: steppingClock(),
    async onClose() {
      const client = new pg.Client({ connectionString: testPostgresUrl })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
      await cleanupDir()
    },
  })
  testSchemas.set(commerce, schema)
  return commerce
}

const testSchemas = new WeakMap<Commerce, string>()

/**
 * A second engine on the same database as `commerce` (the SQLite file, or the PostgreSQL schema),
 * as another process would open it. Close it before `commerce`.
 */
export async function openSameDatabase(commerce: Commerce): Promise<Commerce> {
  const schema = testSchemas.get(commerce)
  return createCommerce(commerce.config, { migrate: false, clock: steppingClock('2027-01-01T00:00:00.000Z'), ...(schema && { schema, poolSize: 2 }) })
}

/** A system ctx over a fresh test database; close it with `ctx.close()`. */
export async function createTestCtx(config: KassaConfig = {}): Promise<Ctx & { commerce: Commerce; close(): Promise<void> }> {
  const commerce = await createTestCommerce(config)
  return Object.assign(commerce.ctx(), { commerce, close: () => commerce.close() })
}
