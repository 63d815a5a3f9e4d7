import { ANY_ADMIN, ANY_STOREFRONT, type AuthzTable, CUSTOMERS, MANAGERS, OWNING_CUSTOMER } from './table.js'

/**
 * Customer accounts. Signing up, signing in and the emailed links need only a publishable key, of
 * any channel (accounts are the shop's, sessions are per channel). The `/me` routes answer about
 * the customer whose token comes with the request: each customer is allowed on their own account,
 * anyone without a session gets 401 `customer_session.required`. A route that names one of
 * customer A's things by id (an address, an order) is A's alone; customer B gets the same 404 as a
 * missing one (authz/ownership.test.ts compares the bodies).
 */
export const CUSTOMERS_TABLE: AuthzTable = {
  // The first caller creates the account; later ones meet 409 customer.email_taken.
  storeRegisterCustomer: ANY_STOREFRONT,
  // Credentials in the body decide; a bearer token of someone else changes nothing.
  storeCustomerLogin: ANY_STOREFRONT,
  storeCustomerLogout: { allow: CUSTOMERS, endsSession: true },
  storeRequestPasswordReset: ANY_STOREFRONT,
  // The token is the credential; the first caller uses it up, later ones get 400 customer.token_invalid.
  storeResetPassword: ANY_STOREFRONT,
  storeVerifyEmail: ANY_STOREFRONT,

  storeGetCustomer: CUSTOMERS,
  // B asks for A's email: 409 customer.email_taken, not a refusal (B is changing B's own profile).
  storeUpdateCustomer: CUSTOMERS,
  // Every other session of the caller is signed out, so each actor sends a fresh one.
  storeChangeCustomerPassword: { allow: CUSTOMERS, endsSession: true },
  storeRequestEmailVerification: CUSTOMERS,
  storeListCustomerAddresses: CUSTOMERS,
  storeCreateCustomerAddress: CUSTOMERS,
  storeUpdateCustomerAddress: OWNING_CUSTOMER,
  storeDeleteCustomerAddress: OWNING_CUSTOMER,
  storeListCustomerOrders: CUSTOMERS,
  // The fixture order is a guest order placed with A's email, which A verified.
  storeGetCustomerOrder: OWNING_CUSTOMER,
  storeExportCustomerData: CUSTOMERS,

  adminListCustomers: ANY_ADMIN,
  adminGetCustomer: ANY_ADMIN,
  adminListCustomerAddresses: ANY_ADMIN,
  // customers:write: owner and manager (support holds the reads and orders:write only).
  adminEraseCustomer: MANAGERS,
}
