import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialect, testPostgresUrl } from '@kassa/core/testing'
import { API_NODE_FLAGS, withApiNodeFlags } from '../src/workers.js'

const root = join(import.meta.dirname, '../../..')
const bin = join(root, 'packages/cli/dist/kassa.js')

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

describe('V8 flags of the API processes', () => {
  it('adds the API flags, but a flag of the same name given by hand wins', () => {
    expect(withApiNodeFlags(['--enable-source-maps'])).toEqual(['--enable-source-maps', ...API_NODE_FLAGS])
    expect(withApiNodeFlags(['--max-semi-space-size=16'])).toEqual(['--max-semi-space-size=16', '--max-old-space-size=256'])
    expect(withApiNodeFlags(['--max_semi_space_size=8', '--max-old-space-size=1024'])).toEqual([
      '--max_semi_space_size=8',
      '--max-old-space-size=1024',
    ])
  })
})

describe.runIf(testDialect === 'postgres')('kassa start --workers on PostgreSQL', () => {
  const database = `kassa_workers_${randomBytes(4).toString('hex')}`
  const dbUrl = testPostgresUrl.replace(/\/[^/]*$/, `/${database}`)
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-workers-'))
  let child: ChildProcess | undefined

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
    const client = new pg.Client({ connectionString: testPostgresUrl })
    await client.connect()
    await client.query(`create database ${database}`)
    await client.end()
  })
  afterAll(async () => {
    child?.kill('SIGKILL')
    const client = new pg.Client({ connectionString: testPostgresUrl })
    await client.connect()
    await client.query(`drop database if exists ${database} with (force)`)
    await client.end()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves from two processes on one port, and every process exits cleanly on SIGTERM', async () => {
    const port = await freePort()
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !k.startsWith('VITEST')))
    const env = {
      ...inherited,
      DATABASE_URL: dbUrl,
      KASSA_DATA_DIR: dataDir,
      KASSA_DEMO: '',
      KASSA_WORKERS: '2',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    }
    const proc = spawn(process.execPath, [bin, 'start'], { env })
    child = proc
    let out = ''
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (d) => {
        out += d
        if (out.includes('Database:')) resolve()
      })
      proc.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
    })
    expect(out).toContain(`API: http://localhost:${port} (2 processes)`)
    const key = /Publishable key: (\S+)/.exec(out)![1]!
    // The forked API processes run with the API's V8 flags.
    const workers = execFileSync('ps', ['-o', 'args=', '--ppid', String(proc.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
    expect(workers.filter((args) => API_NODE_FLAGS.every((flag) => args.includes(flag)))).toHaveLength(2)
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/store/products`, { headers: { 'x-publishable-api-key': key } })
      expect(res.status).toBe(200)
    }
    const exited = new Promise<number | string | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)))
    proc.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
