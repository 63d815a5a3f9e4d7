import { ANY_ADMIN, type AuthzTable, MANAGERS } from './table.js'

/** Uploading and deleting media writes the catalog (owner, manager); listing reads it. */
export const UPLOADS_TABLE: AuthzTable = {
  adminCreateUpload: MANAGERS,
  adminListUploads: ANY_ADMIN,
  adminDeleteUpload: MANAGERS,
}
