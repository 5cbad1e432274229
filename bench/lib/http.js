// A small JSON-over-HTTP client for the benchmark: keep-alive sockets to 127.0.0.1 only, one
// request per call, no retries. node:http rather than fetch so the load generator spends as little
// CPU as possible on a machine it shares with the services it measures.
const http = require('node:http');

const LOOPBACK = '127.0.0.1';

function createClient({ maxSockets = 64, timeoutMs = 30_000 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });

  /** POSTs `body` as JSON; resolves `{ status, json, text }` (json null when not JSON). Never rejects on HTTP status. */
  function postJson(url, body, headers = {}) {
    const target = new URL(url);
    if (target.hostname !== LOOPBACK) return Promise.reject(new Error(`bench traffic stays on ${LOOPBACK}; refused ${target.hostname}`));
    const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: LOOPBACK,
          port: target.port,
          path: target.pathname + target.search,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': payload.length, ...headers },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json = null;
            try {
              json = JSON.parse(text);
            } catch {
              // left null: the caller counts it as an error
            }
            resolve({ status: response.statusCode, json, text });
          });
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      request.on('error', reject);
      request.end(payload);
    });
  }

  function getJson(url) {
    const target = new URL(url);
    if (target.hostname !== LOOPBACK) return Promise.reject(new Error(`bench traffic stays on ${LOOPBACK}; refused ${target.hostname}`));
    return new Promise((resolve, reject) => {
      const request = http.get({ agent, host: LOOPBACK, port: target.port, path: target.pathname + target.search, timeout: timeoutMs }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: response.statusCode, json, text });
        });
      });
      request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      request.on('error', reject);
    });
  }

  return { postJson, getJson, close: () => agent.destroy() };
}

module.exports = { createClient, LOOPBACK };
