import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/**
 * Addresses a webhook may never reach unless private targets are allowed: loopback, private,
 * link-local (with the cloud metadata address 169.254.169.254), CGNAT, multicast, reserved, and
 * their IPv6 counterparts. IPv4-mapped IPv6 addresses are judged by the IPv4 address they carry.
 */
const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and the old IPv4-compatible form
  ['64:ff9b::', 96], // NAT64: reaches IPv4 space through a translator
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6')

/** The IPv4 address inside `::ffff:a.b.c.d` (or `::ffff:7f00:1`), else undefined. */
function mappedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase()
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (dotted) return dotted[1]
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  if (!hex) return undefined
  const hi = parseInt(hex[1]!, 16)
  const lo = parseInt(hex[2]!, 16)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

/** True when a webhook may be sent to this IP address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const version = isIP(bare)
  if (version === 4) return !blocked.check(bare, 'ipv4')
  if (version === 6) {
    const v4 = mappedIpv4(bare)
    if (v4) return !blocked.check(v4, 'ipv4')
    return !blocked.check(bare, 'ipv6')
  }
  return false
}

const LOCAL_NAMES = /^(localhost|.*\.localhost|.*\.local|.*\.internal|metadata\.google\.internal)$/i

/**
 * Why a URL may not receive webhooks, or undefined when it may. Names are resolved: every address
 * a name resolves to must be public. A name that does not resolve now is accepted here; the sender
 * checks again before each delivery.
 */
export async function webhookUrlProblem(url: string, allowPrivate: boolean): Promise<string | undefined> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not a URL'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http and https URLs receive webhooks'
  if (parsed.username || parsed.password) return 'credentials in the URL are not accepted; use the signing secret'
  if (allowPrivate) return undefined
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) return isPublicAddress(host) ? undefined : 'a loopback, private, link-local or reserved address'
  if (LOCAL_NAMES.test(host)) return 'a local host name'
  const addresses = await resolveAll(host)
  if (addresses.some((a) => !isPublicAddress(a))) return 'a name that resolves to a loopback, private, link-local or reserved address'
  return undefined
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('dns timeout')), 3000).unref())
    const found = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout])
    return found.map((a) => a.address)
  } catch {
    return []
  }
}
