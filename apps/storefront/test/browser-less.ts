/** A cookie jar over the storefront app: what a browser with JavaScript off does, one form post at a time. */
export function createVisitor(request: (path: string, init?: RequestInit) => Promise<Response>) {
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const name = pair!.slice(0, pair!.indexOf('='))
      const value = pair!.slice(pair!.indexOf('=') + 1)
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
    return response
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  return {
    jar,
    async get(path: string, headers: Record<string, string> = {}) {
      return keep(await request(path, { headers: { cookie: cookie(), ...headers } }))
    },
    async post(path: string, form: Record<string, string>) {
      return keep(
        await request(path, {
          method: 'POST',
          body: new URLSearchParams(form).toString(),
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        }),
      )
    },
  }
}

/** The attribute values of every tag matching a simple pattern, e.g. `attrs(html, 'link', 'hreflang')`. */
export function attrs(html: string, tag: string, attr: string): string[] {
  const out: string[] = []
  for (const match of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))) {
    const value = new RegExp(`\\b${attr}="([^"]*)"`).exec(match[0])
    if (value) out.push(value[1]!)
  }
  return out
}
