import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listErrorCodes } from '@kassa/core'
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_LEVEL_CODES, GENERATED_FILES, generateFiles, ROOT } from '../../../scripts/generate.js'
import { STATUS_OF_KIND } from '../src/errors.js'
import { createTestApi, type TestApi } from './helpers.js'

// Defined in core but answered by no HTTP route yet. Remove a code from here once a route documents
// it; the test below fails until then so this list cannot go stale.
const NOT_SERVED_OVER_HTTP = new Set<string>([])

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

interface Operation {
  operationId?: string
  responses?: Record<string, unknown>
}

let api: TestApi
let doc: { openapi: string; paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> }

beforeAll(async () => {
  api = await createTestApi()
  const res = await api.request('/openapi.json')
  expect(res.status).toBe(200)
  doc = await res.json()
})
afterAll(() => api.close())

function operations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method] }] : [])),
  )
}

/** Every value a `code` property may take in a schema, through allOf/oneOf/anyOf and nesting. */
function codesIn(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) codesIn(s, into)
  else if (schema && typeof schema === 'object') {
    const code = (schema as { properties?: { code?: { enum?: unknown[]; const?: unknown } } }).properties?.code
    for (const value of code?.enum ?? []) if (typeof value === 'string') into.add(value)
    if (typeof code?.const === 'string') into.add(code.const)
    for (const value of Object.values(schema)) codesIn(value, into)
  }
  return into
}

const errorsDoc = () => readFileSync(join(ROOT, GENERATED_FILES.errors), 'utf8')

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./)
    const validator = new Validator()
    const result = await validator.validate(structuredClone(doc) as Parameters<Validator['validate']>[0])
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ path, method, op }) => op.operationId ?? `(none: ${method.toUpperCase()} ${path})`)
    expect(ids.length).toBeGreaterThan(20)
    expect(ids.filter((id) => id.startsWith('(none'))).toEqual([])
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it('documents every error code of the engine in some response', () => {
    const documented = new Set<string>()
    for (const { op } of operations()) codesIn(op.responses, documented)
    const defined = listErrorCodes().map((e) => e.code)
    expect(defined.filter((code) => !documented.has(code) && !NOT_SERVED_OVER_HTTP.has(code))).toEqual([])
    expect([...NOT_SERVED_OVER_HTTP].filter((code) => documented.has(code) || !defined.includes(code))).toEqual([])
  })

  it('documents each error code under the status its kind maps to', () => {
    const kindOf = new Map(listErrorCodes().map((e) => [e.code, e.kind]))
    const misplaced: string[] = []
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        for (const code of codesIn(response)) {
          const kind = kindOf.get(code)
          if (kind && String(STATUS_OF_KIND[kind]) !== status) misplaced.push(`${op.operationId} ${status} ${code}`)
        }
      }
    }
    expect(misplaced).toEqual([])
  })
})

describe('docs/errors.md', () => {
  it('lists every error code of the engine with its status', () => {
    const text = errorsDoc()
    const missing = listErrorCodes().filter((e) => !text.includes(`| \`${e.code}\` | ${STATUS_OF_KIND[e.kind]} |`))
    expect(missing).toEqual([])
  })

  it('lists every code the HTTP layer answers with itself', () => {
    const text = errorsDoc()
    const sources = readdirSync(join(ROOT, 'packages/api/src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(ROOT, 'packages/api/src', file), 'utf8'))
      .join('\n')
    // problem(c, 404, 'route.not_found', ...) and the `http.${status}` fallback.
    const answered = [...sources.matchAll(/problem\(c, [^,]+, ['`]([a-z_.]+(?:\$\{status\})?)['`]/g)].map((m) => m[1]!.replace('${status}', '<status>'))
    expect(answered).toEqual(expect.arrayContaining(['route.not_found', 'request.too_large', 'internal', 'http.<status>']))
    expect([...new Set(answered)].filter((code) => !text.includes(`| \`${code}\` |`))).toEqual([])
    expect(API_LEVEL_CODES.map((c) => c.code).filter((code) => !answered.includes(code))).toEqual([])
  })
})

describe('generated files', () => {
  it('are committed fresh: `npm run generate` would change nothing', async () => {
    const fresh = await generateFiles()
    expect(Object.keys(fresh).sort()).toEqual(Object.values(GENERATED_FILES).sort())
    const stale = Object.entries(fresh)
      .filter(([path, content]) => readFileSync(join(ROOT, path), 'utf8') !== content)
      .map(([path]) => path)
    expect(stale, 'run `npm run generate` and commit the result').toEqual([])
  })

  it('hold the same document that GET /openapi.json serves', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, GENERATED_FILES.openApi), 'utf8'))
    expect(committed).toEqual(doc)
  })
})
