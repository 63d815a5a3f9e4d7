import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../db/dialect.js'

/**
 * The product search index: analyzed text per product and locale, indexed by SQLite FTS5 or a
 * PostgreSQL tsvector with a GIN index, plus the vocabulary for typo corrections.
 * See docs/adr/0002-search.md.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)

  let document = db.schema
    .createTable('search_document')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('skus', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_document_product_locale_uq', ['product_id', 'locale'])
  if (pg) {
    // Weights: A title, B tags and SKUs, C description (ts_rank reads them).
    document = document.addColumn('document', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`
        setweight(to_tsvector('simple'::regconfig, title), 'A') ||
        setweight(to_tsvector('simple'::regconfig, tags || ' ' || skus), 'B') ||
        setweight(to_tsvector('simple'::regconfig, description), 'C')`,
        )
        .stored(),
    )
  }
  await document.execute()

  if (pg) {
    await sql`create index search_document_gin_idx on search_document using gin (document)`.execute(db)
  } else {
    // The text is analyzed before it is stored: the tokenizer only splits on spaces.
    await sql`create virtual table search_fts using fts5(
      title, tags, skus, description,
      content = 'search_document', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db)
    const columns = sql.raw('title, tags, skus, description')
    const fromNew = sql.raw('new.title, new.tags, new.skus, new.description')
    const fromOld = sql.raw('old.title, old.tags, old.skus, old.description')
    await sql`create trigger search_document_ai after insert on search_document begin
      insert into search_fts (rowid, ${columns}) values (new.id, ${fromNew});
    end`.execute(db)
    await sql`create trigger search_document_ad after delete on search_document begin
      insert into search_fts (search_fts, rowid, ${columns}) values ('delete', old.id, ${fromOld});
    end`.execute(db)
    await sql`create trigger search_document_au after update on search_document begin
      insert into search_fts (search_fts, rowid, ${columns}) values ('delete', old.id, ${fromOld});
      insert into search_fts (rowid, ${columns}) values (new.id, ${fromNew});
    end`.execute(db)
  }

  await db.schema
    .createTable('search_term')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute()
  await db.schema
    .createTable('search_term_variant')
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull().references('search_term.word').onDelete('cascade'))
    .addPrimaryKeyConstraint('search_term_variant_pk', ['variant', 'word'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_term_variant').execute()
  await db.schema.dropTable('search_term').execute()
  if (!isPostgres(db)) await sql`drop table search_fts`.execute(db)
  await db.schema.dropTable('search_document').execute()
}
