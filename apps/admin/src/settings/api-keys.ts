import type { ApiKeyCreated } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { dateTime } from '../format.js'
import { Field, Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { pageOf } from './common.js'

const BUILT_IN = ['read_only', 'support', 'manager', 'owner']

/** Secret API keys (permission `settings:write`): the secret is shown once, right after creation. */
export function ApiKeys() {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.apiKeys.list(), [])
  const roles = useLoad(() => admin.roles.list(), []).data?.map((r) => r.name) ?? BUILT_IN
  const page = pageOf(data, pager.cursor)
  const [title, setTitle] = useState('')
  const [role, setRole] = useState('read_only')
  const [created, setCreated] = useState<ApiKeyCreated>()
  const [formProblem, setFormProblem] = useState<Problem>()
  const create = async (e: Event) => {
    e.preventDefault()
    setFormProblem(undefined)
    try {
      setCreated(await admin.apiKeys.create({ title, role }))
      setTitle('')
      reload()
    } catch (error) {
      setFormProblem(toProblem(error))
    }
  }
  const revoke = async (id: string) => {
    if (!confirm('Revoke this key? Calls with it fail at once.')) return
    try {
      await admin.apiKeys.revoke(id)
      reload()
    } catch (error) {
      setFormProblem(toProblem(error))
    }
  }
  return html`<${Page} title="API keys">
    ${
      created &&
      html`<div class="notice" role="status">
        <p>Copy the secret of <strong>${created.api_key.title}</strong> now: it is not shown again.</p>
        <code class="secret" data-secret>${created.secret}</code>
      </div>`
    }
    <section class="card">
      <h2>New key</h2>
      <${ProblemBox} problem=${formProblem} />
      <form class="inline-form" onSubmit=${create}>
        <${Field} label="Title" name="key-title" path="title" value=${title} onInput=${setTitle} problem=${formProblem} required />
        <label class="field"
          ><span>Role</span>
          <select name="key-role" value=${role} onChange=${(e: Event) => setRole((e.target as HTMLSelectElement).value)}>
            ${roles.map((r) => html`<option value=${r}>${r.replaceAll('_', ' ')}</option>`)}
          </select></label
        >
        <button class="primary" type="submit">Create key</button>
      </form>
    </section>
    <${ProblemBox} problem=${problem} />
    <div class="table-wrap">
      <table class="dense api-keys">
        <thead>
          <tr>
            <th>Title</th>
            <th>Key</th>
            <th>Role</th>
            <th>Last used</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (k) =>
              html`<tr>
                <td>${k.title}</td>
                <td><code>${k.redacted}</code></td>
                <td>${k.role}</td>
                <td>${k.last_used_at ? dateTime(k.last_used_at) : '—'}</td>
                <td class="num">
                  ${k.revoked_at ? html`<span class="muted">revoked</span>` : html`<button type="button" class="danger" onClick=${() => revoke(k.id)}>Revoke</button>`}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${data && data.length === 0 && html`<p class="muted">No keys yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  <//>`
}
