// Virtual buyers running the whole checkout over HTTP: cart, line, address, shipping, payment, order.
import { Buffer } from 'node:buffer'
import { Agent, request } from 'node:http'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { KEY } from './kassa.mjs'
import { cpuByProcessMatching, cpuSeconds, cpuSecondsBetween } from './proc.mjs'

const ADDRESS = { first_name: 'Bea', last_name: 'Buyer', address_1: 'Keizersgracht 1', city: 'Amsterdam', postal_code: '1015 CJ' }
const PAYMENT = { provider_id: 'test', data: { token: 'tok_ok' } }

/**
 * Checks the shop can take an order (endpoints, a region, a buyable variant, one trial order);
 * returns what the buyers need, or `{ skip }` saying why not.
 */
export async function prepareCheckout(url) {
  const client = httpClient(url, 1)
  try {
    const probe = await client.call('POST', '/store/carts', {})
    if (probe.status === 404) return { skip: 'POST /store/carts answered 404: the checkout endpoints are not there yet' }
    const regions = await client.call('GET', '/store/regions')
    const all = regions.status === 200 ? regions.json.data : []
    const region = all.find((r) => r.currency_code === 'EUR') ?? all[0]
    if (!region) return { skip: `no region to buy in (GET /store/regions answered ${regions.status})` }
    const list = await client.call('GET', `/store/products?limit=100&currency=${region.currency_code}`)
    const variants = (list.json?.data ?? []).flatMap((p) =>
      p.variants.filter((v) => v.price !== null && v.availability !== 'out_of_stock').map((v) => v.id),
    )
    if (variants.length === 0) return { skip: `no variant in stock with a ${region.currency_code} price` }
    const fixtures = { regionId: region.id, country: region.countries[0], variants }
    const trial = await buyOnce(client, fixtures, 0)
    if (!trial.ok) return { skip: `a trial order failed at ${trial.step}: ${trial.status} ${trial.code ?? ''}`.trim() }
    return { fixtures }
  } finally {
    client.close()
  }
}

/**
 * `buyers` buyers loop over the flow for `duration` seconds; completed orders/s and flow time.
 * No flow starts after the deadline; the ones running then finish and count, over the longer wall time.
 */
export async function runBuyers({ url, fixtures, buyers, duration, serverPid, dbName }) {
  const client = httpClient(url, buyers)
  const times = []
  const failures = {}
  const load = loadavg()[0]
  const cpuBefore = process.cpuUsage()
  const serverBefore = cpuSeconds(serverPid)
  const dbBefore = dbName ? cpuByProcessMatching(dbName) : null
  const started = performance.now()
  const deadline = started + duration * 1000
  let n = 0
  const buyer = async () => {
    while (performance.now() < deadline) {
      const t = performance.now()
      const outcome = await buyOnce(client, fixtures, ++n).catch((error) => ({
        ok: false,
        step: 'network',
        status: error.code ?? error.message,
      }))
      if (outcome.ok) times.push(performance.now() - t)
      else {
        const key = `${outcome.step} ${outcome.status} ${outcome.code ?? ''}`.trim()
        failures[key] = (failures[key] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: buyers }, buyer))
  const wall = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const serverCpu = cpuSeconds(serverPid) - serverBefore
  const dbCpu = dbName ? cpuSecondsBetween(dbBefore, cpuByProcessMatching(dbName)) : 0
  client.close()
  times.sort((a, b) => a - b)
  const pct = (p) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]) : null)
  const share = (seconds) => Math.round((seconds / wall) * 100) / 100
  return {
    orders: times.length,
    orders_per_s: Math.round((times.length / wall) * 10) / 10,
    p50_ms: pct(50),
    p99_ms: pct(99),
    failed: Object.values(failures).reduce((a, b) => a + b, 0),
    failures,
    buyers,
    duration,
    wall_s: Math.round(wall * 10) / 10,
    loadgen_cpu: share((cpu.user + cpu.system) / 1e6),
    server_cpu: share(serverCpu),
    db_cpu: dbName ? share(dbCpu) : null,
    load_avg: Math.round(load * 100) / 100,
  }
}

async function buyOnce(client, { regionId, country, variants }, n) {
  const steps = [
    ['create cart', () => client.call('POST', '/store/carts', { region_id: regionId }), 201],
    [
      'add line',
      (id) => client.call('POST', `/store/carts/${id}/line-items`, { variant_id: variants[n % variants.length], quantity: 1 }),
      200,
    ],
    [
      'address',
      (id) =>
        client.call('PATCH', `/store/carts/${id}`, {
          email: `buyer${n}@bench.test`,
          shipping_address: { ...ADDRESS, country_code: country },
        }),
      200,
    ],
    ['shipping options', (id) => client.call('GET', `/store/carts/${id}/shipping-options`), 200],
    [
      'shipping method',
      (id, options) => client.call('POST', `/store/carts/${id}/shipping-method`, { shipping_option_id: options.data[0]?.id ?? 'none' }),
      200,
    ],
    ['payment', (id) => client.call('POST', `/store/carts/${id}/payment`, PAYMENT), 200],
    ['complete', (id) => client.call('POST', `/store/carts/${id}/complete`), 200],
  ]
  let id
  let previous
  for (const [step, run, expected] of steps) {
    const res = await run(id, previous)
    if (res.status !== expected) return { ok: false, step, status: res.status, code: res.json?.code }
    id ??= res.json.cart.id
    previous = res.json
  }
  return { ok: true }
}

/** JSON over keep-alive connections, at most `sockets` at once; `close` aborts whatever is in flight. */
function httpClient(base, sockets) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets })
  const inFlight = new Set()
  let closed = false
  const call = (method, path, body) =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('closed'))
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
      const headers = {
        'x-publishable-api-key': KEY,
        ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }),
      }
      const req = request(`${base}${path}`, { method, headers, agent, timeout: 30_000 }, (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          inFlight.delete(req)
          let json
          try {
            json = JSON.parse(Buffer.concat(chunks).toString())
          } catch {}
          resolve({ status: res.statusCode, json })
        })
        res.on('error', reject)
      })
      inFlight.add(req)
      req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)))
      req.on('error', (error) => {
        inFlight.delete(req)
        reject(error)
      })
      req.end(payload)
    })
  const close = () => {
    closed = true
    for (const req of inFlight) req.destroy(new Error('closed'))
    agent.destroy()
  }
  return { call, close }
}
