import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const srcDir = join(import.meta.dirname, '../src')

describe('the admin app is headless', () => {
  it('imports nothing of the engine or the API: only @kassa/sdk, preact, htm and uplot', () => {
    const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) {
      const source = readFileSync(join(srcDir, file), 'utf8')
      const imports = [...source.matchAll(/^(?:import|export)\b[^;]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'|^import\s+'([^']+)'/gm)].map(
        (m) => m[1] ?? m[2] ?? m[3]!,
      )
      if (/\bfrom '/.test(source)) expect(imports.length, file).toBeGreaterThan(0)
      for (const name of imports) {
        expect(name, `${file} imports ${name}`).toMatch(/^(\.\.?\/|preact(\/hooks)?$|htm\/preact$|uplot$|@kassa\/sdk$)/)
        // A relative import stays inside the app's sources.
        if (name.startsWith('.'))
          expect(relative(srcDir, resolve(srcDir, dirname(file), name)), `${file} imports ${name}`).not.toMatch(/^\.\./)
      }
    }
    const pkg = JSON.parse(readFileSync(join(srcDir, '../package.json'), 'utf8'))
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@kassa/sdk', 'htm', 'preact', 'uplot'])
  })
})
