import { createHash } from 'node:crypto'
import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { BUILT_IN_ROLES, type Permission } from './permissions.js'

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

export const adminRoleSchema = z.enum(BUILT_IN_ROLES)

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
