/**
 * Binds the contract's public channels to ipcMain: one handler per channel, each going through the
 * desktop door (shell/ipc-door.ts: our own top frame only, grant tokens resolved, paths held to the
 * library and what the user picked). The job runner's internal channels are not bound at all. Also
 * binds pick: the system dialog, whose picks become grants the main process keeps.
 */
import { dialog, ipcMain, BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { PUBLIC_CHANNELS } from '../shared/contract';
import { IPC_PREFIX } from '../shared/ipc';
import type { Result } from '../shared/result';
import { SHELL_PICK, type Grant } from '../shared/shell';
import type { Service } from './service/service';
import type { Grants } from './shell/grants';
import { ipcDoor, senderRefusal, type Sender } from './shell/ipc-door';
import { dialogPlan } from './shell/pick';

function senderOf(event: IpcMainInvokeEvent): Sender | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, top: frame.parent === null } : null;
}

export interface IpcOptions {
  service: Service;
  grants: Grants;
  libraryRoot: () => string;
  isTrustedUrl: (url: string) => boolean;
}

export function bindIpc(opts: IpcOptions): () => void {
  const door = ipcDoor(opts);
  for (const channel of PUBLIC_CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> =>
      door(channel, senderOf(event), input),
    );
  }
  ipcMain.handle(
    SHELL_PICK,
    async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<{ grants: Grant[] }>> => {
      const refused = senderRefusal(senderOf(event), opts.isTrustedUrl);
      if (refused) return refused;
      const plan = dialogPlan(request, opts.libraryRoot());
      if (!plan.ok) return plan;
      const win = BrowserWindow.fromWebContents(event.sender);
      const picked =
        plan.value.dialog === 'open'
          ? await (
              win ? dialog.showOpenDialog(win, plan.value.options) : dialog.showOpenDialog(plan.value.options)
            ).then((r) => (r.canceled ? [] : r.filePaths))
          : await (
              win ? dialog.showSaveDialog(win, plan.value.options) : dialog.showSaveDialog(plan.value.options)
            ).then((r) => (r.canceled || !r.filePath ? [] : [r.filePath]));
      return { ok: true, value: { grants: opts.grants.add(picked) } };
    },
  );
  return () => {
    for (const channel of PUBLIC_CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
    ipcMain.removeHandler(SHELL_PICK);
  };
}
