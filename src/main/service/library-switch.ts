/**
 * A door that can change library while it runs (the browser host): requests go to the current
 * library's service; openLibrary opens the new folder first — a refused folder leaves the current
 * library exactly as it was — then closes the old one's catalogue worker, jobs and snapshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contract, type Channel } from '../../shared/contract';
import { ArchiveFailure, archiveError, type Result } from '../../shared/result';
import { libraryPaths } from '../catalogue/library';
import { doorRefusal } from './door';
import { describeIssue, type Service } from './service';

/** One open library and everything that works on it. */
export interface OpenedLibrary {
  root: string;
  service: Service;
  /** Look for background work now (a file was just uploaded). */
  kick(): void;
  close(): Promise<void>;
}

export class LibrarySwitch {
  private current: OpenedLibrary;
  /** Set while a switch is under way: requests wait for it, then go to whichever library is open. */
  private switching: Promise<unknown> = Promise.resolve();

  /**
   * `answersOpenLibrary`: whether the openLibrary channel switches (the browser host's Settings) or
   * goes to the handlers, which say how this door opens another library (the desktop app, whose
   * File menu calls open() itself: a window may not move the app to a folder of its choosing).
   */
  constructor(
    first: OpenedLibrary,
    private readonly open: (root: string) => Promise<OpenedLibrary>,
    private readonly answersOpenLibrary = true,
  ) {
    this.current = first;
  }

  get root(): string {
    return this.current.root;
  }

  kick(): void {
    this.current.kick();
  }

  readonly service: Service = {
    invoke: async (channel, input) => {
      if (channel === 'openLibrary' && this.answersOpenLibrary) return this.openLibrary(input);
      await this.switching;
      return this.current.service.invoke(channel, input);
    },
    call: (channel, input) => this.service.invoke(channel, input) as never,
    serve: async (channel, input, rule) => {
      if (channel === 'openLibrary' && this.answersOpenLibrary)
        return doorRefusal(channel, input, rule) ?? this.openLibrary(input);
      await this.switching;
      return this.current.service.serve(channel, input, rule);
    },
    close: async () => {
      await this.switching;
      await this.current.close();
    },
  };

  /** Opens the library at `input.path` (see the header); the current one stays open if it cannot be. */
  openLibrary(input: unknown): Promise<Result<unknown>> {
    const run = this.switching.then(() => this.switchTo(input));
    this.switching = run.catch(() => undefined);
    return run;
  }

  private async switchTo(input: unknown): Promise<Result<unknown>> {
    const parsed = contract.openLibrary.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
    const root = path.resolve(parsed.data.path);
    if (root !== this.current.root) {
      if (!parsed.data.create && !fs.existsSync(libraryPaths(root).catalogue)) {
        return {
          ok: false,
          error: archiveError('library', 'library_missing', { root }),
        };
      }
      let next: OpenedLibrary;
      try {
        next = await this.open(root);
      } catch (error) {
        if (error instanceof ArchiveFailure) return { ok: false, error: error.toError() };
        return {
          ok: false,
          error: archiveError('library', 'library_open_failed', { root, detail: (error as Error).message }),
        };
      }
      const old = this.current;
      this.current = next;
      await old.close();
    }
    return this.current.service.invoke('libraryInfo' satisfies Channel, {});
  }
}
