import { createServer, type IncomingHttpHeaders } from 'node:http'
import { Webhook } from 'standardwebhooks'

export interface ReceivedWebhook {
  id: string
  type: string
  timestamp: string
  data: Record<string, any>
  /** The receiving endpoint's verdict: the Standard Webhooks library checked the signature. */
  verified: boolean
}

/**
 * A local HTTP endpoint that verifies every request with the official `standardwebhooks` library
 * and answers with `respond(n)` (the HTTP status for the n-th request, default 200).
 */
export async function startWebhookReceiver(secret: string, respond: (n: number, hook: ReceivedWebhook) => number = () => 200) {
  const received: ReceivedWebhook[] = []
  let failures = 0
  const verifier = new Webhook(secret)
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      let hook: ReceivedWebhook
      try {
        const payload = verifier.verify(body, headersOf(req.headers)) as { type: string; timestamp: string; data: Record<string, unknown> }
        hook = { id: String(req.headers['webhook-id']), ...payload, verified: true }
      } catch {
        failures++
        hook = { id: String(req.headers['webhook-id']), type: '', timestamp: '', data: {}, verified: false }
      }
      received.push(hook)
      res.statusCode = hook.verified ? respond(received.length, hook) : 401
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Requests whose signature did not verify. */
    failures: () => failures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]))
}
