import { toJson } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { CommonErrors, type FieldError } from '../kernel/errors.js'
import { parseInput } from '../kernel/validate.js'
import { getRegion, RegionErrors } from '../regions/index.js'
import {
  type ShippingOption,
  ShippingErrors,
  shippingOptionCreateSchema,
  shippingOptionUpdateSchema,
  type ShippingPriceType,
  type WeightTier,
} from './shipping.js'
import * as repo from './shipping.repository.js'

/** Shipping options, by name; all of them or one region's. */
export async function listShippingOptions(ctx: Ctx, filter: { region_id?: string } = {}): Promise<ShippingOption[]> {
  if (filter.region_id) await getRegion(ctx, filter.region_id)
  return repo.findShippingOptions(ctx.db, filter.region_id ? { regionId: filter.region_id } : {})
}

/** A shipping option by id; throws `shipping_option.not_found`. */
export async function getShippingOption(ctx: Ctx, id: string): Promise<ShippingOption> {
  const [option] = await repo.findShippingOptions(ctx.db, { ids: [id] })
  if (!option) throw ShippingErrors.optionNotFound(id)
  return option
}

export async function createShippingOption(ctx: Ctx, input: unknown): Promise<ShippingOption> {
  const data = parseInput(shippingOptionCreateSchema, input)
  return inTransaction(ctx, async (tx) => {
    const shape = await checkShape(tx, data.region_id, {
      name: data.name,
      price_type: data.price_type,
      provider_id: data.provider_id ?? (data.price_type === 'calculated' ? '' : 'system'),
      amount: data.amount ?? null,
      weight_tiers: data.weight_tiers ?? [],
      free_over: data.free_over ?? null,
      countries: data.countries ?? [],
      active: data.active ?? true,
      data: data.data ?? {},
    })
    const id = tx.newId('so')
    const now = tx.now().toISOString()
    await repo.insertShippingOption(tx.db, { id, region_id: data.region_id, ...toRow(shape), created_at: now, updated_at: now })
    return getShippingOption(tx, id)
  })
}

/** Updates a shipping option; the result must still be a complete option of its price type. */
export async function updateShippingOption(ctx: Ctx, id: string, input: unknown): Promise<ShippingOption> {
  const data = parseInput(shippingOptionUpdateSchema, input)
  return inTransaction(ctx, async (tx) => {
    const current = await getShippingOption(tx, id)
    const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined))
    const shape = await checkShape(tx, current.region_id, {
      ...current,
      ...defined,
      ...(data.weight_tiers === undefined && data.price_type && data.price_type !== 'weight' && { weight_tiers: [] }),
    } as Shape)
    await repo.updateShippingOption(tx.db, id, { ...toRow(shape), updated_at: tx.now().toISOString() })
    return getShippingOption(tx, id)
  })
}

export async function deleteShippingOption(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getShippingOption(tx, id)
    await repo.deleteShippingOption(tx.db, id)
  })
}

type Shape = Omit<ShippingOption, 'id' | 'region_id' | 'created_at' | 'updated_at'>

/** The rules one field cannot state alone: what each price type needs and forbids. */
async function checkShape(ctx: Ctx, regionId: string, shape: Shape): Promise<Shape> {
  const region = await getRegion(ctx, regionId)
  const countries = shape.countries.map((c) => c.toLowerCase())
  const outside = countries.find((c) => !region.countries.includes(c))
  if (outside) throw RegionErrors.countryNotInRegion(outside)
  const errors = shapeErrors(shape.price_type, shape.amount, shape.weight_tiers, shape.provider_id)
  if (errors.length) throw CommonErrors.validation(errors)
  if (shape.price_type === 'calculated' && ctx.providers && !ctx.providers.get('shipping', shape.provider_id)) {
    throw ShippingErrors.providerNotFound(shape.provider_id)
  }
  return { ...shape, countries }
}

function shapeErrors(type: ShippingPriceType, amount: number | null, tiers: WeightTier[], providerId: string): FieldError[] {
  const errors: FieldError[] = []
  const err = (path: string, code: string, message: string) => errors.push({ path, code, message })
  if (type === 'flat' && amount === null) err('amount', 'required', 'A flat-rate option needs an amount')
  if (type !== 'flat' && amount !== null) err('amount', 'not_allowed', 'Only a flat-rate option has an amount')
  if (type === 'weight' && tiers.length === 0) err('weight_tiers', 'required', 'A weight-based option needs at least one tier')
  if (type !== 'weight' && tiers.length > 0) err('weight_tiers', 'not_allowed', 'Only a weight-based option has tiers')
  tiers.forEach((tier, i) => {
    const previous = tiers[i - 1]
    if (previous && (previous.up_to_grams === null || (tier.up_to_grams !== null && tier.up_to_grams <= previous.up_to_grams))) {
      err(`weight_tiers.${i}.up_to_grams`, 'invalid_order', 'Tiers go by ascending weight; only the last may have no limit')
    }
  })
  if (type === 'calculated' && (!providerId || providerId === 'system'))
    err('provider_id', 'required', 'A calculated option names its shipping provider')
  if (type !== 'calculated' && providerId !== 'system')
    err('provider_id', 'not_allowed', 'Flat and weight options are priced by the system provider')
  return errors
}

function toRow(shape: Shape) {
  return {
    name: shape.name,
    price_type: shape.price_type,
    provider_id: shape.provider_id,
    amount: shape.amount,
    weight_tiers: toJson(shape.weight_tiers),
    free_over: shape.free_over,
    countries: toJson(shape.countries),
    active: shape.active,
    data: toJson(shape.data),
  }
}
