import type { Bool, Timestamp } from '../catalog/catalog.table.js'

export interface CustomerTable {
  id: string
  email: string
  password_hash: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  email_verified: Bool
  erased_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CustomerSessionTable {
  id: string
  token_hash: string
  customer_id: string
  sales_channel_id: string
  expires_at: Timestamp
  revoked_at: Timestamp | null
  created_at: Timestamp
}

export type CustomerTokenPurpose = 'password_reset' | 'email_verification'

export interface CustomerTokenTable {
  id: string
  token_hash: string
  customer_id: string
  purpose: CustomerTokenPurpose
  /** The address the token was sent to: a verification verifies exactly this email. */
  email: string
  expires_at: Timestamp
  used_at: Timestamp | null
  created_at: Timestamp
}

export interface CustomerAddressTable {
  id: string
  customer_id: string
  first_name: string
  last_name: string
  company: string | null
  address_1: string
  address_2: string | null
  city: string
  postal_code: string
  province: string | null
  country_code: string
  phone: string | null
  is_default_shipping: Bool
  is_default_billing: Bool
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CustomerTables {
  customer: CustomerTable
  customer_session: CustomerSessionTable
  customer_token: CustomerTokenTable
  customer_address: CustomerAddressTable
}
