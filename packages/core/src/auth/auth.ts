import { createHash } from 'node:crypto'
import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { BUILT_IN_ROLES, type Permission, PERMISSIONS } from './permissions.js'

export const AuthErrors = {
  invalidCredentials: defineError('auth.invalid_credentials', 'unauthenticated', () => 'Email or password is wrong'),
  unauthenticated: defineError('auth.unauthenticated', 'unauthenticated', () => 'Sign in first: send Authorization: Bearer <token>'),
  sessionExpired: defineError('auth.session_expired', 'unauthenticated', () => 'The session has expired or was revoked'),
  tokenInvalid: defineError('auth.token_invalid', 'unauthenticated', () => 'The bearer token is not one this server issued'),
  apiKeyInvalid: defineError('auth.api_key_invalid', 'unauthenticated', () => 'The secret API key is unknown or revoked'),
  forbidden: defineError('auth.forbidden', 'forbidden', (permission: string) => `This needs the permission ${permission}`),
  roleEscalation: defineError('auth.role_escalation', 'forbidden', (role: string) => `You cannot grant the role ${role}: it holds permissions you lack`),
  emailTaken: defineError('admin_user.email_taken', 'conflict', (email: string) => `An admin user with email ${email} exists`),
}

/** A role name: a built-in role or a custom one (the services check it exists). */
export const adminRoleSchema = z.string().trim().min(1).max(40)

export const adminLoginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1000),
})

export const adminUserCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(10).max(1000),
  role: adminRoleSchema.default('manager'),
})

export interface AdminUser {
  id: string
  email: string
  role: string
  active: boolean
  created_at: string
}

/** Who is calling the Admin API, and what they may do. */
export interface AdminMe {
  actor_type: 'admin_user' | 'api_key'
  id: string
  email: string | null
  role: string
  permissions: Permission[]
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export const AdminUserErrors = {
  notFound: defineError('admin_user.not_found', 'not_found', (id: string) => `Admin user ${id} not found`),
  lastOwner: defineError('admin_user.last_owner', 'conflict', () => 'The shop needs at least one active owner'),
}

export const adminUserUpdateSchema = z.strictObject({
  role: adminRoleSchema.optional(),
  active: z.boolean().optional(),
})

export const ApiKeyErrors = {
  notFound: defineError('api_key.not_found', 'not_found', (id: string) => `API key ${id} not found`),
}

export const apiKeyCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  role: adminRoleSchema,
})

/** A secret API key as listed: never the key itself, which is shown once at creation. */
export interface ApiKey {
  id: string
  title: string
  redacted: string
  role: string
  created_by: string | null
  last_used_at: string | null
  revoked_at: string | null
  created_at: string
}

/** One admin write: who (an admin user or a secret key), what, when, on which entity, with what outcome. */
export interface AuditEntry {
  id: string
  actor_type: 'admin_user' | 'api_key'
  actor_id: string
  operation_id: string
  method: string
  path: string
  entity_id: string | null
  status: number
  created_at: string
}

export const auditLogQuerySchema = z.strictObject({
  actor_id: z.string().max(64).optional(),
  entity_id: z.string().max(64).optional(),
  operation_id: z.string().max(100).optional(),
  created_after: z.iso.datetime({ offset: true }).optional(),
  created_before: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
})

export const RoleErrors = {
  notFound: defineError('role.not_found', 'not_found', (name: string) => `Role ${name} not found`),
  nameTaken: defineError('role.name_taken', 'conflict', (name: string) => `A role named ${name} exists`),
  builtIn: defineError('role.built_in', 'conflict', (name: string) => `The built-in role ${name} cannot be changed or deleted`),
  inUse: defineError('role.in_use', 'conflict', (name: string) => `Admin users or API keys hold the role ${name}`),
}

const permissionList = z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).refine((l) => new Set(l).size === l.length, 'each permission once')

export const roleCreateSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lowercase letters, digits and underscores, starting with a letter'),
  description: z.string().max(500).nullable().optional(),
  permissions: permissionList,
})

export const roleUpdateSchema = z.strictObject({
  description: z.string().max(500).nullable().optional(),
  permissions: permissionList.optional(),
})

/** A role and what it grants; built-in roles cannot be changed. */
export interface AdminRole {
  name: string
  description: string | null
  built_in: boolean
  permissions: Permission[]
}

export const BUILT_IN_ROLE_NAMES: readonly string[] = BUILT_IN_ROLES
