import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixtures, type Fixtures, VALID_REQUESTS } from '../bad-input/requests.js'
import { toFormData } from '../bad-input/send.js'
import { diffSnapshots, listTables, snapshotDb } from '../bad-input/snapshot.js'
import { createTestApi } from '../helpers.js'
import { ACTOR_NAMES, type ActorName, buildActors, type MatrixActor } from './actors.js'
import { allowed, type Expectation } from './table.js'
import { AREA_TABLES } from './tables.js'

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const
interface Operation {
  operationId: string
  method: string
  path: string
  api: 'admin' | 'store' | 'other'
}

// Every operation of the document the real app serves: a route added anywhere is in the matrix at once.
const api = await createTestApi()
const doc = (await (await api.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> }
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => {
    const op = item[method]
    if (!op) return []
    const area = path.startsWith('/admin/') ? 'admin' : path.startsWith('/store/') ? 'store' : 'other'
    return [{ operationId: op.operationId, method: method.toUpperCase(), path, api: area } as Operation]
  }),
)

const TABLE: Record<string, Expectation> = {}
const duplicated: string[] = []
for (const table of Object.values(AREA_TABLES)) {
  for (const [id, e] of Object.entries(table)) {
    if (TABLE[id]) duplicated.push(id)
    TABLE[id] = e
  }
}

let fixtures: Fixtures
let actors: Record<ActorName, MatrixActor>
let tables: string[]
beforeAll(async () => {
  fixtures = await createFixtures(api)
  actors = await buildActors(api, fixtures.customers)
  // A secret key records its last use (once a minute): a refused request may touch that and nothing else.
  tables = (await listTables(api)).filter((t) => t !== 'api_key')
})
afterAll(() => api.close())

async function send(op: Operation, headers: Record<string, string>): Promise<Response> {
  const valid = VALID_REQUESTS[op.operationId]!(fixtures)
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(valid.path![name]!))
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(valid.query ?? {})) for (const v of Array.isArray(value) ? value : [value]) query.append(name, v)
  // The actor's credentials replace any the base request brings.
  const { authorization: _, ...requestHeaders } = valid.headers ?? {}
  const all: Record<string, string> = { ...requestHeaders, ...headers }
  if (valid.body !== undefined) all['content-type'] = 'application/json'
  return api.request(`${path}${query.size ? `?${query}` : ''}`, {
    method: op.method,
    headers: all,
    ...(valid.body !== undefined && { body: JSON.stringify(valid.body) }),
    ...(valid.form && { body: toFormData(valid.form) }),
  })
}

/** Why an answer is not a refusal; undefined when it is one. */
function notRefused(op: Operation, status: number, code: string): string | undefined {
  const refusal = code.startsWith('auth.') || (op.api === 'store' && code.startsWith('customer_session.'))
  if (status === 401 || status === 403) return refusal ? undefined : `${status} with code ${code}`
  // `order.not_found`, `customer.address_not_found`: the caller's view of another's thing is that it does not exist.
  if (op.api === 'store' && status === 404 && /[._]not_found$/.test(code) && code !== 'route.not_found') return undefined
  return `answered ${status} ${code}`
}

const codeOf = async (res: Response) => ((await res.clone().json().catch(() => ({}))) as { code?: string }).code ?? ''
const label = (op: Operation) => `${op.operationId} (${op.method} ${op.path})`

describe('authorization matrix: every operation x every actor, against the hand-written tables', () => {
  it('has exactly one table entry per operation, and none for operations that do not exist', () => {
    const ids = new Set(operations.map((op) => op.operationId))
    expect(operations.length).toBeGreaterThan(80)
    expect(
      operations.filter((op) => !TABLE[op.operationId]).map(label),
      'operations missing from the authorization tables: add them to test/authz/<area>.table.ts',
    ).toEqual([])
    expect(Object.keys(TABLE).filter((id) => !ids.has(id)), 'entries for operations the document no longer has').toEqual([])
    expect(duplicated, 'operations listed in two area tables').toEqual([])
  })

  it.each(operations.map((op) => [label(op), op] as const))('%s', async (_, op) => {
    const expectation = TABLE[op.operationId]
    if (!expectation) throw new Error(`${op.operationId} is missing from the authorization tables`)
    const allow = allowed(expectation)
    const endsSession = 'allow' in expectation && expectation.endsSession === true
    const failures: string[] = []

    // Refusals first, on untouched fixtures; a refused request writes nothing.
    for (const name of ACTOR_NAMES.filter((n) => !allow.includes(n))) {
      const headers = endsSession ? await actors[name].fresh() : actors[name].headers
      const before = await snapshotDb(api, tables)
      const res = await send(op, headers)
      const problem = notRefused(op, res.status, await codeOf(res))
      if (problem) failures.push(`${name} should be refused but ${problem}`)
      const writes = diffSnapshots(before, await snapshotDb(api, tables))
      if (writes.length) failures.push(`${name} was refused but wrote: ${writes.join(', ')}`)
    }
    // The first allowed actor gets the base request's success; later ones may meet what it changed
    // (a deleted thing, a taken email) but are never refused.
    for (const [i, name] of allow.entries()) {
      const res = await send(op, endsSession ? await actors[name].fresh() : actors[name].headers)
      const code = await codeOf(res)
      if (i === 0 && res.status >= 300) failures.push(`${name} should succeed but answered ${res.status} ${code}`)
      else if (i > 0 && !notRefused(op, res.status, code) && !(op.method === 'DELETE' && res.status === 404)) failures.push(`${name} should be allowed but answered ${res.status} ${code}`)
    }
    // An operation that ends sessions may have ended the actors' standing ones too (a password
    // change signs out every other session): the next operations get new ones.
    if (endsSession) for (const actor of Object.values(actors)) actor.headers = await actor.fresh()
    expect(failures).toEqual([])
  })
})
