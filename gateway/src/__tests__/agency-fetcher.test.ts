import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { agencyFetcher } from '../agency-fetcher';

/** A stand-in agency: answers by path, or never (`/hang`). */
async function agency() {
  const seen: Array<{ method?: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body });
      if (req.url === '/hang') return;
      if (req.url === '/stall') {
        // Headers and the start of a body, then nothing more.
        res.writeHead(200, { 'content-type': 'application/json' }).write('{"data":');
        return;
      }
      if (req.url === '/refused') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"grant refused"}]}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ data: { echoed: JSON.parse(body) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe('agencyFetcher', () => {
  it('sends the method, headers and body, and answers status, headers (any case) and the JSON body once', async () => {
    const stub = await agency();
    try {
      const fetcher = agencyFetcher({ timeoutMs: 5_000 });
      const response = await fetcher(`${stub.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer grant-1' }, body: '{"query":"{ x }"}' });
      expect(stub.seen[0]).toMatchObject({ method: 'POST', body: '{"query":"{ x }"}', headers: expect.objectContaining({ authorization: 'Bearer grant-1' }) });
      expect({ ok: response.ok, status: response.status, statusText: response.statusText, url: response.url }).toEqual({ ok: true, status: 200, statusText: 'OK', url: `${stub.base}/graphql` });
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-absent')).toBeNull();
      expect(await response.json()).toEqual({ data: { echoed: { query: '{ x }' } } });
      expect(response.bodyUsed).toBe(true);
      await expect(response.text()).rejects.toThrow(/already been read/);
    } finally {
      await stub.close();
    }
  });

  it('answers a refusal as not ok with its status and body', async () => {
    const stub = await agency();
    try {
      const response = await agencyFetcher({ timeoutMs: 5_000 })(`${stub.base}/refused`, { method: 'POST', body: '{}' });
      expect({ ok: response.ok, status: response.status, statusText: response.statusText }).toEqual({ ok: false, status: 401, statusText: 'Unauthorized' });
      expect(await response.text()).toContain('grant refused');
    } finally {
      await stub.close();
    }
  });

  it('holds no deadline timer once the answer has been read', async () => {
    const stub = await agency();
    try {
      const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
      const before = timers();
      const response = await agencyFetcher({ timeoutMs: 60_000 })(`${stub.base}/graphql`, { method: 'POST', body: '{}' });
      expect(timers()).toBe(before + 1);
      await response.json();
      expect(timers()).toBe(before);
      await expect(agencyFetcher({ timeoutMs: 60_000 })(`${stub.base.replace(/:\d+$/, ':1')}/graphql`, { method: 'POST', body: '{}' })).rejects.toThrow();
      expect(timers()).toBe(before);
    } finally {
      await stub.close();
    }
  });

  it('gives up on an answer whose body stops coming within the timeout', async () => {
    const stub = await agency();
    try {
      const started = Date.now();
      const response = await agencyFetcher({ timeoutMs: 300 })(`${stub.base}/stall`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await stub.close();
    }
  });

  it('gives up on an agency that does not answer within the timeout', async () => {
    const stub = await agency();
    try {
      const started = Date.now();
      await expect(agencyFetcher({ timeoutMs: 300 })(`${stub.base}/hang`, { method: 'POST', body: '{}' })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(stub.seen).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });
});
