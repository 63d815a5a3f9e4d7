// `npm test`: the whole suite on embedded SQLite and on PostgreSQL, then one totals line.
// PostgreSQL unreachable: a local run says so and skips that half; under CI=true it fails.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import pg from 'pg'

const url = process.env.KASSA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const ci = process.env.CI === 'true' || process.env.CI === '1'
const args = process.argv.slice(2)

async function postgresReachable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch (error) {
    console.error(`PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//')} is unreachable: ${error.message}`)
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

const projects = ['--project', 'sqlite']
if (await postgresReachable()) projects.push('--project', 'postgres')
else if (ci) {
  console.error('CI=true: the PostgreSQL half of the suite cannot be skipped.')
  console.log('0 passed, 1 failed')
  process.exit(1)
} else console.error('Skipping the PostgreSQL run (set KASSA_TEST_DATABASE_URL to point elsewhere).')

mkdirSync('.kassa', { recursive: true })
const report = '.kassa/test-results.json'
rmSync(report, { force: true })
const run = spawnSync(
  'npx',
  ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') } },
)

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests
  skipped = results.numPendingTests + results.numTodoTests
  // A file that fails to load runs no test: count it as a failure so it cannot hide.
  failed += results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
} else failed = 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(run.status === 0 && failed === 0 ? 0 : 1)
