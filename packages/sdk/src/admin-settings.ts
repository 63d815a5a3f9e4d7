import type { AdminPaths, KassaClient } from './client.js'
import type { components, operations } from './generated/schema.js'

type Schemas = components['schemas']

export type RegionCreateInput = Schemas['RegionCreateInput']
export type RegionUpdateInput = Schemas['RegionUpdateInput']
/** A tax rate of a region: the default one, or one for a country, province or categories. */
export type TaxRate = Schemas['TaxRate']
export type TaxRateCreateInput = Schemas['TaxRateCreateInput']
export type TaxRateUpdateInput = Schemas['TaxRateUpdateInput']
/** A shipping option of a region: flat, by weight tiers or calculated by a provider. */
export type ShippingOption = Schemas['ShippingOption']
export type ShippingOptionCreateInput = Schemas['ShippingOptionCreateInput']
export type ShippingOptionUpdateInput = Schemas['ShippingOptionUpdateInput']
/** A sales channel (web, app, POS) with its allowed browser origins. */
export type SalesChannel = Schemas['SalesChannel']
export type SalesChannelCreateInput = Schemas['SalesChannelCreateInput']
export type SalesChannelUpdateInput = Schemas['SalesChannelUpdateInput']
/** A `pk_…` key of a sales channel: public by design. */
export type PublishableKey = Schemas['PublishableKey']
/** An admin user (never the password). */
export type AdminUser = Schemas['AdminUser']
export type AdminUserCreateInput = Schemas['AdminUserCreateInput']
export type AdminUserUpdateInput = Schemas['AdminUserUpdateInput']
/** A built-in or custom role with its permissions. */
export type AdminRole = Schemas['AdminRole']
export type AdminRoleCreateInput = Schemas['AdminRoleCreateInput']
export type AdminRoleUpdateInput = Schemas['AdminRoleUpdateInput']
/** A message kept by the built-in `database` notification provider. */
export type Notification = Schemas['Notification']
export type NotificationListQuery = NonNullable<operations['adminListNotifications']['parameters']['query']>
export type NotificationPage = operations['adminListNotifications']['responses'][200]['content']['application/json']

/** The regions calls of the Admin API client (permission `settings:read`, `settings:write` to change). */
export interface AdminRegionCalls {
  /** Every region: the currencies a product is priced in come from here. */
  list(): Promise<Schemas['Region'][]>
  /** A region by id; rejects with `region.not_found` otherwise. */
  get(id: string): Promise<Schemas['Region']>
  /** Creates a region; rejects with `region.country_taken` for a country of another region. */
  create(input: RegionCreateInput): Promise<Schemas['Region']>
  /** Updates a region; countries given replace its countries. */
  update(id: string, input: RegionUpdateInput): Promise<Schemas['Region']>
  /** Deletes a region with its tax rates and shipping options. */
  delete(id: string): Promise<void>
}

/** The settings calls of the Admin API client: tax, shipping, channels, users, roles, notifications. */
export interface AdminSettingsCalls {
  taxRates: {
    /** A region's tax rates. */
    list(regionId: string): Promise<TaxRate[]>
    create(regionId: string, input: TaxRateCreateInput): Promise<TaxRate>
    update(id: string, input: TaxRateUpdateInput): Promise<TaxRate>
    delete(id: string): Promise<void>
  }
  shippingOptions: {
    /** Shipping options, all or one region's. */
    list(query?: { region_id?: string }): Promise<ShippingOption[]>
    /** Creates an option; amounts in minor units of the region's currency. */
    create(input: ShippingOptionCreateInput): Promise<ShippingOption>
    update(id: string, input: ShippingOptionUpdateInput): Promise<ShippingOption>
    delete(id: string): Promise<void>
  }
  salesChannels: {
    list(): Promise<SalesChannel[]>
    get(id: string): Promise<SalesChannel>
    create(input: SalesChannelCreateInput): Promise<SalesChannel>
    update(id: string, input: SalesChannelUpdateInput): Promise<SalesChannel>
    /** Deletes a channel with its keys; rejects for the default channel and for channels with orders. */
    delete(id: string): Promise<void>
    /** A channel's publishable keys, revoked ones included. */
    publishableKeys(id: string): Promise<PublishableKey[]>
    createPublishableKey(id: string, title: string): Promise<PublishableKey>
    revokePublishableKey(id: string, keyId: string): Promise<PublishableKey>
  }
  users: {
    /** Every admin user; all user calls need `settings:write`. */
    list(): Promise<AdminUser[]>
    /** Creates a user with a role no stronger than the caller's (`auth.role_escalation`). */
    create(input: AdminUserCreateInput): Promise<AdminUser>
    /** Changes the role or the active flag; deactivating ends the user's sessions. */
    update(id: string, input: AdminUserUpdateInput): Promise<AdminUser>
    deactivate(id: string): Promise<AdminUser>
  }
  roles: {
    /** The built-in roles and the custom ones, with their permissions. */
    list(): Promise<AdminRole[]>
    get(name: string): Promise<AdminRole>
    create(input: AdminRoleCreateInput): Promise<AdminRole>
    /** Changes a custom role; built-in ones reject with `role.built_in`. */
    update(name: string, input: AdminRoleUpdateInput): Promise<AdminRole>
    delete(name: string): Promise<void>
  }
  notifications: {
    /** A page of the messages the `database` provider kept, newest first. */
    list(query?: NotificationListQuery): Promise<NotificationPage>
  }
}

export function regionCalls(client: KassaClient<AdminPaths>): AdminRegionCalls {
  const path = (id: string) => ({ params: { path: { id } } })
  return {
    list: async () => (await client.GET('/admin/regions', {})).data,
    get: async (id) => (await client.GET('/admin/regions/{id}', path(id))).region,
    create: async (input) => (await client.POST('/admin/regions', { body: input })).region,
    update: async (id, input) => (await client.PATCH('/admin/regions/{id}', { ...path(id), body: input })).region,
    delete: async (id) => {
      await client.DELETE('/admin/regions/{id}', path(id))
    },
  }
}

export function settingsCalls(client: KassaClient<AdminPaths>): AdminSettingsCalls {
  const path = (id: string) => ({ params: { path: { id } } })
  const named = (name: string) => ({ params: { path: { name } } })
  return {
    taxRates: {
      list: async (regionId) => (await client.GET('/admin/regions/{id}/tax-rates', path(regionId))).data,
      create: async (regionId, input) => (await client.POST('/admin/regions/{id}/tax-rates', { ...path(regionId), body: input })).tax_rate,
      update: async (id, input) => (await client.PATCH('/admin/tax-rates/{id}', { ...path(id), body: input })).tax_rate,
      delete: async (id) => {
        await client.DELETE('/admin/tax-rates/{id}', path(id))
      },
    },
    shippingOptions: {
      list: async (query = {}) => (await client.GET('/admin/shipping-options', { params: { query } })).data,
      create: async (input) => (await client.POST('/admin/shipping-options', { body: input })).shipping_option,
      update: async (id, input) => (await client.PATCH('/admin/shipping-options/{id}', { ...path(id), body: input })).shipping_option,
      delete: async (id) => {
        await client.DELETE('/admin/shipping-options/{id}', path(id))
      },
    },
    salesChannels: {
      list: async () => (await client.GET('/admin/sales-channels', {})).data,
      get: async (id) => (await client.GET('/admin/sales-channels/{id}', path(id))).sales_channel,
      create: async (input) => (await client.POST('/admin/sales-channels', { body: input })).sales_channel,
      update: async (id, input) => (await client.PATCH('/admin/sales-channels/{id}', { ...path(id), body: input })).sales_channel,
      delete: async (id) => {
        await client.DELETE('/admin/sales-channels/{id}', path(id))
      },
      publishableKeys: async (id) => (await client.GET('/admin/sales-channels/{id}/publishable-keys', path(id))).data,
      createPublishableKey: async (id, title) =>
        (await client.POST('/admin/sales-channels/{id}/publishable-keys', { ...path(id), body: { title } })).publishable_key,
      revokePublishableKey: async (id, keyId) =>
        (await client.POST('/admin/sales-channels/{id}/publishable-keys/{key_id}/revoke', { params: { path: { id, key_id: keyId } } }))
          .publishable_key,
    },
    users: {
      list: async () => (await client.GET('/admin/users', {})).data,
      create: async (input) => (await client.POST('/admin/users', { body: input })).user,
      update: async (id, input) => (await client.PATCH('/admin/users/{id}', { ...path(id), body: input })).user,
      deactivate: async (id) => (await client.DELETE('/admin/users/{id}', path(id))).user,
    },
    roles: {
      list: async () => (await client.GET('/admin/roles', {})).data,
      get: async (name) => (await client.GET('/admin/roles/{name}', named(name))).role,
      create: async (input) => (await client.POST('/admin/roles', { body: input })).role,
      update: async (name, input) => (await client.PATCH('/admin/roles/{name}', { ...named(name), body: input })).role,
      delete: async (name) => {
        await client.DELETE('/admin/roles/{name}', named(name))
      },
    },
    notifications: {
      list: (query = {}) => client.GET('/admin/notifications', { params: { query } }),
    },
  }
}
