import { toIso } from '../db/dialect.js'
import type { NotificationProvider } from '../config/providers.js'
import type { KassaEvent } from '../events/event.service.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import type { Ctx } from '../kernel/ctx.js'
// A read across modules: the order as stored, never the event's copy of it.
import { findOrder } from '../orders/order.repository.js'
import { z } from 'zod'
import type { NotificationTemplate, StoredNotification } from './notification.js'
import { listNotificationRows } from './notification.repository.js'
import { renderTemplate, type TemplateData } from './templates.js'

export interface NotificationSettings {
  /** The provider that sends (`database` by default, `smtp` when `KASSA_SMTP_URL` is set). */
  providerId: string
  defaultLocale: string
  /** Where a password reset link points; the token is appended as `?token=`. */
  passwordResetUrl: string
}

function providerOf(ctx: Ctx, id: string): NotificationProvider {
  const provider = ctx.providers?.get('notification', id)
  if (!provider) throw new Error(`notification provider ${id} is not registered`)
  return provider
}

async function send<T extends NotificationTemplate>(ctx: Ctx, settings: NotificationSettings, to: string, template: T, locale: string, data: TemplateData[T], event: KassaEvent) {
  const rendered = renderTemplate(template, locale, data)
  await providerOf(ctx, settings.providerId).send({ to, template, locale: rendered.locale, subject: rendered.subject, text: rendered.text, data: data as Record<string, unknown>, event_id: event.id })
}

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null)

/** `order.placed`: the order confirmation, to the order's email. */
export async function sendOrderConfirmation(ctx: Ctx, settings: NotificationSettings, event: KassaEvent): Promise<void> {
  const order = await findOrder(ctx.db, { id: String(event.data.id ?? event.data.order_id) })
  if (!order) return
  await send(ctx, settings, order.email, 'order_confirmation', str(event.data.locale) ?? settings.defaultLocale, {
    number: order.number,
    total: order.total,
    currency_code: order.currency_code,
    items: order.items.map((i) => ({ title: [i.product_title, i.variant_title].filter(Boolean).join(' - '), quantity: i.quantity, total: i.total })),
  }, event)
}

/** `order.shipped`: the shipping confirmation. Address and number come from the stored order; carrier and tracking from the shipment. */
export async function sendShippingConfirmation(ctx: Ctx, settings: NotificationSettings, event: KassaEvent): Promise<void> {
  const order = await findOrder(ctx.db, { id: String(event.data.order_id ?? event.data.id) })
  if (!order) return
  const trackingUrl = str(event.data.tracking_url)
  await send(ctx, settings, order.email, 'shipping_confirmation', str(event.data.locale) ?? settings.defaultLocale, {
    number: order.number,
    carrier: str(event.data.carrier),
    tracking_number: str(event.data.tracking_number),
    tracking_url: trackingUrl && /^https?:\/\//.test(trackingUrl) ? trackingUrl : null,
  }, event)
}

/** `customer.password_reset_requested` (internal): the reset link. */
export async function sendPasswordReset(ctx: Ctx, settings: NotificationSettings, event: KassaEvent): Promise<void> {
  const email = str(event.data.email)
  const token = str(event.data.token)
  if (!email || !token) return
  const url = new URL(settings.passwordResetUrl)
  url.searchParams.set('token', token)
  await send(ctx, settings, email, 'password_reset', str(event.data.locale) ?? settings.defaultLocale, { reset_url: url.toString(), expires_at: str(event.data.expires_at) ?? '' }, event)
}

const notificationCursor = z.object({ created_at: z.string(), id: z.string() })

/** Messages the `database` provider kept, newest first. */
export async function listNotifications(
  ctx: Ctx,
  query: { limit: number; cursor?: string | undefined; to?: string | undefined; template?: string | undefined },
): Promise<{ data: StoredNotification[]; next_cursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, notificationCursor) : undefined
  const rows = await listNotificationRows(ctx.db, { limit: query.limit, to: query.to, template: query.template, after })
  const page = rows.slice(0, query.limit).map((r) => ({ ...r, created_at: toIso(r.created_at) }))
  const last = page.at(-1)
  return { data: page, next_cursor: rows.length > query.limit && last ? encodeCursor({ created_at: last.created_at, id: last.id }) : null }
}
