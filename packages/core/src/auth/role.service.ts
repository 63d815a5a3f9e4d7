import { parseJson, toJson } from '../db/dialect.js'
import type { Actor, Ctx } from '../kernel/ctx.js'
import { CommonErrors } from '../kernel/errors.js'
import { parseInput } from '../kernel/validate.js'
import { type AdminRole, AuthErrors, RoleErrors, roleCreateSchema, roleUpdateSchema } from './auth.js'
import { BUILT_IN_ROLES, isRoleName, type Permission, ROLE_PERMISSIONS } from './permissions.js'

const DESCRIPTIONS: Record<(typeof BUILT_IN_ROLES)[number], string> = {
  owner: 'Everything',
  manager: 'Everything but settings:write (admin users, API keys, channels, regions, tax, shipping)',
  support: 'Reads everything, acts on orders',
  read_only: 'Reads everything',
}

/** The permissions a role grants: a built-in role from code, a custom one from the database; unknown grants nothing. */
export async function resolvePermissions(ctx: Ctx, role: string): Promise<readonly Permission[]> {
  if (isRoleName(role)) return ROLE_PERMISSIONS[role]
  const row = await ctx.db.selectFrom('admin_role').select('permissions').where('name', '=', role).executeTakeFirst()
  return row ? parseJson<Permission[]>(row.permissions, []) : []
}

/** The role exists (built-in or custom), or `validation_failed` on `role`. */
export async function assertRoleExists(ctx: Ctx, role: string): Promise<void> {
  if (isRoleName(role)) return
  const row = await ctx.db.selectFrom('admin_role').select('name').where('name', '=', role).executeTakeFirst()
  if (!row) throw CommonErrors.validation([{ path: 'role', code: 'unknown_role', message: `No role named ${role}` }])
}

/**
 * Refuses to grant a role (or a set of permissions) holding a permission the granting actor lacks:
 * nobody hands out more than they have. The system actor of the CLI and start-up grants anything.
 */
export async function assertCanGrant(ctx: Ctx, granted: string | readonly Permission[], label = String(granted)): Promise<void> {
  const actor: Actor = ctx.actor
  if (actor.type === 'system') return
  const own = actor.type === 'admin' ? await resolvePermissions(ctx, actor.role) : []
  const wanted = typeof granted === 'string' ? await resolvePermissions(ctx, granted) : granted
  if (!wanted.every((p) => own.includes(p))) throw AuthErrors.roleEscalation(label)
}

export async function listRoles(ctx: Ctx): Promise<AdminRole[]> {
  const custom = await ctx.db.selectFrom('admin_role').selectAll().orderBy('name').execute()
  return [
    ...BUILT_IN_ROLES.map((name) => ({ name, description: DESCRIPTIONS[name], built_in: true, permissions: [...ROLE_PERMISSIONS[name]] })),
    ...custom.map((r) => ({ name: r.name, description: r.description, built_in: false, permissions: parseJson<Permission[]>(r.permissions, []) })),
  ]
}

export async function getRole(ctx: Ctx, name: string): Promise<AdminRole> {
  const role = (await listRoles(ctx)).find((r) => r.name === name)
  if (!role) throw RoleErrors.notFound(name)
  return role
}

/** Creates a custom role with permissions no wider than the caller's own. */
export async function createRole(ctx: Ctx, rawInput: unknown): Promise<AdminRole> {
  const input = parseInput(roleCreateSchema, rawInput)
  await assertCanGrant(ctx, input.permissions, input.name)
  if (isRoleName(input.name) || (await ctx.db.selectFrom('admin_role').select('name').where('name', '=', input.name).executeTakeFirst())) {
    throw RoleErrors.nameTaken(input.name)
  }
  const now = ctx.now().toISOString()
  await ctx.db
    .insertInto('admin_role')
    .values({ name: input.name, description: input.description ?? null, permissions: toJson(input.permissions), created_at: now, updated_at: now })
    .execute()
  return getRole(ctx, input.name)
}

/** Changes a custom role; who holds it gets the new permissions with their next request. */
export async function updateRole(ctx: Ctx, name: string, rawInput: unknown): Promise<AdminRole> {
  const input = parseInput(roleUpdateSchema, rawInput)
  const role = await getRole(ctx, name)
  if (role.built_in) throw RoleErrors.builtIn(name)
  if (input.permissions) await assertCanGrant(ctx, input.permissions, name)
  await ctx.db
    .updateTable('admin_role')
    .set({
      ...(input.description !== undefined && { description: input.description }),
      ...(input.permissions && { permissions: toJson(input.permissions) }),
      updated_at: ctx.now().toISOString(),
    })
    .where('name', '=', name)
    .execute()
  return getRole(ctx, name)
}

/** Deletes a custom role that no admin user or API key holds. */
export async function deleteRole(ctx: Ctx, name: string): Promise<void> {
  const role = await getRole(ctx, name)
  if (role.built_in) throw RoleErrors.builtIn(name)
  const user = await ctx.db.selectFrom('admin_user').select('id').where('role', '=', name).executeTakeFirst()
  const key = await ctx.db.selectFrom('api_key').select('id').where('role', '=', name).where('revoked_at', 'is', null).executeTakeFirst()
  if (user || key) throw RoleErrors.inUse(name)
  await ctx.db.deleteFrom('admin_role').where('name', '=', name).execute()
}
