import { createHash } from 'node:crypto'
import { z } from 'zod'
import { toIso } from '../db/dialect.js'
import type { Actor, Ctx } from '../kernel/ctx.js'
import { defineError } from '../kernel/errors.js'
import { newToken } from '../kernel/ids.js'
import { parseInput } from '../kernel/validate.js'
import { hashPassword, verifyPassword } from './password.js'
import { ACCOUNT_THROTTLE, clearThrottle, IP_THROTTLE, takeAttempts } from './throttle.js'

export { hashPassword } from './password.js'

const SESSION_HOURS = 12

export const AuthErrors = {
  invalidCredentials: defineError('auth.invalid_credentials', 'unauthenticated', () => 'Email or password is wrong'),
  unauthenticated: defineError('auth.unauthenticated', 'unauthenticated', () => 'Sign in first: send Authorization: Bearer <token>'),
  sessionExpired: defineError('auth.session_expired', 'unauthenticated', () => 'The session has expired or was revoked'),
  emailTaken: defineError('admin_user.email_taken', 'conflict', (email: string) => `An admin user with email ${email} exists`),
}

export const adminLoginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1000),
})

export const adminUserCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(10).max(1000),
  role: z.enum(['owner', 'admin', 'staff']).default('admin'),
})

export interface AdminUser {
  id: string
  email: string
  role: string
  created_at: string
}

export async function createAdminUser(ctx: Ctx, rawInput: z.input<typeof adminUserCreateSchema>): Promise<AdminUser> {
  const input = parseInput(adminUserCreateSchema, rawInput)
  const existing = await ctx.db.selectFrom('admin_user').select('id').where('email', '=', input.email).executeTakeFirst()
  if (existing) throw AuthErrors.emailTaken(input.email)
  const now = ctx.now().toISOString()
  const user = { id: ctx.newId('admin'), email: input.email, role: input.role, created_at: now }
  await ctx.db
    .insertInto('admin_user')
    .values({ ...user, password_hash: await hashPassword(input.password), updated_at: now })
    .execute()
  return user
}

export async function countAdminUsers(ctx: Ctx): Promise<number> {
  const row = await ctx.db.selectFrom('admin_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Signs an admin in and returns an opaque session token. Unknown emails still verify a hash, so
 * the answer takes as long as for a wrong password.
 */
export async function loginAdmin(
  ctx: Ctx,
  rawInput: unknown,
  client: { ip?: string } = {},
): Promise<{ token: string; expires_at: string; user: AdminUser }> {
  const input = parseInput(adminLoginSchema, rawInput)
  // Repeated failures wait longer and longer, per address and per account (docs/adr/0005-customer-sessions.md).
  const accountKey = `admin:email:${input.email}`
  await takeAttempts(ctx, [
    ...(client.ip ? [{ key: `admin:ip:${client.ip}`, policy: IP_THROTTLE }] : []),
    { key: accountKey, policy: ACCOUNT_THROTTLE },
  ])
  const row = await ctx.db.selectFrom('admin_user').selectAll().where('email', '=', input.email).executeTakeFirst()
  const ok = await verifyPassword(row?.password_hash, input.password)
  if (!row || !ok) throw AuthErrors.invalidCredentials()
  await clearThrottle(ctx, accountKey)
  const token = newToken('kas')
  const now = ctx.now()
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString()
  await ctx.db
    .insertInto('admin_session')
    .values({ id: ctx.newId('sess'), token_hash: sha256(token), admin_user_id: row.id, expires_at: expires, created_at: now.toISOString() })
    .execute()
  return { token, expires_at: expires, user: { id: row.id, email: row.email, role: row.role, created_at: toIso(row.created_at) } }
}

/** The admin actor behind a bearer token, or `auth.session_expired`. */
export async function authenticateAdmin(ctx: Ctx, token: string): Promise<Actor> {
  const row = await ctx.db
    .selectFrom('admin_session as s')
    .innerJoin('admin_user as u', 'u.id', 's.admin_user_id')
    .select(['u.id', 'u.role', 's.expires_at'])
    .where('s.token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row || new Date(toIso(row.expires_at)).getTime() <= ctx.now().getTime()) throw AuthErrors.sessionExpired()
  return { type: 'admin', id: row.id, role: row.role }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
