import type { components, operations } from './generated/schema.js'

type Schemas = components['schemas']
type QueryOf<Op extends keyof operations> = operations[Op]['parameters'] extends { query?: infer Q } ? NonNullable<Q> : never
type JsonOf<Op extends keyof operations, Status extends number> = operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }>
  ? Body
  : never

/** A published product as the Store API shows it: translated text, variants with one price and availability. */
export type StoreProduct = Schemas['StoreProduct']
/** A collection as the Store API shows it. */
export type StoreCollection = Schemas['StoreCollection']
/** A category as the Store API shows it (`parent_id` and `position` make the tree). */
export type StoreCategory = Schemas['StoreCategory']
/** A region as the Store API shows it: countries, currency and whether prices include tax. */
export type StoreRegion = Schemas['StoreRegion']
/** A region as the Admin API shows it. */
export type Region = Schemas['Region']
/** Facet counts of a product list (by collection, category, tag, option and price). */
export type ProductFacets = Schemas['ProductFacets']
/** A product as the Admin API shows it: every variant, price and translation. */
export type Product = Schemas['Product']
/** A variant as the Admin API shows it. */
export type Variant = Schemas['Variant']
/** The body of `POST /admin/products`. */
export type ProductCreateInput = Schemas['ProductCreateInput']
/** The body of `PATCH /admin/products/{id}`. */
export type ProductUpdateInput = Schemas['ProductUpdateInput']
/** A problem+json error body. */
export type Problem = Schemas['Problem']

/** Query of `GET /store/products`: search, filters, sort, region, locale and paging. */
export type StoreProductListQuery = QueryOf<'storeListProducts'>
/** Query of `GET /store/products/{handle}`. */
export type StoreProductQuery = QueryOf<'storeGetProduct'>
/** A page of `GET /store/products`: `data`, `next_cursor` and `facets`. */
export type StoreProductPage = JsonOf<'storeListProducts', 200>
/** Query of `GET /admin/products`. */
export type AdminProductListQuery = QueryOf<'adminListProducts'>
/** A page of `GET /admin/products`. */
export type AdminProductPage = JsonOf<'adminListProducts', 200>
/** What `POST /admin/auth/login` answers: the bearer token, its expiry and the user. */
export type AdminSession = JsonOf<'adminLogin', 200>

/** A cart with every total computed by the server (`items`, `subtotal`, `tax_total`, `total`, ...). */
export type Cart = Schemas['Cart']
/** One line of a cart. */
export type CartItem = Schemas['CartItem']
/** A postal address as carts and orders hold it. */
export type Address = Schemas['Address']
/** A shipping option priced for one cart. */
export type ShippingOptionQuote = Schemas['ShippingOptionQuote']
/** A placed order; `number` is human-readable, `order_token` reads it as a guest. */
export type Order = Schemas['Order']
/** The body of `POST /store/carts`. */
export type CartCreateInput = Schemas['CartCreateInput']
/** The body of `PATCH /store/carts/{id}`. */
export type CartUpdateInput = Schemas['CartUpdateInput']
/** The body of `POST /store/carts/{id}/line-items`. */
export type CartLineAddInput = Schemas['CartLineAddInput']
/** The body of `POST /store/carts/{id}/payment`. */
export type CartPaymentInput = Schemas['CartPaymentInput']
/** The body of `POST /store/carts/{id}/payment/confirm`. */
export type CartPaymentConfirmInput = Schemas['CartPaymentConfirmInput']
/** An order with its fulfillments, returns, payment transactions and timeline (Admin API). */
export type OrderDetail = Schemas['OrderDetail']
/** A capture, refund or void of an order's payment. */
export type PaymentTransaction = Schemas['PaymentTransaction']
/** A return of shipped units. */
export type OrderReturn = Schemas['OrderReturn']
/** The body of `POST /admin/orders/{id}/refunds`. */
export type RefundInput = Schemas['RefundInput']
/** The body of `POST /store/orders/{id}/returns`. */
export type ReturnRequestInput = Schemas['StoreReturnRequestInput']
