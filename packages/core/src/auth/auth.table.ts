import type { DefaultedBool, Timestamp } from '../catalog/catalog.table.js'

export interface AdminUserTable {
  id: string
  email: string
  password_hash: string
  role: string
  active: DefaultedBool
  created_at: Timestamp
  updated_at: Timestamp
}

export interface AdminSessionTable {
  id: string
  token_hash: string
  admin_user_id: string
  expires_at: Timestamp
  revoked_at: Timestamp | null
  created_at: Timestamp
}

/** A custom role; the built-in ones live in code (permissions.ts). */
export interface AdminRoleTable {
  name: string
  description: string | null
  /** JSON array of permissions. */
  permissions: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ApiKeyTable {
  id: string
  title: string
  token_hash: string
  /** `sk_…` plus the last four characters: enough to recognise a key, useless to use it. */
  redacted: string
  role: string
  created_by: string | null
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
  created_at: Timestamp
}

export interface AuditLogTable {
  id: string
  actor_type: 'admin_user' | 'api_key'
  actor_id: string
  operation_id: string
  method: string
  path: string
  entity_id: string | null
  status: number
  created_at: Timestamp
}

export interface AuthTables {
  admin_user: AdminUserTable
  admin_session: AdminSessionTable
  admin_role: AdminRoleTable
  api_key: ApiKeyTable
  audit_log: AuditLogTable
}
