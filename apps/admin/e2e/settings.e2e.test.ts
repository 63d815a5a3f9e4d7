import type { RunningServer } from '@kassa/api'
import { type Commerce, createAdminUser, ensureDefaultChannel, type EventWorker, startEventWorker } from '@kassa/core'
import { createTestCommerce } from '@kassa/core/testing'
import { type AdminClient, createAdminClient, createStoreClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminInBrowser, OWNER, runsInBrowser, startAdminInBrowser } from './harness.js'
import { createShop } from '../../../packages/api/test/shop-fixtures.js'
import { screenshot } from '../../storefront/e2e/browser.js'

// The settings pages in real headless Chromium against the real API, on the embedded database:
// what the pages create is then checked through the Store API, as a storefront would see it.
const HELPDESK = { email: 'helpdesk@example.com', password: 'staple battery horse' }
const SWEDEN = {
  first_name: 'Astrid',
  last_name: 'Berg',
  address_1: 'Drottninggatan 1',
  city: 'Stockholm',
  postal_code: '111 51',
  country_code: 'SE',
}

describe.runIf(runsInBrowser('admin settings browser tests'))('the admin settings in headless Chromium', () => {
  let commerce: Commerce
  let api: RunningServer
  let ui: AdminInBrowser
  let publishableKey: string
  let events: EventWorker
  // One API session for the checks: sign-ins from one address are throttled after ten an hour.
  let admin: AdminClient

  beforeAll(async () => {
    commerce = await createTestCommerce()
    events = startEventWorker(commerce, { idleMs: 100 })
    await createShop(commerce)
    publishableKey = (await ensureDefaultChannel(commerce.ctx())).publishableKey
    await createAdminUser(commerce.ctx(), { ...OWNER, role: 'owner' })
    ui = await startAdminInBrowser(commerce)
    api = ui.api
    admin = createAdminClient({ baseUrl: api.url })
    await admin.login(OWNER.email, OWNER.password)
  })

  afterAll(async () => {
    await ui?.close()
    await events?.stop()
    await commerce?.close()
  })

  const signedIn: AdminInBrowser['signedIn'] = (user, viewport) => ui.signedIn(user, viewport)

  it('creates a region with a tax rate and a shipping option that the Store API then offers', async () => {
    const page = await signedIn(OWNER)
    await page.click('a[href="#/settings"]')
    await page.click('a[href="#/settings/regions"]')
    await page.fill('input[name=region-name]', 'Nordics')
    await page.fill('input[name=region-currency]', 'sek')
    // "xx" has the shape of a country code, so only the API can refuse it: its error shows under the field.
    await page.fill('input[name=region-countries]', 'se, xx')
    await page.click('button:has-text("Create region")')
    await page.waitForSelector('.field.invalid input[name=region-countries]')
    expect(await page.locator('.problem li code').allTextContents()).toContain('countries.1')
    await page.fill('input[name=region-countries]', 'se, dk')
    await page.click('button:has-text("Create region")')
    await page.waitForFunction(() => /^#\/settings\/regions\/reg_/.test(location.hash))

    await page.click('button[name=add-tax-rate]')
    // A rate that is not a number never leaves the browser.
    await page.fill('input[name=tax-name]', 'Moms')
    await page.fill('input[name=tax-rate]', 'lots')
    await page.click('button:has-text("Create tax rate")')
    await page.waitForSelector('.field.invalid input[name=tax-rate]')
    await page.fill('input[name=tax-rate]', '25')
    await page.click('button:has-text("Create tax rate")')
    await page.waitForSelector('.tax-rates td:has-text("25 %")')

    await page.click('button[name=add-shipping-option]')
    await page.fill('input[name=shipping-name]', 'PostNord')
    await page.fill('input[name=shipping-amount]', '49.50')
    await page.click('button:has-text("Create shipping option")')
    await page.waitForSelector('.shipping-options td:has-text("PostNord")')
    // Edited: the price typed in kronor is sent in öre.
    await page.click('.shipping-options tr:has-text("PostNord") button:has-text("Edit")')
    await expect.poll(() => page.locator('input[name=shipping-amount]').inputValue()).toBe('49.50')
    await page.fill('input[name=shipping-amount]', '59')
    await page.click('button:has-text("Save shipping option")')
    await page.waitForSelector('.shipping-options td:has-text("SEK 59.00")')
    // A second rate for Denmark only, then deleted again.
    await page.click('button[name=add-tax-rate]')
    await page.fill('input[name=tax-name]', 'Moms DK')
    await page.fill('input[name=tax-rate]', '12.5')
    await page.fill('input[name=tax-country]', 'dk')
    await page.click('button:has-text("Create tax rate")')
    await page.waitForSelector('.tax-rates td:has-text("12.5 %")')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.click('.tax-rates tr:has-text("Moms DK") button:has-text("Delete")')
    await expect.poll(() => page.locator('.tax-rates tbody tr').count()).toBe(1)
    await screenshot(page, 'admin-settings-region-detail')
    await page.goto('/app/#/settings/regions')
    await page.waitForSelector('table.regions td:has-text("Nordics")')
    await screenshot(page, 'admin-settings-regions')

    const store = createStoreClient({ baseUrl: api.url, publishableKey })
    const region = (await store.regions.list()).find((r) => r.name === 'Nordics')!
    expect(region).toMatchObject({ currency_code: 'SEK', tax_inclusive: true })
    const cart = await store.carts.create({ region_id: region.id, email: 'kund@example.com' })
    await store.carts.update(cart.id, { shipping_address: SWEDEN })
    expect(await store.carts.shippingOptions(cart.id)).toEqual([expect.objectContaining({ name: 'PostNord', amount: 5900 })])
    const rates = await admin.GET('/admin/regions/{id}/tax-rates', { params: { path: { id: region.id } } })
    expect(rates.data.map((r) => [r.name, r.rate_bps])).toEqual([['Moms', 2500]])
  })

  it('creates a sales channel with a publishable key that the Store API accepts', async () => {
    const page = await signedIn(OWNER)
    await page.goto('/app/#/settings/sales-channels')
    await page.fill('input[name=channel-name]', 'Kiosk')
    await page.fill('input[name=channel-origins]', 'https://kiosk.example.com')
    await page.click('button:has-text("Create channel")')
    await page.waitForFunction(() => /^#\/settings\/sales-channels\/sc_/.test(location.hash))
    await page.fill('input[name=key-title]', 'Kiosk app')
    await page.click('button:has-text("Create publishable key")')
    const key = (await page.locator('[data-publishable-key]').textContent())!
    expect(key).toMatch(/^pk_/)
    await page.waitForSelector('.publishable-keys td:has-text("Kiosk app")')

    const store = createStoreClient({ baseUrl: api.url, publishableKey: key })
    expect((await store.regions.list()).length).toBeGreaterThan(0)
    const bogus = createStoreClient({ baseUrl: api.url, publishableKey: `${key}x` })
    await expect(bogus.regions.list()).rejects.toMatchObject({ status: 401 })

    page.once('dialog', (dialog) => void dialog.accept())
    await page.click('.publishable-keys tr:has-text("Kiosk app") button:has-text("Revoke")')
    await page.waitForSelector('.publishable-keys tr:has-text("Kiosk app") :text("revoked")')
    const channel = (await admin.GET('/admin/sales-channels')).data.find((c) => c.name === 'Kiosk')!
    expect(channel.allowed_origins).toEqual(['https://kiosk.example.com'])
    const keys = await admin.GET('/admin/sales-channels/{id}/publishable-keys', { params: { path: { id: channel.id } } })
    expect(keys.data.map((k) => [k.title, k.revoked_at !== null])).toEqual([['Kiosk app', true]])
  })

  it('creates a support user who sees no API keys or users pages', async () => {
    const page = await signedIn(OWNER)
    await page.goto('/app/#/settings/users')
    await page.fill('input[name=user-email]', HELPDESK.email)
    await page.fill('input[name=user-password]', 'short')
    await page.selectOption('select[name=user-new-role]', 'support')
    await page.click('button:has-text("Create user")')
    await page.waitForSelector('.field.invalid input[name=user-password]')
    await page.fill('input[name=user-password]', HELPDESK.password)
    await page.click('button:has-text("Create user")')
    await page.waitForSelector(`table.users tr[data-user="${HELPDESK.email}"]`)

    const support = await signedIn(HELPDESK, { width: 390, height: 844 })
    expect(await support.locator('.who small').textContent()).toBe('(support)')
    await support.click('a[href="#/settings"]')
    await support.waitForSelector('a[href="#/settings/regions"]')
    expect(await support.locator('a[href="#/settings/api-keys"]').count()).toBe(0)
    expect(await support.locator('a[href="#/settings/users"]').count()).toBe(0)
    // Support reads a region on a phone: no write buttons, and nothing wider than the screen.
    await support.click('a[href="#/settings/regions"]')
    await support.click('table.regions a:has-text("Netherlands")')
    await support.waitForSelector('.shipping-options tbody tr')
    expect(await support.locator('button[name=add-tax-rate], button[name=add-shipping-option], .region-form').count()).toBe(0)
    expect(await support.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(support, 'admin-settings-region-support-phone')
    await support.goto('/app/#/settings/users')
    await support.waitForSelector('text=Your role cannot manage admin users.')
    // The old address of the API keys page leads to its new one, which support cannot use either.
    await support.goto('/app/#/api-keys')
    await support.waitForSelector('text=Your role cannot manage API keys.')
    expect(await support.evaluate(() => location.hash)).toBe('#/settings/api-keys')

    // The owner changes the role, then deactivates the user.
    const row = page.locator(`table.users tr[data-user="${HELPDESK.email}"]`)
    await row.locator('select[name=user-role]').selectOption('read_only')
    const helpdesk = async () => (await admin.GET('/admin/users')).data.find((u) => u.email === HELPDESK.email)
    await expect.poll(async () => (await helpdesk())?.role).toBe('read_only')
    page.once('dialog', (dialog) => void dialog.accept())
    await row.locator('button:has-text("Deactivate")').click()
    await page.waitForSelector(`table.users tr[data-user="${HELPDESK.email}"] .badge-inactive`)
    expect(await helpdesk()).toMatchObject({ role: 'read_only', active: false })
  })

  it('creates and edits a custom role with permission checkboxes', async () => {
    const page = await signedIn(OWNER)
    await page.goto('/app/#/settings/roles')
    await page.waitForSelector('table.roles td:has-text("owner")')
    await page.click('button[name=add-role]')
    await page.fill('input[name=role-name]', 'Catalog Editor')
    await page.click('button:has-text("Create role")')
    await page.waitForSelector('.field.invalid input[name=role-name]')
    await page.fill('input[name=role-name]', 'catalog_editor')
    await page.check('input[name="perm-catalog:read"]')
    await page.check('input[name="perm-catalog:write"]')
    await page.click('button:has-text("Create role")')
    await page.waitForSelector('table.roles td:has-text("catalog_editor")')
    await page.click('table.roles tr:has-text("catalog_editor") button:has-text("Edit")')
    await page.check('input[name="perm-inventory:read"]')
    await page.click('button:has-text("Save role")')
    await page.waitForSelector('table.roles td:has-text("inventory:read")')
    const { role } = await admin.GET('/admin/roles/{name}', { params: { path: { name: 'catalog_editor' } } })
    expect(role).toMatchObject({ built_in: false, permissions: ['catalog:read', 'catalog:write', 'inventory:read'] })
  })

  it('shows a password reset email in the notification log', async () => {
    const store = createStoreClient({ baseUrl: api.url, publishableKey })
    await store.customers.register({ email: 'forgetful@example.com', password: 'a long enough password' })
    await store.auth.requestPasswordReset('forgetful@example.com')
    // The event worker turns the internal event into a message kept by the database provider.
    await expect
      .poll(async () => (await admin.GET('/admin/notifications', { params: { query: { to: 'forgetful@example.com' } } })).data.length, {
        timeout: 10_000,
      })
      .toBe(1)

    const page = await signedIn(OWNER)
    await page.click('a[href="#/settings"]')
    await page.click('a[href="#/settings/notifications"]')
    await page.waitForSelector('table.notifications td:has-text("forgetful@example.com")')
    await page.click('table.notifications tr:has-text("forgetful@example.com") button')
    await page.waitForSelector('.notification-detail')
    expect(await page.locator('.notification-detail .message-text').textContent()).toContain('token=')
  })
})
