import { type CustomerAddress, type CustomerAddressInput, isKassaApiError } from '@kassa/sdk'
import type { Hono } from 'hono'
import { AccountNav, ErrorNotice, formValues, signedIn } from './account.js'
import { Field, type Problem, problemOf, type Values } from './checkout.js'
import { Notice } from './components.js'
import type { SfContext, SfEnv } from './env.js'
import { href, Layout, type PageContext } from './layout.js'
import { render } from './render.js'

const ADDRESS_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'address_1',
  'address_2',
  'postal_code',
  'city',
  'province',
  'country_code',
  'phone',
] as const
const OPTIONAL = new Set(['company', 'address_2', 'province', 'phone'])

export function AddressLines({ address, page }: { address: CustomerAddress; page: PageContext }) {
  const names = new Intl.DisplayNames([page.lang], { type: 'region' })
  return (
    <address>
      {address.first_name} {address.last_name}
      {address.company && (
        <>
          <br />
          {address.company}
        </>
      )}
      <br />
      {address.address_1}
      {address.address_2 && ` ${address.address_2}`}
      <br />
      {address.postal_code} {address.city}
      {address.province && `, ${address.province}`}
      <br />
      {names.of(address.country_code.toUpperCase()) ?? address.country_code}
    </address>
  )
}

function AddressForm({
  page,
  action,
  values,
  problem,
  submit,
}: {
  page: PageContext
  action: string
  values: Values
  problem?: Problem | undefined
  submit: string
}) {
  const { t, lang } = page
  const countries = [...new Set(page.regions.flatMap((r) => r.countries))].sort()
  const names = new Intl.DisplayNames([lang], { type: 'region' })
  const country = values.country_code || (lang === 'nl' ? 'nl' : (page.region.countries[0] ?? ''))
  return (
    <form class="form panel" method="post" action={action}>
      <div class="row">
        <Field name="first_name" label={t.firstName} auto="given-name" values={values} problem={problem} />
        <Field name="last_name" label={t.lastName} auto="family-name" values={values} problem={problem} />
      </div>
      <Field name="company" label={t.company} auto="organization" required={false} values={values} problem={problem} />
      <Field name="address_1" label={t.address1} auto="address-line1" values={values} problem={problem} />
      <Field name="address_2" label={t.address2} auto="address-line2" required={false} values={values} problem={problem} />
      <div class="row">
        <Field name="postal_code" label={t.postalCode} auto="postal-code" values={values} problem={problem} />
        <Field name="city" label={t.city} auto="address-level2" values={values} problem={problem} />
      </div>
      <Field name="province" label={t.province} auto="address-level1" required={false} values={values} problem={problem} />
      <label class={problem?.fields.country_code ? 'err' : ''}>
        <span>{t.country}</span>
        <select name="country_code" autocomplete="country">
          {countries.map((code) => (
            <option value={code} selected={country === code}>
              {names.of(code.toUpperCase()) ?? code}
            </option>
          ))}
        </select>
      </label>
      <Field name="phone" label={t.phone} type="tel" auto="tel" required={false} values={values} problem={problem} />
      <label class="choice">
        <input type="checkbox" name="is_default_shipping" value="1" checked={values.is_default_shipping === '1'} />
        <span>{t.defaultShipping}</span>
      </label>
      <label class="choice">
        <input type="checkbox" name="is_default_billing" value="1" checked={values.is_default_billing === '1'} />
        <span>{t.defaultBilling}</span>
      </label>
      <button type="submit">{submit}</button>
    </form>
  )
}

function addressInput(values: Values): CustomerAddressInput {
  const input: Record<string, string | boolean | null> = {}
  for (const field of ADDRESS_FIELDS) input[field] = values[field] || (OPTIONAL.has(field) ? null : '')
  input.is_default_shipping = values.is_default_shipping === '1'
  input.is_default_billing = values.is_default_billing === '1'
  return input as unknown as CustomerAddressInput
}

function addressValues(address: CustomerAddress): Values {
  const values: Values = {}
  for (const field of ADDRESS_FIELDS) values[field] = address[field] ?? ''
  if (address.is_default_shipping) values.is_default_shipping = '1'
  if (address.is_default_billing) values.is_default_billing = '1'
  return values
}

/** The address book: list, add, edit, make default, remove. */
export function addressRoutes(app: Hono<SfEnv>): void {
  const addressesPage = async (c: SfContext, values: Values = {}, problem?: Problem, notice?: string) => {
    const page = c.get('page')
    const { t, lang } = page
    const addresses = await c.get('store').customers.addresses.list()
    return render(
      c,
      <Layout page={page} title={t.addresses} description={t.addresses} noindex>
        <AccountNav page={page} current="/account/addresses" />
        <h1>{t.addresses}</h1>
        {notice && <Notice kind="ok">{notice}</Notice>}
        {addresses.length === 0 && <p>{t.noAddresses}</p>}
        <ul class="tiles addresses">
          {addresses.map((address) => (
            <li class="panel" data-address={address.id}>
              <AddressLines page={page} address={address} />
              <p class="muted">
                {address.is_default_shipping && (
                  <>
                    ✓ {t.defaultShipping}
                    <br />
                  </>
                )}
                {address.is_default_billing && <>✓ {t.defaultBilling}</>}
              </p>
              <div class="actions">
                <a class="btn ghost" href={href(lang, `/account/addresses/${address.id}`)}>
                  {t.edit}
                </a>
                {!address.is_default_shipping && (
                  <form method="post" action={href(lang, `/account/addresses/${address.id}/default`)}>
                    <input type="hidden" name="kind" value="shipping" />
                    <button class="ghost" type="submit">
                      {t.makeDefaultShipping}
                    </button>
                  </form>
                )}
                {!address.is_default_billing && (
                  <form method="post" action={href(lang, `/account/addresses/${address.id}/default`)}>
                    <input type="hidden" name="kind" value="billing" />
                    <button class="ghost" type="submit">
                      {t.makeDefaultBilling}
                    </button>
                  </form>
                )}
                <form method="post" action={href(lang, `/account/addresses/${address.id}/delete`)}>
                  <button class="ghost" type="submit">
                    {t.remove}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
        <h2>{t.addAddress}</h2>
        <ErrorNotice page={page} problem={problem} />
        <AddressForm page={page} action={href(lang, '/account/addresses')} values={values} problem={problem} submit={t.addAddress} />
      </Layout>,
    )
  }

  app.get('/:lang/account/addresses', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const done = c.req.query('done')
    const t = c.get('page').t
    return addressesPage(c, {}, undefined, done === 'saved' ? t.saved : done === 'deleted' ? t.deleted : undefined)
  })

  const toAddresses = (c: SfContext, done: string) => c.redirect(`${href(c.get('page').lang, '/account/addresses')}?done=${done}`, 303)

  app.post('/:lang/account/addresses', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const values = await formValues(c)
    try {
      await c.get('store').customers.addresses.create(addressInput(values))
      return toAddresses(c, 'saved')
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500 || error.status === 401 || error.status === 404) throw error
      c.status(400)
      return addressesPage(c, values, problemOf(error))
    }
  })

  const editPage = (c: SfContext, id: string, values: Values, problem?: Problem) => {
    const page = c.get('page')
    const { t, lang } = page
    return render(
      c,
      <Layout page={page} title={t.editAddress} description={t.editAddress} noindex>
        <AccountNav page={page} current="/account/addresses" />
        <h1>{t.editAddress}</h1>
        <ErrorNotice page={page} problem={problem} />
        <AddressForm page={page} action={href(lang, `/account/addresses/${id}`)} values={values} problem={problem} submit={t.save} />
      </Layout>,
    )
  }

  app.get('/:lang/account/addresses/:id', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const id = c.req.param('id')
    const address = (await c.get('store').customers.addresses.list()).find((a) => a.id === id)
    if (!address) return c.notFound()
    return editPage(c, id, addressValues(address))
  })

  app.post('/:lang/account/addresses/:id', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const id = c.req.param('id')
    const values = await formValues(c)
    try {
      await c.get('store').customers.addresses.update(id, addressInput(values))
      return toAddresses(c, 'saved')
    } catch (error) {
      if (!isKassaApiError(error) || error.status >= 500 || error.status === 401 || error.status === 404) throw error
      c.status(400)
      return editPage(c, id, values, problemOf(error))
    }
  })

  app.post('/:lang/account/addresses/:id/default', async (c) => {
    const away = signedIn(c)
    if (away) return away
    const kind = (await formValues(c)).kind === 'billing' ? 'is_default_billing' : 'is_default_shipping'
    await c.get('store').customers.addresses.update(c.req.param('id'), { [kind]: true })
    return toAddresses(c, 'saved')
  })

  app.post('/:lang/account/addresses/:id/delete', async (c) => {
    const away = signedIn(c)
    if (away) return away
    await c.get('store').customers.addresses.delete(c.req.param('id'))
    return toAddresses(c, 'deleted')
  })
}
