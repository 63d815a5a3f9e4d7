import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { type RunningServer, startServer } from '@kassa/api'
import type { Commerce } from '@kassa/core'
import { testDialect } from '@kassa/core/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../../storefront/e2e/browser.js'

// What every admin browser suite shares: the Chromium check, the built app served by the real API
// at /app/, and a page signed in through the login form.
export const OWNER = { email: 'owner@example.com', password: 'correct horse battery' }
const ci = process.env.CI === 'true' || process.env.CI === '1'
const present = chromiumAvailable()

/**
 * Whether a browser suite runs here: on the embedded database, with Chromium. Without Chromium it
 * says so and skips, except under CI=true, where it registers a failing test instead.
 */
export function runsInBrowser(suite: string): boolean {
  if (testDialect !== 'sqlite') return false
  if (!present) {
    console.warn(
      `Chromium not found at ${CHROMIUM_PATH}: ${ci ? `CI=true, so the ${suite} fail` : `skipping the ${suite}`} (apt-get install -y chromium)`,
    )
    if (ci) describe(`${suite} on CI`, () => it('need Chromium', () => expect.fail(`CI=true and no Chromium at ${CHROMIUM_PATH}`)))
  }
  return present
}

export interface AdminInBrowser {
  api: RunningServer
  browser: Browser
  /** A new browser context signed in as `user` on the admin's first page. */
  signedIn(user?: { email: string; password: string }, viewport?: { width: number; height: number }): Promise<Page>
  /** Closes the contexts, the browser and the server (not the engine). */
  close(): Promise<void>
}

const root = join(import.meta.dirname, '../../..')

/** Serves the admin app (rebuilt only when a source is newer: `npm install` builds it) and launches Chromium. */
export async function startAdminInBrowser(commerce: Commerce): Promise<AdminInBrowser> {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
  const api = await startServer(commerce, { port: 0, host: '127.0.0.1', reservationSweepMs: 0, adminDir: join(root, 'apps/admin/dist') })
  const browser = await launchChromium()
  const contexts: BrowserContext[] = []
  return {
    api,
    browser,
    async signedIn(user = OWNER, viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport, baseURL: api.url })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(8_000)
      page.on('pageerror', (error) => console.error('page error:', error))
      await page.goto('/app/')
      await page.fill('input[name=email]', user.email)
      await page.fill('input[name=password]', user.password)
      await page.click('button[type=submit]')
      await page.waitForSelector('.topbar')
      return page
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {})
      await browser.close()
      await api.close()
    },
  }
}
