// The machine a run measured on, and the markdown tables of a result.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'

export function machineInfo() {
  const git = (args) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return ''
    }
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    load_avg_start: loadavg().map((n) => Math.round(n * 100) / 100),
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : ''}`,
  }
}

const DB_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' }
const size = (n) => (n >= 1000 ? `${n / 1000}k` : String(n))
const pct = (part, whole) => {
  if (!whole) return 'n/a'
  const share = (part / whole) * 100
  return `${share > 0 && share < 1 ? share.toFixed(1) : Math.round(share)}%`
}
const num = (n) => (n === null || n === undefined ? 'n/a' : n.toLocaleString('en-US'))

export function markdown(result) {
  const { settings, ceiling, runs, machine } = result
  const out = []
  out.push(`- Command: \`${result.command}\` (${result.mode}), ${result.started_at}, commit ${machine.commit}.`)
  out.push(
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node}; load average ` +
      `${machine.load_avg_start.join(' / ')} at the start, ${result.load_avg_end.join(' / ')} at the end (1/5/15 min).`,
  )
  out.push(
    `- Load: autocannon, ${settings.connections} connections, ${settings.duration} s per row after ${settings.warmup} s of warm-up ` +
      `per endpoint at 10 connections; ${result.pinning}. CPU columns are shares of one core during the row.`,
  )
  out.push('')
  if (ceiling) {
    out.push(
      `**Ceiling** (node:http answering the product list's ${num(ceiling.bytes)} bytes): ${num(ceiling.rps)} req/s, ` +
        `p50 ${ceiling.p50_ms} ms, p99 ${ceiling.p99_ms} ms, bad ${ceiling.bad}, server CPU ${ceiling.server_cpu}, load generator CPU ${ceiling.loadgen_cpu}.`,
    )
    out.push('')
  }
  out.push(row(ENDPOINT_COLUMNS), row(ENDPOINT_COLUMNS.map((c, i) => (i === 0 || i === 2 || i === 3 ? '---' : '---:'))))
  for (const run of runs) {
    for (const r of run.endpoints) {
      const figures = r.skipped
        ? [r.skipped, ...Array(ENDPOINT_COLUMNS.length - 5).fill('')]
        : [
            num(r.rps),
            pct(r.rps, ceiling?.rps),
            r.p50_ms ?? '-',
            r.p99_ms ?? '-',
            r.bad,
            r.alone_ms,
            r.server_cpu,
            r.db_cpu ?? '-',
            r.loadgen_cpu,
            r.load_avg,
          ]
      out.push(row([DB_NAMES[run.db], size(run.products), r.endpoint, r.client, ...figures]))
    }
  }
  out.push('')
  const startColumns = [
    'database',
    'products',
    'seeding',
    'cold start: first product list (median)',
    '/ready',
    'RSS after warm-up',
    'RSS after load',
  ]
  out.push(row(startColumns), row(startColumns.map((c, i) => (i === 0 || i === 2 ? '---' : '---:'))))
  for (const run of runs) {
    const seeded = `${(run.seed.products_ms / 1000).toFixed(1)} s (${run.seed.path}, ${num(run.seed.variants)} variants, ${num(run.seed.prices)} prices)`
    const cold = `${run.cold_start.median} ms (of ${run.cold_start.samples.join(', ')})`
    out.push(
      row([
        DB_NAMES[run.db],
        size(run.products),
        seeded,
        cold,
        `${run.cold_start.listening_median} ms`,
        `${run.rss_mb.after_warmup} MB`,
        `${run.rss_mb.after_load} MB`,
      ]),
    )
  }
  const workerRuns = runs.filter((r) => r.workers?.length)
  if (workerRuns.length) {
    out.push('')
    const workerColumns = [
      'database',
      'products',
      'endpoint',
      'client',
      'API processes',
      'req/s',
      '1 process req/s',
      'p50 ms',
      'p99 ms',
      'bad',
      'server CPU',
      'DB CPU',
      'RSS of all',
    ]
    out.push(row(workerColumns), row(workerColumns.map((c, i) => (i === 0 || i === 2 || i === 3 ? '---' : '---:'))))
    for (const run of workerRuns)
      for (const w of run.workers)
        out.push(
          row([
            DB_NAMES[run.db],
            size(run.products),
            w.endpoint,
            w.client,
            w.workers,
            num(w.rps),
            num(w.single_rps),
            w.p50_ms ?? '-',
            w.p99_ms ?? '-',
            w.bad,
            w.server_cpu,
            w.db_cpu ?? '-',
            `${w.rss_mb} MB`,
          ]),
        )
  }
  out.push('')
  const checkoutColumns = ['database', 'products', 'checkout', 'orders/s', 'flow p50 ms', 'flow p99 ms', 'failed', 'server CPU', 'DB CPU']
  out.push(row(checkoutColumns), row(checkoutColumns.map((c, i) => (i === 0 || i === 2 ? '---' : '---:'))))
  for (const run of runs.filter((r) => r.checkout)) {
    const c = run.checkout
    const head = [DB_NAMES[run.db], size(run.products)]
    if (c.skip) out.push(row([...head, `skipped: ${c.skip}`, '', '', '', '', '', '']))
    else
      out.push(
        row([
          ...head,
          `${c.buyers} buyers, ${c.duration} s (${c.wall_s} s with the last flows), ${c.orders} orders`,
          c.orders_per_s,
          c.p50_ms,
          c.p99_ms,
          c.failed,
          c.server_cpu,
          c.db_cpu ?? '-',
        ]),
      )
  }
  if (result.notes.length) {
    out.push('')
    for (const note of result.notes) out.push(`- ${note}`)
  }
  return out.join('\n') + '\n'
}

const ENDPOINT_COLUMNS = [
  'database',
  'products',
  'endpoint',
  'client',
  'req/s',
  'of ceiling',
  'p50 ms',
  'p99 ms',
  'bad',
  'alone ms',
  'server CPU',
  'DB CPU',
  'load gen CPU',
  'load avg',
]

function row(cells) {
  return `| ${cells.join(' | ')} |`
}

const START = '<!-- bench:results:start -->'
const END = '<!-- bench:results:end -->'

/**
 * Replaces the generated part of BENCHMARKS.md (between its markers) with the new tables, then
 * formats the file the way `npm run format` would, so a run leaves no formatting churn.
 */
export async function updateDoc(file, table) {
  if (!existsSync(file)) return false
  const doc = readFileSync(file, 'utf8')
  const from = doc.indexOf(START)
  const to = doc.indexOf(END)
  if (from < 0 || to < from) return false
  const updated = `${doc.slice(0, from + START.length)}\n${table}${doc.slice(to)}`
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(file)) ?? {}
  writeFileSync(file, await prettier.format(updated, { ...options, filepath: file }))
  return true
}
