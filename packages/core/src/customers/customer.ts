import { z } from 'zod'
import { addressSchema } from '../cart/cart.js'
import { defineError } from '../kernel/errors.js'
import { idSchema, localeSchema } from '../kernel/schemas.js'

/** Most addresses one customer keeps. */
export const MAX_ADDRESSES = 50
/** How long a customer session lasts (it can be revoked before). */
export const SESSION_DAYS = 30
export const PASSWORD_RESET_MINUTES = 60
export const EMAIL_VERIFICATION_HOURS = 48

const email = z.string().trim().toLowerCase().email().max(254)
const password = z.string().min(10).max(1000)
const name = z.string().trim().min(1).max(100).nullable().optional()

export const registerCustomerSchema = z.strictObject({
  email,
  password,
  first_name: name,
  last_name: name,
  phone: z.string().trim().min(1).max(50).nullable().optional(),
})

export const customerLoginSchema = z.strictObject({
  email,
  password: z.string().min(1).max(1000),
  /** A guest cart to take over (merged into an open cart the customer has). */
  cart_id: idSchema.optional(),
})

export const updateCustomerSchema = z.strictObject({
  email: email.optional(),
  /** Needed to change the email: whoever holds a session alone cannot move the account to another address. */
  current_password: z.string().min(1).max(1000).optional(),
  first_name: name,
  last_name: name,
  phone: z.string().trim().min(1).max(50).nullable().optional(),
})

export const changePasswordSchema = z.strictObject({ current_password: z.string().min(1).max(1000), new_password: password })
export const passwordResetRequestSchema = z.strictObject({ email, locale: localeSchema.optional() })
export const passwordResetSchema = z.strictObject({ token: z.string().min(1).max(200), password })
export const verifyEmailSchema = z.strictObject({ token: z.string().min(1).max(200) })
export const verificationRequestSchema = z.strictObject({ locale: localeSchema.optional() })

export const customerAddressSchema = addressSchema.extend({
  is_default_shipping: z.boolean().optional(),
  is_default_billing: z.boolean().optional(),
})
export const updateCustomerAddressSchema = customerAddressSchema.partial()

export type RegisterCustomerInput = z.input<typeof registerCustomerSchema>
export type CustomerLoginInput = z.input<typeof customerLoginSchema>
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>
export type ChangePasswordInput = z.input<typeof changePasswordSchema>
export type CustomerAddressInput = z.input<typeof customerAddressSchema>
export type UpdateCustomerAddressInput = z.input<typeof updateCustomerAddressSchema>

/** A customer account as the customer and admins see it (never the password hash). */
export interface Customer {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  email_verified: boolean
  erased_at: string | null
  created_at: string
  updated_at: string
}

export interface CustomerAddress {
  id: string
  first_name: string
  last_name: string
  company: string | null
  address_1: string
  address_2: string | null
  city: string
  postal_code: string
  province: string | null
  country_code: string
  phone: string | null
  is_default_shipping: boolean
  is_default_billing: boolean
  created_at: string
  updated_at: string
}

/** What login answers: the bearer token, when it expires, the customer, and the cart they now own. */
export interface CustomerSession {
  token: string
  expires_at: string
  customer: Customer
  cart_id: string | null
}

export const CustomerErrors = {
  notFound: defineError('customer.not_found', 'not_found', (id: string) => `Customer ${id} not found`),
  emailTaken: defineError('customer.email_taken', 'conflict', () => 'An account with this email exists'),
  addressNotFound: defineError('customer.address_not_found', 'not_found', (id: string) => `Address ${id} not found`),
  tooManyAddresses: defineError('customer.too_many_addresses', 'invalid', () => `A customer keeps at most ${MAX_ADDRESSES} addresses`),
  wrongPassword: defineError('customer.wrong_password', 'invalid', () => 'The current password is wrong'),
  tokenInvalid: defineError('customer.token_invalid', 'invalid', () => 'The link is unknown, used or expired; request a new one'),
}

export const CustomerSessionErrors = {
  required: defineError('customer_session.required', 'unauthenticated', () => 'Sign in first: send Authorization: Bearer <customer token>'),
  invalid: defineError('customer_session.invalid', 'unauthenticated', () => 'The bearer token is not a session token'),
  expired: defineError('customer_session.expired', 'unauthenticated', () => 'The session has expired; sign in again'),
  revoked: defineError('customer_session.revoked', 'unauthenticated', () => 'The session was signed out; sign in again'),
  wrongAudience: defineError('customer_session.wrong_audience', 'unauthenticated', () => 'The token is not a customer session of this sales channel'),
}

/** What a bad customer bearer token answers on any buyer's route of the Store API (401 each). */
export const CUSTOMER_SESSION_ERRORS = [
  CustomerSessionErrors.invalid,
  CustomerSessionErrors.expired,
  CustomerSessionErrors.revoked,
  CustomerSessionErrors.wrongAudience,
]
