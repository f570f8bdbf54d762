/**
 * The files and folders the user picked in the system dialog of the desktop app, kept by the main
 * process. The window names them by token; the desktop door replaces each token in a path field with
 * the path it stands for, and allows requests the library's folder and the granted paths only. So a
 * compromised window can reach no file the user did not pick. Plain Node (no Electron): unit-tested.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { GRANT_TOKEN, type Grant } from '../../shared/shell';
import type { ArchiveError } from '../../shared/result';
import { pathRuleWithin, type PathRule } from '../documents/path-rule';
import { PATH_FIELD } from '../service/door';

/** Grants kept in one run; past this the oldest go (a window asking for dialogs in a loop cannot grow it without end). */
const MAX_GRANTS = 1_000;

export class Grants {
  private readonly paths = new Map<string, string>();

  /** Keeps paths the user picked and returns their grants. */
  add(picked: readonly string[]): Grant[] {
    return picked.map((p) => {
      const token = `grant:${randomBytes(16).toString('hex')}`;
      const abs = path.resolve(p);
      this.paths.set(token, abs);
      if (this.paths.size > MAX_GRANTS) this.paths.delete(this.paths.keys().next().value as string);
      return { token, name: abs };
    });
  }

  /** Every granted path. */
  granted(): string[] {
    return [...new Set(this.paths.values())];
  }

  /**
   * The input with the grant tokens in its path field replaced by the granted paths. A token this
   * window was never given (or no longer holds) is refused, naming the field; anything else is left
   * for the path rule and the channel's own validation.
   */
  resolve(channel: string, input: unknown): { ok: true; input: unknown } | { ok: false; error: ArchiveError } {
    const field = Object.hasOwn(PATH_FIELD, channel) ? PATH_FIELD[channel] : undefined;
    if (!field || typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: true, input };
    const value = (input as Record<string, unknown>)[field];
    let unknownToken: string | null = null;
    const swap = (v: unknown): unknown => {
      if (typeof v !== 'string' || !GRANT_TOKEN.test(v)) return v;
      const granted = this.paths.get(v);
      if (granted === undefined) unknownToken = v;
      return granted ?? v;
    };
    const swapped = Array.isArray(value) ? value.map(swap) : swap(value);
    if (unknownToken !== null) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          field,
          message: `${field}: this choice is no longer known to the app: choose the file or folder again`,
        },
      };
    }
    return { ok: true, input: { ...(input as Record<string, unknown>), [field]: swapped } };
  }

  /** The desktop door's path rule: the library open now and what the user picked. */
  rule(libraryRoot: string): PathRule {
    return pathRuleWithin(
      [libraryRoot, ...this.granted()],
      'this window',
      'choose the file or folder with "Choose…" (the system dialog) first',
    );
  }
}
