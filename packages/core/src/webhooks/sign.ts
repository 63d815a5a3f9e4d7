import { createHmac, randomBytes } from 'node:crypto'

/** A new signing secret: `whsec_` + 32 random bytes in base64, as the Standard Webhooks spec shapes it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

/**
 * The three Standard Webhooks headers for one message. The signature is
 * `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)) with the secret's base64 part as key.
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': `v1,${signature}` }
}
