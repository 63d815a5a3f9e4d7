import { CatalogErrors } from '../catalog/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import { rateToPpm } from '../pricing/totals.js'
import { getRegion, RegionErrors } from '../regions/index.js'
import { type TaxRate, TaxErrors, taxRateCreateSchema, taxRateUpdateSchema } from './tax.js'
import * as repo from './tax.repository.js'

/** A region's tax rates, by place then name. */
export async function listTaxRates(ctx: Ctx, regionId: string): Promise<TaxRate[]> {
  await getRegion(ctx, regionId)
  return repo.findTaxRates(ctx.db, { regionId })
}

/** A tax rate by id; throws `tax_rate.not_found`. */
export async function getTaxRate(ctx: Ctx, id: string): Promise<TaxRate> {
  const [rate] = await repo.findTaxRates(ctx.db, { ids: [id] })
  if (!rate) throw TaxErrors.rateNotFound(id)
  return rate
}

export async function createTaxRate(ctx: Ctx, regionId: string, input: unknown): Promise<TaxRate> {
  const data = parseInput(taxRateCreateSchema, input)
  return inTransaction(ctx, async (tx) => {
    const place = await checkPlace(tx, regionId, data.country_code ?? null, data.province_code ?? null)
    const id = tx.newId('txr')
    const now = tx.now().toISOString()
    await repo.insertTaxRate(tx.db, {
      id,
      region_id: regionId,
      name: data.name,
      code: data.code ?? null,
      rate_ppm: rateToPpm(data.rate_bps),
      ...place,
      created_at: now,
      updated_at: now,
    })
    await setCategories(tx, id, data.category_ids ?? [])
    return getTaxRate(tx, id)
  })
}

/** Updates a tax rate; `category_ids` given replace its categories. */
export async function updateTaxRate(ctx: Ctx, id: string, input: unknown): Promise<TaxRate> {
  const data = parseInput(taxRateUpdateSchema, input)
  return inTransaction(ctx, async (tx) => {
    const current = await getTaxRate(tx, id)
    const country = data.country_code !== undefined ? data.country_code : current.country_code
    // A new country drops a province that belonged to the old one unless one is given.
    const province = data.province_code !== undefined ? data.province_code : data.country_code !== undefined ? null : current.province_code
    const place = await checkPlace(tx, current.region_id, country, province)
    await repo.updateTaxRate(tx.db, id, {
      ...(data.name !== undefined && { name: data.name }),
      ...(data.code !== undefined && { code: data.code }),
      ...(data.rate_bps !== undefined && { rate_ppm: rateToPpm(data.rate_bps) }),
      ...place,
      updated_at: tx.now().toISOString(),
    })
    if (data.category_ids) await setCategories(tx, id, data.category_ids)
    return getTaxRate(tx, id)
  })
}

export async function deleteTaxRate(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getTaxRate(tx, id)
    await repo.deleteTaxRate(tx.db, id)
  })
}

async function checkPlace(ctx: Ctx, regionId: string, country: string | null, province: string | null) {
  const region = await getRegion(ctx, regionId)
  const countryCode = country?.toLowerCase() ?? null
  if (province && !countryCode) throw TaxErrors.provinceWithoutCountry()
  if (countryCode && !region.countries.includes(countryCode)) throw RegionErrors.countryNotInRegion(countryCode)
  return { country_code: countryCode, province_code: province?.toLowerCase() ?? null }
}

async function setCategories(ctx: Ctx, id: string, categoryIds: string[]): Promise<void> {
  const unique = [...new Set(categoryIds)]
  const found = await repo.existingCategoryIds(ctx.db, unique)
  const missing = unique.find((c) => !found.has(c))
  if (missing) throw CatalogErrors.categoryNotFound(missing)
  await repo.replaceTaxRateCategories(ctx.db, id, unique)
}
