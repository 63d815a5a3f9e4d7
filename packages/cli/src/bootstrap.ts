import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { type Commerce, countAdminUsers, createAdminUser } from '@kassa/core'

export interface AdminLogin {
  email: string
  password: string
}

const DEMO_EMAIL = 'admin@kassa.demo'

/**
 * Creates the first admin: the owner from KASSA_ADMIN_EMAIL/KASSA_ADMIN_PASSWORD when set, else in
 * demo mode a demo admin whose random password is kept (mode 0600) under the data folder so every
 * start can print it. Returns the login to print, if any.
 */
export async function bootstrapAdmin(commerce: Commerce): Promise<AdminLogin | undefined> {
  const ctx = commerce.ctx()
  const { admin, demo, dataDir } = commerce.config
  const hasAdmins = (await countAdminUsers(ctx)) > 0
  if (admin) {
    if (!hasAdmins) await createAdminUser(ctx, { email: admin.email, password: admin.password, role: 'owner' })
    return undefined
  }
  if (!demo) return undefined
  const file = join(dataDir, 'demo-admin.json')
  if (hasAdmins && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as AdminLogin
  if (hasAdmins) return undefined
  const login = { email: DEMO_EMAIL, password: randomBytes(9).toString('base64url') }
  await createAdminUser(ctx, { ...login, role: 'owner' })
  // On PostgreSQL nothing else has made the data folder yet.
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, JSON.stringify(login), { mode: 0o600 })
  return login
}
