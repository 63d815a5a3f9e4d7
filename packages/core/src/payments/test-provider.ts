import { createHmac, timingSafeEqual } from 'node:crypto'
import type { PaymentProvider } from '../config/providers.js'
import type {
  PaymentAuthorizeInput,
  PaymentConfirmInput,
  PaymentInitiateInput,
  PaymentOperationResult,
  PaymentResult,
  PaymentWebhookEvent,
} from './payment.js'

/** Card tokens the `test` provider understands. */
export const TEST_PAYMENT_TOKENS = { ok: 'tok_ok', declined: 'tok_declined', threeDSecure: 'tok_3ds' } as const

const SIGNATURE_HEADER = 'x-test-signature'

interface TestPayment {
  session_id: string
  amount: number
  state: 'requires_action' | 'authorized' | 'canceled'
  captured: number
  refunded: number
}

/** The `test` provider with what it was asked, for assertions. */
export interface TestPaymentProvider extends PaymentProvider {
  /** Every call, in order, per method. */
  readonly calls: {
    initiate: PaymentInitiateInput[]
    authorize: PaymentAuthorizeInput[]
    confirm: PaymentConfirmInput[]
    capture: { provider_ref: string; amount: number }[]
    refund: { provider_ref: string; amount: number }[]
    cancel: { provider_ref: string }[]
  }
  /** Payments actually authorized or started: a repeated idempotency key adds none. */
  readonly authorizations: number
  /** Signs a webhook body as the provider would; returns the headers to send with it. */
  signWebhook(rawBody: string): Record<string, string>
}

/**
 * A deterministic provider for tests and demos: `tok_ok` is authorized, `tok_declined` declined,
 * `tok_3ds` answers `requires_action` until `confirm` (`data: { fail: true }` fails the
 * challenge). Capture, refund and cancel check amounts against what was authorized. Each instance
 * keeps its own state in memory.
 * @example const provider = testPaymentProvider(); ...; expect(provider.calls.authorize).toHaveLength(1)
 */
export function testPaymentProvider(options: { webhookSecret?: string } = {}): TestPaymentProvider {
  const secret = options.webhookSecret ?? 'whsec_test'
  const calls: TestPaymentProvider['calls'] = { initiate: [], authorize: [], confirm: [], capture: [], refund: [], cancel: [] }
  const payments = new Map<string, TestPayment>()
  const byKey = new Map<string, PaymentResult>()
  let sequence = 0
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('hex')

  return {
    id: 'test',
    kind: 'payment',
    calls,
    get authorizations() {
      return payments.size
    },

    async initiate(input) {
      calls.initiate.push(input)
      assertAmount(input.amount)
      return { data: { tokens: Object.values(TEST_PAYMENT_TOKENS) } }
    },

    async authorize(input) {
      calls.authorize.push(input)
      assertAmount(input.amount)
      const replay = byKey.get(input.idempotency_key)
      if (replay) return replay
      const token = input.data?.token
      let result: PaymentResult
      if (token === TEST_PAYMENT_TOKENS.ok || token === TEST_PAYMENT_TOKENS.threeDSecure) {
        const provider_ref = `tpay_${++sequence}`
        const challenge = token === TEST_PAYMENT_TOKENS.threeDSecure
        payments.set(provider_ref, {
          session_id: input.session_id,
          amount: input.amount,
          state: challenge ? 'requires_action' : 'authorized',
          captured: 0,
          refunded: 0,
        })
        result = challenge
          ? {
              status: 'requires_action',
              provider_ref,
              action: { type: 'three_d_secure', url: `https://payments.test.invalid/3ds/${provider_ref}` },
            }
          : { status: 'authorized', provider_ref }
      } else {
        result = {
          status: 'declined',
          reason: token === TEST_PAYMENT_TOKENS.declined ? 'card_declined' : token ? 'invalid_token' : 'missing_token',
        }
      }
      byKey.set(input.idempotency_key, result)
      return result
    },

    async confirm(input) {
      calls.confirm.push(input)
      const payment = payments.get(input.provider_ref)
      if (!payment || payment.session_id !== input.session_id) return { status: 'declined', reason: 'unknown_payment' }
      if (payment.state === 'canceled') return { status: 'declined', reason: 'canceled' }
      if (payment.state === 'requires_action') {
        if (input.data?.fail === true) {
          payment.state = 'canceled'
          return { status: 'declined', provider_ref: input.provider_ref, reason: 'authentication_failed' }
        }
        payment.state = 'authorized'
      }
      return { status: 'authorized', provider_ref: input.provider_ref }
    },

    async capture(input) {
      calls.capture.push(input)
      assertAmount(input.amount)
      const payment = payments.get(input.provider_ref)
      if (!payment) return failed('unknown_payment')
      if (payment.state !== 'authorized') return failed(`payment is ${payment.state}`)
      if (payment.captured + input.amount > payment.amount) return failed('amount_exceeds_authorized')
      payment.captured += input.amount
      return ok()
    },

    async refund(input) {
      calls.refund.push(input)
      assertAmount(input.amount)
      const payment = payments.get(input.provider_ref)
      if (!payment) return failed('unknown_payment')
      if (payment.refunded + input.amount > payment.captured) return failed('amount_exceeds_captured')
      payment.refunded += input.amount
      return ok()
    },

    async cancel(input) {
      calls.cancel.push(input)
      const payment = payments.get(input.provider_ref)
      if (!payment) return failed('unknown_payment')
      if (payment.captured > 0) return failed('already_captured')
      payment.state = 'canceled'
      return ok()
    },

    async verifyWebhook(headers, rawBody) {
      const given = headerValue(headers, SIGNATURE_HEADER)
      if (!given || !/^[0-9a-f]{64}$/.test(given)) return undefined
      if (!timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(sign(rawBody), 'hex'))) return undefined
      try {
        const event = JSON.parse(rawBody) as Partial<PaymentWebhookEvent>
        if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.provider_ref !== 'string') return undefined
        return {
          id: event.id,
          type: event.type,
          provider_ref: event.provider_ref,
          ...(typeof event.amount === 'number' && { amount: event.amount }),
        }
      } catch {
        return undefined
      }
    },

    signWebhook(rawBody) {
      return { [SIGNATURE_HEADER]: sign(rawBody) }
    },
  }
}

/** Amounts are minor units: a non-negative safe integer, or the caller has a bug. */
export function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`payment amount must be a non-negative integer in minor units, got ${amount}`)
}

function headerValue(headers: Record<string, string | undefined> | Headers, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const entry = Object.entries(headers as Record<string, string | undefined>).find(([k]) => k.toLowerCase() === name)
  return entry?.[1]
}

const ok = (): PaymentOperationResult => ({ status: 'succeeded' })
const failed = (reason: string): PaymentOperationResult => ({ status: 'failed', reason })
