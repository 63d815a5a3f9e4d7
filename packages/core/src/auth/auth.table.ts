import type { Timestamp } from '../catalog/catalog.table.js'

export interface AdminUserTable {
  id: string
  email: string
  password_hash: string
  role: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface AdminSessionTable {
  id: string
  token_hash: string
  admin_user_id: string
  expires_at: Timestamp
  created_at: Timestamp
}

export interface AuthTables {
  admin_user: AdminUserTable
  admin_session: AdminSessionTable
}
