import type { CustomerAddress, Order } from '@kassa/sdk'
import type { Hono } from 'hono'
import { AddressLines } from './account-addresses.js'
import { AccountNav, signedIn } from './account.js'
import { Totals } from './cart.js'
import { ItemLines } from './components.js'
import type { SfEnv } from './env.js'
import { formatMoney } from './format.js'
import { href, Layout, type PageContext } from './layout.js'
import { render } from './render.js'

const ORDERS_PER_PAGE = 10

function OrderDetail({ page, order }: { page: PageContext; order: Order }) {
  const { t, lang } = page
  return (
    <Layout page={page} title={t.order(order.number)} description={t.order(order.number)} noindex>
      <AccountNav page={page} current="/account/orders" />
      <p class="crumbs">
        <a href={href(lang, '/account/orders')}>{t.backToOrders}</a>
      </p>
      <h1>
        {t.orderNumber}: <span data-order-number>{order.number}</span>
      </h1>
      <p class="muted">
        {new Date(order.created_at).toLocaleDateString(lang)} · {t.orderStatuses[order.status] ?? order.status}
      </p>
      <ItemLines items={order.items} currency={order.currency_code} lang={lang} />
      <Totals page={page} cart={order} />
      {order.shipping_address && (
        <section class="panel">
          <h2>{t.address}</h2>
          <AddressLines page={page} address={order.shipping_address as unknown as CustomerAddress} />
        </section>
      )}
    </Layout>
  )
}

/** The customer's order history and one order's detail. */
export function orderRoutes(app: Hono<SfEnv>): void {
  app.get('/:lang/account/orders', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const page = c.get('page')
    const { t, lang } = page
    const cursor = c.req.query('cursor')
    const result = await c.get('store').customers.orders.list({ limit: ORDERS_PER_PAGE, ...(cursor && { cursor }) })
    return render(
      c,
      <Layout page={page} title={t.orders} description={t.ordersText} noindex>
        <AccountNav page={page} current="/account/orders" />
        <h1>{t.orders}</h1>
        {result.data.length === 0 ? (
          <p>{t.noOrders}</p>
        ) : (
          <ul class="lines orders">
            {result.data.map((order) => (
              <li>
                <a href={href(lang, `/account/orders/${order.id}`)}>
                  <b data-order-number>{order.number}</b>
                </a>
                <span>
                  {new Date(order.created_at).toLocaleDateString(lang)}
                  <br />
                  <span class="muted">{t.orderStatuses[order.status] ?? order.status}</span>
                </span>
                <b>{formatMoney(order.total, order.currency_code, lang)}</b>
              </li>
            ))}
          </ul>
        )}
        <nav class="pager">
          {cursor && (
            <a class="btn ghost" href={href(lang, '/account/orders')}>
              {t.firstPage}
            </a>
          )}
          {result.next_cursor && (
            <a class="btn ghost" rel="next" href={`${href(lang, '/account/orders')}?cursor=${encodeURIComponent(result.next_cursor)}`}>
              {t.nextPage}
            </a>
          )}
        </nav>
      </Layout>,
    )
  })

  app.get('/:lang/account/orders/:id', async (c) => {
    const away = signedIn(c)
    if (away) return away
    // Another customer's order is not found (404), exactly like one that does not exist.
    const order = await c.get('store').customers.orders.get(c.req.param('id'))
    return render(c, <OrderDetail page={c.get('page')} order={order} />)
  })
}
