import type { z } from 'zod'
import { toIso, toIsoOrNull } from '../db/dialect.js'
import type { Actor, Ctx } from '../kernel/ctx.js'
import { newToken } from '../kernel/ids.js'
import { parseInput } from '../kernel/validate.js'
import { authenticateApiKey, isSecretKey } from './api-key.service.js'
import { type AdminMe, type AdminUser, adminLoginSchema, adminUserCreateSchema, AuthErrors, sha256 } from './auth.js'
import { hashPassword, verifyPassword } from './password.js'
import { assertRoleExists, resolvePermissions } from './role.service.js'
import { ACCOUNT_THROTTLE, clearThrottle, IP_THROTTLE, takeAttempts } from './throttle.js'

export { hashPassword } from './password.js'

const SESSION_HOURS = 12

export async function createAdminUser(ctx: Ctx, rawInput: z.input<typeof adminUserCreateSchema>): Promise<AdminUser> {
  const input = parseInput(adminUserCreateSchema, rawInput)
  await assertRoleExists(ctx, input.role)
  const existing = await ctx.db.selectFrom('admin_user').select('id').where('email', '=', input.email).executeTakeFirst()
  if (existing) throw AuthErrors.emailTaken(input.email)
  const now = ctx.now().toISOString()
  const user = { id: ctx.newId('admin'), email: input.email, role: input.role, active: true, created_at: now }
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
 * the answer takes as long as for a wrong password; an inactive user gets the same answer.
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
  if (!row || !ok || !row.active) throw AuthErrors.invalidCredentials()
  await clearThrottle(ctx, accountKey)
  const token = newToken('kas')
  const now = ctx.now()
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString()
  await ctx.db
    .insertInto('admin_session')
    .values({ id: ctx.newId('sess'), token_hash: sha256(token), admin_user_id: row.id, expires_at: expires, created_at: now.toISOString() })
    .execute()
  const user = { id: row.id, email: row.email, role: row.role, active: true, created_at: toIso(row.created_at) }
  return { token, expires_at: expires, user }
}

/** Revokes the session behind `token` (a secret key is revoked through its own route instead). */
export async function logoutAdmin(ctx: Ctx, token: string): Promise<void> {
  await ctx.db
    .updateTable('admin_session')
    .set({ revoked_at: ctx.now().toISOString() })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .execute()
}

/**
 * The admin actor behind a bearer token: a session token of an active admin user or a secret API
 * key (`sk_…`). Unknown tokens are `auth.token_invalid`, expired or revoked sessions
 * `auth.session_expired`, unknown or revoked keys `auth.api_key_invalid`.
 */
export async function authenticateAdmin(ctx: Ctx, token: string): Promise<Actor> {
  if (isSecretKey(token)) return authenticateApiKey(ctx, token)
  const row = await ctx.db
    .selectFrom('admin_session as s')
    .innerJoin('admin_user as u', 'u.id', 's.admin_user_id')
    .select(['u.id', 'u.role', 'u.active', 's.expires_at', 's.revoked_at'])
    .where('s.token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row) throw AuthErrors.tokenInvalid()
  const expired = new Date(toIso(row.expires_at)).getTime() <= ctx.now().getTime()
  if (expired || toIsoOrNull(row.revoked_at) !== null || !row.active) throw AuthErrors.sessionExpired()
  return { type: 'admin', id: row.id, role: row.role, via: 'session' }
}

/** The caller of the Admin API with the permissions of its role (the admin UI hides what it cannot do). */
export async function describeAdmin(ctx: Ctx): Promise<AdminMe> {
  const actor = ctx.actor
  if (actor.type !== 'admin') throw AuthErrors.unauthenticated()
  const permissions = [...(await resolvePermissions(ctx, actor.role))]
  if (actor.via === 'api_key') return { actor_type: 'api_key', id: actor.id, email: null, role: actor.role, permissions }
  const row = await ctx.db.selectFrom('admin_user').select('email').where('id', '=', actor.id).executeTakeFirst()
  return { actor_type: 'admin_user', id: actor.id, email: row?.email ?? null, role: actor.role, permissions }
}
