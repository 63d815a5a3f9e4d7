import type { Selectable } from 'kysely'
import { toIso, toIsoOrNull } from '../db/dialect.js'
import type { Actor, Ctx } from '../kernel/ctx.js'
import { newToken } from '../kernel/ids.js'
import { parseInput } from '../kernel/validate.js'
import type { ApiKeyTable } from './auth.table.js'
import { type ApiKey, ApiKeyErrors, apiKeyCreateSchema, AuthErrors, sha256 } from './auth.js'
import { assertCanGrant, assertRoleExists } from './role.service.js'

/** last_used_at is written at most once a minute per key, so a busy integration costs no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000

export function isSecretKey(token: string): boolean {
  return token.startsWith('sk_')
}

/**
 * Creates a secret API key scoped to a role. The key (`sk_` + 192 random bits) is returned once;
 * only its SHA-256 is stored, which is enough for a high-entropy secret (no password stretching).
 */
export async function createApiKey(ctx: Ctx, rawInput: unknown): Promise<{ api_key: ApiKey; secret: string }> {
  const input = parseInput(apiKeyCreateSchema, rawInput)
  await assertRoleExists(ctx, input.role)
  await assertCanGrant(ctx, input.role)
  const secret = newToken('sk')
  const row = {
    id: ctx.newId('key'),
    title: input.title,
    token_hash: sha256(secret),
    redacted: `sk_…${secret.slice(-4)}`,
    role: input.role,
    created_by: ctx.actor.type === 'admin' ? ctx.actor.id : null,
    created_at: ctx.now().toISOString(),
  }
  await ctx.db.insertInto('api_key').values(row).execute()
  return { api_key: toApiKey({ ...row, last_used_at: null, revoked_at: null }), secret }
}

export async function listApiKeys(ctx: Ctx): Promise<ApiKey[]> {
  const rows = await ctx.db.selectFrom('api_key').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toApiKey)
}

export async function getApiKey(ctx: Ctx, id: string): Promise<ApiKey> {
  const row = await ctx.db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw ApiKeyErrors.notFound(id)
  return toApiKey(row)
}

/** Revokes a key at once; revoking twice keeps the first time. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKey> {
  await getApiKey(ctx, id)
  await ctx.db.updateTable('api_key').set({ revoked_at: ctx.now().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute()
  return getApiKey(ctx, id)
}

/** The admin actor of a secret key, or `auth.api_key_invalid`; records when the key was last used. */
export async function authenticateApiKey(ctx: Ctx, secret: string): Promise<Actor> {
  const row = await ctx.db
    .selectFrom('api_key')
    .select(['id', 'role', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', sha256(secret))
    .executeTakeFirst()
  if (!row || toIsoOrNull(row.revoked_at) !== null) throw AuthErrors.apiKeyInvalid()
  const now = ctx.now()
  const lastUsed = toIsoOrNull(row.last_used_at)
  const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString()
  if (lastUsed === null || lastUsed < cutoff) {
    await ctx.db
      .updateTable('api_key')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', cutoff)]))
      .execute()
  }
  return { type: 'admin', id: row.id, role: row.role, via: 'api_key' }
}

function toApiKey(row: Omit<Selectable<ApiKeyTable>, 'token_hash'>): ApiKey {
  return {
    id: row.id,
    title: row.title,
    redacted: row.redacted,
    role: row.role,
    created_by: row.created_by,
    last_used_at: toIsoOrNull(row.last_used_at),
    revoked_at: toIsoOrNull(row.revoked_at),
    created_at: toIso(row.created_at),
  }
}
