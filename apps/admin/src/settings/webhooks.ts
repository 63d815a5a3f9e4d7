import type { WebhookEndpointWithSecret } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { admin, type Permission, type Problem, toProblem } from '../api.js'
import { dateTime } from '../format.js'
import { Badge, Field, Page, Pager, ProblemBox, useLoad, usePager } from '../ui.js'
import { pageOf } from './common.js'

/** Webhook endpoints; a new one shows its signing secret once. Each endpoint's deliveries can be replayed. */
export function Webhooks({ can }: { can: (p: Permission) => boolean }) {
  const pager = usePager()
  const { data, problem, reload } = useLoad(() => admin.webhooks.list(), [])
  const page = pageOf(data, pager.cursor)
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState('*')
  const [created, setCreated] = useState<WebhookEndpointWithSecret>()
  const [formProblem, setFormProblem] = useState<Problem>()
  const [open, setOpen] = useState<string>()
  const write = can('webhooks:write')
  const create = async (e: Event) => {
    e.preventDefault()
    try {
      setCreated(
        await admin.webhooks.create({
          url,
          events: events
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }),
      )
      setFormProblem(undefined)
      setUrl('')
      reload()
    } catch (error) {
      setFormProblem(toProblem(error))
    }
  }
  return html`<${Page} title="Webhooks">
    ${
      created &&
      html`<div class="notice" role="status">
        <p>Signing secret of ${created.url} (shown once):</p>
        <code class="secret" data-secret>${created.secret}</code>
      </div>`
    }
    ${
      write &&
      html`<section class="card">
        <h2>New endpoint</h2>
        <${ProblemBox} problem=${formProblem} />
        <form class="inline-form" onSubmit=${create}>
          <${Field} label="URL" name="webhook-url" path="url" type="url" value=${url} onInput=${setUrl} problem=${formProblem} required />
          <${Field}
            label="Events (comma-separated, * for all)"
            name="webhook-events"
            path="events"
            value=${events}
            onInput=${setEvents}
            problem=${formProblem}
          />
          <button class="primary" type="submit">Create endpoint</button>
        </form>
      </section>`
    }
    <${ProblemBox} problem=${problem} />
    ${page.data?.map(
      (w) =>
        html`<section class="card">
          <p>
            <strong>${w.url}</strong> ${w.active ? html`<${Badge} value="active" />` : html`<${Badge} value="inactive" />`}
            <span class="muted"> ${w.events.join(', ')}</span>
          </p>
          <button type="button" onClick=${() => setOpen(open === w.id ? undefined : w.id)}>
            ${open === w.id ? 'Hide deliveries' : 'Deliveries'}
          </button>
          ${open === w.id && html`<${Deliveries} id=${w.id} write=${write} />`}
        </section>`,
    )}
    ${data && data.length === 0 && html`<p class="muted">No endpoints yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${page.next_cursor} />
  <//>`
}

function Deliveries({ id, write }: { id: string; write: boolean }) {
  const pager = usePager()
  const query = { limit: 20, ...(pager.cursor && { cursor: pager.cursor }) }
  const { data, problem, reload } = useLoad(() => admin.webhooks.deliveries(id, query), [id, JSON.stringify(query)])
  const [replayProblem, setReplayProblem] = useState<Problem>()
  const replay = async (deliveryId: string) => {
    try {
      await admin.webhooks.replayDelivery(deliveryId)
      reload()
    } catch (error) {
      setReplayProblem(toProblem(error))
    }
  }
  return html`<div class="deliveries">
    <${ProblemBox} problem=${problem ?? replayProblem} />
    <table class="dense">
      <thead>
        <tr>
          <th>Event</th>
          <th>Status</th>
          <th class="num">Attempts</th>
          <th>Answer</th>
          <th>Created</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${data?.data.map(
          (d) =>
            html`<tr>
              <td>${d.event_type}${d.origin === 'replay' && html` <small class="muted">replay</small>`}</td>
              <td><${Badge} value=${d.status} /></td>
              <td class="num">${d.attempts}</td>
              <td>${d.response_status ?? d.last_error ?? '—'}</td>
              <td>${dateTime(d.created_at)}</td>
              <td class="num">${write && html`<button type="button" onClick=${() => replay(d.id)}>Replay</button>`}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${data && data.data.length === 0 && html`<p class="muted">No deliveries yet.</p>`}
    <${Pager} pager=${pager} nextCursor=${data?.next_cursor} />
  </div>`
}
