import { variantGrid } from './format.js'

// Pure helpers of the catalog editors (no I/O): the variant grid's gaps, the category tree, paging.

const sameCombo = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v)

/** The combinations of the product's option values that no variant has yet. */
export function missingCombos(product: {
  options: { title: string; values: string[] }[]
  variants: { options: Record<string, string> }[]
}): Record<string, string>[] {
  return variantGrid(product.options.map((o) => ({ title: o.title, values: o.values }))).filter(
    (combo) => !product.variants.some((v) => sameCombo(v.options, combo)),
  )
}

/** Categories in tree order (parents before children, by position), each with its depth. */
type TreeNode = { id: string; parent_id: string | null; position: number; title: string }

export function categoryTree<C extends TreeNode>(categories: C[]): { category: C; depth: number }[] {
  const out: { category: C; depth: number }[] = []
  const byParent = (parent: string | null) =>
    categories.filter((c) => c.parent_id === parent).sort((a, b) => a.position - b.position || a.title.localeCompare(b.title))
  const walk = (parent: string | null, depth: number, seen: Set<string>) => {
    for (const category of byParent(parent)) {
      if (seen.has(category.id)) continue
      seen.add(category.id)
      out.push({ category, depth })
      walk(category.id, depth + 1, seen)
    }
  }
  walk(null, 0, new Set())
  return out
}

const PAGE_SIZE = 20

/** A page of a list the API answers whole: the cursor is the offset, so the Pager works as everywhere. */
export function pageOf<T>(items: T[], cursor: string | undefined): { data: T[]; next_cursor: string | null } {
  const start = Number(cursor ?? 0)
  return { data: items.slice(start, start + PAGE_SIZE), next_cursor: start + PAGE_SIZE < items.length ? String(start + PAGE_SIZE) : null }
}
