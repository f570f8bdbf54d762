/**
 * The undo history kept per library across reloads: what is stored after each step, what a step
 * that cannot be saved does to what is kept (it and everything older stay in the session, and the
 * next load says so), a stored kind this app does not know, the size bound, damaged text, a history
 * an older version kept in localStorage, and one library's history never reaching another. A
 * reload is a fresh import of the modules over the same kept texts.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectionView } from '../../src/shared/model';
import type { HistoryStore } from '../../src/renderer/src/undo/kept';

/** localStorage as the browser has it (an older version kept the history there). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const storage = new MemoryStorage();
// The page globals the renderer's modules touch when they load (the i18n module sets the page's lang).
const globals = globalThis as unknown as { window?: unknown; document?: unknown; localStorage?: unknown };
globals.window = {};
globals.document = { documentElement: {} };
globals.localStorage = storage;

afterAll(() => {
  delete globals.window;
  delete globals.document;
  delete globals.localStorage;
});

/**
 * Each library's kept text, as getUndoHistory / putUndoHistory keep it in the library folder
 * (tests/unit/catalogue/undo-history.test.ts tests those channels on real libraries; the browser
 * host's port change is tests/e2e/undo-reload.spec.ts).
 */
const folders = new Map<string, string>();
const store: HistoryStore = {
  get: async (library) => folders.get(library) ?? null,
  put: async (library, text) => {
    if (text === null) folders.delete(library);
    else folders.set(library, text);
    return true;
  },
};

/** The history and command modules as a freshly loaded page has them, kept in the test's libraries. */
async function freshPage() {
  vi.resetModules();
  const history = await import('../../src/renderer/src/undo/history');
  const collections = await import('../../src/renderer/src/collections/commands');
  history.keepIn(store);
  return { ...history, ...collections };
}

const view = (id: number, name: string, description: string | null = null): CollectionView => ({
  id,
  name,
  level: 'series',
  parentId: null,
  referenceCode: null,
  description,
  recordCount: 0,
});

interface Stored {
  done: { kind: string; data: { name?: string; after?: { name: string } } }[];
  undone: unknown[];
  notKept: { count: number; what: string; reason: string } | null;
}
const stored = (library: string) => JSON.parse(folders.get(library) ?? 'null') as Stored | null;
const names = (s: Stored | null) => s?.done.map((d) => `${d.kind}:${d.data.name ?? d.data.after?.name}`);

const sessionOnly = { label: () => 'a step kept in this session only', undo: vi.fn(), redo: vi.fn() };

beforeEach(() => {
  folders.clear();
  for (const name of ['lib-a', 'lib-b', 'lib-c']) storage.removeItem(`civic-archive:undo:${name}`);
});

describe('undo history across reloads', () => {
  it('stores each step as its kind and data, in the library it belongs to', async () => {
    const page = await freshPage();
    page.belongsTo('lib-a');
    await page.settled();
    page.record(page.collectionCreateCommand(view(1, 'Fonds A')));
    page.record(page.collectionEditCommand(view(1, 'Fonds A'), view(1, 'Fonds A renamed'), 'edit'));
    await page.settled();
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:Fonds A', 'collectionEdit:Fonds A renamed']);
    expect(stored('lib-a')?.notKept).toBeNull();

    // Another library opened in the same page: it has its own (empty) history; the first one's stays stored.
    page.belongsTo('lib-b');
    await page.settled();
    page.record(page.collectionCreateCommand(view(9, 'Only in B')));
    await page.settled();
    expect(names(stored('lib-b'))).toEqual(['collectionCreate:Only in B']);
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:Fonds A', 'collectionEdit:Fonds A renamed']);

    // A reload into library A rebuilds its steps through the registry, and stores them again the same.
    const again = await freshPage();
    again.belongsTo('lib-a');
    await again.settled();
    again.record(again.collectionCreateCommand(view(2, 'After the reload')));
    await again.settled();
    expect(names(stored('lib-a'))).toEqual([
      'collectionCreate:Fonds A',
      'collectionEdit:Fonds A renamed',
      'collectionCreate:After the reload',
    ]);
  });

  it('a step made before the kept history has arrived goes on top of it', async () => {
    const page = await freshPage();
    page.belongsTo('lib-a');
    page.record(page.collectionCreateCommand(view(1, 'Kept')));
    await page.settled();
    const again = await freshPage();
    again.belongsTo('lib-a');
    again.record(again.collectionCreateCommand(view(2, 'Made at once')));
    await again.settled();
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:Kept', 'collectionCreate:Made at once']);
  });

  it('keeps nothing at or below a step that cannot be saved, and the next load says what', async () => {
    const page = await freshPage();
    page.belongsTo('lib-a');
    await page.settled();
    page.record(page.collectionCreateCommand(view(1, 'Before')));
    page.record(sessionOnly);
    page.record(page.collectionCreateCommand(view(2, 'After')));
    await page.settled();
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:After']);
    expect(stored('lib-a')?.notKept).toEqual({ count: 2, what: 'a step kept in this session only', reason: 'session' });

    // Said once, on the next load: then what is stored is what was rebuilt.
    const again = await freshPage();
    again.belongsTo('lib-a');
    await again.settled();
    expect(stored('lib-a')?.notKept).toBeNull();
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:After']);
  });

  it('takes a stored history up to a step whose kind this app does not know', async () => {
    const create = (await freshPage()).collectionCreateCommand(view(3, 'Known')).save!();
    folders.set(
      'lib-c',
      JSON.stringify({ version: 1, done: [create, { kind: 'fromAFutureVersion', data: {} }, create], undone: [] }),
    );
    const page = await freshPage();
    page.belongsTo('lib-c');
    await page.settled();
    page.record(page.collectionCreateCommand(view(4, 'New')));
    await page.settled();
    expect(names(stored('lib-c'))).toEqual(['collectionCreate:Known', 'collectionCreate:New']);
  });

  it('ignores a damaged or foreign kept history, and the next step replaces it', async () => {
    for (const damaged of ['{"version": 1, "done": [', 'null', '[1,2]', '{"version":1,"done":[7,null],"undone":"x"}']) {
      folders.set('lib-c', damaged);
      const page = await freshPage();
      page.belongsTo('lib-c');
      await page.settled();
      page.record(page.collectionCreateCommand(view(5, 'Fresh')));
      await page.settled();
      expect(names(stored('lib-c'))).toEqual(['collectionCreate:Fresh']);
    }
    // Steps that are not what their kind says are not taken either.
    folders.set('lib-c', JSON.stringify({ version: 1, done: [7, { kind: 3 }], undone: [] }));
    const page = await freshPage();
    page.belongsTo('lib-c');
    await page.settled();
    page.record(page.collectionCreateCommand(view(6, 'Only me')));
    await page.settled();
    expect(names(stored('lib-c'))).toEqual(['collectionCreate:Only me']);
  });

  it('moves a history an older version kept in localStorage into the library', async () => {
    const create = (await freshPage()).collectionCreateCommand(view(7, 'From localStorage')).save!();
    storage.setItem('civic-archive:undo:lib-b', JSON.stringify({ version: 1, done: [create], undone: [] }));
    const page = await freshPage();
    page.belongsTo('lib-b');
    await page.settled();
    expect(names(stored('lib-b'))).toEqual(['collectionCreate:From localStorage']);
    expect(storage.getItem('civic-archive:undo:lib-b')).toBeNull();
  });

  it('drops the oldest steps when the history is too large, saying so', async () => {
    const page = await freshPage();
    page.belongsTo('lib-a');
    await page.settled();
    // An edit keeps its collection as it was left (the description with it): about 300,000 characters each.
    const long = 'x'.repeat(150_000);
    for (let i = 1; i <= 4; i++)
      page.record(page.collectionEditCommand(view(i, `C${i}`), view(i, `C${i}'`, long), 'edit'));
    await page.settled();
    const s = stored('lib-a')!;
    expect(JSON.stringify(s).length).toBeLessThanOrEqual(1_000_000);
    expect(names(s)).toEqual(["collectionEdit:C2'", "collectionEdit:C3'", "collectionEdit:C4'"]);
    expect(s.notKept).toMatchObject({ count: 1, reason: 'size' });
  });
});
