import { EVERYONE, type AuthzTable } from './table.js'

export const SYSTEM_TABLE: AuthzTable = {
  health: EVERYONE,
  ready: EVERYONE,
  // Signing in needs no credential; the matrix sends valid credentials of a real user.
  adminLogin: EVERYONE,
}
