import { type Cart, isKassaApiError } from '@kassa/sdk'
import type { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { IMAGE_SIZE, mediaSrc, Notice } from './components.js'
import { COOKIES, type Deps, personalPage, type SfContext, type SfEnv } from './env.js'
import { formatMoney } from './format.js'
import { href, Layout, type PageContext } from './layout.js'
import { chosenOptions, findVariant } from './product.js'
import { PromotionBox } from './promotions.js'
import { render } from './render.js'

/** The visitor's open cart, from the httpOnly cookie; none when it is gone or already an order. */
export async function currentCart(c: SfContext): Promise<Cart | undefined> {
  const id = getCookie(c, COOKIES.cart)
  if (!id) return undefined
  try {
    const cart = await c.get('store').carts.get(id)
    if (cart.status === 'completed') {
      forgetCart(c)
      return undefined
    }
    return cart
  } catch (error) {
    if (isKassaApiError(error) && (error.status === 404 || error.status === 400)) {
      forgetCart(c)
      return undefined
    }
    throw error
  }
}

/** Keeps the cart id (httpOnly: scripts never see it) and a readable item count for the header badge. */
export function rememberCart(c: SfContext, cart: Cart): void {
  const secure = new URL(c.req.url).protocol === 'https:'
  const common = { path: '/', sameSite: 'Lax' as const, secure, maxAge: 60 * 60 * 24 * 30 }
  setCookie(c, COOKIES.cart, cart.id, { ...common, httpOnly: true })
  setCookie(c, COOKIES.cartCount, String(cart.items.reduce((n, item) => n + item.quantity, 0)), common)
}

export function forgetCart(c: SfContext): void {
  deleteCookie(c, COOKIES.cart, { path: '/' })
  deleteCookie(c, COOKIES.cartCount, { path: '/' })
}

function quantityOf(value: unknown): number {
  const n = Math.floor(Number(value))
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), 999) : 1
}

type TotalsOf = Pick<
  Cart,
  'subtotal' | 'discount_total' | 'shipping_total' | 'tax_total' | 'total' | 'currency_code' | 'tax_inclusive' | 'shipping_method'
>

/**
 * The server's totals as a receipt. `shipping_total` includes its tax; where prices exclude tax the
 * shipping row shows the amount before tax so that the rows add up to the total with the tax row.
 */
export function Totals({ page, cart }: { page: PageContext; cart: TotalsOf }) {
  const { t, lang } = page
  const money = (n: number) => formatMoney(n, cart.currency_code, lang)
  const shippingTax = (cart.shipping_method?.tax_lines ?? []).reduce((sum, line) => sum + line.amount, 0)
  const shipping = cart.tax_inclusive ? cart.shipping_total : cart.shipping_total - shippingTax
  return (
    <table class="totals">
      <tbody>
        <tr>
          <td>{t.subtotal}</td>
          <td>{money(cart.subtotal)}</td>
        </tr>
        {cart.discount_total > 0 && (
          <tr>
            <td>{t.discount}</td>
            <td>−{money(cart.discount_total)}</td>
          </tr>
        )}
        {cart.shipping_method && (
          <tr>
            <td>{t.shipping}</td>
            <td>{money(shipping)}</td>
          </tr>
        )}
        {!cart.tax_inclusive && (
          <tr>
            <td>{t.tax}</td>
            <td>{money(cart.tax_total)}</td>
          </tr>
        )}
        <tr class="grand">
          <td>{t.total}</td>
          <td data-total>{money(cart.total)}</td>
        </tr>
        {cart.tax_inclusive && cart.tax_total > 0 && (
          <tr>
            <td class="muted">{t.taxIncludedIn}</td>
            <td class="muted">{money(cart.tax_total)}</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}

/** The cart page and its forms: add (from the product page), change quantity, remove. */
export function cartRoutes(app: Hono<SfEnv>, deps: Deps): void {
  app.post('/:lang/cart/add', async (c) => {
    const page = c.get('page')
    const form = await c.req.parseBody()
    const handle = String(form.handle ?? '')
    let variantId = String(form.variant_id ?? '')
    if (!variantId) {
      const product = await deps.store.products.get(handle, {
        region_id: page.region.id,
        currency: page.region.currency_code,
        locale: page.lang,
      })
      const chosen = chosenOptions(product, (name) => (typeof form[name] === 'string' ? (form[name] as string) : undefined))
      const variant = findVariant(product, chosen)
      if (!variant || variant.availability === 'out_of_stock') {
        const query = new URLSearchParams(
          Object.entries(form).filter(([k, v]) => /^o\d+$/.test(k) && typeof v === 'string') as [string, string][],
        )
        query.set('error', 'combination')
        return c.redirect(`${href(page.lang, `/p/${encodeURIComponent(handle)}`)}?${query}`, 303)
      }
      variantId = variant.id
    }
    let cart = await currentCart(c)
    if (!cart || cart.region_id !== page.region.id) cart = await c.get('store').carts.create({ region_id: page.region.id })
    try {
      cart = await c.get('store').carts.addLine(cart.id, { variant_id: variantId, quantity: Math.max(1, quantityOf(form.quantity ?? 1)) })
    } catch (error) {
      if (isKassaApiError(error) && error.status < 500) {
        rememberCart(c, cart)
        return c.redirect(`${href(page.lang, '/cart')}?error=${encodeURIComponent(String(error.code))}`, 303)
      }
      throw error
    }
    rememberCart(c, cart)
    return c.redirect(href(page.lang, '/cart'), 303)
  })

  app.post('/:lang/cart/lines/:line', async (c) => {
    const page = c.get('page')
    const cart = await currentCart(c)
    if (!cart) return c.redirect(href(page.lang, '/cart'), 303)
    const form = await c.req.parseBody()
    const quantity = form.remove ? 0 : quantityOf(form.quantity)
    try {
      const updated =
        quantity === 0
          ? await c.get('store').carts.removeLine(cart.id, c.req.param('line'))
          : await c.get('store').carts.updateLine(cart.id, c.req.param('line'), quantity)
      rememberCart(c, updated)
    } catch (error) {
      if (isKassaApiError(error) && error.status < 500)
        return c.redirect(`${href(page.lang, '/cart')}?error=${encodeURIComponent(String(error.code))}`, 303)
      throw error
    }
    return c.redirect(href(page.lang, '/cart'), 303)
  })

  app.get('/:lang/cart', async (c) => {
    const page = c.get('page')
    const { t, lang } = page
    const cart = await currentCart(c)
    const error = c.req.query('error')
    personalPage(c)
    const money = (n: number) => formatMoney(n, cart!.currency_code, lang)
    return render(
      c,
      <Layout page={page} title={t.cart} description={t.cart} noindex script>
        <h1>{t.cart}</h1>
        {error && <Notice kind="err">{t.errors[error] ?? t.errors.generic}</Notice>}
        {!cart || cart.items.length === 0 ? (
          <>
            <p>{t.cartEmpty}</p>
            <p>
              <a class="btn" href={href(lang, '/')}>
                {t.continueShopping}
              </a>
            </p>
          </>
        ) : (
          <div class="checkout">
            <ul class="lines">
              {cart.items.map((item) => (
                <li>
                  {item.thumbnail ? <img src={mediaSrc(item.thumbnail)} alt="" width={IMAGE_SIZE} height={IMAGE_SIZE} /> : <span></span>}
                  <div>
                    <b>{item.product_title}</b>
                    <div class="muted">{item.variant_title}</div>
                    <div class="muted">{money(item.unit_price)}</div>
                    <form class="qty" method="post" action={href(lang, `/cart/lines/${item.id}`)}>
                      <input
                        type="number"
                        name="quantity"
                        value={String(item.quantity)}
                        min="0"
                        max="999"
                        aria-label={`${t.quantity}: ${item.product_title}`}
                      />
                      <button class="ghost" type="submit">
                        {t.update}
                      </button>
                      <button class="ghost" type="submit" name="remove" value="1">
                        {t.remove}
                      </button>
                    </form>
                  </div>
                  <b>{money(item.total)}</b>
                </li>
              ))}
            </ul>
            <aside class="panel">
              <PromotionBox page={page} cart={cart} />
              <Totals page={page} cart={cart} />
              <a class="btn big" href={href(lang, '/checkout')}>
                {t.toCheckout}
              </a>
            </aside>
          </div>
        )}
      </Layout>,
    )
  })
}
