/**
 * The preload: exposes `window.archive`, the typed client of the contract's public channels, and
 * `window.archiveShell`, which asks the main process for the system dialog (grants, not paths).
 * Sandboxed, so it is bundled into one CommonJS file and imports nothing but electron at run time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../shared/client';
import { IPC_PREFIX } from '../shared/ipc';
import { SHELL_PICK, type Grant, type ShellApi } from '../shared/shell';
import type { Result } from '../shared/result';
import { invokeResult } from './transport';

const invoke = (channel: string, input: unknown) => ipcRenderer.invoke(channel, input) as Promise<unknown>;

const archive = createClient((channel, input) => invokeResult(invoke, IPC_PREFIX + channel, input));

const archiveShell: ShellApi = {
  pick: (request) => invokeResult(invoke, SHELL_PICK, request) as Promise<Result<{ grants: Grant[] }>>,
};

contextBridge.exposeInMainWorld('archive', archive);
contextBridge.exposeInMainWorld('archiveShell', archiveShell);
