import { createReadStream, createWriteStream, statSync } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import {
  createCommerce,
  createDb,
  isPostgresUrl,
  moveStore,
  exportCustomersCsv,
  exportOrdersCsv,
  exportProductsCsv,
  exportProductsJson,
  importProducts,
  type ImportProgress,
  loadConfig,
} from '@kassa/core'

/** Flags and positional arguments; `--flag value`, `--flag=value`, or a bare boolean flag. */
export function parseArgs(args: string[], booleans: string[]): { positional: string[]; flags: Record<string, string | boolean> } {
  const positional: string[] = []
  const flags: Record<string, string | boolean> = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    if (inline !== undefined) flags[key] = inline
    else if (!booleans.includes(key) && args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags[key] = args[++i]!
    else flags[key] = true
  }
  return { positional, flags }
}

const IMPORT_USAGE = 'Usage: kassa import products FILE.csv [--dry-run] [--currency EUR] [--location <id|name>]'

/** `kassa import products FILE.csv`: a Shopify product CSV into the catalog, with progress. */
export async function importCommand(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args, ['dry-run'])
  const [what, file] = positional
  if (what !== 'products' || !file) {
    console.error(IMPORT_USAGE)
    process.exit(2)
  }
  let size: number
  try {
    size = statSync(file).size
  } catch {
    console.error(`No such file: ${file}`)
    process.exit(1)
  }
  const commerce = await createCommerce(await loadConfig())
  const progress = progressReporter(size)
  try {
    const result = await importProducts(commerce.ctx(), createReadStream(file), {
      dryRun: flags['dry-run'] === true,
      ...(typeof flags.currency === 'string' && { currency: flags.currency }),
      ...(typeof flags.location === 'string' && { location: flags.location }),
      onProgress: progress.update,
    })
    progress.done()
    const p = result.products
    console.log(
      `${result.dry_run ? 'Dry run (nothing written): ' : ''}${result.rows} rows, ${result.variants} variants; products: ${p.created} created, ${p.updated} updated, ${p.unchanged} unchanged, ${p.failed} skipped`,
    )
    if (result.ignored_columns.length) console.log(`Columns not read: ${result.ignored_columns.join(', ')}`)
    for (const issue of result.issues.slice(0, 50))
      console.log(`  line ${issue.line}${issue.handle ? ` (${issue.handle})` : ''}: ${issue.reason}`)
    const more = result.issues.length - 50 + (result.issues_truncated ? 1 : 0)
    if (more > 0) console.log(`  ... and ${result.issues_truncated ? 'more' : more} more`)
    if (result.issues.length) process.exitCode = 1
  } finally {
    progress.done()
    await commerce.close()
  }
}

/** A bar with rate and ETA on a terminal; a plain line every 5 seconds otherwise (logs, CI). */
function progressReporter(total: number) {
  const started = Date.now()
  const tty = process.stderr.isTTY === true
  let last = started
  let shown = false
  const line = (p: ImportProgress) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001)
    const rate = p.rows / seconds
    const fraction = total ? Math.min(p.bytes / total, 1) : 0
    const eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : undefined
    return {
      rate,
      fraction,
      eta,
      text: `${p.rows} rows, ${p.products} products, ${Math.round(rate)} rows/s${eta === undefined ? '' : `, ETA ${eta} s`}`,
    }
  }
  return {
    update(p: ImportProgress) {
      const now = Date.now()
      if (now - last < (tty ? 200 : 5000)) return
      last = now
      const { fraction, text } = line(p)
      if (tty) {
        const width = 24
        const filled = Math.round(fraction * width)
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${text}\u001b[K`)
        shown = true
      } else {
        process.stderr.write(`import: ${Math.floor(fraction * 100)}% ${text}\n`)
      }
    },
    done() {
      if (tty && shown) process.stderr.write('\r\u001b[K')
      shown = false
    },
  }
}

const EXPORT_USAGE =
  'Usage: kassa export products [--format shopify-csv|json] [--currency EUR] [--out FILE]\n       kassa export orders [--from ISO] [--to ISO] [--out FILE]\n       kassa export customers [--out FILE]'

/** `kassa export products|orders|customers`: streamed to a file or standard output. */
export async function exportCommand(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args, [])
  const [what] = positional
  const format = typeof flags.format === 'string' ? flags.format : 'shopify-csv'
  if ((what !== 'products' && what !== 'orders' && what !== 'customers') || (what === 'products' && format !== 'shopify-csv' && format !== 'json')) {
    console.error(EXPORT_USAGE)
    process.exit(2)
  }
  if (what !== 'products' && flags.format !== undefined) console.error(`${what === 'orders' ? 'Orders' : 'Customers'} are exported as CSV only`)
  const commerce = await createCommerce(await loadConfig())
  const ctx = commerce.ctx()
  const out: Writable = typeof flags.out === 'string' ? createWriteStream(flags.out) : process.stdout
  // A reader that stops early (`| head`) ends the export quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
  try {
    const chunks =
      what === 'customers'
        ? exportCustomersCsv(ctx)
        : what === 'orders'
        ? exportOrdersCsv(ctx, {
            ...(typeof flags.from === 'string' && { from: flags.from }),
            ...(typeof flags.to === 'string' && { to: flags.to }),
          })
        : format === 'json'
          ? exportProductsJson(ctx)
          : exportProductsCsv(ctx, typeof flags.currency === 'string' ? { currency: flags.currency } : {})
    for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain')
    if (out !== process.stdout) {
      out.end()
      await once(out, 'finish')
      console.error(`Wrote ${flags.out}`)
    }
  } finally {
    await commerce.close()
  }
}

/** `kassa move --to postgres://...`: the whole store from the embedded database into an empty PostgreSQL. */
export async function moveCommand(args: string[]): Promise<void> {
  const { flags } = parseArgs(args, [])
  const to = typeof flags.to === 'string' ? flags.to : ''
  if (!isPostgresUrl(to)) {
    console.error('Usage: kassa move --to postgres://user:password@host:5432/database')
    process.exit(2)
  }
  const config = await loadConfig()
  if (!config.embedded) {
    console.error(
      `kassa move copies the embedded database; DATABASE_URL already points at ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`,
    )
    process.exit(2)
  }
  const source = createDb({ url: config.databaseUrl })
  const target = createDb({ url: to })
  try {
    const report = await moveStore(source.db, target.db, { onTable: (table, rows) => console.error(`copied ${table}: ${rows} rows`) })
    console.log(`Verified ${report.tables.length} tables: row counts and checksums match.`)
    if (report.skipped.length)
      console.log(
        `Not copied (the embedded full-text index; PostgreSQL indexes the copied search documents itself): ${report.skipped.join(', ')}`,
      )
    console.log(`Start Kassa on PostgreSQL with:\n  DATABASE_URL=${to} kassa start`)
  } finally {
    await target.destroy()
    await source.destroy()
  }
}
