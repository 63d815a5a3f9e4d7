import { passwordVerificationCount, registerCustomer } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, createTestApi, type TestApi } from './helpers.js'

// Throttling is counted (password hashes verified), never timed.
let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

async function login(path: string, body: unknown, ip?: string): Promise<Response> {
  return api.app.fetch(
    new Request(`http://kassa.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-publishable-api-key': api.publishableKey, ...(ip && { 'x-forwarded-for': ip }) },
      body: JSON.stringify(body),
    }),
  )
}

async function burst(count: number, make: (i: number) => Promise<Response>) {
  const before = passwordVerificationCount()
  const responses = await Promise.all(Array.from({ length: count }, (_, i) => make(i)))
  const statuses: Record<number, number> = {}
  const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as { code: string } })))
  for (const r of bodies) statuses[r.status] = (statuses[r.status] ?? 0) + 1
  if (process.env.KASSA_PRINT_THROTTLE) console.log(`verified ${passwordVerificationCount() - before} of ${count}`, statuses)
  return { verified: passwordVerificationCount() - before, statuses, bodies }
}

describe('login throttling', () => {
  it('lets at most ~15 of 1,000 concurrent wrong guesses at one account reach a password check', async () => {
    await registerCustomer(api.commerce.ctx(), { email: 'target@example.com', password: 'the real password' })
    const result = await burst(1000, (i) => login('/store/auth/login', { email: 'target@example.com', password: `guess ${i}` }, `203.0.113.${i % 250}`))
    expect(result.verified).toBeGreaterThan(0)
    expect(result.verified).toBeLessThanOrEqual(15)
    expect(result.statuses[401]).toBe(result.verified)
    expect(result.statuses[429]).toBe(1000 - result.verified)
    const limited = result.bodies.filter((r) => r.status === 429)
    expect(new Set(limited.map((r) => r.body.code))).toEqual(new Set(['auth.too_many_attempts']))
    expect(limited.every((r) => Number(r.retryAfter) >= 1)).toBe(true)
  })

  it('lets at most ~15 of 1,000 concurrent guesses from one address at many accounts reach a password check', async () => {
    const result = await burst(1000, (i) => login('/store/auth/login', { email: `victim${i}@example.com`, password: 'Summer2026!' }, '198.51.100.7'))
    expect(result.verified).toBeLessThanOrEqual(15)
    expect(result.statuses[429]).toBe(1000 - result.verified)
  })

  it('verifies a hash for an unknown email as for a wrong password, and answers alike', async () => {
    await registerCustomer(api.commerce.ctx(), { email: 'known@example.com', password: 'the real password' })
    const before = passwordVerificationCount()
    const wrong = await login('/store/auth/login', { email: 'known@example.com', password: 'wrong password' }, '192.0.2.1')
    expect(passwordVerificationCount() - before).toBe(1)
    const unknown = await login('/store/auth/login', { email: 'unknown@example.com', password: 'wrong password' }, '192.0.2.2')
    expect(passwordVerificationCount() - before).toBe(2)
    const [a, b] = [(await wrong.json()) as Record<string, unknown>, (await unknown.json()) as Record<string, unknown>]
    expect(wrong.status).toBe(unknown.status)
    expect({ ...a, request_id: '' }).toEqual({ ...b, request_id: '' })
  })

  it('throttles admin login the same way', async () => {
    const result = await burst(200, (i) => login('/admin/auth/login', { email: ADMIN.email, password: `guess ${i}` }))
    expect(result.verified).toBeLessThanOrEqual(15)
    expect(result.statuses[429]).toBe(200 - result.verified)
    expect(result.bodies.find((r) => r.status === 429)?.body.code).toBe('auth.too_many_attempts')
  })

  it('limits sign-ups per address (each costs a hash and could probe for accounts)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const res = await login('/store/customers', { email: `signup${i}@example.com`, password: 'a long enough secret' }, '192.0.2.77')
      statuses.push(res.status)
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429, 429])
    const other = await login('/store/customers', { email: 'signup-other@example.com', password: 'a long enough secret' }, '192.0.2.78')
    expect(other.status).toBe(201)
  })

  it('keeps the counts in the database, where every process sees them', async () => {
    const rows = await api.commerce.db.selectFrom('auth_throttle').select(['key', 'attempts']).execute()
    const keys = rows.map((r) => r.key)
    expect(keys).toEqual(expect.arrayContaining(['customer:email:target@example.com', 'customer:ip:198.51.100.7', 'admin:email:owner@example.com']))
  })
})
