import { describe, expect, it } from 'vitest'
import { categoryTree, missingCombos, pageOf } from './catalog.js'

describe('catalog editor helpers', () => {
  it('finds the combinations of option values that no variant has', () => {
    const product = {
      options: [
        { title: 'Size', values: ['S', 'M', 'L'] },
        { title: 'Color', values: ['Red'] },
      ],
      variants: [{ options: { Size: 'S', Color: 'Red' } as Record<string, string> }, { options: { Size: 'M' } }],
    }
    // A variant made before the Color option existed does not fill the M/Red cell.
    expect(missingCombos(product)).toEqual([
      { Size: 'M', Color: 'Red' },
      { Size: 'L', Color: 'Red' },
    ])
    expect(missingCombos({ options: [], variants: [{ options: {} }] })).toEqual([])
  })

  it('orders categories as a tree: parents first, children by position, cycles cut', () => {
    const c = (id: string, parent_id: string | null, position: number) => ({ id, parent_id, position, title: id })
    const tree = categoryTree([
      c('socks', 'clothes', 1),
      c('shirts', 'clothes', 0),
      c('clothes', null, 0),
      c('books', null, 1),
      c('a', 'b', 0),
      c('b', 'a', 0),
    ])
    expect(tree.map((n) => `${'-'.repeat(n.depth)}${n.category.id}`)).toEqual(['clothes', '-shirts', '-socks', 'books'])
  })

  it('pages a whole list with the offset as the cursor', () => {
    const items = Array.from({ length: 45 }, (_, i) => i)
    expect(pageOf(items, undefined)).toMatchObject({ next_cursor: '20' })
    expect(pageOf(items, '40')).toEqual({ data: [40, 41, 42, 43, 44], next_cursor: null })
  })
})
