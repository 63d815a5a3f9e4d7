import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CatalogErrors,
  createPublishableKey,
  createSalesChannel,
  deleteSalesChannel,
  getProduct,
  getSalesChannel,
  listProductChannels,
  listPublishableKeys,
  listSalesChannels,
  productChannelsSchema,
  publishableKeyCreateSchema,
  revokePublishableKey,
  salesChannelCreateSchema,
  SalesChannelErrors,
  salesChannelUpdateSchema,
  setProductChannels,
  updateSalesChannel,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { PublishableKeySchema, SalesChannelSchema } from '../schemas/access.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

const idParam = z.object({ id: z.string().max(64) })
const keyParam = z.object({ id: z.string().max(64), key_id: z.string().max(64) })
const one = jsonResponse(z.object({ sales_channel: SalesChannelSchema }), 'The sales channel')
const key = jsonResponse(z.object({ publishable_key: PublishableKeySchema }), 'The publishable key')
const productChannels = jsonResponse(z.object({ product_id: z.string(), sales_channel_ids: z.array(z.string()) }), "The product's sales channels")
const route = <const R extends Parameters<typeof adminRoute>[2]>(r: R) => adminRoute('sales channels', r.method === 'get' ? 'settings:read' : 'settings:write', r)

const routes = {
  list: route({
    method: 'get',
    path: '/sales-channels',
    operationId: 'adminListSalesChannels',
    summary: 'Every sales channel',
    responses: { 200: jsonResponse(z.object({ data: z.array(SalesChannelSchema), next_cursor: z.null() }), 'Sales channels'), ...errorResponses(...adminAuthErrors) },
  }),
  create: route({
    method: 'post',
    path: '/sales-channels',
    operationId: 'adminCreateSalesChannel',
    summary: 'Create a sales channel (web, app, POS...) with its allowed browser origins',
    request: { body: jsonBody(salesChannelCreateSchema.meta({ id: 'SalesChannelCreateInput' })) },
    responses: { 201: one, ...errorResponses(...adminAuthErrors) },
  }),
  get: route({
    method: 'get',
    path: '/sales-channels/{id}',
    operationId: 'adminGetSalesChannel',
    summary: 'A sales channel by id',
    request: { params: idParam },
    responses: { 200: one, ...errorResponses(...adminAuthErrors, SalesChannelErrors.notFound) },
  }),
  update: route({
    method: 'patch',
    path: '/sales-channels/{id}',
    operationId: 'adminUpdateSalesChannel',
    summary: 'Rename a channel or replace its allowed origins',
    request: { params: idParam, body: jsonBody(salesChannelUpdateSchema.meta({ id: 'SalesChannelUpdateInput' })) },
    responses: { 200: one, ...errorResponses(...adminAuthErrors, SalesChannelErrors.notFound) },
  }),
  remove: route({
    method: 'delete',
    path: '/sales-channels/{id}',
    operationId: 'adminDeleteSalesChannel',
    summary: 'Delete a channel with its keys (the default channel stays; channels with orders are kept)',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(...adminAuthErrors, SalesChannelErrors.notFound, SalesChannelErrors.isDefault, SalesChannelErrors.inUse) },
  }),
  listKeys: route({
    method: 'get',
    path: '/sales-channels/{id}/publishable-keys',
    operationId: 'adminListPublishableKeys',
    summary: "A channel's publishable keys, revoked ones included",
    request: { params: idParam },
    responses: {
      200: jsonResponse(z.object({ data: z.array(PublishableKeySchema), next_cursor: z.null() }), 'Publishable keys'),
      ...errorResponses(...adminAuthErrors, SalesChannelErrors.notFound),
    },
  }),
  createKey: route({
    method: 'post',
    path: '/sales-channels/{id}/publishable-keys',
    operationId: 'adminCreatePublishableKey',
    summary: 'Create a publishable key (pk_…) for the channel',
    request: { params: idParam, body: jsonBody(publishableKeyCreateSchema.meta({ id: 'PublishableKeyCreateInput' })) },
    responses: { 201: key, ...errorResponses(...adminAuthErrors, SalesChannelErrors.notFound) },
  }),
  revokeKey: route({
    method: 'post',
    path: '/sales-channels/{id}/publishable-keys/{key_id}/revoke',
    operationId: 'adminRevokePublishableKey',
    summary: 'Revoke a publishable key (servers stop accepting it within 30 seconds)',
    request: { params: keyParam },
    responses: { 200: key, ...errorResponses(...adminAuthErrors, SalesChannelErrors.keyNotFound) },
  }),
  getProductChannels: adminRoute('products', 'catalog:read', {
    method: 'get',
    path: '/products/{id}/sales-channels',
    operationId: 'adminGetProductSalesChannels',
    summary: 'The sales channels a product is sold in',
    request: { params: idParam },
    responses: { 200: productChannels, ...errorResponses(...adminAuthErrors, CatalogErrors.productNotFound) },
  }),
  setProductChannels: adminRoute('products', 'catalog:write', {
    method: 'put',
    path: '/products/{id}/sales-channels',
    operationId: 'adminSetProductSalesChannels',
    summary: 'Replace the sales channels a product is sold in (outside them it does not exist for their keys)',
    request: { params: idParam, body: jsonBody(productChannelsSchema.meta({ id: 'ProductSalesChannelsInput' })) },
    responses: { 200: productChannels, ...errorResponses(...adminAuthErrors, CatalogErrors.productNotFound, SalesChannelErrors.notFound) },
  }),
}

export function adminSalesChannelRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  app.openapi(routes.list, async (c) => c.json({ data: await listSalesChannels(ctx(c)), next_cursor: null }, 200))
  app.openapi(routes.create, async (c) => c.json({ sales_channel: await createSalesChannel(ctx(c), c.req.valid('json')) }, 201))
  app.openapi(routes.get, async (c) => c.json({ sales_channel: await getSalesChannel(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(routes.update, async (c) => c.json({ sales_channel: await updateSalesChannel(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(routes.remove, async (c) => {
    await deleteSalesChannel(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(routes.listKeys, async (c) => c.json({ data: await listPublishableKeys(ctx(c), c.req.valid('param').id), next_cursor: null }, 200))
  app.openapi(routes.createKey, async (c) => c.json({ publishable_key: await createPublishableKey(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 201))
  app.openapi(routes.revokeKey, async (c) => {
    const p = c.req.valid('param')
    return c.json({ publishable_key: await revokePublishableKey(ctx(c), p.id, p.key_id) }, 200)
  })
  app.openapi(routes.getProductChannels, async (c) => {
    const { id } = c.req.valid('param')
    await getProduct(ctx(c), id)
    return c.json({ product_id: id, sales_channel_ids: await listProductChannels(ctx(c), id) }, 200)
  })
  app.openapi(routes.setProductChannels, async (c) => {
    const { id } = c.req.valid('param')
    await getProduct(ctx(c), id)
    return c.json({ product_id: id, sales_channel_ids: await setProductChannels(ctx(c), id, c.req.valid('json')) }, 200)
  })
  return app
}
