/**
 * Raw HTTP requests for the browser-host tests. `fetch` will not send a forged Host header or an
 * un-normalised path like `/../x`; `http.request` sends exactly what it is given.
 */
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** The body parsed as JSON (throws with the raw text if it is not JSON). */
  json<T = unknown>(): T;
}

export interface RawRequest {
  port: number;
  method?: string;
  /** Sent as is, without normalisation. */
  path: string;
  /** Headers to send; a value of undefined leaves that header out. */
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
  /** The Host header; defaults to 127.0.0.1:PORT. */
  host?: string;
}

export function rawRequest(req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: req.port,
        method: req.method ?? 'GET',
        path: req.path,
        // A header given as undefined is left out, so a test can remove a default one.
        headers: Object.fromEntries(
          Object.entries({ Host: req.host ?? `127.0.0.1:${req.port}`, ...req.headers }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json<T>() {
              try {
                return JSON.parse(text) as T;
              } catch {
                throw new Error(`not JSON (status ${res.statusCode}): ${text.slice(0, 300)}`);
              }
            },
          });
        });
      },
    );
    request.on('error', reject);
    request.end(req.body);
  });
}
