import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../helpers.js'
import { type BadCase, type GeneratedOperation, generateCases, type OpenApiDocument } from './generate.js'
import { createFixtures, type Fixtures, SEMANTIC_CASES, VALID_REQUESTS } from './requests.js'
import { applyMutation, send } from './send.js'
import { diffSnapshots, listTables, snapshotDb } from './snapshot.js'

// The cases come from the document the real app serves, so a new route or field is covered as soon as it exists.
const api = await createTestApi()
const doc = (await (await api.request('/openapi.json')).json()) as OpenApiDocument
const operations = generateCases(doc)
const caseCount = operations.reduce((n, op) => n + op.cases.length + (SEMANTIC_CASES[op.operationId]?.length ?? 0), 0)

let fixtures: Fixtures
let tables: string[]
beforeAll(async () => {
  fixtures = await createFixtures(api)
  tables = await listTables(api)
})
afterAll(() => api.close())

/** Everything wrong with the answer to one bad request; empty when it is a proper 400. */
async function problemsWith(res: Response, expected: BadCase['expect']): Promise<string[]> {
  const text = await res.text()
  const problems: string[] = []
  if (res.status !== 400) problems.push(`status ${res.status}${res.status >= 500 ? ' (server error)' : ''}`)
  const type = res.headers.get('content-type') ?? ''
  if (!type.startsWith('application/problem+json')) problems.push(`content-type ${type || 'none'}`)
  let body: { code?: string; errors?: { path: string; code: string }[] } = {}
  try {
    body = JSON.parse(text)
  } catch {
    return [...problems, `body is not JSON: ${text.slice(0, 120)}`]
  }
  if (body.code !== 'validation_failed') problems.push(`code ${body.code}`)
  const errors = body.errors ?? []
  const named = errors.filter((e) => e.path === expected.path)
  if (!named.length) problems.push(`no error at path "${expected.path}"`)
  else if (expected.code && !named.some((e) => e.code === expected.code)) problems.push(`path "${expected.path}" has code ${named.map((e) => e.code).join('/')}, not ${expected.code}`)
  if (problems.length) problems.push(`errors: ${JSON.stringify(errors.map((e) => `${e.path}:${e.code}`))}`)
  return problems
}

const label = (op: GeneratedOperation) => `${op.method} ${op.path} (${op.operationId})`

describe('bad input answers 400 validation_failed naming the field, and writes nothing', () => {
  it(`generates ${caseCount} cases for ${operations.length} operations`, () => {
    const withInput = operations.filter((op) => op.hasBody || op.path.includes('{'))
    expect(withInput.length).toBeGreaterThan(0)
    expect(withInput.filter((op) => op.cases.length === 0).map((op) => op.operationId)).toEqual([])
    const stale = Object.keys({ ...VALID_REQUESTS, ...SEMANTIC_CASES }).filter((id) => !operations.some((op) => op.operationId === id))
    expect(stale, 'entries for operations the document no longer has').toEqual([])
  })

  it.each(operations.map((op) => [label(op), op] as const))('%s', async (_, op) => {
    const validRequest = VALID_REQUESTS[op.operationId]
    if (!validRequest) throw new Error(`No valid request registered for ${op.operationId}: add one to VALID_REQUESTS in bad-input/requests.ts`)
    const valid = validRequest(fixtures)
    const cases = [...op.cases, ...(SEMANTIC_CASES[op.operationId] ?? [])]

    const failures: string[] = []
    let before = await snapshotDb(api, tables)
    for (const c of cases) {
      const res = await send(api, op, applyMutation(valid, c.mutation))
      const problems = await problemsWith(res, c.expect)
      const after = await snapshotDb(api, tables)
      const writes = diffSnapshots(before, after)
      if (writes.length) problems.push(`wrote: ${writes.join(', ')}`)
      if (problems.length) failures.push(`${c.label}\n    ${problems.join('\n    ')}`)
      before = after
    }
    expect(failures, `${failures.length} of ${cases.length} cases failed`).toEqual([])

    // The unchanged request succeeds, so each case failed for its one broken field alone.
    const ok = await send(api, op, valid)
    expect(ok.status, `the valid request answered ${ok.status}: ${await ok.text()}`).toBeLessThan(300)
  })

  it('notices a write: the snapshot is not blind', async () => {
    const before = await snapshotDb(api, tables)
    const res = await api.admin(`/admin/collections/${fixtures.collection.id}`, { method: 'PATCH', json: { description: 'Touched' } })
    expect(res.status).toBe(200)
    expect(diffSnapshots(before, await snapshotDb(api, tables))).toEqual(expect.arrayContaining(['collection: rows changed']))
  })

  it('ignores unknown query parameters (only bodies are strict)', async () => {
    const res = await api.store('/store/products?unexpected_param=1')
    expect(res.status).toBe(200)
  })
})
