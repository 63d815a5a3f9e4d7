import { describe, expect, it } from 'vitest'
import { resolveConfig } from './config.js'

describe('resolveConfig', () => {
  it('defaults to embedded SQLite in demo mode on port 9000', () => {
    const c = resolveConfig({}, {}, '/srv/shop')
    expect(c).toMatchObject({ embedded: true, demo: true, port: 9000, databaseUrl: '/srv/shop/.kassa/kassa.sqlite', publicUrl: 'http://localhost:9000' })
  })

  it('uses PostgreSQL without demo data when DATABASE_URL is set, unless KASSA_DEMO=1', () => {
    expect(resolveConfig({}, { DATABASE_URL: 'postgres://x/y' })).toMatchObject({ embedded: false, demo: false })
    expect(resolveConfig({}, { DATABASE_URL: 'postgres://x/y', KASSA_DEMO: '1' }).demo).toBe(true)
  })

  it('enables the test payment provider in demo mode only, unless asked', () => {
    expect(resolveConfig({}, {}).testPayments).toBe(true)
    expect(resolveConfig({}, { DATABASE_URL: 'postgres://x/y' }).testPayments).toBe(false)
    expect(resolveConfig({}, { DATABASE_URL: 'postgres://x/y', KASSA_TEST_PAYMENTS: '1' }).testPayments).toBe(true)
  })

  it('treats empty variables as unset and lets env win over the file', () => {
    expect(resolveConfig({}, { DATABASE_URL: '', KASSA_DEMO: '' })).toMatchObject({ embedded: true, demo: true })
    expect(resolveConfig({ port: 8000 }, { PORT: '7000' }).port).toBe(7000)
    expect(resolveConfig({ admin: { email: 'a@b.c', password: 'x' } }, { KASSA_ADMIN_EMAIL: 'e@f.g', KASSA_ADMIN_PASSWORD: 'y' }).admin).toEqual({ email: 'e@f.g', password: 'y' })
  })

  it('refuses private webhook targets and keeps notifications in the database unless configured', () => {
    expect(resolveConfig({}, {})).toMatchObject({ webhooksAllowPrivate: false, passwordResetUrl: 'http://localhost:9000/account/reset-password' })
    expect(resolveConfig({}, {}).smtpUrl).toBeUndefined()
    expect(resolveConfig({}, { KASSA_WEBHOOKS_ALLOW_PRIVATE: '1', KASSA_SMTP_URL: 'smtp://mail:25' })).toMatchObject({ webhooksAllowPrivate: true, smtpUrl: 'smtp://mail:25' })
    expect(resolveConfig({ webhooksAllowPrivate: true }, { KASSA_WEBHOOKS_ALLOW_PRIVATE: '0' }).webhooksAllowPrivate).toBe(false)
  })
})

describe('file storage settings', () => {
  const S3 = { KASSA_S3_ENDPOINT: 'http://127.0.0.1:9000', KASSA_S3_BUCKET: 'media', KASSA_S3_REGION: 'us-east-1', KASSA_S3_ACCESS_KEY_ID: 'k', KASSA_S3_SECRET_ACCESS_KEY: 's' }

  it('keeps uploads on local disk, at most 10 MB, unless S3 is configured', () => {
    expect(resolveConfig({}, {})).toMatchObject({ fileStorage: 'local', uploadMaxMb: 10 })
    expect(resolveConfig({}, {}).s3).toBeUndefined()
    expect(resolveConfig({}, { ...S3, KASSA_UPLOAD_MAX_MB: '2' })).toMatchObject({
      fileStorage: 's3',
      uploadMaxMb: 2,
      s3: { endpoint: 'http://127.0.0.1:9000', bucket: 'media', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's' },
    })
  })

  it('refuses a bucket without the settings to reach it', () => {
    expect(() => resolveConfig({}, { KASSA_S3_BUCKET: 'media' })).toThrow(/KASSA_S3_ENDPOINT/)
  })
})
