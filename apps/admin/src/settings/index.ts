import { html } from 'htm/preact'
import { useEffect } from 'preact/hooks'
import type { Permission } from '../api.js'
import { Page } from '../ui.js'
import { ApiKeys } from './api-keys.js'
import { ChannelDetail } from './channel-detail.js'
import { Notifications } from './notifications.js'
import { RegionDetail } from './region-detail.js'
import { Regions } from './regions.js'
import { Roles } from './roles.js'
import { SalesChannels } from './sales-channels.js'
import { Users } from './users.js'
import { Webhooks } from './webhooks.js'

type Can = (p: Permission) => boolean

/** The settings pages and the permission each needs: the same as the Admin API routes behind them. */
const PAGES: { path: string; label: string; about: string; permission: Permission }[] = [
  { path: 'regions', label: 'Regions', about: 'Countries, currency, tax rates and shipping options', permission: 'settings:read' },
  {
    path: 'sales-channels',
    label: 'Sales channels',
    about: 'Storefronts and apps, with their publishable keys',
    permission: 'settings:read',
  },
  { path: 'users', label: 'Admin users', about: 'Who signs in here, and with which role', permission: 'settings:write' },
  { path: 'roles', label: 'Roles', about: 'Built-in roles and custom ones with their permissions', permission: 'settings:read' },
  { path: 'notifications', label: 'Notification log', about: 'Emails kept by the database provider', permission: 'settings:read' },
  { path: 'webhooks', label: 'Webhooks', about: 'Endpoints that receive signed events', permission: 'webhooks:read' },
  { path: 'api-keys', label: 'API keys', about: 'Secret keys for servers and scripts', permission: 'settings:write' },
]

/** Routes under `#/settings`; the former `#/webhooks` and `#/api-keys` move there. */
export function Settings({ route, can }: { route: string; can: Can }) {
  const parts = route.split('/').slice(1)
  const legacy = parts[0] === 'webhooks' || parts[0] === 'api-keys'
  useEffect(() => {
    if (legacy) location.replace(`#/settings/${parts.join('/')}`)
  }, [legacy, route])
  if (legacy) return null
  const [, page, id] = parts
  const entry = PAGES.find((p) => p.path === page)
  if (!entry) return html`<${SettingsHome} can=${can} />`
  const noun = entry.path === 'api-keys' ? entry.label : entry.label.toLowerCase()
  if (!can(entry.permission)) return html`<p class="problem">Your role cannot manage ${noun}.</p>`
  const write = can('settings:write')
  switch (entry.path) {
    case 'regions':
      return id ? html`<${RegionDetail} id=${id} write=${write} />` : html`<${Regions} write=${write} />`
    case 'sales-channels':
      return id ? html`<${ChannelDetail} id=${id} write=${write} />` : html`<${SalesChannels} write=${write} />`
    case 'users':
      return html`<${Users} />`
    case 'roles':
      return html`<${Roles} write=${write} />`
    case 'notifications':
      return html`<${Notifications} />`
    case 'webhooks':
      return html`<${Webhooks} can=${can} />`
    default:
      return html`<${ApiKeys} />`
  }
}

function SettingsHome({ can }: { can: Can }) {
  const pages = PAGES.filter((p) => can(p.permission))
  return html`<${Page} title="Settings">
    <ul class="settings-links">
      ${pages.map(
        (p) =>
          html`<li>
            <a href=${`#/settings/${p.path}`}>${p.label}</a>
            <span class="muted"> ${p.about}</span>
          </li>`,
      )}
    </ul>
    ${pages.length === 0 && html`<p class="muted">Your role sees no settings.</p>`}
  <//>`
}
