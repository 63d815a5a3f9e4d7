import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EVENT_SCHEMA_DIR, loadEventSchemas } from '../testing/event-schemas.js'
import { isInternalEvent } from './event-types.js'

const SRC = join(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !path.includes('/testing/') ? [path] : []
  })
}

/** Event types the engine writes: every `recordEvent(ctx, 'type', ..., version?)` call in the source. */
function emittedTypes(): { type: string; version: number; where: string }[] {
  const found: { type: string; version: number; where: string }[] = []
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/recordEvent\(\s*\w+\s*,\s*'([^']+)'\s*,[^;]*?(?:,\s*(\d+)\s*)?\)\s*(?:;|\n)/g)) {
      found.push({ type: match[1]!, version: Number(match[2] ?? 1), where: relative(SRC, file) })
    }
  }
  return found
}

describe('the event catalogue (docs/events)', () => {
  const schemas = loadEventSchemas()

  it('has a schema for every event type the engine writes', () => {
    const emitted = emittedTypes()
    expect(emitted.map((e) => e.type)).toEqual(expect.arrayContaining(['cart.completed', 'order.placed']))
    const missing = emitted.filter((e) => !schemas.has(`${e.type}@${e.version}`)).map((e) => `${e.type} v${e.version} (${e.where})`)
    expect(missing, `write docs/events/<type>.v<version>.schema.json for these`).toEqual([])
  })

  it('names each schema file after its type and version, and marks internal events as the code treats them', () => {
    for (const schema of schemas.values()) {
      expect(schema.file).toBe(`${schema.type}.v${schema.version}.schema.json`)
      expect(schema.internal, schema.type).toBe(isInternalEvent(schema.type))
    }
  })

  it('lists every public schema in the README', () => {
    const readme = readFileSync(join(EVENT_SCHEMA_DIR, 'README.md'), 'utf8')
    for (const schema of schemas.values()) expect(readme, schema.file).toContain(schema.file.replace('.schema.json', ''))
  })
})
