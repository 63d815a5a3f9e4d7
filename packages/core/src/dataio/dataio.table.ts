import type { Json, Timestamp } from '../catalog/catalog.table.js'

export interface ImportJobTable {
  id: string
  kind: 'products'
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  filename: string | null
  /** The uploaded file, kept under the data folder's imports/ while the job runs. */
  file_path: string
  /** `{ dry_run, currency, location }` */
  options: Json
  total_bytes: number
  processed_bytes: number
  rows: number
  result: Json | null
  error: Json | null
  created_at: Timestamp
  started_at: Timestamp | null
  finished_at: Timestamp | null
}

export interface DataioTables {
  import_job: ImportJobTable
}
