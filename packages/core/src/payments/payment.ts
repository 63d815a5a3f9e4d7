/**
 * The payment provider contract's data. Amounts are always integers in the minor units of
 * `currency_code` as Kassa counts them (ISO 4217 exponent: JPY 0, EUR 2, KWD 3); a provider whose
 * API uses another exponent converts at its edge with `currencyExponent`. Card data never reaches
 * Kassa: `data.token` is the provider's token for it.
 */
export type PaymentStatus = 'authorized' | 'requires_action' | 'declined' | 'pending'

export interface PaymentInitiateInput {
  session_id: string
  amount: number
  currency_code: string
}

export interface PaymentAuthorizeInput {
  session_id: string
  amount: number
  currency_code: string
  data?: { token?: string }
  /** The same key must give the same outcome and never a second charge. */
  idempotency_key: string
}

export interface PaymentConfirmInput {
  session_id: string
  provider_ref: string
  data?: Record<string, unknown>
}

/** The outcome of authorize or confirm: declines are answers, not exceptions. */
export interface PaymentResult {
  status: PaymentStatus
  /** The provider's id of the payment, for capture, refund and cancel. */
  provider_ref?: string
  /** Why it was declined (`card_declined`, `invalid_token`, ...). */
  reason?: string
  /** What the buyer must do next (`requires_action`), e.g. a 3-D Secure redirect. */
  action?: unknown
}

/** The outcome of capture, refund or cancel. */
export type PaymentOperationResult = { status: 'succeeded' } | { status: 'failed'; reason: string }

/** A verified event from the provider's webhook. */
export interface PaymentWebhookEvent {
  id: string
  type: 'payment.authorized' | 'payment.declined' | 'payment.captured' | 'payment.refunded' | 'payment.canceled'
  provider_ref: string
  amount?: number
}
