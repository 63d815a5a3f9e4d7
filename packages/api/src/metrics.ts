import type { Commerce } from '@kassa/core'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { CacheStats } from './cache/response-cache.js'
import type { AppEnv } from './env.js'

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

interface Series {
  method: string
  route: string
  status: number
  count: number
  sum: number
  buckets: number[]
}

/** Request counts and durations by route pattern and status, for `GET /metrics` (Prometheus text). */
export class Metrics {
  readonly #series = new Map<string, Series>()
  #inFlight = 0

  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const started = performance.now()
      this.#inFlight++
      try {
        await next()
      } finally {
        this.#inFlight--
        const route = c.res.status === 404 && routePath(c, -1).includes('*') ? 'unmatched' : routePath(c, -1)
        this.#observe(c.req.method, route, c.res.status, (performance.now() - started) / 1000)
      }
    }
  }

  #observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`
    let series = this.#series.get(key)
    if (!series) this.#series.set(key, (series = { method, route, status, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }))
    series.count++
    series.sum += seconds
    for (const [i, le] of BUCKETS.entries()) if (seconds <= le) series.buckets[i]!++
  }

  /** The exposition: HTTP series, the response cache, the event outbox's backlog, the DB pool, the process. */
  async render(commerce: Commerce, cache: CacheStats): Promise<string> {
    const lines: string[] = []
    const metric = (name: string, type: string, help: string) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
    metric('kassa_http_requests_total', 'counter', 'HTTP requests answered, by method, route pattern and status.')
    for (const s of this.#series.values()) lines.push(`kassa_http_requests_total{${labels(s)}} ${s.count}`)
    metric('kassa_http_request_duration_seconds', 'histogram', 'Time from receiving a request to its answer.')
    for (const s of this.#series.values()) {
      for (const [i, le] of BUCKETS.entries())
        lines.push(`kassa_http_request_duration_seconds_bucket{${labels(s)},le="${le}"} ${s.buckets[i]}`)
      lines.push(`kassa_http_request_duration_seconds_bucket{${labels(s)},le="+Inf"} ${s.count}`)
      lines.push(`kassa_http_request_duration_seconds_sum{${labels(s)}} ${s.sum}`)
      lines.push(`kassa_http_request_duration_seconds_count{${labels(s)}} ${s.count}`)
    }
    metric('kassa_http_requests_in_flight', 'gauge', 'Requests being answered now.')
    lines.push(`kassa_http_requests_in_flight ${this.#inFlight}`)

    metric('kassa_response_cache_requests_total', 'counter', 'Store API catalog reads by cache outcome.')
    lines.push(
      `kassa_response_cache_requests_total{outcome="hit"} ${cache.hits}`,
      `kassa_response_cache_requests_total{outcome="miss"} ${cache.misses}`,
    )
    metric('kassa_response_cache_not_modified_total', 'counter', '304 answers given from the cache.')
    lines.push(`kassa_response_cache_not_modified_total ${cache.notModified}`)
    metric('kassa_response_cache_flushes_total', 'counter', 'Times a catalog version change emptied the cache.')
    lines.push(`kassa_response_cache_flushes_total ${cache.flushes}`)
    metric('kassa_response_cache_bytes', 'gauge', 'Bytes held by the response cache.')
    lines.push(`kassa_response_cache_bytes ${cache.bytes}`)
    metric('kassa_response_cache_entries', 'gauge', 'Responses held by the response cache.')
    lines.push(`kassa_response_cache_entries ${cache.entries}`)

    const outbox = await commerce.db
      .selectFrom('event_outbox')
      .select((eb) => [eb.fn.countAll<number>().as('pending'), eb.fn.min('created_at').as('oldest')])
      .where('published_at', 'is', null)
      .executeTakeFirst()
    const oldest = outbox?.oldest ? new Date(outbox.oldest as string | Date).getTime() : undefined
    metric('kassa_event_outbox_pending', 'gauge', 'Events written and not yet published.')
    lines.push(`kassa_event_outbox_pending ${Number(outbox?.pending ?? 0)}`)
    metric('kassa_event_outbox_lag_seconds', 'gauge', 'Age of the oldest unpublished event (0 when none).')
    lines.push(`kassa_event_outbox_lag_seconds ${oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1000)}`)

    const pool = commerce.poolStats?.()
    if (pool) {
      metric('kassa_db_pool_connections', 'gauge', 'PostgreSQL pool connections by state (max: the configured size).')
      lines.push(
        `kassa_db_pool_connections{state="max"} ${pool.max}`,
        `kassa_db_pool_connections{state="open"} ${pool.total}`,
        `kassa_db_pool_connections{state="idle"} ${pool.idle}`,
      )
      metric('kassa_db_pool_waiting', 'gauge', 'Queries waiting for a pool connection.')
      lines.push(`kassa_db_pool_waiting ${pool.waiting}`)
    }

    const memory = process.memoryUsage()
    metric('kassa_process_resident_memory_bytes', 'gauge', 'Resident set size of this process.')
    lines.push(`kassa_process_resident_memory_bytes ${memory.rss}`)
    metric('kassa_process_heap_used_bytes', 'gauge', 'V8 heap in use.')
    lines.push(`kassa_process_heap_used_bytes ${memory.heapUsed}`)
    metric('kassa_process_heap_total_bytes', 'gauge', 'V8 heap reserved (used and free).')
    lines.push(`kassa_process_heap_total_bytes ${memory.heapTotal}`)
    metric('kassa_process_external_memory_bytes', 'gauge', 'Memory of buffers and native objects held from JavaScript.')
    lines.push(`kassa_process_external_memory_bytes ${memory.external}`)
    return `${lines.join('\n')}\n`
  }
}

function labels(s: Series): string {
  return `method="${s.method}",route="${escape(s.route)}",status="${s.status}"`
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}
