import type { Product } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { admin, type Problem, toProblem } from './api.js'
import { ProblemBox } from './ui.js'

interface MediaRow {
  url: string
  alt: string
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif'
const thumb = 'width: 100%; aspect-ratio: 1; object-fit: cover; border-radius: 6px; background: #f2f4f7; display: block'
const tile = 'display: grid; gap: 6px; width: 176px; min-width: 0'
const fill = 'width: 100%; min-width: 0; box-sizing: border-box'

/**
 * A product's images: upload (file picker or drop), alt text, order and removal. Each change is
 * saved to the product at once (`media` replaces the list), so the store shows what is here.
 */
export function MediaEditor({ product, write, onSaved }: { product: Product; write: boolean; onSaved?: () => void }) {
  const [rows, setRows] = useState<MediaRow[]>([])
  const [problem, setProblem] = useState<Problem>()
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)

  useEffect(() => setRows(product.media.map((m) => ({ url: m.url, alt: m.alt ?? '' }))), [product.id, product.updated_at])

  const save = async (next: MediaRow[]) => {
    setRows(next)
    setProblem(undefined)
    setBusy(true)
    try {
      await admin.products.update(product.id, { media: next.map((m) => ({ url: m.url, alt: m.alt.trim() || null })) })
      onSaved?.()
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }

  const upload = async (files: FileList | null | undefined) => {
    const list = [...(files ?? [])]
    if (!list.length) return
    setProblem(undefined)
    setBusy(true)
    const added: MediaRow[] = []
    try {
      for (const file of list) added.push({ url: (await admin.uploads.create(file)).url, alt: '' })
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
    if (added.length) await save([...rows, ...added])
  }

  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.length) return
    const next = [...rows]
    const [row] = next.splice(from, 1)
    next.splice(to, 0, row!)
    void save(next)
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    if (write) void upload(e.dataTransfer?.files)
  }

  return html`<section class="card media-editor">
    <h2>Media</h2>
    <${ProblemBox} problem=${problem} />
    ${rows.length === 0 && html`<p class="muted">No images yet.</p>`}
    <ol style="display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; margin: 0 0 12px" aria-label="Product images">
      ${rows.map(
        (m, i) =>
          html`<li style=${tile} data-url=${m.url}>
            <img src=${m.url} alt=${m.alt} style=${thumb} loading="lazy" />
            <input
              name=${`media-alt-${i}`}
              aria-label=${`Alt text of image ${i + 1}`}
              placeholder="Alt text"
              style=${fill}
              value=${m.alt}
              disabled=${!write || busy}
              onInput=${(e: Event) => setRows(rows.map((r, j) => (j === i ? { ...r, alt: (e.target as HTMLInputElement).value } : r)))}
              onChange=${() => void save(rows)}
            />
            ${
              write &&
              html`<span style="display: flex; gap: 4px; flex-wrap: wrap">
                <button
                  type="button"
                  aria-label=${`Move image ${i + 1} earlier`}
                  disabled=${busy || i === 0}
                  onClick=${() => move(i, i - 1)}
                >
                  ←
                </button>
                <button
                  type="button"
                  aria-label=${`Move image ${i + 1} later`}
                  disabled=${busy || i === rows.length - 1}
                  onClick=${() => move(i, i + 1)}
                >
                  →
                </button>
                <button
                  type="button"
                  class="danger"
                  aria-label=${`Remove image ${i + 1}`}
                  disabled=${busy}
                  onClick=${() => void save(rows.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </span>`
            }
          </li>`,
      )}
    </ol>
    ${
      write &&
      html`<label
        class="dropzone"
        style=${`display: block; padding: 16px; border: 2px dashed ${dragging ? '#2e90fa' : '#d0d5dd'}; border-radius: 8px; text-align: center; cursor: pointer`}
        onDragOver=${(e: DragEvent) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave=${() => setDragging(false)}
        onDrop=${onDrop}
      >
        ${busy ? 'Uploading…' : 'Drop images here or choose files (JPEG, PNG, WebP, GIF, AVIF)'}
        <input
          type="file"
          name="media-upload"
          accept=${ACCEPT}
          multiple
          disabled=${busy}
          style="display: block; margin: 8px auto 0"
          onChange=${(e: Event) => {
            const input = e.target as HTMLInputElement
            void upload(input.files).finally(() => (input.value = ''))
          }}
        />
      </label>`
    }
  </section>`
}
