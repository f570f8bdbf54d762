/**
 * The system dialog the desktop window may ask for (shared/shell.ts), as the options Electron's
 * dialog takes. Plain data (no Electron): ipc.ts shows the dialog and keeps what was picked as grants.
 */
import path from 'node:path';
import { PickRequest } from '../../shared/shell';
import type { Result } from '../../shared/result';
import { describeIssue } from '../service/service';

export type DialogPlan =
  | {
      dialog: 'open';
      options: {
        properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory' | 'promptToCreate')[];
        defaultPath?: string;
      };
    }
  | {
      dialog: 'save';
      options: { defaultPath?: string; properties: ('createDirectory' | 'showOverwriteConfirmation')[] };
    };

/** The dialog for a window's request, or the refusal of a malformed one. `near`: the folder the dialog opens in. */
export function dialogPlan(request: unknown, near: string): Result<DialogPlan> {
  const parsed = PickRequest.safeParse(request ?? {});
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
  const { kind, defaultName } = parsed.data;
  if (kind === 'files')
    return {
      ok: true,
      value: { dialog: 'open', options: { properties: ['openFile', 'multiSelections'], defaultPath: near } },
    };
  if (kind === 'folder')
    return {
      ok: true,
      value: {
        dialog: 'open',
        options: { properties: ['openDirectory', 'createDirectory', 'promptToCreate'], defaultPath: near },
      },
    };
  return {
    ok: true,
    value: {
      dialog: 'save',
      options: {
        defaultPath: defaultName ? path.join(near, defaultName) : near,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    },
  };
}
