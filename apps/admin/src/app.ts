import type { AdminMe } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { admin, forgetToken, type Permission, signOut } from './api.js'
import { CustomerDetail, Customers } from './customers.js'
import { PromotionDetailView } from './promotion-detail.js'
import { Promotions } from './promotions.js'
import { Dashboard } from './dashboard.js'
import { DraftOrderNew, DraftOrderView } from './draft-orders.js'
import { Login } from './login.js'
import { OrderDetailView } from './order-detail.js'
import { Orders } from './orders.js'
import { GroupingEdit, Groupings } from './groupings.js'
import { ProductEdit } from './product-edit.js'
import { Products } from './products.js'
import { Settings } from './settings/index.js'
import { useRoute } from './ui.js'

/** The pages of the menu and the permission each needs: a role without it does not see the page. */
const NAV: { path: string; label: string; permission: Permission }[] = [
  { path: '/', label: 'Dashboard', permission: 'orders:read' },
  { path: '/orders', label: 'Orders', permission: 'orders:read' },
  { path: '/products', label: 'Products', permission: 'catalog:read' },
  { path: '/collections', label: 'Collections', permission: 'catalog:read' },
  { path: '/categories', label: 'Categories', permission: 'catalog:read' },
  { path: '/customers', label: 'Customers', permission: 'customers:read' },
  { path: '/promotions', label: 'Promotions', permission: 'promotions:read' },
  { path: '/settings', label: 'Settings', permission: 'settings:read' },
]

export function App() {
  const [me, setMe] = useState<AdminMe | null | undefined>(admin.token ? undefined : null)
  const route = useRoute()
  useEffect(() => {
    if (me !== undefined) return
    admin.me().then(setMe, () => {
      forgetToken()
      setMe(null)
    })
  }, [me])
  useEffect(() => {
    const out = () => {
      forgetToken()
      setMe(null)
    }
    addEventListener('kassa:signed-out', out)
    return () => removeEventListener('kassa:signed-out', out)
  }, [])
  if (me === undefined) return html`<p class="muted center">Loading…</p>`
  if (me === null) return html`<${Login} onSignedIn=${setMe} />`
  const can = (p: Permission) => me.permissions.includes(p)
  const section = '/' + (route.split('/')[1] ?? '')
  return html`<div class="shell">
    <header class="topbar">
      <a class="brand" href="#/">Kassa</a>
      <nav>
        ${NAV.filter((n) => can(n.permission)).map(
          (n) => html`<a href=${`#${n.path}`} aria-current=${section === n.path ? 'page' : undefined}>${n.label}</a>`,
        )}
      </nav>
      <span class="who" title=${me.role}>${me.email ?? me.id} <small>(${me.role})</small></span>
      <button type="button" class="link" onClick=${() => signOut().finally(() => setMe(null))}>Sign out</button>
    </header>
    <main>${view(route, can)}</main>
  </div>`
}

function view(route: string, can: (p: Permission) => boolean) {
  const [, section, id] = route.split('/')
  if (section === 'orders' && id) return html`<${OrderDetailView} id=${id} can=${can} />`
  if (section === 'orders') return html`<${Orders} can=${can} />`
  if (section === 'draft-orders' && id === 'new') return html`<${DraftOrderNew} can=${can} />`
  if (section === 'draft-orders' && id) return html`<${DraftOrderView} id=${id} />`
  if (section === 'products' && id === 'new' && !can('catalog:write')) return html`<p class="problem">Your role cannot create products.</p>`
  if (section === 'products' && id) return html`<${ProductEdit} id=${id} can=${can} />`
  if (section === 'products') return html`<${Products} can=${can} />`
  if ((section === 'collections' || section === 'categories') && id === 'new' && !can('catalog:write'))
    return html`<p class="problem">Your role cannot create ${section}.</p>`
  if (section === 'collections' && id) return html`<${GroupingEdit} kind="collection" id=${id} can=${can} />`
  if (section === 'collections') return html`<${Groupings} kind="collection" can=${can} />`
  if (section === 'categories' && id) return html`<${GroupingEdit} kind="category" id=${id} can=${can} />`
  if (section === 'categories') return html`<${Groupings} kind="category" can=${can} />`
  if (section === 'customers' && id) return html`<${CustomerDetail} id=${id} />`
  if (section === 'customers') return html`<${Customers} />`
  if (section === 'promotions' && id) return html`<${PromotionDetailView} id=${id} can=${can} />`
  if (section === 'promotions') return html`<${Promotions} can=${can} />`
  if (section === 'settings' || section === 'webhooks' || section === 'api-keys') return html`<${Settings} route=${route} can=${can} />`
  if (!can('orders:read')) return html`<p class="muted">Choose a page above.</p>`
  return html`<${Dashboard} />`
}
