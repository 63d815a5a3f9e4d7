import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The flags every e2e run starts Chromium with (DEVELOPERS.md lists them). Playwright adds
 * `--headless` for `headless: true` and a fresh temporary `--user-data-dir` for every launch.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const SCREENSHOT_DIR = join(import.meta.dirname, '../../../test-results/screenshots')

/** Whether the browser tests can run here; under CI=true a missing Chromium is a failure, not a skip. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH)
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS })
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/**
 * Counts the JavaScript a page loads, compressed: every script response's bytes on the wire (the
 * server gzips; a response that came uncompressed is counted at its gzip size) plus inline scripts'
 * gzip size. Call before navigating; read `bytes()` after the page has loaded.
 */
export function watchScriptBytes(page: Page) {
  const pending: Promise<number>[] = []
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return
    pending.push(
      (async () => {
        const response = await request.response()
        if (!response) return 0
        const onWire = (await request.sizes()).responseBodySize
        // A script served from the browser's cache reports no bytes on the wire: count its gzip size.
        if (response.headers()['content-encoding'] === 'gzip' && onWire > 0) return onWire
        return gzipSync(await response.body()).length
      })(),
    )
  })
  return {
    async bytes(): Promise<number> {
      const external = (await Promise.all(pending)).reduce((a, b) => a + b, 0)
      const inline = await page.evaluate(() =>
        Array.from(document.querySelectorAll('script:not([src])'))
          .filter((s) => ['', 'text/javascript', 'module', 'application/javascript'].includes(s.getAttribute('type') ?? ''))
          .map((s) => s.textContent ?? ''),
      )
      return external + inline.reduce((sum, text) => sum + (text ? gzipSync(text).length : 0), 0)
    },
  }
}
