// A minimal HTTP server around the real ingest route, run as a child process by durability.test.ts so
// that the test can SIGKILL it mid-ingest. Prints "listening <port>" when ready.
import http from 'node:http'
import { action } from '~/routes/api.v1.recommendation-events'

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const request = new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: Buffer.concat(chunks),
  })
  let response: Response
  try {
    response = await action({ request, params: {}, context: {} })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    response = thrown
  }
  res.writeHead(response.status, { 'Content-Type': 'application/json' })
  res.end(await response.text())
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`)
})
