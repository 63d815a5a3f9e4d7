import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { dateTime } from '../format.js'
import { Badge, Field, Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { invalid, pageOf, Select } from './common.js'

/** Admin users (permission `settings:write`): create with a role, change the role, deactivate or reactivate. */
export function Users() {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.users.list(), [])
  const roles = useLoad(() => admin.roles.list(), [])
  const roleNames = roles.data?.map((r) => r.name) ?? ['read_only', 'support', 'manager', 'owner']
  const [actionProblem, setActionProblem] = useState<Problem>()
  const page = pageOf(data, pager.cursor)
  const update = async (id: string, body: { role?: string; active?: boolean }) => {
    if (body.active === false && !confirm('Deactivate this user? Their sessions end at once.')) return
    try {
      await admin.users.update(id, body)
      setActionProblem(undefined)
    } catch (error) {
      setActionProblem(toProblem(error))
    }
    reload()
  }
  return html`<${Page} title="Admin users" actions=${html`<a href="#/settings">Settings</a>`}>
    <${UserForm} roles=${roleNames} onCreated=${reload} />
    <${ProblemBox} problem=${problem ?? actionProblem} />
    <div class="table-wrap">
      <table class="dense users">
        <thead>
          <tr>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th>Created</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (u) =>
              html`<tr data-user=${u.email}>
                <td>${u.email}</td>
                <td>
                  <select
                    name="user-role"
                    aria-label=${`Role of ${u.email}`}
                    value=${u.role}
                    onChange=${(e: Event) => update(u.id, { role: (e.target as HTMLSelectElement).value })}
                  >
                    ${roleNames.map((r) => html`<option value=${r}>${r.replaceAll('_', ' ')}</option>`)}
                  </select>
                </td>
                <td><${Badge} value=${u.active ? 'active' : 'inactive'} /></td>
                <td>${dateTime(u.created_at)}</td>
                <td class="num">
                  ${
                    u.active
                      ? html`<button type="button" class="danger" onClick=${() => update(u.id, { active: false })}>Deactivate</button>`
                      : html`<button type="button" onClick=${() => update(u.id, { active: true })}>Reactivate</button>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  <//>`
}

function UserForm({ roles, onCreated }: { roles: string[]; onCreated: () => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState('support')
  const [problem, setProblem] = useState<Problem>()
  const [done, setDone] = useState('')
  const submit = async (e: Event) => {
    e.preventDefault()
    setDone('')
    const bad = invalid({
      ...(!/^[^@\s]+@[^@\s]+$/.test(email.trim()) && { email: 'An email address' }),
      ...(password.length < 10 && { password: 'At least 10 characters' }),
    })
    setProblem(bad)
    if (bad) return
    try {
      const user = await admin.users.create({ email: email.trim(), password, role })
      setDone(`${user.email} can sign in now.`)
      setEmail('')
      setPassword('')
      onCreated()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<section class="card">
    <h2>New admin user</h2>
    <${ProblemBox} problem=${problem} />
    ${done && html`<p class="notice" role="status">${done}</p>`}
    <form class="inline-form user-form" onSubmit=${submit}>
      <${Field} label="Email" name="user-email" path="email" type="email" value=${email} onInput=${setEmail} problem=${problem} />
      <${Field}
        label="Password"
        name="user-password"
        path="password"
        type="password"
        value=${password}
        onInput=${setPassword}
        problem=${problem}
      />
      <${Select} label="Role" name="user-new-role" value=${role} options=${roles} onChange=${setRole} />
      <button class="primary" type="submit">Create user</button>
    </form>
  </section>`
}
