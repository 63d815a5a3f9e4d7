import { z } from '@hono/zod-openapi'
import { BUILT_IN_ROLES, PERMISSIONS } from '@kassa/core'

const dateTime = z.string().openapi({ format: 'date-time' })
const role = z.string().openapi({ description: `A role: ${BUILT_IN_ROLES.join(', ')}` })

export const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role,
    active: z.boolean().openapi({ description: 'Inactive users cannot sign in and their sessions stop working' }),
    created_at: dateTime,
  })
  .openapi('AdminUser')

export const AdminMeSchema = z
  .object({
    actor_type: z.enum(['admin_user', 'api_key']),
    id: z.string().openapi({ description: 'The admin user id, or the API key id' }),
    email: z.string().nullable(),
    role,
    permissions: z.array(z.enum(PERMISSIONS)).openapi({ description: 'What the caller may do; a UI hides the rest' }),
  })
  .openapi('AdminMe')

export const ApiKeySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    redacted: z.string().openapi({ description: '`sk_…` and the last four characters of the key' }),
    role,
    created_by: z.string().nullable(),
    last_used_at: dateTime.nullable().openapi({ description: 'Recorded to the minute' }),
    revoked_at: dateTime.nullable(),
    created_at: dateTime,
  })
  .openapi('ApiKey')

export const SalesChannelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    is_default: z.boolean(),
    allowed_origins: z.array(z.string()).openapi({ description: 'Browser origins the Store API answers CORS for' }),
    created_at: dateTime,
    updated_at: dateTime,
  })
  .openapi('SalesChannel')

export const PublishableKeySchema = z
  .object({
    id: z.string(),
    token: z.string().openapi({ description: 'The `pk_…` key for x-publishable-api-key: public by design' }),
    title: z.string(),
    sales_channel_id: z.string(),
    revoked_at: dateTime.nullable(),
    created_at: dateTime,
  })
  .openapi('PublishableKey')

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    actor_type: z.enum(['admin_user', 'api_key']),
    actor_id: z.string(),
    operation_id: z.string(),
    method: z.string(),
    path: z.string(),
    entity_id: z.string().nullable(),
    status: z.number().int(),
    created_at: dateTime,
  })
  .openapi('AuditEntry')

export const AdminRoleSchema = z
  .object({
    name: z.string(),
    description: z.string().nullable(),
    built_in: z.boolean().openapi({ description: 'owner, manager, support and read_only: fixed, cannot be changed or deleted' }),
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .openapi('AdminRole')
