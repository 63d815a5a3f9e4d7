/**
 * What an admin actor may do: `area:read` / `area:write` permissions, granted by roles. Every
 * Admin API route declares one (docs/adr/0006-permissions-and-keys.md).
 */
export const PERMISSIONS = [
  'catalog:read',
  'catalog:write',
  'inventory:read',
  'inventory:write',
  'orders:read',
  'orders:write',
  'customers:read',
  'customers:write',
  'promotions:read',
  'promotions:write',
  'settings:read',
  'settings:write',
  'webhooks:read',
  'webhooks:write',
  'audit:read',
] as const

export type Permission = (typeof PERMISSIONS)[number]

export const BUILT_IN_ROLES = ['owner', 'manager', 'support', 'read_only'] as const
export type RoleName = (typeof BUILT_IN_ROLES)[number]

const reads = PERMISSIONS.filter((p) => p.endsWith(':read'))

/**
 * The built-in roles. Admin users and secret keys are managed with `settings:write`, which only
 * the owner holds, so no other role can create an account or key more powerful than itself.
 */
export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  owner: PERMISSIONS,
  manager: PERMISSIONS.filter((p) => p !== 'settings:write'),
  support: [...reads, 'orders:write'],
  read_only: reads,
}

export function isRoleName(role: string): role is RoleName {
  return (BUILT_IN_ROLES as readonly string[]).includes(role)
}

/** The permissions a role grants; an unknown role grants nothing. */
export function permissionsOf(role: string): readonly Permission[] {
  return isRoleName(role) ? ROLE_PERMISSIONS[role] : []
}

export function roleHasPermission(role: string, permission: string): boolean {
  return (permissionsOf(role) as readonly string[]).includes(permission)
}
