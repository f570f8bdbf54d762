/**
 * The renderer's one door to the service. In the desktop app the preload exposes the typed
 * client as `window.archive` (IPC); in the browser host the same client is built here over
 * `fetch`. Either way every call answers with a Result envelope and never throws.
 */
import { createClient, type ArchiveApi, type Transport } from '../../shared/client';
import type { Result } from '../../shared/result';

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** POST /api/<channel>; the host's session cookie (set when the page was opened with its token) authenticates us. */
const fetchTransport: Transport = async (channel, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    return failure(`cannot reach the Civic Archive host: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 403) {
    return failure(
      'the Civic Archive host refused the request: open the app from the address it printed (with its token)',
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(`the Civic Archive host answered ${response.status} ${response.statusText} without a result`);
  }
  return isResult(body) ? body : failure(`the Civic Archive host answered ${response.status} with an unexpected body`);
};

export const archive: ArchiveApi = window.archive ?? createClient(fetchTransport);
