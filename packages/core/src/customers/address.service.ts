import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import {
  type CustomerAddress,
  type CustomerAddressInput,
  customerAddressSchema,
  CustomerErrors,
  MAX_ADDRESSES,
  type UpdateCustomerAddressInput,
  updateCustomerAddressSchema,
} from './customer.js'
import * as repo from './customer.repository.js'
import { requireCustomer } from './customer.service.js'

/** The signed-in customer's addresses, oldest first. */
export async function listMyAddresses(ctx: Ctx): Promise<CustomerAddress[]> {
  return repo.listAddresses(ctx.db, requireCustomer(ctx))
}

/** A customer's addresses, oldest first, for the Admin API; rejects with `customer.not_found`. */
export async function listCustomerAddresses(ctx: Ctx, customerId: string): Promise<CustomerAddress[]> {
  if (!(await repo.findCustomer(ctx.db, { id: customerId }))) throw CustomerErrors.notFound(customerId)
  return repo.listAddresses(ctx.db, customerId)
}

/** Adds an address; the first one becomes the default for shipping and billing. */
export async function addMyAddress(ctx: Ctx, rawInput: CustomerAddressInput): Promise<CustomerAddress> {
  const customerId = requireCustomer(ctx)
  const input = parseInput(customerAddressSchema, rawInput)
  const id = ctx.newId('caddr')
  await inTransaction(ctx, async (tx) => {
    const count = await repo.countAddresses(tx.db, customerId)
    if (count >= MAX_ADDRESSES) throw CustomerErrors.tooManyAddresses()
    const { is_default_shipping, is_default_billing, ...address } = input
    await repo.insertAddress(tx.db, {
      id,
      customer_id: customerId,
      ...normalize(address),
      is_default_shipping: is_default_shipping ?? count === 0,
      is_default_billing: is_default_billing ?? count === 0,
      created_at: tx.now().toISOString(),
    })
    await keepOneDefault(tx, customerId, id, input)
  })
  return (await repo.findAddress(ctx.db, customerId, id))!
}

/** Changes an address of the signed-in customer; another customer's address is not found. */
export async function updateMyAddress(ctx: Ctx, id: string, rawInput: UpdateCustomerAddressInput): Promise<CustomerAddress> {
  const customerId = requireCustomer(ctx)
  const input = parseInput(updateCustomerAddressSchema, rawInput)
  await inTransaction(ctx, async (tx) => {
    const current = await repo.findAddress(tx.db, customerId, id)
    if (!current) throw CustomerErrors.addressNotFound(id)
    const { is_default_shipping, is_default_billing, ...fields } = input
    const merged = normalize({ ...current, ...fields })
    await repo.updateAddressRow(tx.db, customerId, id, {
      ...merged,
      ...(is_default_shipping !== undefined && { is_default_shipping }),
      ...(is_default_billing !== undefined && { is_default_billing }),
      updated_at: tx.now().toISOString(),
    })
    await keepOneDefault(tx, customerId, id, input)
  })
  return (await repo.findAddress(ctx.db, customerId, id))!
}

export async function deleteMyAddress(ctx: Ctx, id: string): Promise<void> {
  const customerId = requireCustomer(ctx)
  if (!(await repo.deleteAddress(ctx.db, customerId, id))) throw CustomerErrors.addressNotFound(id)
}

/** One default of each kind: making this address a default takes the flag off the others. */
async function keepOneDefault(
  tx: Ctx,
  customerId: string,
  id: string,
  input: { is_default_shipping?: boolean; is_default_billing?: boolean },
) {
  if (input.is_default_shipping) await repo.clearDefault(tx.db, customerId, 'is_default_shipping', id)
  if (input.is_default_billing) await repo.clearDefault(tx.db, customerId, 'is_default_billing', id)
}

function normalize(a: Omit<CustomerAddressInput, 'is_default_shipping' | 'is_default_billing'>) {
  return {
    first_name: a.first_name,
    last_name: a.last_name,
    company: a.company || null,
    address_1: a.address_1,
    address_2: a.address_2 || null,
    city: a.city,
    postal_code: a.postal_code,
    province: a.province || null,
    country_code: a.country_code.toLowerCase(),
    phone: a.phone || null,
  }
}
