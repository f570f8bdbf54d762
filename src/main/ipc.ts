/**
 * Binds every contract channel to ipcMain: one handler per channel, each forwarding to the
 * service, which validates the input. Only messages from our own renderer's top frame are served.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/contract';
import { IPC_PREFIX } from '../shared/ipc';
import type { Result } from '../shared/result';
import type { Service } from './service/service';

export function bindIpc(service: Service, isTrustedUrl: (url: string) => boolean): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!event.senderFrame || event.senderFrame.parent !== null || !isTrustedUrl(url)) {
        return { ok: false, error: { code: 'invalid_input', message: `refused: request from an untrusted page (${url})` } };
      }
      return service.invoke(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}
