import { type Cart, isKassaApiError, type StoreClient } from '@kassa/sdk'
import type { Hono } from 'hono'
import { currentCart, rememberCart } from './cart.js'
import type { SfEnv } from './env.js'
import { href, type PageContext } from './layout.js'

/** The cart's codes (with the reason when one does not apply) and the form to add one. */
export function PromotionBox({ page, cart }: { page: PageContext; cart: Cart }) {
  const { t, lang } = page
  return (
    <div>
      {cart.promotions.length > 0 && (
        <ul class="promos">
          {cart.promotions.map((p) => (
            <li>
              <form method="post" action={href(lang, '/cart/promotions/remove')}>
                <b>{p.code}</b>
                {p.applied ? (
                  <span class="avail in_stock"> ✓</span>
                ) : (
                  <span class="muted">
                    {' '}
                    · {t.promoNotApplied}
                    {p.reason ? `: ${t.promoReasons[p.reason] ?? p.reason.replace(/_/g, ' ')}` : ''}
                  </span>
                )}
                <input type="hidden" name="code" value={p.code} />{' '}
                <button class="ghost" type="submit">
                  {t.remove}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form class="row promo" method="post" action={href(lang, '/cart/promotions')}>
        <label>
          <span class="sr">{t.promoCode}</span>
          <input type="text" name="code" placeholder={t.promoCode} autocomplete="off" maxlength={64} required />
        </label>
        <button class="ghost" type="submit" style="flex:0 0 auto">
          {t.promoApply}
        </button>
      </form>
    </div>
  )
}

export function promotionRoutes(app: Hono<SfEnv>): void {
  for (const [path, call] of [
    ['/cart/promotions', (store: StoreClient, id: string, code: string) => store.carts.addPromotion(id, code)],
    ['/cart/promotions/remove', (store: StoreClient, id: string, code: string) => store.carts.removePromotion(id, code)],
  ] as const) {
    app.post(`/:lang${path}`, async (c) => {
      const page = c.get('page')
      const cart = await currentCart(c)
      const code = String((await c.req.parseBody()).code ?? '').trim()
      if (!cart || !code) return c.redirect(href(page.lang, '/cart'), 303)
      try {
        rememberCart(c, await call(c.get('store'), cart.id, code))
      } catch (error) {
        if (!isKassaApiError(error) || error.status >= 500) throw error
        return c.redirect(`${href(page.lang, '/cart')}?error=${encodeURIComponent(String(error.code))}`, 303)
      }
      return c.redirect(href(page.lang, '/cart'), 303)
    })
  }
}
