import type { PublishableKey, SalesChannel } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from '../api.js'
import { dateTime } from '../format.js'
import { Field, go, Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { invalid, pageOf } from './common.js'
import { ChannelForm } from './sales-channels.js'

/** One sales channel: its settings and its publishable keys (public by design, so always shown). */
export function ChannelDetail({ id, write }: { id: string; write: boolean }) {
  const { data, problem, reload } = useLoad(() => admin.salesChannels.get(id), [id])
  const [deleteProblem, setDeleteProblem] = useState<Problem>()
  const channel = data
  const remove = async () => {
    if (!confirm('Delete this sales channel and its keys?')) return
    try {
      await admin.salesChannels.delete(id)
      go('/settings/sales-channels')
    } catch (error) {
      setDeleteProblem(toProblem(error))
    }
  }
  return html`<${Page}
    title=${channel ? `Sales channel ${channel.name}` : 'Sales channel'}
    actions=${html`<a href="#/settings/sales-channels">All channels</a>
      ${write && channel && !channel.is_default && html`<button type="button" class="danger" onClick=${remove}>Delete channel</button>`}`}
  >
    <${ProblemBox} problem=${problem ?? deleteProblem} />
    ${
      channel &&
      html`<section class="card">
          <h2>Channel</h2>
          ${write ? html`<${ChannelForm} key=${channel.id} channel=${channel} onSaved=${reload} />` : html`<p>${channel.description}</p>`}
        </section>
        <${PublishableKeys} channel=${channel} write=${write} />`
    }
  <//>`
}

function PublishableKeys({ channel, write }: { channel: SalesChannel; write: boolean }) {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.salesChannels.publishableKeys(channel.id), [channel.id])
  const [title, setTitle] = useState('')
  const [created, setCreated] = useState<PublishableKey>()
  const [formProblem, setFormProblem] = useState<Problem>()
  const page = pageOf(data, pager.cursor)
  const create = async (e: Event) => {
    e.preventDefault()
    const bad = invalid(title.trim() ? {} : { title: 'A title' })
    setFormProblem(bad)
    if (bad) return
    try {
      setCreated(await admin.salesChannels.createPublishableKey(channel.id, title.trim()))
      setTitle('')
      reload()
    } catch (error) {
      setFormProblem(toProblem(error))
    }
  }
  const revoke = async (keyId: string) => {
    if (!confirm('Revoke this key? Storefronts using it stop working.')) return
    try {
      await admin.salesChannels.revokePublishableKey(channel.id, keyId)
      reload()
    } catch (error) {
      setFormProblem(toProblem(error))
    }
  }
  return html`<section class="card publishable-keys">
    <h2>Publishable keys</h2>
    ${
      created &&
      html`<div class="notice" role="status">
        <p>Key <strong>${created.title}</strong>: send it as <code>x-publishable-api-key</code>.</p>
        <code class="secret" data-publishable-key>${created.token}</code>
      </div>`
    }
    <${ProblemBox} problem=${problem ?? formProblem} />
    ${
      write &&
      html`<form class="inline-form" onSubmit=${create}>
        <${Field} label="Title" name="key-title" path="title" value=${title} onInput=${setTitle} problem=${formProblem} />
        <button class="primary" type="submit">Create publishable key</button>
      </form>`
    }
    <div class="table-wrap">
      <table class="dense">
        <thead>
          <tr>
            <th>Title</th>
            <th>Key</th>
            <th>Created</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${page.data?.map(
            (k) =>
              html`<tr>
                <td>${k.title}</td>
                <td><code>${k.token}</code></td>
                <td>${dateTime(k.created_at)}</td>
                <td class="num">
                  ${k.revoked_at ? html`<span class="muted">revoked</span>` : write && html`<button type="button" class="danger" onClick=${() => revoke(k.id)}>Revoke</button>`}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${data && data.length === 0 && html`<p class="muted">No keys yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  </section>`
}
