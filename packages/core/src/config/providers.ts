import type { Ctx } from '../kernel/ctx.js'
import type {
  PaymentAuthorizeInput,
  PaymentConfirmInput,
  PaymentInitiateInput,
  PaymentOperationResult,
  PaymentResult,
  PaymentWebhookEvent,
} from '../payments/payment.js'
import type { ShippingOption, ShippingQuoteInput } from '../shipping/shipping.js'
import type { TaxCalculationInput, TaxCalculationResult } from '../tax/tax.js'
import type { NotificationMessage } from '../notifications/notification.js'
import type { EventSubscribers } from '../events/subscribers.js'
import type { FileStorageProvider } from '../files/file-storage.js'

export type { FileStorageProvider }

/**
 * The kinds of provider a shop can plug in. Each provider has an `id`; the built-in ones are
 * registered exactly like a shop's own. The checkout, orders and notification modules grow the
 * payment, tax, shipping and notification contracts.
 */
/**
 * Takes payments through a payment service. Every amount is an integer in the minor units of the
 * currency as Kassa counts them (EUR 2 digits, JPY 0, KWD 3): a service that counts otherwise
 * converts at its edge with `currencyExponent`. Declines are results, not exceptions. Kassa calls
 * providers outside database transactions.
 */
export interface PaymentProvider {
  id: string
  kind: 'payment'
  /** Opens a payment session; `data` goes to the storefront (a client secret, instructions). */
  initiate(input: PaymentInitiateInput): Promise<{ data?: Record<string, unknown> }>
  /** Authorizes the amount with the buyer's token; the same `idempotency_key` never charges twice. */
  authorize(input: PaymentAuthorizeInput): Promise<PaymentResult>
  /** Finishes a payment that answered `requires_action` (e.g. after 3-D Secure). */
  confirm(input: PaymentConfirmInput): Promise<PaymentResult>
  capture(input: { provider_ref: string; amount: number }): Promise<PaymentOperationResult>
  refund(input: { provider_ref: string; amount: number }): Promise<PaymentOperationResult>
  cancel(input: { provider_ref: string }): Promise<PaymentOperationResult>
  /** Checks an inbound webhook's signature; the event when it is genuine, else undefined. */
  verifyWebhook?(headers: Record<string, string | undefined> | Headers, rawBody: string): Promise<PaymentWebhookEvent | undefined>
}

/**
 * Says which tax rates apply to each line of a cart and to its shipping. The built-in `system`
 * provider reads the rates stored per region; an external service can replace it per region.
 */
export interface TaxProvider {
  id: string
  kind: 'tax'
  calculate(ctx: Ctx, input: TaxCalculationInput): Promise<TaxCalculationResult>
}

/**
 * Prices a shipping option for a cart; `undefined` when the option cannot ship it. The built-in
 * `system` provider prices flat and weight-tier options; carriers price `calculated` ones.
 */
export interface ShippingProvider {
  id: string
  kind: 'shipping'
  calculate(ctx: Ctx, option: ShippingOption, cart: ShippingQuoteInput): Promise<{ amount: number } | undefined>
}

/**
 * Sends a rendered message (order confirmation, shipping confirmation, password reset). The
 * built-in `database` provider keeps messages for the Admin API; `smtp` sends them by mail.
 * Kassa calls it from event subscribers, never inside a transaction; a throw retries the event.
 */
export interface NotificationProvider {
  id: string
  kind: 'notification'
  send(message: NotificationMessage): Promise<void>
}

/** Keeps a product search index and answers storefront searches. */
export interface SearchProvider {
  id: string
  kind: 'search'
  index(ctx: Ctx, productIds: string[]): Promise<void>
  remove(ctx: Ctx, productIds: string[]): Promise<void>
}

export type Provider = PaymentProvider | TaxProvider | ShippingProvider | NotificationProvider | FileStorageProvider | SearchProvider
export type ProviderKind = Provider['kind']
type ProviderOf<K extends ProviderKind> = Extract<Provider, { kind: K }>

/** A plugin gets the registry at start-up and may add providers or subscribe to events. */
export interface KassaPlugin {
  name: string
  /** `events.subscribe(type | '*', handler, { consumer })` reaches the outbox (see docs/events/README.md). */
  setup(registry: ProviderRegistry, events: EventSubscribers): void | Promise<void>
}

export class ProviderRegistry {
  readonly #providers = new Map<string, Provider>()

  register(provider: Provider): this {
    this.#providers.set(`${provider.kind}:${provider.id}`, provider)
    return this
  }

  get<K extends ProviderKind>(kind: K, id: string): ProviderOf<K> | undefined {
    return this.#providers.get(`${kind}:${id}`) as ProviderOf<K> | undefined
  }

  list<K extends ProviderKind>(kind: K): ProviderOf<K>[] {
    return [...this.#providers.values()].filter((p): p is ProviderOf<K> => p.kind === kind)
  }
}
