/**
 * Stores uploaded files (product media) and gives them back by key. The built-in `local` provider
 * keeps them under `<dataDir>/files` and the API serves them at `/media/<key>`; `s3` keeps them in
 * an S3-compatible bucket. Keys are relative paths without `..`.
 */
export interface FileStorageProvider {
  id: string
  kind: 'file'
  /** Writes the bytes under `key` and answers the URL clients load them from. */
  put(key: string, body: Uint8Array, contentType: string): Promise<{ url: string }>
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined>
  /** Removes the file; removing a missing key is not an error. */
  delete(key: string): Promise<void>
}
