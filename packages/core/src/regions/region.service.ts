import { constraintViolation } from '../db/dialect.js'
import { bumpCatalogVersion } from '../catalog/catalog-events.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import { type Region, RegionErrors, regionCreateSchema, regionUpdateSchema } from './region.js'
import * as repo from './region.repository.js'

/** Every region, by name. */
export async function listRegions(ctx: Ctx): Promise<Region[]> {
  return repo.findRegions(ctx.db)
}

/** A region by id; throws `region.not_found`. */
export async function getRegion(ctx: Ctx, id: string): Promise<Region> {
  const [region] = await repo.findRegions(ctx.db, { ids: [id] })
  if (!region) throw RegionErrors.notFound(id)
  return region
}

/** The region a country belongs to, if any. */
export async function findRegionByCountry(ctx: Ctx, countryCode: string): Promise<Region | undefined> {
  const owner = (await repo.findCountryOwners(ctx.db, [countryCode.toLowerCase()])).get(countryCode.toLowerCase())
  return owner ? getRegion(ctx, owner) : undefined
}

export async function createRegion(ctx: Ctx, input: unknown): Promise<Region> {
  const data = parseInput(regionCreateSchema, input)
  return inTransaction(ctx, async (tx) => {
    const id = tx.newId('reg')
    const taxProviderId = data.tax_provider_id ?? 'system'
    assertTaxProvider(tx, taxProviderId)
    const now = tx.now().toISOString()
    await repo.insertRegion(tx.db, {
      id,
      name: data.name,
      currency_code: data.currency_code.toUpperCase(),
      tax_inclusive: data.tax_inclusive,
      tax_provider_id: taxProviderId,
      created_at: now,
      updated_at: now,
    })
    await setCountries(tx, id, data.countries)
    await bumpCatalogVersion(tx, { productIds: [] })
    return getRegion(tx, id)
  })
}

/** Updates a region; `countries` given replace its countries. */
export async function updateRegion(ctx: Ctx, id: string, input: unknown): Promise<Region> {
  const data = parseInput(regionUpdateSchema, input)
  return inTransaction(ctx, async (tx) => {
    await getRegion(tx, id)
    if (data.tax_provider_id !== undefined) assertTaxProvider(tx, data.tax_provider_id)
    await repo.updateRegion(tx.db, id, {
      ...(data.name !== undefined && { name: data.name }),
      ...(data.currency_code !== undefined && { currency_code: data.currency_code.toUpperCase() }),
      ...(data.tax_inclusive !== undefined && { tax_inclusive: data.tax_inclusive }),
      ...(data.tax_provider_id !== undefined && { tax_provider_id: data.tax_provider_id }),
      updated_at: tx.now().toISOString(),
    })
    if (data.countries) await setCountries(tx, id, data.countries)
    await bumpCatalogVersion(tx, { productIds: [] })
    return getRegion(tx, id)
  })
}

/** Deletes a region with its tax rates and shipping options. */
export async function deleteRegion(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getRegion(tx, id)
    await repo.deleteRegion(tx.db, id)
    await bumpCatalogVersion(tx, { productIds: [] })
  })
}

async function setCountries(ctx: Ctx, regionId: string, countries: string[]): Promise<void> {
  const lower = countries.map((c) => c.toLowerCase())
  const owners = await repo.findCountryOwners(ctx.db, lower)
  const taken = lower.find((c) => owners.has(c) && owners.get(c) !== regionId)
  if (taken) throw RegionErrors.countryTaken(taken)
  try {
    await repo.replaceRegionCountries(ctx.db, regionId, lower)
  } catch (error) {
    // Another region claimed one of the countries between the check and the insert.
    if (constraintViolation(error)?.kind === 'unique') throw RegionErrors.countryTaken(lower.join(', '))
    throw error
  }
}

function assertTaxProvider(ctx: Ctx, id: string): void {
  if (id !== 'system' && ctx.providers && !ctx.providers.get('tax', id)) throw RegionErrors.taxProviderNotFound(id)
}
