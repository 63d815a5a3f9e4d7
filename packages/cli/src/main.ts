#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=256
import { isKassaError } from '@kassa/core'
import { adminCreate, migrate, openapi, seed, start, worker } from './commands.js'
import { promotionCodes } from './promotion-commands.js'
import { exportCommand, importCommand, moveCommand } from './dataio-commands.js'

const USAGE = `Usage: kassa <command> [options]

Commands:
  start                 migrate, seed the demo shop (demo mode), serve the API and run the event worker
                        [--workers N] N API processes on one PostgreSQL (node:cluster)
  worker                run only the event worker: subscribers, notifications, webhook deliveries
  migrate               bring the database to the newest schema
  seed                  create the demo catalog (idempotent)
  admin:create          --email E --password P [--role owner|manager|support|read_only]
  promotions:codes      <promotion_id> --count N [--prefix P] [--usage-limit N]: print N new unique codes
  import products FILE  a Shopify product CSV [--dry-run] [--currency EUR] [--location ID|NAME]
  export products       [--format shopify-csv|json] [--currency EUR] [--out FILE]
  export orders         one CSV row per order line [--from ISO] [--to ISO] [--out FILE]
  export customers      one CSV row per customer: orders, spend per currency, default address [--out FILE]
  move --to URL         copy the embedded store into an empty PostgreSQL, verify it, print DATABASE_URL
  openapi               print the OpenAPI document

Environment: DATABASE_URL (postgres://...; default embedded SQLite under .kassa/), PORT (9000),
KASSA_DEMO, KASSA_ADMIN_EMAIL, KASSA_ADMIN_PASSWORD, KASSA_PUBLIC_URL, KASSA_DATA_DIR, LOG_LEVEL,
KASSA_WORKERS, KASSA_CACHE (off), KASSA_CACHE_MB, KASSA_CACHE_TTL, KASSA_WEBHOOKS_ALLOW_PRIVATE,
KASSA_SMTP_URL, KASSA_NOTIFICATION_FROM, KASSA_PASSWORD_RESET_URL, KASSA_STOREFRONT_URL.`

function parseFlags(args: string[]): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('--')) continue
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    if (inline !== undefined) flags[key] = inline
    else if (args[i + 1] && !args[i + 1]!.startsWith('--')) flags[key] = args[++i]!
    else flags[key] = true
  }
  return flags
}

const [command, ...rest] = process.argv.slice(2)
const flags = parseFlags(rest)
const commands: Record<string, (f: typeof flags, args: string[]) => Promise<void>> = {
  start,
  worker,
  migrate,
  seed,
  'admin:create': adminCreate,
  'promotions:codes': promotionCodes,
  import: () => importCommand(rest),
  export: () => exportCommand(rest),
  move: () => moveCommand(rest),
  openapi,
}

const run = command ? commands[command] : undefined
if (!run) {
  console.log(USAGE)
  process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0)
}
run(flags, rest).catch((error: unknown) => {
  if (isKassaError(error)) {
    console.error(`${error.code}: ${error.message}`)
    for (const e of error.errors ?? []) console.error(`  ${e.path}: ${e.message}`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
