import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz' // Crockford base32, lowercase

/** 128 random bits in 26 base32 characters behind a prefix: `prod_3f9...`. */
export function newId(prefix: string): string {
  const bytes = randomBytes(17)
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < 26) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return `${prefix}_${out}`
}

/** A random token for secrets (keys, sessions): 192 bits, URL-safe. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`
}
