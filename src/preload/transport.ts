/**
 * The preload's side of IPC, without Electron (unit-tested): every call promises a Result, so a
 * rejected ipcRenderer.invoke (no handler bound while a library opens, a serialisation error, the
 * main process going away) and an answer that is not a Result become `{ ok: false, error }`.
 */
import { archiveError, type Result } from '../shared/result';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function invokeResult(invoke: Invoke, channel: string, input: unknown): Promise<Result<unknown>> {
  let answer: unknown;
  try {
    answer = await invoke(channel, input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: archiveError('internal', 'internal', { detail: `the app did not answer ${channel}: ${message}` }),
    };
  }
  return isResult(answer)
    ? answer
    : {
        ok: false,
        error: archiveError('internal', 'internal', { detail: `the app answered ${channel} without a result` }),
      };
}
