import { findPaymentProvider } from '../cart/index.js'
import type { PaymentProvider } from '../config/providers.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import type { PaymentOperationResult } from '../payments/index.js'
import type { Order } from './order.js'
import { assertOpen, completeIfDone, loadForChange, type OrderState, recordOrderChange } from './order-activity.js'
import {
  type CaptureInput,
  captureSchema,
  OrderLifecycleErrors,
  PAYMENT_OPERATION_STALE_MS,
  type PaymentTransaction,
  type RefundInput,
  refundSchema,
} from './order-lifecycle.js'
import * as lifecycle from './order-lifecycle.repository.js'
import { afterCapture, afterRefund, capturable, lineShare, type PaymentAmounts, refundable } from './payment-ledger.js'
import { paymentStatusMachine, paymentStatusOf } from './payment-status.js'
import { findOrder } from './order.repository.js'
import { assertTransition } from './state-machine.js'

export const amountsOf = (s: OrderState): PaymentAmounts => ({
  total: BigInt(s.total),
  captured: BigInt(s.captured_amount),
  refunded: BigInt(s.refunded_amount),
})

/**
 * Captures the order's payment through its provider: all that is left (no amount) or a part.
 * Never more than the total minus what was captured. Writes `order.payment_captured`, and
 * `order.paid` once the whole total is captured.
 * @example await capturePayment(ctx, orderId, { amount: 1000 })
 */
export async function capturePayment(ctx: Ctx, orderId: string, rawInput: CaptureInput = {}): Promise<{ order: Order; transaction: PaymentTransaction }> {
  const input = parseInput(captureSchema, rawInput)
  const { transaction } = await runPaymentOperation(ctx, orderId, 'capture', {
    plan(state) {
      assertOpen(state)
      const amounts = amountsOf(state)
      const amount = input.amount !== undefined ? BigInt(input.amount) : capturable(amounts)
      const next = afterCapture(amounts, amount)
      if (!next) throw OrderLifecycleErrors.exceedsCapturable(Number(capturable(amounts)))
      assertTransition(paymentStatusMachine, state.lifecycle_payment_status, paymentStatusOf(next, state.lifecycle_payment_status))
      return { amount }
    },
    call: (gateway, ref, amount) => gateway.capture({ provider_ref: ref, amount }),
    async apply(tx, state, t) {
      const next = afterCapture(amountsOf(state), BigInt(t.amount))
      if (!next) throw OrderLifecycleErrors.exceedsCapturable(Number(capturable(amountsOf(state))))
      const status = paymentStatusOf(next, state.lifecycle_payment_status)
      assertTransition(paymentStatusMachine, state.lifecycle_payment_status, status)
      const now = tx.now().toISOString()
      await lifecycle.updateOrderState(
        tx.db,
        state.id,
        { captured_amount: Number(next.captured), lifecycle_payment_status: status, outstanding_amount: Math.min(state.outstanding_amount, Number(capturable(next))) },
        now,
      )
      const base = { order_id: state.id, number: Number(state.number), currency_code: state.currency_code }
      await recordOrderChange(tx, state.id, 'order.payment_captured', {
        ...base,
        transaction_id: t.id,
        amount: t.amount,
        captured_amount: Number(next.captured),
        payment_status: status,
      })
      if (status === 'captured') await recordOrderChange(tx, state.id, 'order.paid', { ...base, total: Number(state.total), captured_amount: Number(next.captured) })
      await completeIfDone(tx, state, { payment_status: status, fulfillment_status: state.fulfillment_status, captured: next.captured, total: next.total })
    },
  })
  return { order: (await findOrder(ctx.db, { id: orderId }))!, transaction }
}

/**
 * Refunds through the payment provider: a custom `amount`, or the worth of `lines` (their totals
 * per unit, tax included) and/or the shipping. Never more than captured minus refunded. Writes
 * `refund.created`.
 */
export async function refundPayment(ctx: Ctx, orderId: string, rawInput: RefundInput): Promise<{ order: Order; refund: PaymentTransaction }> {
  const input = parseInput(refundSchema, rawInput)
  const { transaction } = await runPaymentOperation(ctx, orderId, 'refund', {
    async plan(state, order, tx) {
      if (input.return_id && !(await lifecycle.findReturns(tx.db, order.id, input.return_id)).length) {
        throw OrderLifecycleErrors.returnNotFound(input.return_id)
      }
      const amounts = amountsOf(state)
      const amount = input.amount !== undefined ? BigInt(input.amount) : refundWorth(order, input)
      const next = afterRefund(amounts, amount)
      if (!next) throw OrderLifecycleErrors.exceedsRefundable(Number(refundable(amounts)))
      assertTransition(paymentStatusMachine, state.lifecycle_payment_status, paymentStatusOf(next, state.lifecycle_payment_status))
      return { amount, reason: input.reason ?? null, return_id: input.return_id ?? null }
    },
    call: (gateway, ref, amount) => gateway.refund({ provider_ref: ref, amount }),
    async apply(tx, state, t) {
      await applyRefund(tx, state, t)
    },
  })
  return { order: (await findOrder(ctx.db, { id: orderId }))!, refund: transaction }
}

/** Records a refund the provider made: amounts, status and `refund.created`, in the caller's transaction. */
export async function applyRefund(tx: Ctx, state: OrderState, t: PaymentTransaction): Promise<void> {
  const next = afterRefund(amountsOf(state), BigInt(t.amount))
  if (!next) throw OrderLifecycleErrors.exceedsRefundable(Number(refundable(amountsOf(state))))
  const status = paymentStatusOf(next, state.lifecycle_payment_status)
  assertTransition(paymentStatusMachine, state.lifecycle_payment_status, status)
  await lifecycle.updateOrderState(tx.db, state.id, { refunded_amount: Number(next.refunded), lifecycle_payment_status: status }, tx.now().toISOString())
  state.refunded_amount = Number(next.refunded)
  state.lifecycle_payment_status = status
  await recordOrderChange(tx, state.id, 'refund.created', {
    refund_id: t.id,
    order_id: state.id,
    number: Number(state.number),
    amount: t.amount,
    currency_code: state.currency_code,
    reason: t.reason,
    return_id: t.return_id,
    refunded_amount: Number(next.refunded),
    payment_status: status,
  })
}

function refundWorth(order: Order, input: RefundInput): bigint {
  let sum = 0n
  for (const l of input.lines ?? []) {
    const line = order.items.find((i) => i.id === l.line_id)
    if (!line) throw OrderLifecycleErrors.lineNotFound(l.line_id)
    if (l.quantity > line.quantity) throw OrderLifecycleErrors.quantityUnavailable([{ line_id: line.id, requested: l.quantity, available: line.quantity }])
    sum += lineShare(line, l.quantity)
  }
  if (input.shipping) sum += BigInt(order.shipping_total)
  return sum
}

export interface PaymentOperation {
  /** Checks and sizes the operation inside the first transaction; throws when it may not run. */
  plan(state: OrderState, order: Order, tx: Ctx): Promise<{ amount: bigint; reason?: string | null; return_id?: string | null }> | { amount: bigint; reason?: string | null; return_id?: string | null }
  call(gateway: PaymentProvider, providerRef: string, amount: number): Promise<PaymentOperationResult>
  /** Records the outcome in the second transaction (the order is locked again and re-read). */
  apply(tx: Ctx, state: OrderState, transaction: PaymentTransaction): Promise<void>
}

/**
 * A money movement in three steps, the provider called outside any transaction: (1) lock the
 * order, check, write a pending transaction (a second operation on the order waits its turn:
 * `order.payment_in_progress`); (2) call the provider; (3) settle the transaction and apply
 * the amounts, or mark it failed and answer `order.payment_failed`.
 */
export async function runPaymentOperation(
  ctx: Ctx,
  orderId: string,
  kind: PaymentTransaction['kind'],
  op: PaymentOperation,
): Promise<{ transaction: PaymentTransaction }> {
  const { transaction, gateway, ref } = await inTransaction(ctx, async (tx) => {
    const { state, order } = await loadForChange(tx, orderId)
    const now = tx.now()
    const staleBefore = new Date(now.getTime() - PAYMENT_OPERATION_STALE_MS).toISOString()
    if (await lifecycle.findPendingTransaction(tx.db, orderId, staleBefore)) throw OrderLifecycleErrors.paymentInProgress(orderId)
    const planned = await op.plan(state, order, tx)
    const gateway = findPaymentProvider(tx, state.payment_provider_id)
    if (!gateway) throw OrderLifecycleErrors.paymentFailed(`provider ${state.payment_provider_id} is not configured`)
    const transaction: PaymentTransaction = {
      id: tx.newId(kind === 'refund' ? 'ref' : 'ptx'),
      order_id: orderId,
      kind,
      status: 'pending',
      amount: Number(planned.amount),
      reason: planned.reason ?? null,
      return_id: planned.return_id ?? null,
      created_at: now.toISOString(),
    }
    await lifecycle.insertTransaction(tx.db, transaction)
    return { transaction, gateway, ref: state.payment_ref ?? '' }
  })
  let outcome: PaymentOperationResult
  try {
    outcome = await op.call(gateway, ref, transaction.amount)
  } catch (error) {
    outcome = { status: 'failed', reason: error instanceof Error ? error.message : 'provider error' }
  }
  if (outcome.status === 'failed') {
    await inTransaction(ctx, (tx) => lifecycle.settleTransaction(tx.db, transaction.id, 'failed', outcome.reason))
    throw OrderLifecycleErrors.paymentFailed(outcome.reason)
  }
  await inTransaction(ctx, async (tx) => {
    const { state } = await loadForChange(tx, orderId)
    await lifecycle.settleTransaction(tx.db, transaction.id, 'succeeded')
    await op.apply(tx, state, { ...transaction, status: 'succeeded' })
  })
  return { transaction: { ...transaction, status: 'succeeded' } }
}
