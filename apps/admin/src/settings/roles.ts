import type { AdminRole } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from '../api.js'
import { Field, Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { Checkbox, invalid, pageOf } from './common.js'

/** Every permission, in the order the API documents them; the compiler checks none is missing. */
const PERMISSIONS = [
  'catalog:read',
  'catalog:write',
  'inventory:read',
  'inventory:write',
  'orders:read',
  'orders:write',
  'customers:read',
  'customers:write',
  'promotions:read',
  'promotions:write',
  'settings:read',
  'settings:write',
  'webhooks:read',
  'webhooks:write',
  'audit:read',
] as const satisfies readonly Permission[]
const complete: Exclude<Permission, (typeof PERMISSIONS)[number]> extends never ? true : never = true
void complete

/** Roles: the built-in ones (fixed) and custom ones with a chosen set of permissions. */
export function Roles({ write }: { write: boolean }) {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.roles.list(), [])
  const [editing, setEditing] = useState<AdminRole | 'new'>()
  const page = pageOf(data, pager.cursor)
  return html`<${Page} title="Roles" actions=${html`<a href="#/settings">Settings</a>`}>
    <${ProblemBox} problem=${problem} />
    ${write && !editing && html`<button type="button" name="add-role" onClick=${() => setEditing('new')}>New role</button>`}
    ${editing && html`<${RoleForm} key=${editing === 'new' ? 'new' : editing.name} role=${editing === 'new' ? undefined : editing} onDone=${() => (setEditing(undefined), reload())} />`}
    <div class="table-wrap">
      <table class="dense roles">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description</th>
            <th>Permissions</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (r) =>
              html`<tr>
                <td>${r.name}${r.built_in && html` <small class="muted">built-in</small>`}</td>
                <td>${r.description ?? ''}</td>
                <td>${r.permissions.join(', ')}</td>
                <td class="num">${write && !r.built_in && html`<button type="button" onClick=${() => setEditing(r)}>Edit</button>`}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  <//>`
}

function RoleForm({ role, onDone }: { role: AdminRole | undefined; onDone: () => void }) {
  const [name, setName] = useState(role?.name ?? '')
  const [description, setDescription] = useState(role?.description ?? '')
  const [granted, setGranted] = useState<Permission[]>(role?.permissions ?? [])
  const [problem, setProblem] = useState<Problem>()
  const toggle = (p: Permission, on: boolean) => setGranted((list) => (on ? [...list, p] : list.filter((x) => x !== p)))
  const submit = async (e: Event) => {
    e.preventDefault()
    const bad = invalid(
      !role && !/^[a-z][a-z0-9_]{1,39}$/.test(name) ? { name: 'Lowercase letters, digits and underscores, starting with a letter' } : {},
    )
    setProblem(bad)
    if (bad) return
    const permissions = PERMISSIONS.filter((p) => granted.includes(p))
    try {
      const body = { description: description.trim() || null, permissions }
      if (role) await admin.roles.update(role.name, body)
      else await admin.roles.create({ ...body, name })
      onDone()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  const remove = async () => {
    if (!role || !confirm(`Delete the role ${role.name}?`)) return
    try {
      await admin.roles.delete(role.name)
      onDone()
    } catch (error) {
      setProblem(toProblem(error))
    }
  }
  return html`<section class="card role-form">
    <h2>${role ? `Edit role ${role.name}` : 'New role'}</h2>
    <${ProblemBox} problem=${problem} />
    <form onSubmit=${submit}>
      ${!role && html`<${Field} label="Name" name="role-name" path="name" value=${name} onInput=${setName} problem=${problem} />`}
      <${Field}
        label="Description"
        name="role-description"
        path="description"
        value=${description}
        onInput=${setDescription}
        problem=${problem}
      />
      <fieldset class="permissions">
        <legend>Permissions</legend>
        ${PERMISSIONS.map((p) => html`<${Checkbox} label=${p} name=${`perm-${p}`} checked=${granted.includes(p)} onChange=${(on: boolean) => toggle(p, on)} />`)}
      </fieldset>
      <button class="primary" type="submit">${role ? 'Save role' : 'Create role'}</button>
      <button type="button" onClick=${onDone}>Cancel</button>
      ${role && html`<button type="button" class="danger" onClick=${remove}>Delete role</button>`}
    </form>
  </section>`
}
