import { describe, expect, it } from 'vitest'
import { sniffImage } from './sniff.js'

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')
// SOI, a 16-byte APP0 segment, then a baseline frame header of 3x2 pixels.
const JPEG = bytes(
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
  'JFIF\0',
  Array(9).fill(0),
  [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03],
  Array(12).fill(0),
)
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0], [0, 0, 0, 0], [99, 0, 0], [49, 0, 0])
const AVIF = bytes(u32(28), 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf', u32(20), 'ispe', [0, 0, 0, 0], u32(640), u32(480))

describe('sniffImage', () => {
  it.each([
    ['PNG', PNG, { contentType: 'image/png', extension: 'png', width: 1, height: 1 }],
    ['GIF', GIF, { contentType: 'image/gif', extension: 'gif', width: 1, height: 1 }],
    ['JPEG', JPEG, { contentType: 'image/jpeg', extension: 'jpg', width: 3, height: 2 }],
    ['WebP (VP8X)', WEBP, { contentType: 'image/webp', extension: 'webp', width: 100, height: 50 }],
    ['AVIF', AVIF, { contentType: 'image/avif', extension: 'avif', width: 640, height: 480 }],
  ])('recognises %s by its first bytes, with its size', (_, input, expected) => {
    expect(sniffImage(input)).toEqual(expected)
  })

  it.each([
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['SVG with an XML declaration', bytes('<?xml version="1.0"?><svg/>')],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['text', bytes('hello, world')],
    ['HEIC (ftyp, not AVIF)', bytes(u32(24), 'ftypheic', [0, 0, 0, 0], 'mif1heic')],
    ['a truncated PNG signature', PNG.subarray(0, 8)],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_, input) => {
    expect(sniffImage(input)).toBeUndefined()
  })
})
