import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { FileStorageProvider } from './file-storage.js'

const TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
}

/** The built-in file storage: a folder on local disk, served by the API under `/media/`. */
export function localFileStorage(options: { dir: string; baseUrl: string }): FileStorageProvider {
  const root = resolve(options.dir)
  const pathOf = (key: string) => {
    const path = resolve(join(root, key))
    if (!path.startsWith(`${root}/`)) throw new Error('file key escapes the storage folder')
    return path
  }
  return {
    id: 'local',
    kind: 'file',
    async put(key, body) {
      const path = pathOf(key)
      await mkdir(join(path, '..'), { recursive: true })
      await writeFile(path, body)
      return { url: `${options.baseUrl}/${key}` }
    },
    async get(key) {
      try {
        const body = await readFile(pathOf(key))
        return { body, contentType: TYPES[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream' }
      } catch {
        return undefined
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}
