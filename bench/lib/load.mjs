// autocannon, with the CPU the load generator and the server used while it ran.
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import { KEY } from './kassa.mjs'
import { cpuByProcessMatching, cpuSecondsBetween, cpuSecondsOfTree } from './proc.mjs'

/** Every request carries the demo publishable key, the ceiling's too: the same bytes either way. */
const withKey = (headers) => ({ 'x-publishable-api-key': KEY, ...headers })

/**
 * Fires GETs at one URL for `duration` seconds over `connections` keep-alive connections.
 * `bad` counts what must stay 0: responses other than 2xx/3xx, socket errors and timeouts;
 * `expect` ('2xx' or '3xx') counts replies of the other kind as bad too.
 */
export async function fire({ url, headers, connections, duration, serverPid, dbName, expect }) {
  const load = loadavg()[0]
  const cpuBefore = process.cpuUsage()
  // The server's process and, with `--workers`, the API processes it forked.
  const serverBefore = cpuSecondsOfTree(serverPid)
  const dbBefore = dbName ? cpuByProcessMatching(dbName) : null
  const started = performance.now()
  const result = await autocannon({ url, headers: withKey(headers), connections, duration, timeout: 10 })
  const wall = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const other = expect === '3xx' ? result['2xx'] : expect === '2xx' ? result['3xx'] : 0
  const answered = result['2xx'] + result['3xx'] > 0
  return {
    rps: rate(result.requests.total / result.duration),
    p50_ms: answered ? result.latency.p50 : null,
    p99_ms: answered ? result.latency.p99 : null,
    requests: result.requests.total,
    status: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    // autocannon counts timeouts among its errors.
    bad: result['4xx'] + result['5xx'] + result['1xx'] + result.errors + other,
    timeouts: result.timeouts,
    kb_per_s: Math.round(result.throughput.average / 1024),
    // Shares of one core over the wall time of the run.
    loadgen_cpu: round2((cpu.user + cpu.system) / 1e6 / wall),
    server_cpu: serverPid ? round2((cpuSecondsOfTree(serverPid) - serverBefore) / wall) : null,
    // PostgreSQL's backends for this run's database (their process titles name it).
    db_cpu: dbName ? round2(cpuSecondsBetween(dbBefore, cpuByProcessMatching(dbName)) / wall) : null,
    load_avg: round2(load),
  }
}

/**
 * A short run whose figures are thrown away: JIT, caches and the database pool warm up. Ten
 * connections open the whole pool yet leave little in flight at the end.
 */
export async function warmUp({ url, headers, duration }) {
  if (duration > 0) await autocannon({ url, headers: withKey(headers), connections: 10, duration, timeout: 10 })
}

/**
 * Waits until the server (and its database backends) use next to no CPU: when a run ends, the
 * requests still in flight keep it busy, and the next run must not pay for them. Resolves the
 * milliseconds it waited, or null when still busy after `limitMs`.
 */
export async function settle({ serverPid, dbName, limitMs }) {
  const read = () => ({ server: serverPid ? cpuSecondsOfTree(serverPid) : 0, db: dbName ? cpuByProcessMatching(dbName) : new Map() })
  const started = performance.now()
  let before = read()
  while (performance.now() - started < limitMs) {
    await sleep(250)
    const now = read()
    if (now.server - before.server + cpuSecondsBetween(before.db, now.db) < 0.02) return Math.round(performance.now() - started)
    before = now
  }
  return null
}

/** Whole requests per second; one decimal below 10, where rounding would hide a slow endpoint. */
function rate(n) {
  return n < 10 ? Math.round(n * 10) / 10 : Math.round(n)
}

function round2(n) {
  return Math.round(n * 100) / 100
}
