import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createTestCtx, testDialect } from '../testing/create-test-ctx.js'
import { migrateToLatest } from './migrate.js'
import { migrations } from '../migrations/index.js'

describe('migrations', () => {
  it('migrate an empty database to the newest schema, and a second run applies nothing', async () => {
    const ctx = await createTestCtx()
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(ctx.db)
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort())
      expect(await migrateToLatest(ctx.db)).toEqual([])
      const tables = await ctx.db.introspection.getTables()
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['product', 'product_variant', 'price', 'category', 'collection', 'sales_channel']),
      )
    } finally {
      await ctx.close()
    }
  })

  it('enforces money and status constraints in the database itself', async () => {
    const ctx = await createTestCtx()
    try {
      const now = new Date().toISOString()
      const product = { id: 'prod_x', handle: 'x', title: 'X', description: '', metadata: '{}', created_at: now, updated_at: now }
      await expect(
        ctx.db
          .insertInto('product')
          .values({ ...product, status: 'bogus' as 'draft' })
          .execute(),
      ).rejects.toThrow()
      await ctx.db
        .insertInto('product')
        .values({ ...product, status: 'draft' })
        .execute()
      await ctx.db
        .insertInto('product_variant')
        .values({
          id: 'var_x',
          product_id: 'prod_x',
          title: 'X',
          sku: null,
          barcode: null,
          weight_grams: null,
          position: 0,
          metadata: '{}',
          created_at: now,
          updated_at: now,
        })
        .execute()
      await expect(
        ctx.db.insertInto('price').values({ id: 'price_x', variant_id: 'var_x', currency_code: 'EUR', amount: -1 }).execute(),
      ).rejects.toThrow()
    } finally {
      await ctx.close()
    }
  })

  it.runIf(testDialect === 'postgres')(
    'introspects only its own schema, so schemas other connections drop cannot break a migration',
    async () => {
      const ctx = await createTestCtx()
      const other = `t_other_${Date.now().toString(36)}`
      try {
        await sql`create schema ${sql.id(other)}`.execute(ctx.db)
        await sql`create table ${sql.id(other, 'stray')} (id int)`.execute(ctx.db)
        const tables = await ctx.db.introspection.getTables({ withInternalKyselyTables: true })
        const [current] = await ctx.db.introspection.getSchemas()
        expect(tables.map((t) => t.name)).toContain('kysely_migration')
        expect(tables.map((t) => t.name)).not.toContain('stray')
        expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([current!.name]))
        // Dropped between two reads: the next migration run does not see it at all.
        await sql`drop schema ${sql.id(other)} cascade`.execute(ctx.db)
        expect(await migrateToLatest(ctx.db)).toEqual([])
      } finally {
        await sql`drop schema if exists ${sql.id(other)} cascade`.execute(ctx.db)
        await ctx.close()
      }
    },
  )
})
