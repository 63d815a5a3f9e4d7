import type { Actor, Commerce, SalesChannelRef } from '@kassa/core'
import type { Logger } from 'pino'

/** What each request carries through the middleware. */
export interface AppEnv {
  Variables: {
    requestId: string
    logger: Logger
    commerce: Commerce
    actor: Actor
    channel: SalesChannelRef
    locale: string
    currency: string
  }
}
