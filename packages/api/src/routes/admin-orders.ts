import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addOrderNote,
  AuthErrors,
  cancelOrder,
  cancelOrderSchema,
  captureSchema,
  capturePayment,
  createFulfillment,
  editOrder,
  OrderEditErrors,
  orderEditSchema,
  fulfillmentCreateSchema,
  fulfillmentRecordMachine,
  fulfillmentStatusMachine,
  getOrderDetail,
  IdempotencyErrors,
  InventoryErrors,
  listOrders,
  markDelivered,
  markShipped,
  noteSchema,
  OrderErrors,
  orderListQuerySchema,
  OrderLifecycleErrors as E,
  orderStatusMachine,
  paymentStatusMachine,
  receiveReturn,
  refundPayment,
  refundSchema,
  requestReturn,
  returnMachine,
  returnReceiveSchema,
  returnRequestSchema,
  shipSchema,
} from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { idempotent } from '../middleware/idempotency.js'
import { OrderSchema } from '../schemas/cart.js'
import { errorResponses, jsonBody, jsonResponse, listOf } from '../schemas/common.js'
import {
  FulfillmentSchema,
  OrderActivitySchema,
  OrderDetailSchema,
  OrderReturnSchema,
  PaymentTransactionSchema,
} from '../schemas/orders.js'
import { adminRoute } from './admin-route.js'

const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]
const idParam = z.object({ id: z.string().max(64) })
const fulfillmentParam = z.object({ id: z.string().max(64), fulfillment_id: z.string().max(64) })
const returnParam = z.object({ id: z.string().max(64), return_id: z.string().max(64) })
const read = <const R extends Parameters<typeof adminRoute>[2]>(r: R) => adminRoute('orders', 'orders:read', r)
const write = <const R extends Parameters<typeof adminRoute>[2]>(r: R) => adminRoute('orders', 'orders:write', r)
const paymentErrors = [E.paymentInProgress, E.paymentFailed, paymentStatusMachine.error, E.closed]
const idempotencyErrors = [IdempotencyErrors.keyReused, IdempotencyErrors.inProgress]
const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(255).optional().openapi({ description: 'Replays the first response to the same key (same body)' }),
})

const routes = {
  list: read({
    method: 'get',
    path: '/orders',
    operationId: 'adminListOrders',
    summary:
      'Orders, newest first; filter by status, payment_status, fulfillment_status, a creation window, q (order number or email), customer_id',
    request: { query: orderListQuerySchema },
    responses: { 200: jsonResponse(listOf(OrderSchema), 'Orders'), ...errorResponses(...authErrors) },
  }),
  get: read({
    method: 'get',
    path: '/orders/{id}',
    operationId: 'adminGetOrder',
    summary: 'An order with its fulfillments, returns, payment transactions and timeline',
    request: { params: idParam },
    responses: {
      200: jsonResponse(z.object({ order: OrderDetailSchema }), 'The order'),
      ...errorResponses(...authErrors, OrderErrors.notFound),
    },
  }),
  capture: write({
    method: 'post',
    path: '/orders/{id}/capture',
    operationId: 'adminCaptureOrderPayment',
    summary: 'Capture the payment through its provider: all that is left, or `amount` (accepts Idempotency-Key)',
    request: { params: idParam, headers: idempotencyHeader, body: jsonBody(captureSchema.meta({ id: 'OrderCaptureInput' })) },
    responses: {
      200: jsonResponse(z.object({ order: OrderSchema, transaction: PaymentTransactionSchema }), 'The order and the capture'),
      ...errorResponses(...authErrors, OrderErrors.notFound, E.exceedsCapturable, ...paymentErrors, ...idempotencyErrors),
    },
  }),
  fulfill: write({
    method: 'post',
    path: '/orders/{id}/fulfillments',
    operationId: 'adminCreateFulfillment',
    summary: 'Pack some or all unfulfilled units at a stock location; the stock leaves (reservations become the units taken)',
    request: { params: idParam, body: jsonBody(fulfillmentCreateSchema.meta({ id: 'FulfillmentCreateInput' })) },
    responses: {
      201: jsonResponse(z.object({ order: OrderSchema, fulfillment: FulfillmentSchema }), 'The order and the fulfillment'),
      ...errorResponses(
        ...authErrors,
        OrderErrors.notFound,
        E.closed,
        E.lineNotFound,
        E.quantityUnavailable,
        InventoryErrors.locationNotFound,
        InventoryErrors.insufficient,
        fulfillmentStatusMachine.error,
        orderStatusMachine.error,
      ),
    },
  }),
  ship: write({
    method: 'post',
    path: '/orders/{id}/fulfillments/{fulfillment_id}/ship',
    operationId: 'adminShipFulfillment',
    summary: 'Mark a fulfillment shipped with carrier and tracking',
    request: { params: fulfillmentParam, body: jsonBody(shipSchema.meta({ id: 'FulfillmentShipInput' })) },
    responses: {
      200: jsonResponse(z.object({ order: OrderSchema, fulfillment: FulfillmentSchema }), 'The order and the fulfillment'),
      ...errorResponses(
        ...authErrors,
        OrderErrors.notFound,
        E.fulfillmentNotFound,
        E.closed,
        fulfillmentRecordMachine.error,
        fulfillmentStatusMachine.error,
      ),
    },
  }),
  deliver: write({
    method: 'post',
    path: '/orders/{id}/fulfillments/{fulfillment_id}/deliver',
    operationId: 'adminDeliverFulfillment',
    summary: 'Mark a shipped fulfillment delivered',
    request: { params: fulfillmentParam },
    responses: {
      200: jsonResponse(z.object({ order: OrderSchema, fulfillment: FulfillmentSchema }), 'The order and the fulfillment'),
      ...errorResponses(
        ...authErrors,
        OrderErrors.notFound,
        E.fulfillmentNotFound,
        E.closed,
        fulfillmentRecordMachine.error,
        fulfillmentStatusMachine.error,
        orderStatusMachine.error,
      ),
    },
  }),
  cancel: write({
    method: 'post',
    path: '/orders/{id}/cancel',
    operationId: 'adminCancelOrder',
    summary: 'Cancel an order that shipped nothing: stock released, payment refunded or voided',
    request: { params: idParam, body: jsonBody(cancelOrderSchema.meta({ id: 'OrderCancelInput' })) },
    responses: {
      200: jsonResponse(z.object({ order: OrderSchema }), 'The canceled order'),
      ...errorResponses(...authErrors, OrderErrors.notFound, orderStatusMachine.error, E.alreadyFulfilled, ...paymentErrors),
    },
  }),
  edit: write({
    method: 'post',
    path: '/orders/{id}/edit',
    operationId: 'adminEditOrder',
    summary:
      'Before fulfillment: change quantities, remove lines (quantity 0), add variants; totals recomputed, payment difference refunded or marked outstanding',
    request: { params: idParam, body: jsonBody(orderEditSchema.meta({ id: 'OrderEditInput' })) },
    responses: {
      200: jsonResponse(z.object({ order: OrderSchema }), 'The edited order'),
      ...errorResponses(
        ...authErrors,
        OrderErrors.notFound,
        E.lineNotFound,
        OrderEditErrors.notEditable,
        OrderEditErrors.variantNotSellable,
        OrderEditErrors.empty,
        InventoryErrors.insufficient,
        ...paymentErrors,
      ),
    },
  }),
  note: write({
    method: 'post',
    path: '/orders/{id}/notes',
    operationId: 'adminAddOrderNote',
    summary: 'Add an internal note to the timeline',
    request: { params: idParam, body: jsonBody(noteSchema.meta({ id: 'OrderNoteInput' })) },
    responses: {
      201: jsonResponse(z.object({ note: OrderActivitySchema }), 'The note'),
      ...errorResponses(...authErrors, OrderErrors.notFound),
    },
  }),
  requestReturn: write({
    method: 'post',
    path: '/orders/{id}/returns',
    operationId: 'adminRequestReturn',
    summary: 'Request a return of shipped units, with a reason',
    request: { params: idParam, body: jsonBody(returnRequestSchema.meta({ id: 'ReturnRequestInput' })) },
    responses: {
      201: jsonResponse(z.object({ return: OrderReturnSchema }), 'The return'),
      ...errorResponses(...authErrors, OrderErrors.notFound, E.closed, E.lineNotFound, E.quantityUnavailable),
    },
  }),
  receiveReturn: write({
    method: 'post',
    path: '/orders/{id}/returns/{return_id}/receive',
    operationId: 'adminReceiveReturn',
    summary: 'Receive a return; each line is restocked at the location unless `restock: false`',
    request: { params: returnParam, body: jsonBody(returnReceiveSchema.meta({ id: 'ReturnReceiveInput' })) },
    responses: {
      200: jsonResponse(z.object({ order: OrderSchema, return: OrderReturnSchema }), 'The order and the return'),
      ...errorResponses(
        ...authErrors,
        OrderErrors.notFound,
        E.returnNotFound,
        E.lineNotFound,
        returnMachine.error,
        InventoryErrors.locationNotFound,
        fulfillmentStatusMachine.error,
        orderStatusMachine.error,
      ),
    },
  }),
  refund: write({
    method: 'post',
    path: '/orders/{id}/refunds',
    operationId: 'adminRefundOrder',
    summary:
      'Refund lines, shipping or a custom amount through the provider, never more than captured minus refunded (accepts Idempotency-Key)',
    request: { params: idParam, headers: idempotencyHeader, body: jsonBody(refundSchema.meta({ id: 'RefundInput' })) },
    responses: {
      201: jsonResponse(z.object({ order: OrderSchema, refund: PaymentTransactionSchema }), 'The order and the refund'),
      ...errorResponses(
        ...authErrors,
        OrderErrors.notFound,
        E.exceedsRefundable,
        E.lineNotFound,
        E.quantityUnavailable,
        E.returnNotFound,
        ...paymentErrors,
        ...idempotencyErrors,
      ),
    },
  }),
}

export function adminOrderRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctxOf = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'))
  for (const path of ['/orders/:id/capture', '/orders/:id/refunds']) app.use(path, idempotent())

  app.openapi(routes.list, async (c) => c.json(await withQueryPaths(() => listOrders(ctxOf(c), c.req.valid('query'))), 200))
  app.openapi(routes.get, async (c) => c.json({ order: await getOrderDetail(ctxOf(c), c.req.valid('param').id) }, 200))
  app.openapi(routes.capture, async (c) => c.json(await capturePayment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
  app.openapi(routes.fulfill, async (c) => c.json(await createFulfillment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  app.openapi(routes.ship, async (c) => {
    const { id, fulfillment_id } = c.req.valid('param')
    return c.json(await markShipped(ctxOf(c), id, fulfillment_id, c.req.valid('json')), 200)
  })
  app.openapi(routes.deliver, async (c) => {
    const { id, fulfillment_id } = c.req.valid('param')
    return c.json(await markDelivered(ctxOf(c), id, fulfillment_id), 200)
  })
  app.openapi(routes.cancel, async (c) => c.json({ order: await cancelOrder(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(routes.edit, async (c) => c.json({ order: await editOrder(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(routes.note, async (c) => c.json({ note: await addOrderNote(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 201))
  app.openapi(routes.requestReturn, async (c) => {
    const { return: created } = await requestReturn(ctxOf(c), c.req.valid('param').id, c.req.valid('json'), 'admin')
    return c.json({ return: created }, 201)
  })
  app.openapi(routes.receiveReturn, async (c) => {
    const { id, return_id } = c.req.valid('param')
    return c.json(await receiveReturn(ctxOf(c), id, return_id, c.req.valid('json')), 200)
  })
  app.openapi(routes.refund, async (c) => c.json(await refundPayment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  return app
}
