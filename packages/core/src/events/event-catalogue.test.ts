import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EVENT_SCHEMA_DIR, loadEventSchemas } from '../testing/event-schemas.js'
import { CATALOG_EVENT_TYPES } from '../catalog/catalog-events.js'
import { INTERNAL_EVENT_TYPES, isInternalEvent } from './event-types.js'

const SRC = join(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !path.includes('/testing/') ? [path] : []
  })
}

/**
 * Call sites that pass the type in a variable, and the types they write: `recordCatalogEvent`
 * (catalog), `recordOrderChange` (order timeline, its literal types are read below) and the token
 * events of customer accounts. A new call site of this kind must be listed here.
 */
const DYNAMIC_SITES: Record<string, readonly string[]> = {
  'catalog/catalog-events.ts': CATALOG_EVENT_TYPES,
  'orders/order-activity.ts': [],
  'customers/customer-auth.service.ts': INTERNAL_EVENT_TYPES,
}

/**
 * Event types the engine writes: every `recordEvent(ctx, 'type', ..., version?)`, the literal types
 * of every `recordEvents(ctx, [...])` list and
 * `recordOrderChange(ctx, orderId, 'type', ...)` call in the source, and the types of DYNAMIC_SITES.
 */
function emittedTypes(): { found: { type: string; version: number; where: string }[]; unlisted: string[] } {
  const found: { type: string; version: number; where: string }[] = []
  const unlisted: string[] = []
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    const where = relative(SRC, file)
    for (const match of text.matchAll(/recordEvent\(\s*\w+\s*,\s*'([^']+)'\s*,[^;]*?(?:,\s*(\d+)\s*)?\)\s*(?:;|\n)/g)) {
      found.push({ type: match[1]!, version: Number(match[2] ?? 1), where })
    }
    // recordEvents(ctx, [{ type: 'x', data, version? }, ...]): the literal types of the list.
    for (const call of text.matchAll(/recordEvents\(\s*\w+\s*,\s*\[([\s\S]*?)\]\s*\)/g))
      for (const match of call[1]!.matchAll(/type:\s*'([^']+)'[^}]*?(?:version:\s*(\d+))?[^}]*}/g))
        found.push({ type: match[1]!, version: Number(match[2] ?? 1), where })
    for (const match of text.matchAll(/recordOrderChange\(\s*\w+\s*,\s*[\w.]+\s*,\s*'([^']+)'/g))
      found.push({ type: match[1]!, version: 1, where })
    const dynamic = [...text.matchAll(/recordEvent\(\s*\w+\s*,\s*(?![\s'])/g)].length
    if (dynamic > 0 && !(where in DYNAMIC_SITES)) unlisted.push(where)
    for (const type of DYNAMIC_SITES[where] ?? []) found.push({ type, version: 1, where })
  }
  return { found, unlisted }
}

describe('the event catalogue (docs/events)', () => {
  const schemas = loadEventSchemas()

  it('has a schema for every event type the engine writes', () => {
    const { found: emitted, unlisted } = emittedTypes()
    expect(unlisted, 'recordEvent with a computed type: list the file and its types in DYNAMIC_SITES').toEqual([])
    expect(emitted.map((e) => e.type)).toEqual(
      expect.arrayContaining(['cart.completed', 'order.placed', 'order.shipped', 'product.updated', 'customer.password_reset_requested']),
    )
    const missing = emitted.filter((e) => !schemas.has(`${e.type}@${e.version}`)).map((e) => `${e.type} v${e.version} (${e.where})`)
    expect(missing, `write docs/events/<type>.v<version>.schema.json for these`).toEqual([])
  })

  it('has no schema for a type the engine does not write', () => {
    const emitted = new Set(emittedTypes().found.map((e) => `${e.type}@${e.version}`))
    expect([...schemas.keys()].filter((key) => !emitted.has(key))).toEqual([])
  })

  it('names each schema file after its type and version, and marks internal events as the code treats them', () => {
    for (const schema of schemas.values()) {
      expect(schema.file).toBe(`${schema.type}.v${schema.version}.schema.json`)
      expect(schema.internal, schema.type).toBe(isInternalEvent(schema.type))
    }
  })

  it('lists every schema in the README', () => {
    const readme = readFileSync(join(EVENT_SCHEMA_DIR, 'README.md'), 'utf8')
    for (const schema of schemas.values()) expect(readme, schema.file).toContain(schema.file.replace('.schema.json', ''))
  })
})
