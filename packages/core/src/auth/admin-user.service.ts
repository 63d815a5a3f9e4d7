import type { Selectable } from 'kysely'
import { toIso } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import { createAdminUser } from './admin-auth.service.js'
import type { AdminUserTable } from './auth.table.js'
import { type AdminUser, AdminUserErrors, adminUserCreateSchema, adminUserUpdateSchema } from './auth.js'
import { assertCanGrant, assertRoleExists } from './role.service.js'

export async function listAdminUsers(ctx: Ctx): Promise<AdminUser[]> {
  const rows = await ctx.db.selectFrom('admin_user').select(['id', 'email', 'role', 'active', 'created_at']).orderBy('created_at').orderBy('id').execute()
  return rows.map(toAdminUser)
}

export async function getAdminUser(ctx: Ctx, id: string): Promise<AdminUser> {
  const row = await ctx.db.selectFrom('admin_user').select(['id', 'email', 'role', 'active', 'created_at']).where('id', '=', id).executeTakeFirst()
  if (!row) throw AdminUserErrors.notFound(id)
  return toAdminUser(row)
}

/** Invites an admin user with a role no stronger than the caller's own. */
export async function inviteAdminUser(ctx: Ctx, rawInput: unknown): Promise<AdminUser> {
  const input = parseInput(adminUserCreateSchema, rawInput)
  await assertRoleExists(ctx, input.role)
  await assertCanGrant(ctx, input.role)
  return createAdminUser(ctx, input)
}

/**
 * Changes a user's role or active flag. Deactivating revokes the user's sessions at once; the last
 * active owner can be neither demoted nor deactivated.
 */
export async function updateAdminUser(ctx: Ctx, id: string, rawInput: unknown): Promise<AdminUser> {
  const input = parseInput(adminUserUpdateSchema, rawInput)
  if (input.role) {
    await assertRoleExists(ctx, input.role)
    await assertCanGrant(ctx, input.role)
  }
  return inTransaction(ctx, async (tx) => {
    const current = await getAdminUser(tx, id)
    const losesOwner = current.role === 'owner' && current.active && ((input.role && input.role !== 'owner') || input.active === false)
    if (losesOwner) {
      const owners = await tx.db
        .selectFrom('admin_user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'owner')
        .where('active', '=', true)
        .executeTakeFirstOrThrow()
      if (Number(owners.n) <= 1) throw AdminUserErrors.lastOwner()
    }
    const now = tx.now().toISOString()
    await tx.db
      .updateTable('admin_user')
      .set({ ...(input.role && { role: input.role }), ...(input.active !== undefined && { active: input.active }), updated_at: now })
      .where('id', '=', id)
      .execute()
    if (input.active === false) {
      await tx.db.updateTable('admin_session').set({ revoked_at: now }).where('admin_user_id', '=', id).where('revoked_at', 'is', null).execute()
    }
    return getAdminUser(tx, id)
  })
}

export async function deactivateAdminUser(ctx: Ctx, id: string): Promise<AdminUser> {
  return updateAdminUser(ctx, id, { active: false })
}

function toAdminUser(row: Pick<Selectable<AdminUserTable>, 'id' | 'email' | 'role' | 'active' | 'created_at'>): AdminUser {
  return { id: row.id, email: row.email, role: row.role, active: Boolean(row.active), created_at: toIso(row.created_at) }
}
