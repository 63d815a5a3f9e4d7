import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { KassaPlugin, Provider } from './providers.js'

/** Everything a shop can configure; every field has a default and most have an env override. */
export interface KassaConfig {
  /** `postgres://...` (env `DATABASE_URL`); without it, embedded SQLite in `dataDir`. */
  databaseUrl?: string
  /** Where the embedded database and uploaded files live (env `KASSA_DATA_DIR`, default `.kassa`). */
  dataDir?: string
  /** API port (env `PORT`, default 9000). */
  port?: number
  /** Host to listen on (env `HOST`, default `0.0.0.0`). */
  host?: string
  /** The URL clients reach the API at, for absolute media URLs (env `KASSA_PUBLIC_URL`). */
  publicUrl?: string
  /** Where shoppers browse, for product links in feeds (env `KASSA_STOREFRONT_URL`, default `publicUrl`). */
  storefrontUrl?: string
  /** Content locales; the first is the default (default `['en', 'nl']`). */
  locales?: string[]
  /** Currency of prices when a request names none (default `EUR`). */
  defaultCurrency?: string
  /** Seed demo data and print a demo login (env `KASSA_DEMO=1`; on by default without `DATABASE_URL`). */
  demo?: boolean
  /** The owner admin created on first start (env `KASSA_ADMIN_EMAIL`, `KASSA_ADMIN_PASSWORD`). */
  admin?: { email: string; password: string }
  /** Providers to register beside (or instead of) the built-in ones, by kind and id. */
  providers?: Provider[]
  plugins?: KassaPlugin[]
  /**
   * Register the built-in `test` payment provider (tokens `tok_ok`, `tok_declined`, `tok_3ds`).
   * Env `KASSA_TEST_PAYMENTS=1`; default: on in demo mode only, so a live shop never accepts it.
   */
  testPayments?: boolean
  /** pino log level (env `LOG_LEVEL`, default `info`). */
  logLevel?: string
  /**
   * Let webhook endpoints point at loopback, private, link-local and metadata addresses (env
   * `KASSA_WEBHOOKS_ALLOW_PRIVATE=1`). Off by default: only for local development and tests.
   */
  webhooksAllowPrivate?: boolean
  /** Send notifications by SMTP (env `KASSA_SMTP_URL`, e.g. `smtp://user:pass@host:587`); without it they are kept in the database. */
  smtpUrl?: string
  /** Sender of notification mail (env `KASSA_NOTIFICATION_FROM`). */
  notificationFrom?: string
  /** Page of the storefront where a customer sets a new password (env `KASSA_PASSWORD_RESET_URL`); `?token=` is appended. */
  passwordResetUrl?: string
  /**
   * Keep uploaded media in an S3-compatible bucket instead of `<dataDir>/files` (env `KASSA_S3_ENDPOINT`,
   * `KASSA_S3_BUCKET`, `KASSA_S3_REGION`, `KASSA_S3_ACCESS_KEY_ID`, `KASSA_S3_SECRET_ACCESS_KEY`,
   * optional `KASSA_S3_PUBLIC_URL`); registers the `s3` file provider.
   */
  s3?: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; publicUrl?: string }
  /** The file provider uploads go to (env `KASSA_FILE_STORAGE`; default `s3` when `s3` is configured, else `local`). */
  fileStorage?: string
  /** Largest upload the Admin API takes, in megabytes (env `KASSA_UPLOAD_MAX_MB`, default 10). */
  uploadMaxMb?: number
}

export interface ResolvedConfig extends Required<Omit<KassaConfig, 'admin' | 'databaseUrl' | 'smtpUrl' | 's3'>> {
  smtpUrl?: string
  s3?: NonNullable<KassaConfig['s3']>
  databaseUrl: string
  embedded: boolean
  admin?: { email: string; password: string }
}

/** Identity helper that gives a `kassa.config.js` its types. */
export function defineConfig(config: KassaConfig): KassaConfig {
  return config
}

/** Reads `kassa.config.js` (or `.mjs`) from `cwd` if present, then applies env overrides. */
export async function loadConfig(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<ResolvedConfig> {
  let fileConfig: KassaConfig = {}
  for (const name of ['kassa.config.js', 'kassa.config.mjs']) {
    const path = join(cwd, name)
    if (existsSync(path)) {
      const mod = (await import(pathToFileURL(path).href)) as { default?: KassaConfig }
      fileConfig = mod.default ?? {}
      break
    }
  }
  return resolveConfig(fileConfig, env, cwd)
}

export function resolveConfig(config: KassaConfig, rawEnv: NodeJS.ProcessEnv = {}, cwd = process.cwd()): ResolvedConfig {
  // An empty variable (`DATABASE_URL= npm start`) means unset.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== '')) as NodeJS.ProcessEnv
  const dataDir = resolve(cwd, env.KASSA_DATA_DIR ?? config.dataDir ?? '.kassa')
  const explicitUrl = env.DATABASE_URL ?? config.databaseUrl
  const embedded = !explicitUrl || !/^postgres(ql)?:\/\//.test(explicitUrl)
  const databaseUrl = explicitUrl ?? join(dataDir, 'kassa.sqlite')
  const port = Number(env.PORT ?? config.port ?? 9000)
  const demo = env.KASSA_DEMO !== undefined ? env.KASSA_DEMO === '1' || env.KASSA_DEMO === 'true' : (config.demo ?? !explicitUrl)
  const admin =
    env.KASSA_ADMIN_EMAIL && env.KASSA_ADMIN_PASSWORD ? { email: env.KASSA_ADMIN_EMAIL, password: env.KASSA_ADMIN_PASSWORD } : config.admin
  const publicUrl = (env.KASSA_PUBLIC_URL ?? config.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '')
  const smtpUrl = env.KASSA_SMTP_URL ?? config.smtpUrl
  const s3 = s3Config(env) ?? config.s3
  return {
    databaseUrl,
    embedded,
    dataDir,
    port,
    host: env.HOST ?? config.host ?? '0.0.0.0',
    publicUrl,
    storefrontUrl: (env.KASSA_STOREFRONT_URL ?? config.storefrontUrl ?? publicUrl).replace(/\/+$/, ''),
    locales: config.locales ?? ['en', 'nl'],
    defaultCurrency: (config.defaultCurrency ?? 'EUR').toUpperCase(),
    demo,
    ...(admin ? { admin } : {}),
    providers: config.providers ?? [],
    plugins: config.plugins ?? [],
    logLevel: env.LOG_LEVEL ?? config.logLevel ?? 'info',
    webhooksAllowPrivate: flag(env.KASSA_WEBHOOKS_ALLOW_PRIVATE) ?? config.webhooksAllowPrivate ?? false,
    ...(smtpUrl ? { smtpUrl } : {}),
    ...(s3 ? { s3 } : {}),
    fileStorage: env.KASSA_FILE_STORAGE ?? config.fileStorage ?? (s3 ? 's3' : 'local'),
    uploadMaxMb: Number(env.KASSA_UPLOAD_MAX_MB ?? config.uploadMaxMb ?? 10),
    notificationFrom: env.KASSA_NOTIFICATION_FROM ?? config.notificationFrom ?? 'Kassa <no-reply@localhost>',
    passwordResetUrl: env.KASSA_PASSWORD_RESET_URL ?? config.passwordResetUrl ?? `${publicUrl}/account/reset-password`,
    testPayments: env.KASSA_TEST_PAYMENTS !== undefined ? env.KASSA_TEST_PAYMENTS === '1' || env.KASSA_TEST_PAYMENTS === 'true' : (config.testPayments ?? demo),
  }
}

/** The S3 settings when `KASSA_S3_BUCKET` is set; every other one but the public URL is then required. */
function s3Config(env: NodeJS.ProcessEnv): ResolvedConfig['s3'] {
  if (!env.KASSA_S3_BUCKET) return undefined
  const names = ['KASSA_S3_ENDPOINT', 'KASSA_S3_REGION', 'KASSA_S3_ACCESS_KEY_ID', 'KASSA_S3_SECRET_ACCESS_KEY'] as const
  const missing = names.filter((name) => !env[name])
  if (missing.length) throw new Error(`KASSA_S3_BUCKET is set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not`)
  return {
    endpoint: env.KASSA_S3_ENDPOINT!,
    bucket: env.KASSA_S3_BUCKET,
    region: env.KASSA_S3_REGION!,
    accessKeyId: env.KASSA_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.KASSA_S3_SECRET_ACCESS_KEY!,
    ...(env.KASSA_S3_PUBLIC_URL && { publicUrl: env.KASSA_S3_PUBLIC_URL }),
  }
}

/** `1`/`true` and `0`/`false` from an env variable; undefined when unset. */
function flag(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === '1' || value === 'true'
}
