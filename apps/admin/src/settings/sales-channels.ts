import type { SalesChannel } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { Field, go, Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { invalid, pageOf, splitList, withParents } from './common.js'

/** Sales channels: each storefront or app with its own publishable keys and allowed browser origins. */
export function SalesChannels({ write }: { write: boolean }) {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.salesChannels.list(), [])
  const page = pageOf(data, pager.cursor)
  return html`<${Page} title="Sales channels" actions=${html`<a href="#/settings">Settings</a>`}>
    ${
      write &&
      html`<section class="card">
        <h2>New sales channel</h2>
        <${ChannelForm} onSaved=${(c: SalesChannel) => (reload(), go(`/settings/sales-channels/${c.id}`))} />
      </section>`
    }
    <${ProblemBox} problem=${problem} />
    <div class="table-wrap">
      <table class="dense sales-channels">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description</th>
            <th>Allowed origins</th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (c) =>
              html`<tr>
                <td>
                  <a href=${`#/settings/sales-channels/${c.id}`}>${c.name}</a>${c.is_default && html` <small class="muted">default</small>`}
                </td>
                <td>${c.description ?? ''}</td>
                <td>${c.allowed_origins.join(', ') || '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  <//>`
}

/** Creates a channel, or with `channel` renames it and replaces its origins. */
export function ChannelForm({ channel, onSaved }: { channel?: SalesChannel; onSaved: (channel: SalesChannel) => void }) {
  const [name, setName] = useState(channel?.name ?? '')
  const [description, setDescription] = useState(channel?.description ?? '')
  const [origins, setOrigins] = useState(channel?.allowed_origins.join(', ') ?? '')
  const [problem, setProblem] = useState<Problem>()
  const [saved, setSaved] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setSaved(false)
    const list = splitList(origins)
    const bad = invalid({
      ...(!name.trim() && { name: 'A name' }),
      ...(list.some((o) => !/^https?:\/\//.test(o)) && {
        allowed_origins: 'Origins such as https://shop.example.com, separated by commas',
      }),
    })
    setProblem(bad)
    if (bad) return
    const body = { name: name.trim(), description: description.trim() || null, allowed_origins: list }
    try {
      const result = channel ? await admin.salesChannels.update(channel.id, body) : await admin.salesChannels.create(body)
      setSaved(true)
      onSaved(result)
    } catch (error) {
      setProblem(withParents(toProblem(error)))
    }
  }
  return html`<${ProblemBox} problem=${problem} />
    <form class="inline-form channel-form" onSubmit=${submit}>
      <${Field} label="Name" name="channel-name" path="name" value=${name} onInput=${setName} problem=${problem} />
      <${Field}
        label="Description"
        name="channel-description"
        path="description"
        value=${description}
        onInput=${setDescription}
        problem=${problem}
      />
      <${Field}
        label="Allowed origins (comma-separated)"
        name="channel-origins"
        path="allowed_origins"
        value=${origins}
        onInput=${setOrigins}
        problem=${problem}
        placeholder="https://shop.example.com"
      />
      <button class="primary" type="submit">${channel ? 'Save channel' : 'Create channel'}</button>
      ${saved && html`<span class="notice" role="status">Saved.</span>`}
    </form>`
}
