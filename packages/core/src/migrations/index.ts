import type { Migration } from 'kysely'
import * as m0001 from './0001_catalog.js'
import * as m0002 from './0002_search.js'
import * as m0003 from './0003_search_price.js'
import * as m0004 from './0004_regions_tax_shipping.js'
import * as m0005 from './0005_inventory.js'
import * as m0007 from './0007_carts_orders.js'
import * as m0008 from './0008_event_outbox.js'
import * as m0009 from './0009_promotions.js'
import * as m0011 from './0011_admin_access.js'
import * as m0014 from './0014_catalog_version.js'
import * as m0010 from './0010_customers.js'
import * as m0013 from './0013_webhooks_notifications.js'
import * as m0012 from './0012_order_lifecycle.js'
import * as m0015 from './0015_import_jobs.js'
import * as m0016 from './0016_uploaded_files.js'
import * as m0017 from './0017_catalog_change.js'
import * as m0018 from './0018_product_view.js'
import * as m0020 from './0020_product_facet_source.js'

/** The one linear migration history, run as-is on SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001_catalog': m0001,
  '0002_search': m0002,
  '0003_search_price': m0003,
  '0004_regions_tax_shipping': m0004,
  '0005_inventory': m0005,
  '0007_carts_orders': m0007,
  '0008_event_outbox': m0008,
  '0009_promotions': m0009,
  '0011_admin_access': m0011,
  '0014_catalog_version': m0014,
  '0010_customers': m0010,
  '0013_webhooks_notifications': m0013,
  '0012_order_lifecycle': m0012,
  '0015_import_jobs': m0015,
  '0016_uploaded_files': m0016,
  '0017_catalog_change': m0017,
  '0018_product_view': m0018,
  '0020_product_facet_source': m0020,
}
