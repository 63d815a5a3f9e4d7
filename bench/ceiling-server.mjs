// The ceiling: a plain node:http server that answers every request with one captured response
// (the product list's body and headers), so it does no work beyond HTTP itself.
//   node bench/ceiling-server.mjs <response.json>   prints "listening <port>"
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const captured = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const body = Buffer.from(captured.body, 'base64')
const headers = { ...captured.headers, 'content-length': String(body.length) }

const server = createServer((req, res) => {
  res.writeHead(200, headers)
  res.end(body)
})
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
}
