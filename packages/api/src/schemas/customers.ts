import { z } from '@hono/zod-openapi'

const timestamp = z.string().openapi({ format: 'date-time' })

export const CustomerSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    phone: z.string().nullable(),
    email_verified: z.boolean().openapi({ description: 'Set only by following a verification link' }),
    erased_at: timestamp.nullable().openapi({ description: 'When an admin erased the personal data; null otherwise' }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .openapi('Customer')

export const CustomerAddressSchema = z
  .object({
    id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    company: z.string().nullable(),
    address_1: z.string(),
    address_2: z.string().nullable(),
    city: z.string(),
    postal_code: z.string(),
    province: z.string().nullable(),
    country_code: z.string(),
    phone: z.string().nullable(),
    is_default_shipping: z.boolean(),
    is_default_billing: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .openapi('CustomerAddress')

export const CustomerSessionSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as Authorization: Bearer <token> next to the publishable key' }),
    expires_at: timestamp,
    customer: CustomerSchema,
    cart_id: z.string().nullable().openapi({ description: 'The cart the customer now owns, when login passed a guest cart_id' }),
  })
  .openapi('CustomerSession')
