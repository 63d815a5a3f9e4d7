import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'

/**
 * The caller's address, for throttling sign-ins. `X-Forwarded-For` counts only behind a proxy
 * that sets it (`KASSA_TRUST_PROXY=1`) or when there is no socket (an in-process `app.fetch`).
 */
export function clientIp(c: Context<AppEnv>): string | undefined {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || undefined
  let socket: string | undefined
  try {
    socket = getConnInfo(c).remote.address
  } catch {
    socket = undefined
  }
  if (forwarded && (process.env.KASSA_TRUST_PROXY === '1' || !socket)) return forwarded
  return socket
}

/** The bearer token of the request, if it sent one. */
export function bearerToken(c: Context<AppEnv>): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
}
