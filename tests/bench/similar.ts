/**
 * similarAuthorities, the "possible duplicate" hint asked on every keystroke of a name: ms per call
 * in a library of 20,000 authorities (people, organisations, Chinese names with a pinyin other
 * name), made in a temp folder through createAuthority. Prints figures; asserts nothing.
 *
 *   npx tsx tests/bench/similar.ts [--authorities 20000] [--calls 200]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAuthority, similarAuthorities } from '../../src/main/catalogue/authorities';
import { openLibrary } from '../../src/main/catalogue/library';
import { contextFor } from '../../src/main/service/executor';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('authorities', 20_000);
const CALLS = arg('calls', 200);

function rng(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}
const r = rng(7);
const any = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
const SYLLABLES = 'ka lo mi ne ra to bel win ford ham ley son ter gan ash mor dal ric hal wen'.split(' ');
const word = (n: number) => {
  const w = Array.from({ length: n }, () => any(SYLLABLES)).join('');
  return w[0]!.toUpperCase() + w.slice(1);
};
const FIRST = 'Judith Sharon James Sarah David Emma Tom Anna Mark Helen Chris Peter Mary John Lucy'.split(' ');
const FAMILY = '王 李 张 刘 陈 杨 黄 赵 吴 周'.split(' ');
const GIVEN = '小明 建国 丽萍 志强 海燕 文华 晓东 立平 春梅 国庆'.split(' ');
const BODIES = 'City Council|University|Foundation|Trust|Chamber of Commerce|Institute|Museum'.split('|');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-bench-similar-'));
try {
  const lib = await openLibrary(path.join(dir, 'library'), { automaticBackup: false });
  const ctx = contextFor(lib, 'bench');
  let started = performance.now();
  lib.db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      const roll = r();
      if (roll < 0.65) createAuthority(ctx, { kind: 'person', name: `${any(FIRST)} ${word(2 + (i % 2))}` });
      else if (roll < 0.85) createAuthority(ctx, { kind: 'organisation', name: `${word(2)} ${any(BODIES)}` });
      else
        createAuthority(ctx, {
          kind: 'person',
          name: `${any(FAMILY)}${any(GIVEN)}`,
          altNames: [{ name: `${word(1)} ${word(1)}`, language: 'en' }],
        });
    }
  })();
  console.log(`${COUNT} authorities made in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const typed = [
    'Cllr J. Blake',
    'Judith Kalo',
    'Prof. Sarah Mine',
    '王市长',
    '王小明',
    'Kalo City Counc',
    'J',
    'Xu Liping',
  ];
  // The keystrokes of one name, as the combobox asks them: "J", "Ju", … "Judith Kalobel".
  const keystrokes = [...'Judith Kalobel'].map((_, i, all) => all.slice(0, i + 1).join(''));
  const time = (label: string, inputs: string[], kind: 'person' | undefined) => {
    similarAuthorities(ctx, { name: inputs[0]!, kind, limit: 5 }); // warm: statements prepared, caches filled
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) similarAuthorities(ctx, { name: inputs[i % inputs.length]!, kind, limit: 5 });
    console.log(`${label}: ${((performance.now() - t0) / CALLS).toFixed(2)} ms per call (${CALLS} calls)`);
  };
  time('similarAuthorities, any kind, assorted names', typed, undefined);
  time('similarAuthorities, people, keystrokes of one name', keystrokes, 'person');
  // A write between calls: the first call after it pays for whatever is kept per revision.
  started = performance.now();
  for (let i = 0; i < 20; i++) {
    createAuthority(ctx, { kind: 'person', name: `Added ${word(2)}` });
    similarAuthorities(ctx, { name: 'Judith Kalo', kind: 'person', limit: 5 });
  }
  console.log(`after a write each time: ${((performance.now() - started) / 20).toFixed(2)} ms per write + call`);
  lib.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
