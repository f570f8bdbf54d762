/**
 * The desktop window's second, small API beside the contract: asking the main process to show the
 * system dialog. What the user picks comes back as grants — a token and a name to show — and the
 * main process keeps the paths: the window passes the token where a channel takes a path (a grant
 * token in `paths`, `dir` or `out`), and the desktop door lets requests use only the library's
 * folder and what was granted. The browser host has no such API; its pages type paths, held to
 * the host's folders.
 */
import { z } from 'zod';
import type { Result } from './result';

/** The IPC channel of pick (outside the contract's `archive:` prefix). */
export const SHELL_PICK = 'shell:pick';

const PICK_KINDS = ['files', 'folder', 'save'] as const;

export const PickRequest = z.strictObject({
  /** files: existing files (several); folder: an existing or new folder; save: where to write a new file. */
  kind: z.enum(PICK_KINDS),
  /** The file name a save dialog proposes (a name only, no folder). */
  defaultName: z
    .string()
    .max(255)
    .regex(/^[^/\\]*$/, 'must be a file name without a folder')
    .optional(),
});
export type PickRequest = z.input<typeof PickRequest>;

export interface Grant {
  /** What the window passes in place of the path. */
  token: string;
  /** What the window shows: the path the user picked. */
  name: string;
}

/** A grant token as the window passes it in a path field. */
export const GRANT_TOKEN = /^grant:[0-9a-f]{32}$/;

export interface ShellApi {
  /** Shows the system dialog; an empty list when the user cancelled. */
  pick(request: PickRequest): Promise<Result<{ grants: Grant[] }>>;
}
