import { type Actor, beginIdempotentRequest, CommonErrors, finishIdempotentRequest, type IdempotencyRef, releaseIdempotencyKey } from '@kassa/core'
import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

/** Outcomes that say "not yet" rather than "this is the answer": a retry with the same key runs again. */
const TRANSIENT_CODES = new Set(['cart.completion_in_progress'])
/** Answers given before the operation ran: unauthenticated, forbidden, not found. */
const NOT_STARTED = new Set([401, 403, 404])

/**
 * `Idempotency-Key` on writes that move money: the first response to a key (per sales channel,
 * caller and route) is stored and replayed; the same key with another body is 422 `idempotency.key_reused`;
 * while the first request runs, 409 `idempotency.in_progress`. Server errors and transient
 * conflicts are not stored, so a retry runs again.
 */
export function idempotent(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key')
    if (key === undefined) return next()
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw CommonErrors.validation([
        { path: 'header.idempotency-key', code: 'invalid_format', message: '1 to 255 printable ASCII characters' },
      ])
    }
    const ctx = c.get('commerce').ctx()
    // The caller is part of the scope: a replay must never hand one customer's cart or order to
    // someone else who repeats their key (the route's own ownership check runs instead).
    const ref: IdempotencyRef = { scope: `${c.get('channel')?.id ?? ''} ${callerOf(c.get('actor'))} ${c.req.method} ${c.req.path}`, key }
    const start = await beginIdempotentRequest(ctx, ref, requestHash(await c.req.text()))
    if (start.kind === 'replay') {
      return new Response(start.body, {
        status: start.status,
        headers: {
          'content-type': start.status >= 400 ? 'application/problem+json' : 'application/json',
          'cache-control': 'private, no-store',
          'idempotent-replayed': 'true',
        },
      })
    }
    try {
      await next()
    } catch (error) {
      await releaseIdempotencyKey(ctx, ref)
      throw error
    }
    const body = await c.res.clone().text()
    // Refusals (who may not, or nothing there) and server errors are not outcomes of the operation:
    // nothing is stored, so a refused caller leaves no trace and a retry runs again.
    if (NOT_STARTED.has(c.res.status) || c.res.status >= 500 || TRANSIENT_CODES.has(problemCode(body))) await releaseIdempotencyKey(ctx, ref)
    else await finishIdempotentRequest(ctx, ref, { status: c.res.status, body })
  }
}

function callerOf(actor: Actor | undefined): string {
  if (!actor) return 'guest'
  return actor.type === 'customer' || actor.type === 'admin' ? `${actor.type}:${actor.id}` : actor.type
}

/** The same JSON in another key order or spacing is the same request. */
function requestHash(body: string): string {
  let canonical = body
  try {
    canonical = JSON.stringify(sortKeys(JSON.parse(body)))
  } catch {
    // not JSON (or empty): hash the text as sent
  }
  return createHash('sha256').update(canonical).digest('hex')
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

function problemCode(body: string): string {
  try {
    const parsed = JSON.parse(body) as { code?: unknown }
    return typeof parsed.code === 'string' ? parsed.code : ''
  } catch {
    return ''
  }
}
