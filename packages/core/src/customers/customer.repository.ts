import { type Insertable, type Kysely, type Selectable, type SqlBool, sql, type Updateable } from 'kysely'
import type { Database } from '../db/database.js'
import { toIso, toIsoOrNull } from '../db/dialect.js'
import type { Customer, CustomerAddress } from './customer.js'
import type { CustomerAddressTable, CustomerTable, CustomerTokenPurpose } from './customer.table.js'

type Db = Kysely<Database>

export type CustomerRow = Customer & { password_hash: string }

function toCustomer(row: Selectable<CustomerTable>): CustomerRow {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    phone: row.phone,
    email_verified: Boolean(row.email_verified),
    erased_at: toIsoOrNull(row.erased_at),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
    password_hash: row.password_hash,
  }
}

/** The public shape: the row without its password hash. */
export function publicCustomer(row: CustomerRow): Customer {
  const { password_hash: _, ...customer } = row
  return customer
}

export async function findCustomer(db: Db, where: { id: string } | { email: string }): Promise<CustomerRow | undefined> {
  const query = db.selectFrom('customer').selectAll()
  const row = await ('id' in where ? query.where('id', '=', where.id) : query.where('email', '=', where.email)).executeTakeFirst()
  return row && toCustomer(row)
}

export async function insertCustomer(db: Db, row: Omit<CustomerRow, 'erased_at' | 'updated_at'>): Promise<void> {
  await db
    .insertInto('customer')
    .values({ ...row, erased_at: null, updated_at: row.created_at })
    .execute()
}

export async function updateCustomerRow(db: Db, id: string, values: Updateable<CustomerTable>): Promise<void> {
  await db.updateTable('customer').set(values).where('id', '=', id).execute()
}

/** A page of customers, newest first, after the (created_at, id) of the last one seen. */
export async function listCustomerRows(
  db: Db,
  page: { limit: number; after?: { created_at: string; id: string }; email?: string; q?: string },
) {
  let query = db
    .selectFrom('customer')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
  if (page.email) query = query.where('email', '=', page.email)
  if (page.q) {
    // `!` escapes LIKE's wildcards on both databases (SQLite has no default escape character).
    const like = `%${page.q.toLowerCase().replace(/[%_!]/g, (c) => `!${c}`)}%`
    const matches = (column: 'email' | 'first_name' | 'last_name') => sql<SqlBool>`lower(${sql.ref(column)}) like ${like} escape '!'`
    query = query.where((eb) => eb.or([matches('email'), matches('first_name'), matches('last_name')]))
  }
  if (page.after) {
    const { created_at, id } = page.after
    query = query.where((eb) => eb.or([eb('created_at', '<', created_at), eb.and([eb('created_at', '=', created_at), eb('id', '<', id)])]))
  }
  return (await query.execute()).map(toCustomer)
}

export async function insertSession(
  db: Db,
  row: { id: string; token_hash: string; customer_id: string; sales_channel_id: string; expires_at: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('customer_session')
    .values({ ...row, revoked_at: null })
    .execute()
}

export async function findSession(db: Db, tokenHash: string) {
  const row = await db
    .selectFrom('customer_session as s')
    .innerJoin('customer as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.customer_id', 's.sales_channel_id', 's.expires_at', 's.revoked_at', 'c.erased_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
  return (
    row && {
      id: row.id,
      customer_id: row.customer_id,
      sales_channel_id: row.sales_channel_id,
      expires_at: toIso(row.expires_at),
      revoked_at: toIsoOrNull(row.revoked_at),
      erased: row.erased_at !== null,
    }
  )
}

/** Revokes one session, or every session of a customer except `keep`. */
export async function revokeSessions(db: Db, where: { id: string } | { customerId: string; keep?: string }, now: string): Promise<void> {
  let query = db.updateTable('customer_session').set({ revoked_at: now }).where('revoked_at', 'is', null)
  if ('id' in where) query = query.where('id', '=', where.id)
  else {
    query = query.where('customer_id', '=', where.customerId)
    if (where.keep) query = query.where('id', '!=', where.keep)
  }
  await query.execute()
}

export async function insertToken(
  db: Db,
  row: {
    id: string
    token_hash: string
    customer_id: string
    purpose: CustomerTokenPurpose
    email: string
    expires_at: string
    created_at: string
  },
): Promise<void> {
  await db
    .insertInto('customer_token')
    .values({ ...row, used_at: null })
    .execute()
}

/**
 * Marks an unused, unexpired token used and answers it; a second use (even a concurrent one)
 * finds nothing, because the update only matches while `used_at` is null.
 */
export async function consumeToken(db: Db, tokenHash: string, purpose: CustomerTokenPurpose, now: string) {
  const row = await db
    .selectFrom('customer_token')
    .select(['id', 'customer_id', 'email', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (!row || new Date(toIso(row.expires_at)).getTime() <= new Date(now).getTime()) return undefined
  const used = await db
    .updateTable('customer_token')
    .set({ used_at: now })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(used.numUpdatedRows) === 1 ? { customer_id: row.customer_id, email: row.email } : undefined
}

function toAddress(row: Selectable<CustomerAddressTable>): CustomerAddress {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    company: row.company,
    address_1: row.address_1,
    address_2: row.address_2,
    city: row.city,
    postal_code: row.postal_code,
    province: row.province,
    country_code: row.country_code,
    phone: row.phone,
    is_default_shipping: Boolean(row.is_default_shipping),
    is_default_billing: Boolean(row.is_default_billing),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export async function listAddresses(db: Db, customerId: string): Promise<CustomerAddress[]> {
  const rows = await db
    .selectFrom('customer_address')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toAddress)
}

/** An address of this customer; another customer's is not found. */
export async function findAddress(db: Db, customerId: string, id: string): Promise<CustomerAddress | undefined> {
  const row = await db
    .selectFrom('customer_address')
    .selectAll()
    .where('id', '=', id)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  return row && toAddress(row)
}

export async function countAddresses(db: Db, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('customer_address')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertAddress(
  db: Db,
  row: Omit<Insertable<CustomerAddressTable>, 'updated_at' | 'created_at'> & { created_at: string },
): Promise<void> {
  await db
    .insertInto('customer_address')
    .values({ ...row, updated_at: row.created_at })
    .execute()
}

export async function updateAddressRow(db: Db, customerId: string, id: string, values: Updateable<CustomerAddressTable>): Promise<void> {
  await db.updateTable('customer_address').set(values).where('id', '=', id).where('customer_id', '=', customerId).execute()
}

/** Clears a default flag on every other address of the customer: one default of each kind. */
export async function clearDefault(
  db: Db,
  customerId: string,
  flag: 'is_default_shipping' | 'is_default_billing',
  except: string,
): Promise<void> {
  await db
    .updateTable('customer_address')
    .set({ [flag]: false })
    .where('customer_id', '=', customerId)
    .where('id', '!=', except)
    .execute()
}

export async function deleteAddress(db: Db, customerId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('customer_address').where('id', '=', id).where('customer_id', '=', customerId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Drops a customer's addresses, sessions and one-time tokens, and the contact data on their carts. */
export async function deletePersonalRecords(db: Db, customerId: string, now: string): Promise<void> {
  await db
    .updateTable('cart')
    .set({ email: null, shipping_address: null, billing_address: null, updated_at: now })
    .where('customer_id', '=', customerId)
    .execute()
  await db.deleteFrom('customer_address').where('customer_id', '=', customerId).execute()
  await db.deleteFrom('customer_session').where('customer_id', '=', customerId).execute()
  await db.deleteFrom('customer_token').where('customer_id', '=', customerId).execute()
}
