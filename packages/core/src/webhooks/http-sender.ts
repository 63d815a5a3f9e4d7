import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { isPublicAddress } from './address-guard.js'

export const WEBHOOK_TIMEOUT_MS = 10_000

export interface SendResult {
  status?: number
  error?: string
}

/**
 * POSTs a webhook. The address is checked when the connection resolves the name (so a DNS answer
 * that changes between the check and the connect cannot point it at a private address); redirects
 * are not followed; no answer within 10 s counts as a failure.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: { allowPrivate: boolean; timeoutMs?: number }): Promise<SendResult> {
  const target = new URL(url)
  const lookup: LookupFunction = (hostname, opts, callback) => {
    dnsLookup(hostname, { ...opts, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const list = addresses as unknown as LookupAddress[]
      const refused = list.find((a) => !options.allowPrivate && !isPublicAddress(a.address))
      if (refused) return callback(Object.assign(new Error(`refused: ${hostname} resolves to ${refused.address}`), { code: 'EADDRNOTALLOWED' }), '', 4)
      if ((opts as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list)
      callback(null, list[0]!.address, list[0]!.family)
    })
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  const host = target.hostname.replace(/^\[|\]$/g, '')
  if (!options.allowPrivate && /^[\d.]+$|:/.test(host) && !isPublicAddress(host)) {
    return Promise.resolve({ error: `refused: ${host} is not a public address` })
  }
  return new Promise((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        lookup,
        timeout: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Kassa-Webhooks/1' },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }))
        res.on('error', (error) => resolve({ status: res.statusCode ?? 0, error: error.message }))
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s`)))
    req.on('error', (error) => resolve({ error: error.message }))
    req.end(body)
  })
}
