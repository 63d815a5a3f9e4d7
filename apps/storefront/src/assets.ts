import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { CLIENT_JS } from './client.js'
import { STYLES } from './styles.js'

export interface Asset {
  path: string
  type: string
  body: string
  gzip: Uint8Array
}

function asset(name: string, ext: string, type: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  // The hash in the name lets browsers keep the file for a year: a change makes a new name.
  return { path: `/assets/${name}.${hash}.${ext}`, type, body, gzip: gzipSync(body, { level: 9 }) }
}

export const CSS = asset('shop', 'css', 'text/css; charset=utf-8', STYLES.trim())
export const JS = asset('shop', 'js', 'text/javascript; charset=utf-8', CLIENT_JS)
export const ASSETS = [CSS, JS]
