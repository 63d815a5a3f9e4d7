import type { AdminMe } from '@kassa/sdk'
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { type Problem, signIn, toProblem } from './api.js'
import { Field, ProblemBox } from './ui.js'

export function Login({ onSignedIn }: { onSignedIn: (me: AdminMe) => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<Problem>()
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setProblem(undefined)
    try {
      onSignedIn(await signIn(email, password))
    } catch (error) {
      setProblem(toProblem(error))
    } finally {
      setBusy(false)
    }
  }
  return html`<main class="login">
    <form onSubmit=${submit} class="card">
      <h1>Kassa admin</h1>
      <${ProblemBox} problem=${problem} />
      <${Field} label="Email" name="email" type="email" value=${email} onInput=${setEmail} problem=${problem} required />
      <${Field} label="Password" name="password" type="password" value=${password} onInput=${setPassword} problem=${problem} required />
      <button class="primary" type="submit" disabled=${busy}>Sign in</button>
    </form>
  </main>`
}
