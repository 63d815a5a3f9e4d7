import type { Notification, NotificationListQuery } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { dateTime, label } from '../format.js'
import { admin } from '../api.js'
import { Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'

type Template = NonNullable<NotificationListQuery['template']>
const TEMPLATES: Template[] = ['order_confirmation', 'shipping_confirmation', 'password_reset']

/** The messages the built-in `database` notification provider kept, newest first; one opens in full. */
export function Notifications() {
  const pager = usePager()
  const [to, setTo] = useState('')
  const [template, setTemplate] = useState<Template | ''>('')
  const [open, setOpen] = useState<Notification>()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }), ...(to && { to }), ...(template && { template }) }
  const { data, problem } = useLoad(() => admin.notifications.list(query), [JSON.stringify(query)])
  const filter = (e: Event) => {
    e.preventDefault()
    const form = new FormData(e.target as HTMLFormElement)
    setTo(String(form.get('to') ?? '').trim())
    setTemplate(String(form.get('template') ?? '') as Template | '')
    pager.reset()
  }
  return html`<${Page} title="Notification log" actions=${html`<a href="#/settings">Settings</a>`}>
    <form class="filters" onSubmit=${filter}>
      <input type="search" name="to" placeholder="Recipient email" value=${to} />
      <select name="template" value=${template}>
        <option value="">All templates</option>
        ${TEMPLATES.map((t) => html`<option value=${t}>${label(t)}</option>`)}
      </select>
      <button type="submit">Filter</button>
    </form>
    <${ProblemBox} problem=${problem} />
    ${open && html`<${NotificationDetail} notification=${open} onClose=${() => setOpen(undefined)} />`}
    <div class="table-wrap">
      <table class="dense notifications">
        <thead>
          <tr>
            <th>Sent</th>
            <th>To</th>
            <th>Template</th>
            <th>Subject</th>
          </tr>
        </thead>
        <tbody>
          ${data?.data.map(
            (n) =>
              html`<tr>
                <td>${dateTime(n.created_at)}</td>
                <td>${n.to}</td>
                <td>${label(n.template)}</td>
                <td><button type="button" class="link" onClick=${() => setOpen(n)}>${n.subject}</button></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${data && data.data.length === 0 && html`<p class="muted">No messages yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  <//>`
}

function NotificationDetail({ notification: n, onClose }: { notification: Notification; onClose: () => void }) {
  return html`<section class="card notification-detail" aria-label="Message">
    <header class="page-head">
      <h2>${n.subject}</h2>
      <button type="button" onClick=${onClose}>Close</button>
    </header>
    <dl class="facts">
      <dt>To</dt>
      <dd>${n.to}</dd>
      <dt>Template</dt>
      <dd>${label(n.template)} (${n.locale})</dd>
      <dt>Provider</dt>
      <dd>${n.provider_id}</dd>
      <dt>Sent</dt>
      <dd>${dateTime(n.created_at)}</dd>
      ${
        n.event_id &&
        html`<dt>Event</dt>
          <dd><code>${n.event_id}</code></dd>`
      }
    </dl>
    <pre class="message-text">${n.text}</pre>
  </section>`
}
