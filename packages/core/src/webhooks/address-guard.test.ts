import { describe, expect, it } from 'vitest'
import { isPublicAddress, webhookUrlProblem } from './address-guard.js'

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '100.64.0.1',
    '100.127.255.254',
    '169.254.169.254',
    '169.254.1.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'not-an-ip',
  ])('refuses %s', (ip) => expect(isPublicAddress(ip)).toBe(false))

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  )
})

describe('webhookUrlProblem', () => {
  it('refuses what is not a plain http(s) URL whatever the setting', async () => {
    expect(await webhookUrlProblem('ftp://example.com/', true)).toBeDefined()
    expect(await webhookUrlProblem('https://user:secret@example.com/', true)).toBeDefined()
  })

  it('accepts loopback only when private targets are allowed', async () => {
    expect(await webhookUrlProblem('http://127.0.0.1:9999/hook', true)).toBeUndefined()
    expect(await webhookUrlProblem('http://127.0.0.1:9999/hook', false)).toBeDefined()
    expect(await webhookUrlProblem('http://metadata.google.internal/', false)).toBeDefined()
    expect(await webhookUrlProblem('http://app.localhost/', false)).toBeDefined()
  })
})
