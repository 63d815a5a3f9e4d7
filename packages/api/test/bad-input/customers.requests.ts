import {
  addMyAddress,
  createCart,
  encodeCursor,
  ensureDefaultChannel,
  listEvents,
  loginCustomer,
  registerCustomer,
  requestEmailVerification,
  requestPasswordReset,
  verifyEmail,
} from '@kassa/core'
import type { TestApi } from '../helpers.js'
import type { BadCase } from './generate.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** Customers, sessions, addresses and one-time tokens for the customer operations (each side effect gets its own). */
export interface CustomerFixtures {
  customerId: string
  doomedCustomerId: string
  /** Authorization headers of sessions: the main one, one to sign out, one whose password changes. */
  auth: Record<'main' | 'logout' | 'password', { authorization: string }>
  password: string
  addressId: string
  doomedAddressId: string
  loginCartId: string
  resetToken: string
  verifyToken: string
}

const PASSWORD = 'a long enough secret'

export async function createCustomerFixtures(api: TestApi, checkout: Fixtures['checkout']): Promise<CustomerFixtures> {
  const { channel } = await ensureDefaultChannel(api.commerce.ctx())
  const ctx = api.commerce.ctx({ type: 'guest' }, channel)
  const account = async (email: string) => {
    const customer = await registerCustomer(ctx, { email, password: PASSWORD })
    const session = await loginCustomer(ctx, { email, password: PASSWORD })
    return { id: customer.id, token: session.token, ctx: api.commerce.ctx({ type: 'customer', id: customer.id }, channel) }
  }
  const lastToken = async (type: string) => {
    const events = await listEvents(ctx, { type, limit: 10_000 })
    return String(events[events.length - 1]!.data.token)
  }
  // The guest order of the checkout fixtures was placed with this email: verified, it is the main customer's.
  const main = await account('fixture@example.com')
  await requestEmailVerification(main.ctx, {})
  await verifyEmail(ctx, { token: await lastToken('customer.verification_requested') })
  const logout = await loginCustomer(ctx, { email: 'fixture@example.com', password: PASSWORD })
  const changer = await account('fixture-password@example.com')
  await registerCustomer(ctx, { email: 'fixture-reset@example.com', password: PASSWORD })
  const doomed = await account('fixture-doomed@example.com')
  const verifier = await account('fixture-verify@example.com')
  const address = {
    first_name: 'Anna',
    last_name: 'de Vries',
    address_1: 'Keizersgracht 1',
    city: 'Amsterdam',
    postal_code: '1015 CJ',
    country_code: 'nl',
  }
  const kept = await addMyAddress(main.ctx, address)
  const doomedAddress = await addMyAddress(main.ctx, address)
  await requestPasswordReset(ctx, { email: 'fixture-reset@example.com' })
  const resetToken = await lastToken('customer.password_reset_requested')
  await requestEmailVerification(verifier.ctx, {})
  const verifyToken = await lastToken('customer.verification_requested')
  const cart = await createCart(ctx, { region_id: checkout.regionId })
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  return {
    customerId: main.id,
    doomedCustomerId: doomed.id,
    auth: { main: bearer(main.token), logout: bearer(logout.token), password: bearer(changer.token) },
    password: PASSWORD,
    addressId: kept.id,
    doomedAddressId: doomedAddress.id,
    loginCartId: cart.id,
    resetToken,
    verifyToken,
  }
}

const address = {
  first_name: 'Anna',
  last_name: 'de Vries',
  company: 'Fixture BV',
  address_1: 'Keizersgracht 1',
  address_2: 'Tweede etage',
  city: 'Amsterdam',
  postal_code: '1015 CJ',
  province: 'NH',
  country_code: 'nl',
  phone: '+31 20 123 4567',
}
const cursor = encodeCursor({ created_at: '2100-01-01T00:00:00.000Z', id: 'ord_zzzzzzzz' })

export const CUSTOMER_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  storeRegisterCustomer: () => ({
    body: { email: 'valid-register@example.com', password: PASSWORD, first_name: 'Val', last_name: 'Id', phone: '+31 6 1' },
  }),
  storeCustomerLogin: (f) => ({ body: { email: 'fixture@example.com', password: f.customers.password, cart_id: f.customers.loginCartId } }),
  storeCustomerLogout: (f) => ({ headers: f.customers.auth.logout }),
  storeRequestPasswordReset: () => ({ body: { email: 'fixture@example.com', locale: 'nl' } }),
  storeResetPassword: (f) => ({ body: { token: f.customers.resetToken, password: 'a new long secret' } }),
  storeVerifyEmail: (f) => ({ body: { token: f.customers.verifyToken } }),
  storeGetCustomer: (f) => ({ headers: f.customers.auth.main }),
  storeUpdateCustomer: (f) => ({
    headers: f.customers.auth.main,
    body: { email: 'fixture@example.com', current_password: f.customers.password, first_name: 'Anna', last_name: 'de Vries', phone: null },
  }),
  // The new password is the old one: whoever sends this (the authorization matrix sends it as each customer) can still sign in after.
  storeChangeCustomerPassword: (f) => ({
    headers: f.customers.auth.password,
    body: { current_password: f.customers.password, new_password: f.customers.password },
  }),
  storeRequestEmailVerification: (f) => ({ headers: f.customers.auth.main, body: { locale: 'en' } }),
  storeListCustomerAddresses: (f) => ({ headers: f.customers.auth.main }),
  storeCreateCustomerAddress: (f) => ({
    headers: f.customers.auth.main,
    body: { ...address, is_default_shipping: true, is_default_billing: false },
  }),
  storeUpdateCustomerAddress: (f) => ({
    headers: f.customers.auth.main,
    path: { id: f.customers.addressId },
    body: { ...address, is_default_shipping: true, is_default_billing: true },
  }),
  storeDeleteCustomerAddress: (f) => ({ headers: f.customers.auth.main, path: { id: f.customers.doomedAddressId } }),
  storeListCustomerOrders: (f) => ({ headers: f.customers.auth.main, query: { limit: '5', cursor } }),
  storeGetCustomerOrder: (f) => ({ headers: f.customers.auth.main, path: { id: f.checkout.order.id } }),
  storeExportCustomerData: (f) => ({ headers: f.customers.auth.main }),

  adminListCustomers: () => ({ query: { email: 'fixture@example.com', q: 'fixture', limit: '5', cursor } }),
  adminGetCustomer: (f) => ({ path: { id: f.customers.customerId } }),
  adminListCustomerAddresses: (f) => ({ path: { id: f.customers.customerId } }),
  adminEraseCustomer: (f) => ({ path: { id: f.customers.doomedCustomerId } }),
}

const body = (label: string, at: (string | number)[], value: unknown): BadCase => ({
  label: `body ${at.join('.')}: ${label}`,
  mutation: { in: 'body', at, set: () => value },
  expect: { path: at.join('.') },
})

/** Rules of the customer operations that the JSON Schema cannot state. */
export const CUSTOMER_SEMANTIC_CASES: Record<string, BadCase[]> = {
  storeRegisterCustomer: [body('not an email', ['email'], 'not-an-email'), body('only whitespace', ['first_name'], '   ')],
  storeCreateCustomerAddress: [body('not an assigned country', ['country_code'], 'zz')],
  storeUpdateCustomerAddress: [body('not an assigned country', ['country_code'], 'zz')],
}
