import { html } from 'htm/preact'
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { isUnauthenticated, type Problem, toProblem } from './api.js'
import { label } from './format.js'

/** The current hash route, e.g. "/orders/ord_1" for "#/orders/ord_1". */
export function useRoute(): string {
  const read = () => location.hash.replace(/^#/, '') || '/'
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const onChange = () => setRoute(read())
    addEventListener('hashchange', onChange)
    return () => removeEventListener('hashchange', onChange)
  }, [])
  return route
}

export function go(path: string): void {
  location.hash = path
}

/** Loads data for a view; `reload` runs the loader again. A 401 sends the page back to sign-in. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; problem?: Problem; loading: boolean }>({ loading: true })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, loading: true }))
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => {
        if (isUnauthenticated(error)) dispatchEvent(new Event('kassa:signed-out'))
        if (live) setState({ problem: toProblem(error), loading: false })
      },
    )
    return () => {
      live = false
    }
  }, [...deps, tick])
  return { ...state, reload: () => setTick((t) => t + 1) }
}

export function ProblemBox({ problem }: { problem?: Problem | undefined }) {
  if (!problem) return null
  return html`<div class="problem" role="alert">
    <strong>${problem.message}</strong>
    ${
      problem.list.length > 0 &&
      html`<ul>
        ${problem.list.map((e) => html`<li><code>${e.path || '(body)'}</code> ${e.message}</li>`)}
      </ul>`
    }
  </div>`
}

/** A labelled input with the API's error for `path` under it. */
export function Field(props: {
  label: string
  name: string
  value: string
  onInput: (value: string) => void
  problem?: Problem | undefined
  path?: string
  type?: string
  required?: boolean
  placeholder?: string
}) {
  const error = props.problem?.fields[props.path ?? props.name]
  return html`<label class=${error ? 'field invalid' : 'field'}>
    <span>${props.label}</span>
    <input
      name=${props.name}
      type=${props.type ?? 'text'}
      value=${props.value}
      required=${props.required}
      placeholder=${props.placeholder}
      aria-invalid=${error ? 'true' : undefined}
      onInput=${(e: Event) => props.onInput((e.target as HTMLInputElement).value)}
    />
    ${error && html`<small class="error">${error}</small>`}
  </label>`
}

export function Badge({ value }: { value: string }) {
  return html`<span class=${`badge badge-${value}`}>${label(value)}</span>`
}

/** Cursor paging: the cursors of pages seen so far make "Previous" possible. */
export function usePager() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const cursor = cursors[cursors.length - 1]
  return {
    cursor,
    page: cursors.length,
    reset: () => setCursors([undefined]),
    next: (c: string) => setCursors((list) => [...list, c]),
    previous: () => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)),
  }
}

export function Pager(props: { pager: ReturnType<typeof usePager>; nextCursor: string | null | undefined }) {
  const { pager, nextCursor } = props
  return html`<nav class="pager" aria-label="Pages">
    <button type="button" disabled=${pager.page === 1} onClick=${pager.previous}>Previous</button>
    <span>Page ${pager.page}</span>
    <button type="button" disabled=${!nextCursor} onClick=${() => nextCursor && pager.next(nextCursor)}>Next</button>
  </nav>`
}

export function Page(props: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  return html`<section class="page">
    <header class="page-head">
      <h1>${props.title}</h1>
      <div class="actions">${props.actions}</div>
    </header>
    ${props.children}
  </section>`
}
