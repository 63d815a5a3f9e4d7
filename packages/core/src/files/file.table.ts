import type { Timestamp } from '../catalog/catalog.table.js'

export interface UploadedFileTable {
  id: string
  storage: string
  key: string
  url: string
  original_name: string | null
  content_type: string
  size_bytes: number
  sha256: string
  width: number | null
  height: number | null
  created_by: string | null
  created_at: Timestamp
}

export interface FileTables {
  uploaded_file: UploadedFileTable
}
