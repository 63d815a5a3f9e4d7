import type { Context } from 'hono'

/** Sends a rendered page with its doctype. */
export async function render(c: Context, element: unknown): Promise<Response> {
  return c.html(`<!doctype html>${String(await element)}`)
}
