import { type AdminMe, createAdminClient, type FieldError, isKassaApiError } from '@kassa/sdk'

const TOKEN_KEY = 'kassa.admin.token'

/** The Admin API answers at the page's origin unless `<html data-api-url>` names another. */
function apiUrl(): string {
  return document.documentElement.dataset.apiUrl || location.origin
}

/** The one Admin API client of the page; its bearer token lives in sessionStorage (gone with the tab). */
export const admin = createAdminClient({ baseUrl: apiUrl(), token: sessionStorage.getItem(TOKEN_KEY) ?? undefined })

export async function signIn(email: string, password: string): Promise<AdminMe> {
  const session = await admin.login(email, password)
  sessionStorage.setItem(TOKEN_KEY, session.token)
  return admin.me()
}

export async function signOut(): Promise<void> {
  try {
    await admin.logout()
  } finally {
    admin.setToken(undefined)
    sessionStorage.removeItem(TOKEN_KEY)
  }
}

export function forgetToken(): void {
  admin.setToken(undefined)
  sessionStorage.removeItem(TOKEN_KEY)
}

export type Permission = AdminMe['permissions'][number]

/** What a form shows for a failed call: the problem's detail and its field errors by path. */
export interface Problem {
  message: string
  fields: Record<string, string>
  list: FieldError[]
}

export function toProblem(error: unknown): Problem {
  if (isKassaApiError(error)) {
    const list = error.errors ?? []
    const fields: Record<string, string> = {}
    for (const e of list) fields[e.path] ??= e.message
    return { message: `${error.detail} (${error.code})`, fields, list }
  }
  return { message: error instanceof Error ? error.message : String(error), fields: {}, list: [] }
}

export function isUnauthenticated(error: unknown): boolean {
  return isKassaApiError(error) && error.status === 401
}
