import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createImportJob, importsDir, runImportJob } from '@kassa/core'
import type { TestApi } from '../helpers.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** A CSV in the data folder's imports/ folder and a finished import of it. */
export interface DataioFixtures {
  importPath: string
  importId: string
}

const FIXTURE = new URL('../../../core/src/dataio/fixtures/shopify-products.csv', import.meta.url)

export async function createDataioFixtures(api: TestApi): Promise<DataioFixtures> {
  const dir = importsDir(api.commerce.config.dataDir)
  mkdirSync(dir, { recursive: true })
  copyFileSync(FIXTURE, join(dir, 'fixture.csv'))
  const ctx = api.commerce.ctx()
  const job = await createImportJob(ctx, {
    filePath: join(dir, 'fixture.csv'),
    filename: 'fixture.csv',
    totalBytes: 0,
    temporary: false,
    dryRun: true,
  })
  await runImportJob(ctx, job.id)
  return { importPath: 'fixture.csv', importId: job.id }
}

export const DATAIO_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  // A dry run that finishes before the answer: the base request leaves nothing running behind it.
  adminStartImport: (f) => ({ body: { path: f.dataio.importPath, dry_run: true, currency: 'EUR', wait: true } }),
  adminGetImport: (f) => ({ path: { id: f.dataio.importId } }),
  adminExportProducts: () => ({ query: { format: 'shopify-csv', currency: 'EUR' } }),
  storeGoogleProductFeed: (f) => ({ query: { region_id: f.regions.regionId, locale: 'en' } }),
  adminExportOrders: () => ({ query: { from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' } }),
  adminExportCustomers: () => ({}),
}
