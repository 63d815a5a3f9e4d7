import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { testPostgresUrl } from '@kassa/core/testing'
import pg from 'pg'

// Real `kassa start` / `kassa worker` processes for the concurrency tests: build, spawn, wait until ready, stop.
export const root = join(import.meta.dirname, '../../../..')
const bin = join(root, 'packages/cli/dist/kassa.js')

export interface Server {
  child: ChildProcess
  url: string
  key: string
}

/** Builds the CLI the processes run (packages/cli/dist/kassa.js). */
export function buildCli(): void {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })
}

/** The URL of database `database` on the test PostgreSQL server. */
export function postgresUrl(database: string): string {
  return testPostgresUrl.replace(/\/[^/]*$/, `/${database}`)
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl })
  await client.connect()
  await client.query(sql)
  await client.end()
}

export const createDatabase = (database: string) => admin(`create database ${database}`)
export const dropDatabase = (database: string) => admin(`drop database if exists ${database} with (force)`)

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface StartOptions {
  dbUrl: string
  dataDir: string
  command?: 'start' | 'worker'
  /** Added to the process environment. */
  env?: Record<string, string>
}

/** Spawns the CLI on a free port; resolves once it printed its banner (60 s at most), rejects if it exits first. */
export async function startServer({ dbUrl, dataDir, command = 'start', env: extra }: StartOptions): Promise<Server> {
  const port = await freePort()
  // A clean environment: the test runner's NODE_OPTIONS loaders must not wrap the server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !k.startsWith('VITEST')))
  const child = spawn(process.execPath, [bin, command], {
    env: {
      ...env,
      DATABASE_URL: dbUrl,
      KASSA_DATA_DIR: dataDir,
      KASSA_DEMO: '',
      KASSA_TEST_PAYMENTS: '1',
      ...extra,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no start within 60 s\n${out}\n${err}`)), 60_000)
    child.stderr!.on('data', (d) => (err += d))
    child.stdout!.on('data', (d) => {
      out += d
      // `start` is ready once it printed its publishable key and database; `worker` has no key.
      const key = command === 'worker' ? '' : /Publishable key: (\S+)/.exec(out)?.[1]
      if (key !== undefined && (out.includes('Database:') || out.includes('Worker:'))) {
        clearTimeout(timer)
        resolve({ child, url: `http://127.0.0.1:${port}`, key })
      }
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}\n${out}\n${err}`)))
  })
}

/** Sends `signal` and waits for the process to exit; returns at once if it already has. */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

/** A store API request with the server's publishable key. */
export async function call(server: Server, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-publishable-api-key': server.key, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as any }
}

/** Starts `run` for every item, holds them all at a barrier, then releases them together. */
export function atBarrier<T, R>(items: readonly T[], run: (item: T, i: number) => Promise<R>): Promise<R[]> {
  let release!: () => void
  const barrier = new Promise<void>((resolve) => (release = resolve))
  const answers = items.map(async (item, i) => {
    await barrier
    return run(item, i)
  })
  release()
  return Promise.all(answers)
}
