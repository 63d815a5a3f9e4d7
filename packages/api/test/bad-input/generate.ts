/**
 * Invalid-input cases generated from the served OpenAPI document: for every operation, every body
 * field (nested objects and array items included), every query and path parameter, the values its
 * JSON Schema forbids. Each case changes one thing of an otherwise valid request.
 */

export type JsonSchema = {
  $ref?: string
  type?: string | string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
}

export interface OpenApiParameter {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  required?: boolean
  schema: JsonSchema
}

export interface OpenApiOperation {
  operationId?: string
  parameters?: OpenApiParameter[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> }
  security?: Record<string, string[]>[]
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

export type Segment = string | number

/** One change to a valid request. Body edits compute the new value from the current one. */
export type Mutation =
  | { in: 'body'; at: Segment[]; set: (current: unknown) => unknown }
  | { in: 'body'; at: Segment[]; remove: true }
  | { in: 'raw-body'; text: string }
  | { in: 'query'; name: string; value: string | string[] }
  | { in: 'query'; name: string; remove: true }
  | { in: 'path'; name: string; value: string }
  | { in: 'form'; name: string; value: string }
  | { in: 'form'; name: string; remove: true }

export interface BadCase {
  /** What the case does, for failure messages: `body variants.0.prices.0.amount: below minimum (-1)`. */
  label: string
  mutation: Mutation
  /** The `errors[].path` the answer must name, and the `errors[].code` where it is fixed. */
  expect: { path: string; code?: string }
}

export interface GeneratedOperation {
  operationId: string
  method: string
  path: string
  auth: 'store' | 'admin' | 'none'
  hasBody: boolean
  cases: BadCase[]
}

/** A field name no schema declares: strict objects must refuse it. */
export const UNKNOWN_FIELD = 'unexpected_field'
/** A key for open maps (`metadata`, variant `options`) so their value schema can be broken. */
export const EXTRA_KEY = 'extra_key'

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Patterns whose meaning the regex cannot carry: well-formed values that are still invalid. */
const SEMANTIC_INVALID: Record<string, { why: string; values: string[] }> = {
  '^[A-Za-z]{3}$': { why: 'not an ISO 4217 currency', values: ['XXQ'] },
}

const PATTERN_CANDIDATES = ['english', 'EURO', 'Not Valid!', 'a--b', '-', '']

export function generateCases(doc: OpenApiDocument): GeneratedOperation[] {
  const ops: GeneratedOperation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`)
      const walker = new Walker(doc, op.operationId)
      const cases: BadCase[] = []
      for (const param of op.parameters ?? []) {
        if (param.in === 'query') cases.push(...walker.queryCases(param))
        if (param.in === 'path') cases.push(...walker.pathCases(param))
      }
      const body = op.requestBody?.content?.['application/json']?.schema
      if (body) cases.push(...walker.bodyCases(body))
      const form = op.requestBody?.content?.['multipart/form-data']?.schema
      if (form) cases.push(...walker.formCases(form))
      ops.push({ operationId: op.operationId, method: method.toUpperCase(), path, auth: authOf(op), hasBody: Boolean(body ?? form), cases })
    }
  }
  return ops
}

function authOf(op: OpenApiOperation): GeneratedOperation['auth'] {
  const schemes = (op.security ?? []).flatMap((s) => Object.keys(s))
  if (schemes.includes('adminBearer')) return 'admin'
  if (schemes.includes('publishableKey')) return 'store'
  return 'none'
}

class Walker {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly operationId: string,
  ) {}

  resolve(schema: JsonSchema): JsonSchema {
    let current = schema
    for (let depth = 0; current.$ref; depth++) {
      if (depth > 20) throw new Error(`${this.operationId}: $ref cycle at ${schema.$ref}`)
      const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1]
      const target = name ? this.doc.components?.schemas?.[name] : undefined
      if (!target) throw new Error(`${this.operationId}: cannot resolve ${current.$ref}`)
      current = target
    }
    return current
  }

  bodyCases(root: JsonSchema): BadCase[] {
    const cases: BadCase[] = [
      { label: 'body: malformed JSON', mutation: { in: 'raw-body', text: '{"oops": ' }, expect: { path: '', code: 'invalid_json' } },
      { label: 'body: empty', mutation: { in: 'raw-body', text: '' }, expect: { path: '', code: 'invalid_json' } },
    ]
    return [...cases, ...this.walkBody(this.resolve(root), [])]
  }

  /** Every invalid value for the field at `at`, then the fields inside it. */
  walkBody(schema: JsonSchema, at: Segment[]): BadCase[] {
    const s = this.resolve(schema)
    const name = at.length ? at.join('.') : '(root)'
    const out: BadCase[] = []
    const bad = (what: string, set: (current: unknown) => unknown, code?: string) =>
      out.push({ label: `body ${name}: ${what}`, mutation: { in: 'body', at, set }, expect: { path: at.join('.'), ...(code && { code }) } })

    for (const v of this.invalidValues(s)) bad(v.what, () => v.value, v.code)
    const types = typesOf(s)
    if (types.includes('array') && s.items) {
      const items = s.items
      if (s.maxItems !== undefined) bad(`more than maxItems (${s.maxItems + 1} items)`, (cur) => Array(s.maxItems! + 1).fill(firstItem(cur, name)), 'too_big')
      if (s.minItems) bad(`fewer than minItems (${s.minItems - 1} items)`, (cur) => Array(s.minItems! - 1).fill(firstItem(cur, name)), 'too_small')
      out.push(...this.walkBody(items, [...at, 0]))
    }
    if (types.includes('object')) {
      for (const [key, prop] of Object.entries(s.properties ?? {})) out.push(...this.walkBody(prop, [...at, key]))
      for (const key of s.required ?? []) {
        out.push({ label: `body ${[...at, key].join('.')}: missing required field`, mutation: { in: 'body', at: [...at, key], remove: true }, expect: { path: [...at, key].join('.'), code: 'required' } })
      }
      if (s.additionalProperties === false) {
        const path = [...at, UNKNOWN_FIELD]
        out.push({ label: `body ${name}: unknown field ${UNKNOWN_FIELD}`, mutation: { in: 'body', at: path, set: () => 1 }, expect: { path: path.join('.'), code: 'unknown_field' } })
      } else if (typeof s.additionalProperties === 'object') {
        out.push(...this.walkBody(s.additionalProperties, [...at, EXTRA_KEY]))
      }
    }
    return out
  }

  /** Values of the wrong type or outside the constraints of one (non-container) schema. */
  invalidValues(schema: JsonSchema): { what: string; value: unknown; code?: string }[] {
    const s = this.resolve(schema)
    const out: { what: string; value: unknown; code?: string }[] = []
    const branches = (s.anyOf ?? s.oneOf)?.map((b) => this.resolve(b))
    if (branches) {
      const wrong = wrongTypeFor([...new Set(branches.flatMap(typesOf))])
      if (wrong !== undefined) out.push({ what: `wrong type (${jsonType(wrong)})`, value: wrong })
      const strings = branches.filter((b) => typesOf(b).includes('string'))
      const limit = Math.max(...strings.map((b) => b.maxLength ?? Number.POSITIVE_INFINITY))
      if (strings.length && Number.isFinite(limit)) out.push({ what: `longer than maxLength (${limit + 1})`, value: 'x'.repeat(limit + 1) })
      return out
    }
    const types = typesOf(s)
    if (!types.length) return out
    const wrong = wrongTypeFor(types)
    // An enum answers any value outside it, of whatever type, with invalid_enum.
    const typeCode = s.enum ? 'invalid_enum' : 'invalid_type'
    if (wrong !== undefined) out.push({ what: `wrong type (${jsonType(wrong)})`, value: wrong, code: typeCode })
    if (!types.includes('null')) out.push({ what: 'null where not nullable', value: null, code: typeCode })
    if (types.includes('string')) {
      if (s.maxLength !== undefined) out.push({ what: `longer than maxLength (${s.maxLength + 1})`, value: 'x'.repeat(s.maxLength + 1), code: 'too_big' })
      if (s.minLength) out.push({ what: `shorter than minLength (${s.minLength - 1})`, value: 'x'.repeat(s.minLength - 1), code: 'too_small' })
      if (s.enum) out.push({ what: 'not one of the enum', value: 'not-a-choice', code: 'invalid_enum' })
      if (s.format === 'email') out.push({ what: 'not an email', value: 'not-an-email', code: 'invalid_format' })
      if (s.pattern) {
        const re = new RegExp(s.pattern)
        const misses = PATTERN_CANDIDATES.filter((v) => !re.test(v) && (s.maxLength === undefined || v.length <= s.maxLength) && v.length >= (s.minLength ?? 0))
        for (const value of misses.slice(0, 2)) out.push({ what: `pattern ${s.pattern} violated (${JSON.stringify(value)})`, value, code: 'invalid_format' })
        for (const value of SEMANTIC_INVALID[s.pattern]?.values ?? []) out.push({ what: `${SEMANTIC_INVALID[s.pattern]!.why} (${value})`, value })
      }
    }
    if (types.includes('integer') || types.includes('number')) {
      if (s.minimum !== undefined) out.push({ what: `below minimum (${s.minimum - 1})`, value: s.minimum - 1, code: 'too_small' })
      if (s.maximum !== undefined) out.push({ what: `above maximum (${s.maximum + 1})`, value: s.maximum + 1, code: 'too_big' })
      if (types.includes('integer')) out.push({ what: `not an integer (${(s.minimum ?? 0) + 1.5})`, value: (s.minimum ?? 0) + 1.5, code: 'invalid_type' })
    }
    return out
  }

  /**
   * A multipart form's fields: each required part missing, a text value where a file (`format:
   * binary`) belongs, text past maxLength, an unknown part. The file's content is the route's own
   * business (its type and size answer 415 and 413, tested by the route's tests).
   */
  formCases(root: JsonSchema): BadCase[] {
    const s = this.resolve(root)
    const out: BadCase[] = []
    const bad = (label: string, mutation: Mutation, path: string, code: string) => out.push({ label: `form ${label}`, mutation, expect: { path, code } })
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const p = this.resolve(prop)
      if (p.format === 'binary') bad(`${name}: text where a file belongs`, { in: 'form', name, value: 'not a file' }, name, 'invalid_type')
      else if (p.maxLength !== undefined) bad(`${name}: longer than maxLength (${p.maxLength + 1})`, { in: 'form', name, value: 'x'.repeat(p.maxLength + 1) }, name, 'too_big')
    }
    for (const name of s.required ?? []) bad(`${name}: missing required part`, { in: 'form', name, remove: true }, name, 'required')
    if (s.additionalProperties === false) bad(`unknown part ${UNKNOWN_FIELD}`, { in: 'form', name: UNKNOWN_FIELD, value: '1' }, UNKNOWN_FIELD, 'unknown_field')
    return out
  }

  queryCases(param: OpenApiParameter): BadCase[] {
    const s = this.resolve(param.schema)
    const path = `query.${param.name}`
    const out: BadCase[] = []
    const bad = (what: string, value: string | string[], code?: string) =>
      out.push({ label: `query ${param.name}: ${what}`, mutation: { in: 'query', name: param.name, value }, expect: { path, ...(code && { code }) } })

    const branches = (s.anyOf ?? s.oneOf)?.map((b) => this.resolve(b))
    const all = branches ?? [s]
    const str = all.find((b) => typesOf(b).includes('string'))
    const arr = all.find((b) => typesOf(b).includes('array'))
    const num = all.find((b) => typesOf(b).some((t) => t === 'integer' || t === 'number'))
    if (param.required) out.push({ label: `query ${param.name}: missing`, mutation: { in: 'query', name: param.name, remove: true }, expect: { path, code: 'required' } })
    // A repeated parameter arrives as a list: a wrong type wherever only one value is allowed.
    if (!arr) bad('repeated (a list where one value is allowed)', ['1', '1'], str?.enum ? 'invalid_enum' : 'invalid_type')
    if (str) {
      const longest = Math.max(...all.filter((b) => typesOf(b).includes('string')).map((b) => b.maxLength ?? Number.POSITIVE_INFINITY))
      if (Number.isFinite(longest)) bad(`longer than maxLength (${longest + 1})`, 'x'.repeat(longest + 1), 'too_big')
      if (str.enum) bad('not one of the enum', 'not-a-choice', 'invalid_enum')
      if (str.pattern) {
        const re = new RegExp(str.pattern)
        for (const value of PATTERN_CANDIDATES.filter((v) => v && !re.test(v)).slice(0, 2)) bad(`pattern ${str.pattern} violated (${value})`, value, 'invalid_format')
        for (const value of SEMANTIC_INVALID[str.pattern]?.values ?? []) bad(`${SEMANTIC_INVALID[str.pattern]!.why} (${value})`, value)
      }
    }
    if (arr) {
      if (arr.maxItems !== undefined) bad(`repeated more than maxItems (${arr.maxItems + 1})`, Array(arr.maxItems + 1).fill('a'))
      const item = arr.items && this.resolve(arr.items)
      if (item?.maxLength !== undefined) {
        out.push({
          label: `query ${param.name}: a repeated value longer than maxLength (${item.maxLength + 1})`,
          mutation: { in: 'query', name: param.name, value: ['a', 'x'.repeat(item.maxLength + 1)] },
          expect: { path: `${path}.1`, code: 'too_big' },
        })
      }
    }
    if (num) {
      bad('not a number (abc)', 'abc', 'invalid_type')
      if (num.minimum !== undefined) bad(`below minimum (${num.minimum - 1})`, String(num.minimum - 1), 'too_small')
      if (num.maximum !== undefined) bad(`above maximum (${num.maximum + 1})`, String(num.maximum + 1), 'too_big')
      if (typesOf(num).includes('integer')) bad(`not an integer (${(num.minimum ?? 0) + 1.5})`, String((num.minimum ?? 0) + 1.5), 'invalid_type')
    }
    if (param.name === 'cursor') bad('a cursor this server never issued', 'not-a-cursor', 'invalid_cursor')
    return out
  }

  pathCases(param: OpenApiParameter): BadCase[] {
    const s = this.resolve(param.schema)
    const out: BadCase[] = []
    const bad = (what: string, value: string, code?: string) =>
      out.push({ label: `path ${param.name}: ${what}`, mutation: { in: 'path', name: param.name, value }, expect: { path: `path.${param.name}`, ...(code && { code }) } })
    if (s.maxLength !== undefined) bad(`longer than maxLength (${s.maxLength + 1})`, 'x'.repeat(s.maxLength + 1), 'too_big')
    if (s.pattern) {
      const re = new RegExp(s.pattern)
      for (const value of PATTERN_CANDIDATES.filter((v) => v && !re.test(v)).slice(0, 2)) bad(`pattern ${s.pattern} violated (${value})`, value)
    }
    if (s.enum) bad('not one of the enum', 'not-a-choice')
    return out
  }
}

/** The wrong-type value to send for each type: a number for a string, an object for an array... */
const PREFERRED_WRONG: Record<string, unknown> = {
  string: 12345,
  integer: 'not-a-number',
  number: 'not-a-number',
  boolean: 'true',
  array: { unexpected: true },
  object: ['unexpected'],
}
const ANY_WRONG: unknown[] = [{ unexpected: true }, ['unexpected'], 12345, 'not-the-right-type', true]

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}

function accepts(types: string[], value: unknown): boolean {
  const t = jsonType(value)
  if (t === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value))
  return types.includes(t)
}

/** A value of a JSON type none of `types` allows, preferring the kind a client most often confuses. */
function wrongTypeFor(types: string[]): unknown {
  const preferred = types.map((t) => PREFERRED_WRONG[t]).find((v) => v !== undefined && !accepts(types, v))
  return preferred !== undefined ? preferred : ANY_WRONG.find((v) => !accepts(types, v))
}

export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (schema.type) return [schema.type]
  if (schema.properties || schema.additionalProperties !== undefined) return ['object']
  if (schema.items) return ['array']
  return []
}

function firstItem(current: unknown, name: string): unknown {
  if (!Array.isArray(current) || current.length === 0) {
    throw new Error(`the valid request has no element in ${name}: add one so its array limits can be tested`)
  }
  return current[0]
}
