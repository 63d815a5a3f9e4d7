import nodemailer from 'nodemailer'
import type { Kysely } from 'kysely'
import type { NotificationProvider } from '../config/providers.js'
import type { Database } from '../db/database.js'
import { newId } from '../kernel/ids.js'
import type { NotificationMessage } from './notification.js'

/**
 * The default provider: keeps every message in the `notification` table, where the Admin API lists
 * them (`GET /admin/notifications`). Nothing leaves the machine.
 */
export function databaseNotificationProvider(db: Kysely<Database>, clock: () => Date = () => new Date()): NotificationProvider {
  return {
    id: 'database',
    kind: 'notification',
    async send(message: NotificationMessage) {
      await db
        .insertInto('notification')
        .values({
          id: newId('ntf'),
          provider_id: 'database',
          to: message.to,
          template: message.template,
          locale: message.locale,
          subject: message.subject,
          text: message.text,
          event_id: message.event_id ?? null,
          created_at: clock().toISOString(),
        })
        .execute()
    },
  }
}

/** Sends messages over SMTP (`KASSA_SMTP_URL`, e.g. `smtps://user:pass@mail.example.com:465`). */
export function smtpNotificationProvider(options: { url: string; from: string }): NotificationProvider & { close(): void } {
  const transport = nodemailer.createTransport(options.url)
  return {
    id: 'smtp',
    kind: 'notification',
    async send(message: NotificationMessage) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, headers: { 'content-language': message.locale } })
    },
    close: () => transport.close(),
  }
}
