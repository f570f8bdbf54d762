/**
 * The undo history kept per library across reloads: what is stored after each step, what a step
 * that cannot be saved does to what is kept (it and everything older stay in the session, and the
 * next load says so), a stored kind this app does not know, the size bound, and one library's
 * history never reaching another. A reload is a fresh import of the modules over the same storage.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectionView } from '../../src/shared/model';

/** localStorage as the browser has it, for the modules under test (Node has none by default). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  quota = Infinity;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new Error('QuotaExceededError');
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

/** The history and command modules as a freshly loaded page has them. */
async function freshPage() {
  vi.resetModules();
  const history = await import('../../src/renderer/src/undo/history');
  const collections = await import('../../src/renderer/src/collections/commands');
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
const stored = (library: string) =>
  JSON.parse(storage.getItem(`civic-archive:undo:${library}`) ?? 'null') as Stored | null;
const names = (s: Stored | null) => s?.done.map((d) => `${d.kind}:${d.data.name ?? d.data.after?.name}`);

const sessionOnly = { label: () => 'a step kept in this session only', undo: vi.fn(), redo: vi.fn() };

beforeEach(() => {
  storage.quota = Infinity;
  for (const key of ['lib-a', 'lib-b', 'lib-c']) storage.removeItem(`civic-archive:undo:${key}`);
});

describe('undo history across reloads', () => {
  it('stores each step as its kind and data, under the library it belongs to', async () => {
    const page = await freshPage();
    page.belongsTo('lib-a');
    page.record(page.collectionCreateCommand(view(1, 'Fonds A')));
    page.record(page.collectionEditCommand(view(1, 'Fonds A'), view(1, 'Fonds A renamed'), 'edit'));
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:Fonds A', 'collectionEdit:Fonds A renamed']);
    expect(stored('lib-a')?.notKept).toBeNull();

    // Another library opened in the same page: it has its own (empty) history; the first one's stays stored.
    page.belongsTo('lib-b');
    page.record(page.collectionCreateCommand(view(9, 'Only in B')));
    expect(names(stored('lib-b'))).toEqual(['collectionCreate:Only in B']);
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:Fonds A', 'collectionEdit:Fonds A renamed']);

    // A reload into library A rebuilds its steps through the registry, and stores them again the same.
    const again = await freshPage();
    again.belongsTo('lib-a');
    again.record(again.collectionCreateCommand(view(2, 'After the reload')));
    expect(names(stored('lib-a'))).toEqual([
      'collectionCreate:Fonds A',
      'collectionEdit:Fonds A renamed',
      'collectionCreate:After the reload',
    ]);
  });

  it('keeps nothing at or below a step that cannot be saved, and the next load says what', async () => {
    const page = await freshPage();
    page.belongsTo('lib-a');
    page.record(page.collectionCreateCommand(view(1, 'Before')));
    page.record(sessionOnly);
    page.record(page.collectionCreateCommand(view(2, 'After')));
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:After']);
    expect(stored('lib-a')?.notKept).toEqual({ count: 2, what: 'a step kept in this session only', reason: 'session' });

    // Said once, on the next load: then what is stored is what was rebuilt.
    const again = await freshPage();
    again.belongsTo('lib-a');
    expect(stored('lib-a')?.notKept).toBeNull();
    expect(names(stored('lib-a'))).toEqual(['collectionCreate:After']);
  });

  it('takes a stored history up to a step whose kind this app does not know', async () => {
    const create = (await freshPage()).collectionCreateCommand(view(3, 'Known')).save!();
    storage.setItem(
      'civic-archive:undo:lib-c',
      JSON.stringify({ version: 1, done: [create, { kind: 'fromAFutureVersion', data: {} }, create], undone: [] }),
    );
    const page = await freshPage();
    page.belongsTo('lib-c');
    page.record(page.collectionCreateCommand(view(4, 'New')));
    expect(names(stored('lib-c'))).toEqual(['collectionCreate:Known', 'collectionCreate:New']);
  });

  it('drops the oldest steps when the history is too large or storage is full, saying so', async () => {
    const page = await freshPage();
    page.belongsTo('lib-a');
    // An edit keeps its collection as it was left (the description with it): about 300,000 characters each.
    const long = 'x'.repeat(150_000);
    for (let i = 1; i <= 4; i++)
      page.record(page.collectionEditCommand(view(i, `C${i}`), view(i, `C${i}'`, long), 'edit'));
    const s = stored('lib-a')!;
    expect(JSON.stringify(s).length).toBeLessThanOrEqual(1_000_000);
    expect(names(s)).toEqual(["collectionEdit:C2'", "collectionEdit:C3'", "collectionEdit:C4'"]);
    expect(s.notKept).toMatchObject({ count: 1, reason: 'size' });

    storage.quota = 400_000;
    page.record(page.collectionCreateCommand(view(5, 'Small')));
    expect(names(stored('lib-a'))).toEqual(["collectionEdit:C4'", 'collectionCreate:Small']);
    expect(stored('lib-a')?.notKept).toMatchObject({ count: 3, reason: 'size' });
  });
});
