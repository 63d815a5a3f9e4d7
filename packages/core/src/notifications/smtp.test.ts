import { SMTPServer } from 'smtp-server'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatchEvents } from '../events/dispatcher.js'
import { recordEvent } from '../events/event.service.js'
import { createTestCtx } from '../testing/index.js'

interface Mail {
  from: string
  to: string[]
  raw: string
}

async function startSmtpReceiver() {
  const mails: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as { port: number }
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

describe('the SMTP notification provider', () => {
  it('sends the password reset in the customer’s locale to a real SMTP receiver, from the event worker', async () => {
    const smtp = await startSmtpReceiver()
    const ctx = await createTestCtx({ smtpUrl: smtp.url, notificationFrom: 'Shop <shop@example.com>', passwordResetUrl: 'https://shop.example.com/reset' })
    cleanups.push(() => smtp.close(), () => ctx.close())
    await recordEvent(ctx, 'customer.password_reset_requested', {
      customer_id: 'cus_1',
      email: 'klant@example.nl',
      token: 'rst_secret123',
      expires_at: '2026-01-01T01:00:00.000Z',
      locale: 'nl',
    })
    // Nothing is sent before the worker runs: sending is never part of the writing transaction.
    expect(smtp.mails).toHaveLength(0)
    await dispatchEvents(ctx, ctx.commerce.events.list())
    expect(smtp.mails).toHaveLength(1)
    const mail = smtp.mails[0]!
    expect(mail.from).toBe('shop@example.com')
    expect(mail.to).toEqual(['klant@example.nl'])
    expect(mail.raw).toContain('Subject: Stel je wachtwoord opnieuw in')
    expect(mail.raw.replace(/=\r\n/g, '')).toContain('https://shop.example.com/reset?token=3Drst_secret123')
    // Sent by SMTP, not kept in the database.
    expect(await ctx.db.selectFrom('notification').selectAll().execute()).toEqual([])
  })

  it('retries the event when the SMTP server is unreachable', async () => {
    const smtp = await startSmtpReceiver()
    await smtp.close()
    const ctx = await createTestCtx({ smtpUrl: smtp.url })
    cleanups.push(() => ctx.close())
    await recordEvent(ctx, 'customer.password_reset_requested', { customer_id: 'cus_2', email: 'a@example.com', token: 't', expires_at: 'x', locale: 'en' })
    const errors: unknown[] = []
    await dispatchEvents(ctx, ctx.commerce.events.list(), { onError: (e) => errors.push(e) })
    expect(errors).toHaveLength(1)
    const receipt = await ctx.db.selectFrom('event_receipt').selectAll().where('consumer', '=', 'notifications.password_reset').executeTakeFirstOrThrow()
    expect(receipt).toMatchObject({ status: 'failed', attempts: 1 })
  })
})
