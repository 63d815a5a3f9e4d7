import { ANY_ADMIN, type AuthzTable } from './table.js'

/** Every admin reads the dashboard's figures (`orders:read`). */
export const REPORTS_TABLE: AuthzTable = {
  adminReportOverview: ANY_ADMIN,
}
