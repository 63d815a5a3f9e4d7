import { createHash } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { z } from 'zod'
import { toIso } from '../db/dialect.js'
import type { Actor, Ctx } from '../kernel/ctx.js'
import { defineError } from '../kernel/errors.js'
import { newToken } from '../kernel/ids.js'
import { parseInput } from '../kernel/validate.js'

/** argon2id at OWASP's minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const
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

let dummyHash: Promise<string> | undefined

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
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
export async function loginAdmin(ctx: Ctx, rawInput: unknown): Promise<{ token: string; expires_at: string; user: AdminUser }> {
  const input = parseInput(adminLoginSchema, rawInput)
  const row = await ctx.db.selectFrom('admin_user').selectAll().where('email', '=', input.email).executeTakeFirst()
  dummyHash ??= hashPassword('not-a-real-password')
  const ok = await verify(row?.password_hash ?? (await dummyHash), input.password)
  if (!row || !ok) throw AuthErrors.invalidCredentials()
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
