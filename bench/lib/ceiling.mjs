// Runs the node:http ceiling server on the captured product list and measures it like Kassa.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fire, warmUp } from './load.mjs'
import { spawnNode, stop } from './proc.mjs'

/** Headers that belong to one connection or one message, not to the response the ceiling repeats. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'])

export function captureResponse(response, file) {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([k]) => !HOP_BY_HOP.has(k)))
  writeFileSync(file, JSON.stringify({ headers, body: response.body.toString('base64') }))
  return file
}

export async function measureCeiling({ captured, core, settings }) {
  const child = spawnNode([join(import.meta.dirname, '..', 'ceiling-server.mjs'), captured], { env: process.env, core })
  try {
    const port = await new Promise((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /listening (\d+)/.exec(child.output())
        if (match) resolve(Number(match[1]))
      })
      child.once('exit', () => reject(new Error(`ceiling server exited:\n${child.output()}`)))
    })
    const target = { url: `http://127.0.0.1:${port}/store/products?limit=20`, headers: {}, connections: settings.connections }
    await warmUp({ ...target, duration: settings.warmup })
    return await fire({ ...target, duration: settings.duration, serverPid: child.pid, expect: '2xx' })
  } finally {
    await stop(child)
  }
}
