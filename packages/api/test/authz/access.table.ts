import { ANY_ADMIN, type AuthzTable, OWNER } from './table.js'

/** Who is who: sessions, admin users, secret keys, sales channels, the audit log. */
export const ACCESS_TABLE: AuthzTable = {
  adminLogout: { allow: ANY_ADMIN, endsSession: true },
  adminGetMe: ANY_ADMIN,

  adminListUsers: OWNER,
  adminCreateUser: OWNER,
  adminGetUser: OWNER,
  adminUpdateUser: OWNER,
  adminDeactivateUser: OWNER,

  adminListRoles: ANY_ADMIN,
  adminCreateRole: OWNER,
  adminGetRole: ANY_ADMIN,
  adminUpdateRole: OWNER,
  adminDeleteRole: OWNER,

  adminListApiKeys: OWNER,
  adminCreateApiKey: OWNER,
  adminGetApiKey: OWNER,
  adminRevokeApiKey: OWNER,

  adminListSalesChannels: ANY_ADMIN,
  adminCreateSalesChannel: OWNER,
  adminGetSalesChannel: ANY_ADMIN,
  adminUpdateSalesChannel: OWNER,
  adminDeleteSalesChannel: OWNER,
  adminListPublishableKeys: ANY_ADMIN,
  adminCreatePublishableKey: OWNER,
  adminRevokePublishableKey: OWNER,

  adminListAuditLog: ANY_ADMIN,
}
