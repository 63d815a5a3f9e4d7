import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialect, testPostgresUrl } from '@kassa/core/testing'

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

interface Started {
  child: ChildProcess
  lines: Record<string, string>
  url: string
}

/** Runs `kassa start` as a real process and waits for its printed lines. */
async function startKassa(env: Record<string, string>): Promise<Started> {
  const port = await freePort()
  // A clean environment: the test runner's NODE_OPTIONS loaders must not wrap the server's signal handling.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !k.startsWith('VITEST')))
  const child = spawn(process.execPath, [bin, 'start'], { env: { ...inherited, ...env, PORT: String(port), LOG_LEVEL: 'warn' } })
  let out = ''
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s\n${out}\n${err}`)), 60_000)
    child.stdout!.on('data', (d) => {
      out += d
      if (out.includes('Database:')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}\n${out}\n${err}`)))
  })
  const lines = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
  )
  return { child, lines, url: `http://localhost:${port}` }
}

function stop(child: ChildProcess): Promise<number | string | null> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal))
    child.kill('SIGINT')
  })
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })
})

describe.runIf(testDialect === 'sqlite')('kassa start (embedded demo mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-start-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('migrates, seeds, prints the URLs and a working demo login, and stops on Ctrl-C', async () => {
    const { child, lines, url } = await startKassa({ KASSA_DATA_DIR: dataDir, DATABASE_URL: '', KASSA_DEMO: '' })
    try {
      expect(lines['API']).toBe(url)
      expect(lines['Storefront']).toMatch(/^http:\/\/localhost:\d+$/)
      const shop = await fetch(`${lines['Storefront']}/en/`)
      expect(shop.status).toBe(200)
      expect(await shop.text()).toContain('<html lang="en">')
      expect(lines['Admin']).toBe(`${url}/app/`)
      const adminApp = await fetch(lines['Admin']!)
      expect(adminApp.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await adminApp.text()).toContain('<div id="app">')
      expect(lines['Publishable key']).toBe('pk_demo')
      const products = await (await fetch(`${url}/store/products?limit=100`, { headers: { 'x-publishable-api-key': 'pk_demo' } })).json()
      expect(products.data).toHaveLength(100)
      expect(products.next_cursor).toBeTruthy()
      const [email, password] = lines['Admin login']!.split(' / ')
      const login = await fetch(`${url}/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
      expect(login.status).toBe(200)
    } finally {
      expect(await stop(child)).toBe(0)
    }
    // A second start keeps the data and prints the same login.
    const again = await startKassa({ KASSA_DATA_DIR: dataDir, DATABASE_URL: '', KASSA_DEMO: '' })
    expect(again.lines['Admin login']).toBeDefined()
    expect(await stop(again.child)).toBe(0)
  })
})

describe.runIf(testDialect === 'postgres')('kassa start on PostgreSQL', () => {
  const database = `kassa_start_${randomBytes(4).toString('hex')}`
  const adminUrl = testPostgresUrl
  const dbUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`)
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-start-'))

  beforeAll(async () => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    await client.query(`create database ${database}`)
    await client.end()
  })
  afterAll(async () => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    await client.query(`drop database if exists ${database} with (force)`)
    await client.end()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('seeds nothing and prints no demo login, and the configured owner can sign in', async () => {
    const env = { DATABASE_URL: dbUrl, KASSA_DATA_DIR: dataDir, KASSA_DEMO: '', KASSA_ADMIN_EMAIL: 'owner@shop.test', KASSA_ADMIN_PASSWORD: 'a long owner password' }
    const { child, lines, url } = await startKassa(env)
    try {
      expect(lines['Admin login']).toBeUndefined()
      expect(lines['Publishable key']).toMatch(/^pk_.{20,}/)
      const products = await (await fetch(`${url}/store/products`, { headers: { 'x-publishable-api-key': lines['Publishable key']! } })).json()
      expect(products.data).toEqual([])
      const login = await fetch(`${url}/admin/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@shop.test', password: 'a long owner password' }),
      })
      expect(login.status).toBe(200)
      expect((await (await fetch(`${url}/ready`)).json()).database).toBe('postgres')
    } finally {
      expect(await stop(child)).toBe(0)
    }
  })
})
