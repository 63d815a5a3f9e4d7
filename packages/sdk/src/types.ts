import type { components, operations } from './generated/schema.js'

type Schemas = components['schemas']
type QueryOf<Op extends keyof operations> = operations[Op]['parameters'] extends { query?: infer Q } ? NonNullable<Q> : never
type JsonOf<Op extends keyof operations, Status extends number> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }> ? Body : never

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
/** The caller of the Admin API and the permissions of its role (`GET /admin/auth/me`). */
export type AdminMe = Schemas['AdminMe']
/** A secret API key as listed: never the key itself. */
export type ApiKey = Schemas['ApiKey']
/** The body of `POST /admin/api-keys`. */
export type ApiKeyCreateInput = Schemas['ApiKeyCreateInput']
/** What `POST /admin/api-keys` answers: the key's record and, this once, the `sk_...` secret. */
export type ApiKeyCreated = JsonOf<'adminCreateApiKey', 201>

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
/** A promotion as the Admin API shows it, with its first codes and usage counts. */
export type PromotionDetail = Schemas['PromotionDetail']
/** A promotion in a list. */
export type Promotion = Schemas['Promotion']
/** A promotion code and its uses. */
export type PromotionCode = Schemas['PromotionCode']
/** An order that used a promotion, and what the promotion took off it. */
export type PromotionOrder = Schemas['PromotionOrder']
/** The body of `POST /admin/promotions`. */
export type PromotionCreateInput = Schemas['PromotionCreateInput']
/** The body of `PATCH /admin/promotions/{id}`. */
export type PromotionUpdateInput = Schemas['PromotionUpdateInput']
/** The body of `POST /admin/promotions/{id}/codes/generate`. */
export type PromotionCodesGenerateInput = Schemas['PromotionCodesGenerateInput']

/** A customer account (never the password). */
export type Customer = Schemas['Customer']
/** An address in a customer's address book. */
export type CustomerAddress = Schemas['CustomerAddress']
/** What `POST /store/auth/login` answers: the bearer token, its expiry, the customer and the cart they now own. */
export type CustomerSession = Schemas['CustomerSession']
/** The body of `POST /store/customers`. */
export type CustomerRegisterInput = Schemas['CustomerRegisterInput']
/** The body of `POST /store/auth/login`. */
export type CustomerLoginInput = Schemas['CustomerLoginInput']
/** The body of `PATCH /store/customers/me`. */
export type CustomerUpdateInput = Schemas['CustomerUpdateInput']
/** The body of `POST /store/customers/me/addresses`. */
export type CustomerAddressInput = Schemas['CustomerAddressInput']
/** The body of `PATCH /store/customers/me/addresses/{id}`. */
export type CustomerAddressUpdateInput = Schemas['CustomerAddressUpdateInput']
/** A page of the signed-in customer's orders. */
export type CustomerOrderPage = JsonOf<'storeListCustomerOrders', 200>
/** Everything the shop keeps about the signed-in customer. */
export type CustomerExport = JsonOf<'storeExportCustomerData', 200>
/** A page of `GET /admin/customers`. */
export type AdminCustomerPage = JsonOf<'adminListCustomers', 200>
/** Query of `GET /admin/customers`. */
export type AdminCustomerListQuery = QueryOf<'adminListCustomers'>
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
/** A page of `GET /admin/orders`. */
export type AdminOrderPage = JsonOf<'adminListOrders', 200>
/** Query of `GET /admin/orders`: status, payment and fulfillment status, a creation window, q. */
export type AdminOrderListQuery = QueryOf<'adminListOrders'>
/** Units packed at a stock location, to be shipped. */
export type Fulfillment = Schemas['Fulfillment']
/** The body of `POST /admin/orders/{id}/fulfillments`. */
export type FulfillmentCreateInput = Schemas['FulfillmentCreateInput']
/** The body of `POST /admin/orders/{id}/fulfillments/{fulfillment_id}/ship`. */
export type FulfillmentShipInput = Schemas['FulfillmentShipInput']
/** The dashboard's figures: revenue per currency and period, a daily series, top products, low stock. */
export type ReportOverview = Schemas['ReportOverview']
/** Query of `GET /admin/reports/overview`. */
export type ReportOverviewQuery = QueryOf<'adminReportOverview'>
/** The body of `PATCH /admin/products/{id}/variants/{variant_id}` (options stay as they are). */
export type VariantUpdateInput = NonNullable<operations['adminUpdateVariant']['requestBody']>['content']['application/json']
/** The body of `POST /admin/products/{id}/variants`. */
export type VariantInput = Schemas['VariantInput']
/** The body of `POST /admin/products/{id}/options`. */
export type ProductOptionInput = Schemas['ProductOptionInput']
/** The body of `PATCH /admin/products/{id}/options/{option_id}`: a new title, the full list of values, or both. */
export type ProductOptionUpdateInput = Schemas['ProductOptionUpdateInput']
/** The body of `POST /admin/prices/batch`: `items` of `{ variant_id, currency_code, amount }`. */
export type PriceBatchInput = Schemas['PriceBatchInput']
/** A collection as the Admin API shows it, with every translation. */
export type Collection = Schemas['Collection']
/** A category as the Admin API shows it (`parent_id` and `position` make the tree). */
export type Category = Schemas['Category']
/** The body of `POST /admin/collections`. */
export type CollectionCreateInput = Schemas['CollectionCreateInput']
/** The body of `POST /admin/categories`. */
export type CategoryCreateInput = Schemas['CategoryCreateInput']
/** A page of `GET /admin/promotions`. */
export type PromotionPage = JsonOf<'adminListPromotions', 200>
/** A webhook endpoint: URL, event types, active. */
export type WebhookEndpoint = Schemas['WebhookEndpoint']
/** A new webhook endpoint with its signing secret (shown once). */
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret']
/** The body of `POST /admin/webhooks`. */
export type WebhookCreateInput = Schemas['WebhookCreateInput']
/** One delivery of an event to an endpoint, with its attempts and last answer. */
export type WebhookDelivery = Schemas['WebhookDelivery']
/** A page of an endpoint's deliveries. */
export type WebhookDeliveryPage = JsonOf<'adminListWebhookDeliveries', 200>
/** An uploaded image: its `url` goes into a product's `media`. */
export type UploadedFile = Schemas['UploadedFile']
/** A page of `GET /admin/uploads`. */
export type UploadedFilePage = JsonOf<'adminListUploads', 200>
/** A place stock is kept, and the sales channels that sell from it. */
export type StockLocation = Schemas['StockLocation']
/** A variant's stock at each location. */
export type VariantStock = Schemas['VariantStock']
/** Units stocked and reserved of one variant at one location. */
export type InventoryLevel = Schemas['InventoryLevel']
