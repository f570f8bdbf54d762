/**
 * The desktop door, without Electron: what ipc.ts does with each request from a window, as a plain
 * function (unit-tested). Only the window's own top frame is answered; only public channels (the
 * job runner's internal ones are not even bound); grant tokens become the paths the user picked;
 * and the request is held to the door's path rule — the library open now and the granted paths.
 */
import { isPublicChannel } from '../../shared/contract';
import { archiveError, type Result } from '../../shared/result';
import type { Service } from '../service/service';
import type { Grants } from './grants';

/** Who sent a request: the frame's URL and whether it is a top frame (null: no frame, e.g. it navigated away). */
export interface Sender {
  url: string;
  top: boolean;
}

export interface IpcDoorOptions {
  service: Service;
  grants: Grants;
  /** The library open now (it changes with File → Open Library). */
  libraryRoot: () => string;
  isTrustedUrl: (url: string) => boolean;
}

/** The refusal of a request not sent by the window's own top frame, or null. */
export function senderRefusal(sender: Sender | null, isTrustedUrl: (url: string) => boolean): Result<never> | null {
  if (sender && sender.top && isTrustedUrl(sender.url)) return null;
  return {
    ok: false,
    error: archiveError('invalid_input', 'request_refused', {
      detail: `refused: request from an untrusted page (${sender?.url ?? 'no frame'})`,
    }),
  };
}

export function ipcDoor(
  opts: IpcDoorOptions,
): (channel: string, sender: Sender | null, input: unknown) => Promise<Result<unknown>> {
  return async (channel, sender, input) => {
    const refused = senderRefusal(sender, opts.isTrustedUrl);
    if (refused) return refused;
    if (!isPublicChannel(channel)) {
      return { ok: false, error: archiveError('invalid_input', 'unknown_operation', { channel }) };
    }
    const resolved = opts.grants.resolve(channel, input);
    if (!resolved.ok) return resolved;
    return opts.service.serve(channel, resolved.input, opts.grants.rule(opts.libraryRoot()));
  };
}
