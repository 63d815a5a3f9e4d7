import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import {
  AuthErrors,
  ChannelErrors,
  CUSTOMER_SESSION_ERRORS,
  CustomerErrors,
  customerLoginSchema,
  CustomerSessionErrors,
  loginCustomer,
  logoutCustomer,
  passwordResetRequestSchema,
  passwordResetSchema,
  requestPasswordReset,
  resetPassword,
  ThrottleErrors,
  verifyEmail,
  verifyEmailSchema,
} from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { bearerToken, clientIp } from '../middleware/client-ip.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { CustomerSessionSchema } from '../schemas/customers.js'

const tags = ['Store: customers']
const security = [{ publishableKey: [] }]
const storeErrors = [ChannelErrors.keyMissing, ChannelErrors.keyInvalid]
const sessionErrors = [CustomerSessionErrors.required, ...CUSTOMER_SESSION_ERRORS]
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ ...r, tags, security })
const noContent = { 204: { description: 'Done' } }

const login = route({
  method: 'post',
  path: '/auth/login',
  operationId: 'storeCustomerLogin',
  summary: 'Sign a customer in; returns a session token (and takes over a guest cart passed as cart_id)',
  description:
    'An unknown email and a wrong password both answer 401 auth.invalid_credentials. Repeated failures, per account and per address, ' +
    'answer 429 auth.too_many_attempts with Retry-After, and the wait grows with each failure.',
  request: { body: jsonBody(customerLoginSchema.meta({ id: 'CustomerLoginInput' })) },
  responses: {
    200: jsonResponse(CustomerSessionSchema, 'The session'),
    ...errorResponses(...storeErrors, ...CUSTOMER_SESSION_ERRORS, AuthErrors.invalidCredentials, ThrottleErrors.tooManyAttempts),
  },
})

const logout = route({
  method: 'post',
  path: '/auth/logout',
  operationId: 'storeCustomerLogout',
  summary: 'Sign out: the bearer token stops working',
  security: [{ publishableKey: [], customerBearer: [] }],
  responses: { ...noContent, ...errorResponses(...storeErrors, ...sessionErrors) },
})

const resetRequest = route({
  method: 'post',
  path: '/auth/password-reset',
  operationId: 'storeRequestPasswordReset',
  summary: 'Send a password reset link (answers the same whether or not the email has an account)',
  request: { body: jsonBody(passwordResetRequestSchema.meta({ id: 'PasswordResetRequestInput' })) },
  responses: { ...noContent, ...errorResponses(...storeErrors, ...CUSTOMER_SESSION_ERRORS, ThrottleErrors.tooManyAttempts) },
})

const reset = route({
  method: 'post',
  path: '/auth/password-reset/confirm',
  operationId: 'storeResetPassword',
  summary: 'Set a new password with the token from the reset link (once, within an hour); signs out every session',
  request: { body: jsonBody(passwordResetSchema.meta({ id: 'PasswordResetInput' })) },
  responses: { ...noContent, ...errorResponses(...storeErrors, ...CUSTOMER_SESSION_ERRORS, CustomerErrors.tokenInvalid) },
})

const verify = route({
  method: 'post',
  path: '/auth/verify-email',
  operationId: 'storeVerifyEmail',
  summary: "Mark the email verified with the token from the verification link; the email's guest orders join the account",
  request: { body: jsonBody(verifyEmailSchema.meta({ id: 'VerifyEmailInput' })) },
  responses: { ...noContent, ...errorResponses(...storeErrors, ...CUSTOMER_SESSION_ERRORS, CustomerErrors.tokenInvalid) },
})

export function storeAuthRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctxOf = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'), c.get('channel'))
  app.openapi(login, async (c) => {
    const ip = clientIp(c)
    return c.json(await loginCustomer(ctxOf(c), c.req.valid('json'), ip ? { ip } : {}), 200)
  })
  app.openapi(logout, async (c) => {
    await logoutCustomer(ctxOf(c), bearerToken(c) ?? '')
    return c.body(null, 204)
  })
  app.openapi(resetRequest, async (c) => {
    await requestPasswordReset(ctxOf(c), c.req.valid('json'))
    return c.body(null, 204)
  })
  app.openapi(reset, async (c) => {
    await resetPassword(ctxOf(c), c.req.valid('json'))
    return c.body(null, 204)
  })
  app.openapi(verify, async (c) => {
    await verifyEmail(ctxOf(c), c.req.valid('json'))
    return c.body(null, 204)
  })
  return app
}
