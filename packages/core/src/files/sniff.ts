/** An image type Kassa accepts for upload, recognised by its first bytes. */
export interface SniffedImage {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/avif'
  extension: 'jpg' | 'png' | 'webp' | 'gif' | 'avif'
  width: number | null
  height: number | null
}

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length))
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8)
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!)

/**
 * The image type of `bytes` by its magic bytes, never by a file name or a client's Content-Type;
 * width and height where the header gives them cheaply. Undefined for anything else, SVG included
 * (an SVG is a document that can carry script, see docs/adr/0013-file-storage.md).
 */
export function sniffImage(bytes: Uint8Array): SniffedImage | undefined {
  if (bytes.length >= 24 && u32be(bytes, 0) === 0x89504e47 && u32be(bytes, 4) === 0x0d0a1a0a && ascii(bytes, 12, 4) === 'IHDR') {
    return { contentType: 'image/png', extension: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) }
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { contentType: 'image/jpeg', extension: 'jpg', ...jpegSize(bytes) }
  }
  if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    return { contentType: 'image/gif', extension: 'gif', width: u16le(bytes, 6), height: u16le(bytes, 8) }
  }
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return { contentType: 'image/webp', extension: 'webp', ...webpSize(bytes) }
  }
  if (bytes.length >= 16 && ascii(bytes, 4, 4) === 'ftyp' && isAvifBrand(bytes)) {
    return { contentType: 'image/avif', extension: 'avif', ...avifSize(bytes) }
  }
  return undefined
}

const UNKNOWN = { width: null, height: null }

function jpegSize(b: Uint8Array): { width: number | null; height: number | null } {
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return UNKNOWN
    const marker = b[at + 1]!
    // Start-of-frame markers (baseline, progressive, ...) carry the size; C4, C8 and CC do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) }
    }
    at += 2 + u16be(b, at + 2)
  }
  return UNKNOWN
}

function webpSize(b: Uint8Array): { width: number | null; height: number | null } {
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 }
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  return UNKNOWN
}

function isAvifBrand(b: Uint8Array): boolean {
  const boxSize = Math.min(u32be(b, 0), b.length)
  if (['avif', 'avis'].includes(ascii(b, 8, 4))) return true
  for (let at = 16; at + 4 <= boxSize; at += 4) if (['avif', 'avis'].includes(ascii(b, at, 4))) return true
  return false
}

/** The first `ispe` (image spatial extents) property: good enough for a listing's width and height. */
function avifSize(b: Uint8Array): { width: number | null; height: number | null } {
  const end = Math.min(b.length, 64 * 1024)
  for (let at = 0; at + 16 <= end; at++) {
    if (b[at] === 0x69 && ascii(b, at, 4) === 'ispe') return { width: u32be(b, at + 8), height: u32be(b, at + 12) }
  }
  return UNKNOWN
}
