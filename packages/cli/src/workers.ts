import cluster from 'node:cluster'
import type { Logger } from 'pino'

/** `--workers N` or `KASSA_WORKERS`: how many API processes `kassa start` runs (default 1). */
export function workerCount(flags: Record<string, string | boolean>, env: NodeJS.ProcessEnv = process.env): number {
  const raw = typeof flags.workers === 'string' ? flags.workers : env.KASSA_WORKERS
  const n = raw ? Number.parseInt(raw, 10) : 1
  if (!Number.isInteger(n) || n < 1) throw new Error(`--workers / KASSA_WORKERS must be a whole number of at least 1, not ${raw}`)
  return n
}

/**
 * V8 flags for an API process: a young generation of 2 x 4 MB instead of 2 x 16 MB, and an old
 * generation limit of 256 MB instead of V8's default (a quarter of the machine's memory, up to
 * 4 GB). Under load the heap grows with garbage, not with what it keeps
 * (docs/adr/0015-read-path-and-memory.md): with no nearby limit V8 lets the old generation grow
 * before it collects it (RSS 266-365 MB after 30-60 s of cached product lists, 35-45 MB of it
 * live); with the limit it collects sooner and RSS stays at 135-139 MB, for the same req/s.
 * `npm start` passes them; forked API processes get them from here.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256']

/** `execArgv` with each API flag whose name it does not set already (a flag given by hand wins). */
export function withApiNodeFlags(execArgv: readonly string[]): string[] {
  const named = (flag: string) => flag.split('=')[0]!.replace(/_/g, '-')
  const given = new Set(execArgv.map(named))
  return [...execArgv, ...API_NODE_FLAGS.filter((flag) => !given.has(named(flag)))]
}

/** True in a process that `runWorkers` forked: it serves and leaves migrations and seeding to the primary. */
export function isWorker(): boolean {
  return cluster.isWorker
}

/**
 * Forks `count` processes that each run `kassa start` on the same port (node:cluster shares the
 * socket); resolves once every one listens. A worker that dies is replaced; SIGTERM/SIGINT are passed on, and each worker drains
 * its in-flight requests before it exits.
 */
export function runWorkers(count: number, logger: Logger): Promise<void> {
  let stopping = false
  cluster.setupPrimary({ execArgv: withApiNodeFlags(process.execArgv) })
  const fork = () => cluster.fork()
  const listening = new Promise<void>((resolve) => {
    let up = 0
    const onListening = () => {
      if (++up < count) return
      cluster.off('listening', onListening)
      resolve()
    }
    cluster.on('listening', onListening)
  })
  for (let i = 0; i < count; i++) fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'worker exited; starting another')
    fork()
  })
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal, workers: count }, 'shutting down workers')
    setTimeout(() => process.exit(1), 15_000).unref()
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  return listening
}
