import { hash, verify } from '@node-rs/argon2'

/** argon2id at OWASP's minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

let verifications = 0
let dummyHash: Promise<string> | undefined

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
}

/**
 * Checks a password against a stored hash; without a hash (unknown account) it verifies against a
 * dummy one, so both answers cost the same.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password')
  verifications += 1
  const target = storedHash && storedHash.startsWith('$argon2') ? storedHash : await dummyHash
  const ok = await verify(target, password).catch(() => false)
  return ok && target === storedHash
}

/** How many password hashes this process has verified: what throttling is measured by. */
export function passwordVerificationCount(): number {
  return verifications
}
