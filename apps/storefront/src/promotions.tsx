import { type Cart, isKassaApiError } from '@kassa/sdk'
import type { Hono } from 'hono'
import { currentCart, rememberCart } from './cart.js'
import type { Deps, SfEnv } from './env.js'
import { href, type PageContext } from './layout.js'

type CartCall = (url: string, init: object) => Promise<{ cart: Cart }>

/**
 * Promotion codes go through the SDK's generic client by path (`POST /store/carts/{id}/promotions`,
 * `DELETE /store/carts/{id}/promotions/{code}`, as docs API.md fixes them): an API without those
 * routes answers `route.not_found`, which the cart page shows as "codes are not available".
 */
function promotionCalls(deps: Deps) {
  const post = deps.store.POST as unknown as CartCall
  const del = deps.store.DELETE as unknown as CartCall
  return {
    apply: async (id: string, code: string) =>
      (await post('/store/carts/{id}/promotions', { params: { path: { id } }, body: { code } })).cart,
    remove: async (id: string, code: string) => (await del('/store/carts/{id}/promotions/{code}', { params: { path: { id, code } } })).cart,
  }
}

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

export function promotionRoutes(app: Hono<SfEnv>, deps: Deps): void {
  const calls = promotionCalls(deps)
  for (const [path, call] of [
    ['/cart/promotions', calls.apply],
    ['/cart/promotions/remove', calls.remove],
  ] as const) {
    app.post(`/:lang${path}`, async (c) => {
      const page = c.get('page')
      const cart = await currentCart(c, deps)
      const code = String((await c.req.parseBody()).code ?? '').trim()
      if (!cart || !code) return c.redirect(href(page.lang, '/cart'), 303)
      try {
        rememberCart(c, await call(cart.id, code))
      } catch (error) {
        if (!isKassaApiError(error) || error.status >= 500) throw error
        const reason = error.code === 'route.not_found' ? 'promotion.unavailable' : String(error.code)
        return c.redirect(`${href(page.lang, '/cart')}?error=${encodeURIComponent(reason)}`, 303)
      }
      return c.redirect(href(page.lang, '/cart'), 303)
    })
  }
}
