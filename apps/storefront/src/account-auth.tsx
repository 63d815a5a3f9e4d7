import { isKassaApiError } from '@kassa/sdk'
import type { Hono } from 'hono'
import { deleteCookie, getCookie } from 'hono/cookie'
import { ErrorNotice, formValues, signIn, statusOf } from './account.js'
import { forgetCart } from './cart.js'
import { Field, type Problem, problemOf, type Values } from './checkout.js'
import { COOKIES, type SfEnv } from './env.js'
import { href, Layout, type PageContext } from './layout.js'
import { render } from './render.js'

function LoginPage({ page, values, problem }: { page: PageContext; values: Values; problem?: Problem | undefined }) {
  const { t, lang } = page
  return (
    <Layout page={page} title={t.signIn} description={t.signIn} noindex>
      <div class="narrow">
        <h1>{t.signIn}</h1>
        <ErrorNotice page={page} problem={problem} />
        <form class="form panel" method="post" action={href(lang, '/account/login')}>
          <Field name="email" label={t.email} type="email" auto="email" values={values} problem={problem} />
          <Field name="password" label={t.password} type="password" auto="current-password" values={{}} problem={problem} />
          {values.next && <input type="hidden" name="next" value={values.next} />}
          <button class="big" type="submit">
            {t.signIn}
          </button>
        </form>
        <p>
          {t.noAccount} <a href={href(lang, '/account/register')}>{t.register}</a>
        </p>
      </div>
    </Layout>
  )
}

function RegisterPage({ page, values, problem }: { page: PageContext; values: Values; problem?: Problem | undefined }) {
  const { t, lang } = page
  return (
    <Layout page={page} title={t.register} description={t.register} noindex>
      <div class="narrow">
        <h1>{t.register}</h1>
        <ErrorNotice page={page} problem={problem} />
        <form class="form panel" method="post" action={href(lang, '/account/register')}>
          <div class="row">
            <Field name="first_name" label={t.firstName} auto="given-name" values={values} problem={problem} />
            <Field name="last_name" label={t.lastName} auto="family-name" values={values} problem={problem} />
          </div>
          <Field name="email" label={t.email} type="email" auto="email" values={values} problem={problem} />
          <Field name="password" label={t.password} type="password" auto="new-password" values={{}} problem={problem} />
          <p class="hint">{t.passwordHint}</p>
          <button class="big" type="submit">
            {t.registerCta}
          </button>
        </form>
        <p>
          {t.haveAccount} <a href={href(lang, '/account/login')}>{t.signIn}</a>
        </p>
      </div>
    </Layout>
  )
}

/** Sign in, register and sign out. */
export function authRoutes(app: Hono<SfEnv>): void {
  app.get('/:lang/account/login', (c) => {
    const page = c.get('page')
    const next = c.req.query('next')
    return render(c, <LoginPage page={page} values={next ? { next } : {}} />)
  })

  app.post('/:lang/account/login', async (c) => {
    const page = c.get('page')
    const values = await formValues(c)
    try {
      return await signIn(c, values.email ?? '', values.password ?? '', values.next)
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500) throw error
      c.status(statusOf(error) as 400)
      return render(c, <LoginPage page={page} values={values} problem={problemOf(error)} />)
    }
  })

  app.get('/:lang/account/register', (c) => render(c, <RegisterPage page={c.get('page')} values={{}} />))

  app.post('/:lang/account/register', async (c) => {
    const page = c.get('page')
    const values = await formValues(c)
    try {
      await c.get('store').customers.register({
        email: values.email ?? '',
        password: values.password ?? '',
        first_name: values.first_name || null,
        last_name: values.last_name || null,
      })
      return await signIn(c, values.email ?? '', values.password ?? '', undefined)
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500) throw error
      c.status(statusOf(error) as 400)
      return render(c, <RegisterPage page={page} values={values} problem={problemOf(error)} />)
    }
  })

  app.post('/:lang/account/logout', async (c) => {
    const page = c.get('page')
    if (getCookie(c, COOKIES.customer)) {
      // Ends the session at the API too; an already ended one is fine.
      await c
        .get('store')
        .auth.logout()
        .catch(() => undefined)
    }
    deleteCookie(c, COOKIES.customer, { path: '/' })
    // The cart became the customer's at sign-in: a signed-out visitor cannot use it.
    forgetCart(c)
    return c.redirect(href(page.lang, '/'), 303)
  })
}
