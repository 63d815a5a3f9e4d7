import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { idSchema } from '../kernel/schemas.js'

export const SalesChannelErrors = {
  notFound: defineError('sales_channel.not_found', 'not_found', (id: string) => `Sales channel ${id} not found`),
  isDefault: defineError('sales_channel.is_default', 'conflict', () => 'The default sales channel cannot be deleted'),
  inUse: defineError('sales_channel.in_use', 'conflict', (id: string) => `Sales channel ${id} has orders and cannot be deleted`),
  keyNotFound: defineError('publishable_key.not_found', 'not_found', (id: string) => `Publishable key ${id} not found`),
}

/** A browser origin as the Origin header sends it: scheme, host, optional port; no path. */
export const originSchema = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'an origin such as https://shop.example.com (scheme, host, optional port)')
  .transform((o) => o.toLowerCase())

export const salesChannelCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().optional(),
  allowed_origins: z.array(originSchema).max(50).default([]),
})

export const salesChannelUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).nullable().optional(),
  allowed_origins: z.array(originSchema).max(50).optional(),
})

export const publishableKeyCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
})

export const productChannelsSchema = z.strictObject({
  sales_channel_ids: z.array(idSchema).max(100),
})

export interface SalesChannel {
  id: string
  name: string
  description: string | null
  is_default: boolean
  allowed_origins: string[]
  created_at: string
  updated_at: string
}

/** A publishable key: public by design (it ships in storefront code), so it is listed in full. */
export interface PublishableKey {
  id: string
  token: string
  title: string
  sales_channel_id: string
  revoked_at: string | null
  created_at: string
}
