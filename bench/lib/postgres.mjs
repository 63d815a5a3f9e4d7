// A throwaway PostgreSQL database per run: created before seeding, dropped at the end.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const ADMIN_URL = process.env.KASSA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Whether the server answers; the reason when it does not. */
export async function reachable() {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    const { rows } = await client.query('show server_version')
    return { ok: true, version: rows[0].server_version }
  } catch (error) {
    return { ok: false, reason: error.message }
  } finally {
    await client.end().catch(() => {})
  }
}

export async function createDatabase(label) {
  const name = `kassa_bench_${label}_${randomBytes(3).toString('hex')}`
  await admin(`create database ${name}`)
  return { name, url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) }
}

export async function dropDatabase(name) {
  await admin(`drop database if exists ${name} with (force)`)
}

/** Ends every session on the database: the queries a killed server left running stop with it. */
export async function terminateBackends(name) {
  await admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name])
}

async function admin(statement, params = []) {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(statement, params)
  } finally {
    await client.end()
  }
}
