import type { Fixtures, ValidRequest } from './requests.js'

/** The reports read what exists: no fixtures of their own. */
export const REPORT_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  adminReportOverview: () => ({ query: { days: '7', low_stock: '3' } }),
}
