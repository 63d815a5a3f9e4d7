import { describe, expect, it } from 'vitest'
import { demoProducts } from './demo-catalog.js'
import { demoImageSvg } from './images.js'

/** Checks that tags nest properly and that every `&` starts an entity: enough to catch broken markup. */
function wellFormed(xml: string): boolean {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(xml)) return false
  const stack: string[] = []
  for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)(?:\s+[^<>]*?)?(\/?)>/g)) {
    if (selfClosing) continue
    if (!closing) stack.push(name!)
    else if (stack.pop() !== name) return false
  }
  return stack.length === 0
}

describe('demoImageSvg', () => {
  const names = demoProducts().flatMap((p) => p.images.map((i) => i.name))

  it('answers a well-formed 800x800 SVG for every image the seed uses', () => {
    expect(names.length).toBeGreaterThan(demoProducts().length)
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      const svg = demoImageSvg(name)!
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"'), name).toBe(true)
      expect(wellFormed(svg), name).toBe(true)
    }
  })

  it('answers undefined for names the seed does not use', () => {
    expect(demoImageSvg('no-such-product-1')).toBeUndefined()
    expect(demoImageSvg(`${names[0]}.svg`)).toBeUndefined()
    expect(demoImageSvg('../../etc/passwd')).toBeUndefined()
    expect(demoImageSvg('')).toBeUndefined()
  })

  it('is deterministic and differs between products', () => {
    expect(demoImageSvg(names[0]!)).toBe(demoImageSvg(names[0]!))
    expect(new Set(names.slice(0, 20).map((n) => demoImageSvg(n))).size).toBe(20)
  })

  it('escapes the product name', () => {
    const knife = demoProducts().find((p) => p.input.title.includes("'"))!
    const svg = demoImageSvg(knife.images[0]!.name)!
    expect(svg).toContain(`<title>${knife.input.title.replace("'", '&apos;')}</title>`)
    expect(wellFormed(svg)).toBe(true)
    expect(wellFormed('<svg><text>Fish & chips</text></svg>')).toBe(false)
  })
})
