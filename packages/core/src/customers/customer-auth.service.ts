import { createHash } from 'node:crypto'
import { AuthErrors } from '../auth/auth.js'
import { hashPassword, verifyPassword } from '../auth/password.js'
import { ACCOUNT_THROTTLE, clearThrottle, IP_THROTTLE, takeAttempts, type ThrottlePolicy } from '../auth/throttle.js'
import { claimGuestCart } from '../cart/index.js'
import { recordEvent } from '../events/index.js'
import type { Actor, Ctx } from '../kernel/ctx.js'
import { inTransaction } from '../kernel/ctx.js'
import { newToken } from '../kernel/ids.js'
import { parseInput } from '../kernel/validate.js'
import {
  type ChangePasswordInput,
  changePasswordSchema,
  type CustomerLoginInput,
  customerLoginSchema,
  CustomerErrors,
  type CustomerSession,
  CustomerSessionErrors,
  EMAIL_VERIFICATION_HOURS,
  PASSWORD_RESET_MINUTES,
  passwordResetRequestSchema,
  passwordResetSchema,
  SESSION_DAYS,
  verificationRequestSchema,
  verifyEmailSchema,
} from './customer.js'
import * as repo from './customer.repository.js'
import { checkCurrentPassword, type ClientInfo, requireCustomer } from './customer.service.js'

/** Prefixes tell a customer session from other bearer tokens (`kas_` admin sessions, `sk_` keys). */
const SESSION_PREFIX = 'kcs'
const RESET_PREFIX = 'kcr'
const VERIFY_PREFIX = 'kcv'

const accountKey = (email: string) => `customer:email:${email}`

/** Reset links per email address: three, then one per minute doubling to one per hour (the same for unknown addresses). */
const RESET_THROTTLE: ThrottlePolicy = { free: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000, resetAfterMs: 3_600_000 }

/**
 * Signs a customer in to the ctx's sales channel and returns an opaque session token (stored
 * hashed). An unknown email and a wrong password answer the same `auth.invalid_credentials`
 * after the same work (a hash is verified either way); repeated failures per address and per
 * account wait longer and longer (`auth.too_many_attempts`, no hash verified). With `cart_id`
 * a guest cart becomes the customer's. See docs/adr/0005-customer-sessions.md.
 */
export async function loginCustomer(ctx: Ctx, rawInput: CustomerLoginInput, client: ClientInfo = {}): Promise<CustomerSession> {
  const input = parseInput(customerLoginSchema, rawInput)
  if (!ctx.channel) throw new Error('loginCustomer needs a sales channel in the ctx')
  await takeAttempts(ctx, [
    ...(client.ip ? [{ key: `customer:ip:${client.ip}`, policy: IP_THROTTLE }] : []),
    { key: accountKey(input.email), policy: ACCOUNT_THROTTLE },
  ])
  const row = await repo.findCustomer(ctx.db, { email: input.email })
  const ok = await verifyPassword(row && !row.erased_at ? row.password_hash : undefined, input.password)
  if (!row || !ok) throw AuthErrors.invalidCredentials()
  await clearThrottle(ctx, accountKey(input.email))
  const token = newToken(SESSION_PREFIX)
  const now = ctx.now()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString()
  await repo.insertSession(ctx.db, {
    id: ctx.newId('csess'),
    token_hash: sha256(token),
    customer_id: row.id,
    sales_channel_id: ctx.channel.id,
    expires_at: expiresAt,
    created_at: now.toISOString(),
  })
  const cartId = input.cart_id ? await claimGuestCart({ ...ctx, actor: { type: 'customer', id: row.id } }, input.cart_id, row.id) : null
  return { token, expires_at: expiresAt, customer: repo.publicCustomer(row), cart_id: cartId }
}

/**
 * The customer behind a bearer token on the Store API. Unknown or altered tokens are
 * `customer_session.invalid`; an admin token or another channel's session is
 * `customer_session.wrong_audience`; then `revoked` and `expired`.
 */
export async function authenticateCustomer(ctx: Ctx, token: string): Promise<Actor & { type: 'customer' }> {
  if (!token.startsWith(`${SESSION_PREFIX}_`)) {
    throw /^(kas|sk)_/.test(token) ? CustomerSessionErrors.wrongAudience() : CustomerSessionErrors.invalid()
  }
  const session = await repo.findSession(ctx.db, sha256(token))
  if (!session) throw CustomerSessionErrors.invalid()
  if (ctx.channel && session.sales_channel_id !== ctx.channel.id) throw CustomerSessionErrors.wrongAudience()
  if (session.revoked_at || session.erased) throw CustomerSessionErrors.revoked()
  if (new Date(session.expires_at).getTime() <= ctx.now().getTime()) throw CustomerSessionErrors.expired()
  return { type: 'customer', id: session.customer_id }
}

/** Signs out: the token stops working at once. */
export async function logoutCustomer(ctx: Ctx, token: string): Promise<void> {
  requireCustomer(ctx)
  const session = await repo.findSession(ctx.db, sha256(token))
  if (session) await repo.revokeSessions(ctx.db, { id: session.id }, ctx.now().toISOString())
}

/** Changes the password (the current one is checked, throttled like a login) and signs out every other session. */
export async function changePassword(ctx: Ctx, rawInput: ChangePasswordInput, currentToken: string, client: ClientInfo = {}): Promise<void> {
  const id = requireCustomer(ctx)
  const input = parseInput(changePasswordSchema, rawInput)
  const row = await repo.findCustomer(ctx.db, { id })
  if (!row) throw CustomerErrors.notFound(id)
  await checkCurrentPassword(ctx, row, input.current_password, client)
  const passwordHash = await hashPassword(input.new_password)
  const current = await repo.findSession(ctx.db, sha256(currentToken))
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString()
    await repo.updateCustomerRow(tx.db, id, { password_hash: passwordHash, updated_at: now })
    await repo.revokeSessions(tx.db, { customerId: id, ...(current && { keep: current.id }) }, now)
    await recordEvent(tx, 'customer.updated', { id, fields: ['password'] })
  })
}

/**
 * Starts a password reset. Answers the same whether or not the email has an account (also when
 * too many links were asked for one address: `auth.too_many_attempts` either way); for an
 * account it writes a single-use token (stored hashed, valid one hour) into the internal event
 * `customer.password_reset_requested`, which notification senders deliver and webhooks never carry.
 */
export async function requestPasswordReset(ctx: Ctx, rawInput: unknown): Promise<void> {
  const input = parseInput(passwordResetRequestSchema, rawInput)
  await takeAttempts(ctx, [{ key: `customer:reset:${input.email}`, policy: RESET_THROTTLE }])
  const row = await repo.findCustomer(ctx.db, { email: input.email })
  if (!row || row.erased_at) return
  await issueToken(ctx, row.id, row.email, 'password_reset', PASSWORD_RESET_MINUTES * 60_000, input.locale)
}

/** Sets a new password with a reset token (once); every session of the account is signed out. */
export async function resetPassword(ctx: Ctx, rawInput: unknown): Promise<void> {
  const input = parseInput(passwordResetSchema, rawInput)
  const passwordHash = await hashPassword(input.password)
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString()
    const token = await repo.consumeToken(tx.db, sha256(input.token), 'password_reset', now)
    const row = token && (await repo.findCustomer(tx.db, { id: token.customer_id }))
    if (!token || !row || row.email !== token.email) throw CustomerErrors.tokenInvalid()
    await repo.updateCustomerRow(tx.db, row.id, { password_hash: passwordHash, updated_at: now })
    await repo.revokeSessions(tx.db, { customerId: row.id }, now)
    await clearThrottle(tx, accountKey(row.email))
    await recordEvent(tx, 'customer.updated', { id: row.id, fields: ['password'] })
  })
}

/** Sends the signed-in customer a link to verify their current email (internal event `customer.verification_requested`). */
export async function requestEmailVerification(ctx: Ctx, rawInput: unknown): Promise<void> {
  const id = requireCustomer(ctx)
  const input = parseInput(verificationRequestSchema, rawInput)
  const row = await repo.findCustomer(ctx.db, { id })
  if (!row) throw CustomerErrors.notFound(id)
  await issueToken(ctx, row.id, row.email, 'email_verification', EMAIL_VERIFICATION_HOURS * 3_600_000, input.locale)
}

/**
 * Marks the email verified with a verification token (once; only for the address it was sent to).
 * From then on the guest orders placed with that email show in the account.
 */
export async function verifyEmail(ctx: Ctx, rawInput: unknown): Promise<void> {
  const input = parseInput(verifyEmailSchema, rawInput)
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString()
    const token = await repo.consumeToken(tx.db, sha256(input.token), 'email_verification', now)
    const row = token && (await repo.findCustomer(tx.db, { id: token.customer_id }))
    if (!token || !row || row.email !== token.email) throw CustomerErrors.tokenInvalid()
    await repo.updateCustomerRow(tx.db, row.id, { email_verified: true, updated_at: now })
    await recordEvent(tx, 'customer.updated', { id: row.id, fields: ['email_verified'] })
  })
}

async function issueToken(
  ctx: Ctx,
  customerId: string,
  email: string,
  purpose: 'password_reset' | 'email_verification',
  validMs: number,
  locale: string | undefined,
): Promise<void> {
  const token = newToken(purpose === 'password_reset' ? RESET_PREFIX : VERIFY_PREFIX)
  const now = ctx.now()
  const expiresAt = new Date(now.getTime() + validMs).toISOString()
  await inTransaction(ctx, async (tx) => {
    await repo.insertToken(tx.db, {
      id: tx.newId('ctok'),
      token_hash: sha256(token),
      customer_id: customerId,
      purpose,
      email,
      expires_at: expiresAt,
      created_at: now.toISOString(),
    })
    const type = purpose === 'password_reset' ? 'customer.password_reset_requested' : 'customer.verification_requested'
    await recordEvent(tx, type, { customer_id: customerId, email, token, expires_at: expiresAt, locale: locale ?? null })
  })
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
