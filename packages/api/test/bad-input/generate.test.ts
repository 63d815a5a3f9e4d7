import { describe, expect, it } from 'vitest'
import { type BadCase, generateCases, type OpenApiDocument } from './generate.js'
import { applyMutation } from './send.js'

const doc: OpenApiDocument = {
  paths: {
    '/things/{id}': {
      patch: {
        operationId: 'updateThing',
        security: [{ adminBearer: [] }],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 4 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'cursor', in: 'query', schema: { type: 'string', maxLength: 10 } },
          { name: 'locale', in: 'query', required: true, schema: { type: 'string', pattern: '^[a-z]{2}$' } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingInput' } } } },
      },
    },
  },
  components: {
    schemas: {
      ThingInput: {
        type: 'object',
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 3 },
          currency_code: { type: 'string', pattern: '^[A-Za-z]{3}$' },
          lines: {
            type: 'array',
            maxItems: 1,
            items: { type: 'object', properties: { amount: { type: 'integer', minimum: 0 } }, required: ['amount'], additionalProperties: false },
          },
          metadata: { type: 'object', additionalProperties: { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'number' }] } },
        },
        required: ['title'],
        additionalProperties: false,
      },
    },
  },
}

const [op] = generateCases(doc)
const find = (path: string, what: string): BadCase => {
  const found = op!.cases.find((c) => c.expect.path === path && c.label.includes(what))
  if (!found) throw new Error(`no case "${what}" at ${path}; cases: ${op!.cases.map((c) => c.label).join(' | ')}`)
  return found
}
const valid = { path: { id: 'th_1' }, query: { limit: '5', locale: 'en' }, body: { title: 'Hat', currency_code: 'EUR', lines: [{ amount: 100 }], metadata: { a: 'b' } } }
const bodyOf = (c: BadCase) => applyMutation(valid, c.mutation).body as Record<string, unknown>

describe('generateCases', () => {
  it('reads the operation and its security from the document', () => {
    expect(op).toMatchObject({ operationId: 'updateThing', method: 'PATCH', path: '/things/{id}', auth: 'admin', hasBody: true })
  })

  it('breaks nested fields behind a $ref, one field per case', () => {
    expect(bodyOf(find('lines.0.amount', 'below minimum'))).toEqual({ ...valid.body, lines: [{ amount: -1 }] })
    expect(bodyOf(find('lines.0.amount', 'not an integer')).lines).toEqual([{ amount: 1.5 }])
    expect(bodyOf(find('lines.0.amount', 'missing required')).lines).toEqual([{}])
    expect(bodyOf(find('lines.0.unexpected_field', 'unknown field')).lines).toEqual([{ amount: 100, unexpected_field: 1 }])
    expect(bodyOf(find('lines', 'more than maxItems')).lines).toEqual([{ amount: 100 }, { amount: 100 }])
    expect(bodyOf(find('lines', 'wrong type')).lines).toEqual({ unexpected: true })
    expect(bodyOf(find('title', 'wrong type')).title).toBe(12345)
    expect(bodyOf(find('title', 'longer than maxLength')).title).toBe('xxxx')
    expect(bodyOf(find('title', 'shorter than minLength')).title).toBe('')
    expect(find('title', 'missing required').expect.code).toBe('required')
    expect(bodyOf(find('currency_code', 'pattern')).currency_code).toBe('english')
    expect(bodyOf(find('currency_code', 'ISO 4217')).currency_code).toBe('XXQ')
    expect(bodyOf(find('metadata.extra_key', 'wrong type')).metadata).toEqual({ a: 'b', extra_key: { unexpected: true } })
    expect(bodyOf(find('metadata.extra_key', 'longer than maxLength')).metadata).toEqual({ a: 'b', extra_key: 'xxxxxx' })
    expect(find('', 'malformed JSON').mutation).toEqual({ in: 'raw-body', text: '{"oops": ' })
  })

  it('breaks query and path parameters within what a URL can carry', () => {
    expect(find('query.limit', 'below minimum').mutation).toEqual({ in: 'query', name: 'limit', value: '0' })
    expect(find('query.limit', 'not a number').mutation).toEqual({ in: 'query', name: 'limit', value: 'abc' })
    expect(find('query.cursor', 'never issued').mutation).toEqual({ in: 'query', name: 'cursor', value: 'not-a-cursor' })
    expect(applyMutation(valid, find('query.locale', 'missing').mutation).query).toEqual({ limit: '5' })
    expect(applyMutation(valid, find('query.locale', 'pattern').mutation).query).toEqual({ limit: '5', locale: 'english' })
    expect(find('path.id', 'longer than maxLength').mutation).toEqual({ in: 'path', name: 'id', value: 'xxxxx' })
  })

  it('refuses to mutate a field whose container the valid request lacks', () => {
    const c = find('lines.0.amount', 'below minimum')
    expect(() => applyMutation({ ...valid, body: { title: 'Hat' } }, c.mutation)).toThrow(/has no lines/)
  })
})
