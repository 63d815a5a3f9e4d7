import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { jsonArrayFrom, parseJson, toIso } from '../db/dialect.js'
import type { Region } from './region.js'

type Db = Kysely<Database>

export async function findRegions(db: Db, where: { ids?: string[] } = {}): Promise<Region[]> {
  let query = db
    .selectFrom('region as r')
    .selectAll('r')
    .select((eb) =>
      jsonArrayFrom(
        db,
        eb.selectFrom('region_country as rc').select('rc.country_code').whereRef('rc.region_id', '=', 'r.id').orderBy('rc.country_code'),
      ).as('countries'),
    )
    .orderBy('r.name')
    .orderBy('r.id')
  if (where.ids) query = query.where('r.id', 'in', where.ids.length ? where.ids : [''])
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    currency_code: row.currency_code,
    tax_inclusive: Boolean(row.tax_inclusive),
    countries: parseJson<{ country_code: string }[]>(row.countries, []).map((c) => c.country_code),
    tax_provider_id: row.tax_provider_id,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }))
}

/** Which region holds each of `countries` (those held by none are absent). */
export async function findCountryOwners(db: Db, countries: string[]): Promise<Map<string, string>> {
  if (!countries.length) return new Map()
  const rows = await db.selectFrom('region_country').select(['country_code', 'region_id']).where('country_code', 'in', countries).execute()
  return new Map(rows.map((r) => [r.country_code, r.region_id]))
}

export async function insertRegion(
  db: Db,
  row: {
    id: string
    name: string
    currency_code: string
    tax_inclusive: boolean
    tax_provider_id: string
    created_at: string
    updated_at: string
  },
): Promise<void> {
  await db.insertInto('region').values(row).execute()
}

export async function updateRegion(
  db: Db,
  id: string,
  patch: Partial<{ name: string; currency_code: string; tax_inclusive: boolean; tax_provider_id: string }> & { updated_at: string },
): Promise<void> {
  await db.updateTable('region').set(patch).where('id', '=', id).execute()
}

export async function deleteRegion(db: Db, id: string): Promise<void> {
  await db.deleteFrom('region').where('id', '=', id).execute()
}

export async function replaceRegionCountries(db: Db, regionId: string, countries: string[]): Promise<void> {
  await db.deleteFrom('region_country').where('region_id', '=', regionId).execute()
  if (countries.length)
    await db
      .insertInto('region_country')
      .values(countries.map((country_code) => ({ country_code, region_id: regionId })))
      .execute()
}
