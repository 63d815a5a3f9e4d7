import type { AuthTables } from '../auth/auth.table.js'
import type { CatalogTables } from '../catalog/catalog.table.js'
import type { ChannelTables } from '../channels/channel.table.js'
import type { InventoryTables } from '../inventory/inventory.table.js'
import type { RegionTables } from '../regions/region.table.js'
import type { ShippingTables } from '../shipping/shipping.table.js'
import type { TaxTables } from '../tax/tax.table.js'
import type { CartTables } from '../cart/cart.table.js'
import type { IdempotencyTables } from '../idempotency/idempotency.table.js'
import type { OrderTables } from '../orders/order.table.js'
import type { EventDeliveryTables, EventTables } from '../events/event.table.js'
import type { NotificationTables } from '../notifications/notification.table.js'
import type { WebhookTables } from '../webhooks/webhook.table.js'
import type { PromotionTables } from '../promotions/promotion.table.js'
import type { CustomerTables } from '../customers/customer.table.js'
import type { ThrottleTables } from '../auth/throttle.table.js'
import type { DataioTables } from '../dataio/dataio.table.js'
import type { FileTables } from '../files/file.table.js'

/** Every table the engine owns, as Kysely sees it. */
export interface Database
  extends CatalogTables,
    ChannelTables,
    AuthTables,
    RegionTables,
    TaxTables,
    ShippingTables,
    CartTables,
    OrderTables,
    IdempotencyTables,
    InventoryTables,
    EventTables,
    EventDeliveryTables,
    WebhookTables,
    NotificationTables,
    PromotionTables,
    CustomerTables,
    ThrottleTables,
    DataioTables,
    FileTables {}
