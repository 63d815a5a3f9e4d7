import { anonymizeOrders } from '../orders/index.js'
import { hashPassword, verifyPassword } from '../auth/password.js'
import { ACCOUNT_THROTTLE, clearThrottle, IP_THROTTLE, takeAttempts, type ThrottlePolicy } from '../auth/throttle.js'
import { constraintViolation } from '../db/dialect.js'
import { recordEvent } from '../events/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import { limitSchema } from '../kernel/schemas.js'
import { parseInput } from '../kernel/validate.js'
import { z } from 'zod'
import {
  type Customer,
  CustomerErrors,
  CustomerSessionErrors,
  type RegisterCustomerInput,
  registerCustomerSchema,
  type UpdateCustomerInput,
  updateCustomerSchema,
} from './customer.js'
import * as repo from './customer.repository.js'

/** Who is calling, for throttling per address. */
export interface ClientInfo {
  ip?: string
}

/** The signed-in customer's id, or `customer_session.required`. */
export function requireCustomer(ctx: Ctx): string {
  if (ctx.actor.type !== 'customer') throw CustomerSessionErrors.required()
  return ctx.actor.id
}

/** Sign-ups per address: each costs a password hash, and `email_taken` tells that an account exists. */
const REGISTER_THROTTLE: ThrottlePolicy = { free: 10, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, resetAfterMs: 60 * 60_000 }

/** Creates an account; the email is unverified until the customer follows a verification link. */
export async function registerCustomer(ctx: Ctx, rawInput: RegisterCustomerInput, client: ClientInfo = {}): Promise<Customer> {
  const input = parseInput(registerCustomerSchema, rawInput)
  if (client.ip) await takeAttempts(ctx, [{ key: `customer:register-ip:${client.ip}`, policy: REGISTER_THROTTLE }])
  if (await repo.findCustomer(ctx.db, { email: input.email })) throw CustomerErrors.emailTaken()
  const passwordHash = await hashPassword(input.password)
  const row = {
    id: ctx.newId('cus'),
    email: input.email,
    first_name: input.first_name ?? null,
    last_name: input.last_name ?? null,
    phone: input.phone ?? null,
    email_verified: false,
    created_at: ctx.now().toISOString(),
    password_hash: passwordHash,
  }
  try {
    await inTransaction(ctx, async (tx) => {
      await repo.insertCustomer(tx.db, row)
      await recordEvent(tx, 'customer.created', { id: row.id, email: row.email, first_name: row.first_name, last_name: row.last_name })
    })
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw CustomerErrors.emailTaken()
    throw error
  }
  return getCustomer(ctx, row.id)
}

export async function getCustomer(ctx: Ctx, id: string): Promise<Customer> {
  const row = await repo.findCustomer(ctx.db, { id })
  if (!row) throw CustomerErrors.notFound(id)
  return repo.publicCustomer(row)
}

/** The signed-in customer's profile. */
export async function getMe(ctx: Ctx): Promise<Customer> {
  return getCustomer(ctx, requireCustomer(ctx))
}

/**
 * Changes the profile. A new email needs the current password, must be free, and is unverified
 * until verified again.
 */
export async function updateMe(ctx: Ctx, rawInput: UpdateCustomerInput, client: ClientInfo = {}): Promise<Customer> {
  const id = requireCustomer(ctx)
  const input = parseInput(updateCustomerSchema, rawInput)
  const before = await repo.findCustomer(ctx.db, { id })
  if (!before) throw CustomerErrors.notFound(id)
  if (input.email !== undefined && input.email !== before.email) await checkCurrentPassword(ctx, before, input.current_password, client)
  try {
    await inTransaction(ctx, async (tx) => {
      const current = await repo.findCustomer(tx.db, { id })
      if (!current) throw CustomerErrors.notFound(id)
      const newEmail = input.email !== undefined && input.email !== current.email ? input.email : undefined
      if (newEmail && (await repo.findCustomer(tx.db, { email: newEmail }))) throw CustomerErrors.emailTaken()
      const values = {
        ...(newEmail && { email: newEmail, email_verified: false }),
        ...(input.first_name !== undefined && { first_name: input.first_name }),
        ...(input.last_name !== undefined && { last_name: input.last_name }),
        ...(input.phone !== undefined && { phone: input.phone }),
      }
      await repo.updateCustomerRow(tx.db, id, { ...values, updated_at: tx.now().toISOString() })
      await recordEvent(tx, 'customer.updated', { id, fields: Object.keys(values).filter((k) => k !== 'email_verified') })
    })
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw CustomerErrors.emailTaken()
    throw error
  }
  return getCustomer(ctx, id)
}

/** Checks the current password before a sensitive change, throttled like a login. */
export async function checkCurrentPassword(
  ctx: Ctx,
  row: repo.CustomerRow,
  password: string | undefined,
  client: ClientInfo,
): Promise<void> {
  const key = `customer:email:${row.email}`
  await takeAttempts(ctx, [
    ...(client.ip ? [{ key: `customer:ip:${client.ip}`, policy: IP_THROTTLE }] : []),
    { key, policy: ACCOUNT_THROTTLE },
  ])
  if (!(await verifyPassword(row.password_hash, password ?? ''))) throw CustomerErrors.wrongPassword()
  await clearThrottle(ctx, key)
}

export const listCustomersSchema = z.strictObject({
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
  email: z.string().trim().toLowerCase().max(254).optional(),
  /** Part of the email, first or last name, any case. */
  q: z.string().trim().toLowerCase().min(1).max(200).optional(),
})

const cursorSchema = z.object({ created_at: z.string(), id: z.string() })

/** Customers, newest first (admin). `email` finds one account by its exact address; `q` searches email and name. */
export async function listCustomers(
  ctx: Ctx,
  rawQuery: z.input<typeof listCustomersSchema>,
): Promise<{ data: Customer[]; next_cursor: string | null }> {
  const query = parseInput(listCustomersSchema, rawQuery)
  const after = query.cursor ? decodeCursor(query.cursor, cursorSchema) : undefined
  const rows = await repo.listCustomerRows(ctx.db, {
    limit: query.limit,
    ...(after && { after }),
    ...(query.email && { email: query.email }),
    ...(query.q && { q: query.q }),
  })
  const page = rows.slice(0, query.limit).map(repo.publicCustomer)
  const last = page[page.length - 1]
  return { data: page, next_cursor: rows.length > query.limit && last ? encodeCursor({ created_at: last.created_at, id: last.id }) : null }
}

/**
 * Erases a customer's personal data: the account keeps its id (orders point at it) but loses name,
 * email, phone, password, addresses and sessions; their orders keep amounts and lines but lose
 * email and addresses. The account cannot sign in again.
 */
export async function eraseCustomer(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findCustomer(tx.db, { id })
    if (!row || row.erased_at) throw CustomerErrors.notFound(id)
    const now = tx.now().toISOString()
    const erasedEmail = `erased+${id}@invalid.example`
    await anonymizeOrders(tx.db, { customerId: id, guestEmail: row.email_verified ? row.email : null }, erasedEmail)
    await repo.deletePersonalRecords(tx.db, id, now)
    await repo.updateCustomerRow(tx.db, id, {
      email: erasedEmail,
      first_name: null,
      last_name: null,
      phone: null,
      password_hash: '!erased',
      email_verified: false,
      erased_at: now,
      updated_at: now,
    })
    await recordEvent(tx, 'customer.deleted', { id, erased: true })
  })
}
