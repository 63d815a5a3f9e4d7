// Runs the storefront on its own against any Kassa API:
//   KASSA_API_URL=https://api.example.com KASSA_PUBLISHABLE_KEY=pk_... node apps/storefront/dist/storefront.js
import { startStorefront } from './server.js'

const apiUrl = process.env.KASSA_API_URL ?? 'http://localhost:9000'
const publishableKey = process.env.KASSA_PUBLISHABLE_KEY
if (!publishableKey) {
  console.error('Set KASSA_PUBLISHABLE_KEY (the sales channel key, pk_...) and KASSA_API_URL.')
  process.exit(1)
}
const running = await startStorefront({
  apiUrl,
  publishableKey,
  port: Number(process.env.PORT ?? 8000),
  ...(process.env.STOREFRONT_PUBLIC_URL && { publicUrl: process.env.STOREFRONT_PUBLIC_URL }),
})
console.log(`Storefront: ${running.url} (API: ${apiUrl})`)
const stop = () => void running.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
