/**
 * A deterministic generator of realistic civic records for benchmarks: record types, partial
 * dates 1985–2026, people/organisations/places from pools, a Zipf vocabulary, 10% with Chinese
 * text, a third with document text of 1–20 pages. Same seed, same library.
 */
import { RECORD_TYPES, RecordCreate, type RecordType } from '../../src/shared/model';

/** mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORE = `partnership city council delegation visit agreement memorandum understanding cooperation culture
education trade investment university students exchange festival performance theatre library services
transport technology smart innovation business companies office park reception anniversary celebration
mayor leader councillor committee congress media television report newspaper article photograph letter
programme event ceremony signing friendship twinning sister relations commitment pledge support economic
development tourism heritage museum art music dance film creative industries sport athletes training
health science research environment climate energy water housing planning infrastructure rail airport
port logistics manufacturing digital fintech hub consulate embassy minister government regional national
international mission promote build links share values benefits opportunity future plans discussion meeting`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'den',
  'sha',
  'lu',
  'ter',
  'vin',
  'qo',
  'zhe',
  'bar',
  'nel',
  'pos',
  'rik',
  'tam',
  'ul',
  'fen',
  'gor',
];

/** Function words lead any English text (about half its words); content words follow them in the Zipf ranks. */
const FUNCTION_WORDS =
  `the of and to in a is that for it as was with be by on not he this are or his from at which but have an
they you were her she there been one all we their has would when if so no will more can its than other into some could them
these two may then do first any my now such like our over also new did most only very after where our those before must made`
    .split(/\s+/)
    .filter(Boolean);

/**
 * The vocabulary: function words first (most frequent), then real civic words, then a long tail of
 * made-up words — about the shape of English, so a civic word is in some records, not all.
 */
export function vocabulary(size = 40_000): string[] {
  const r = rng(7);
  const words = [...new Set([...FUNCTION_WORDS, ...CORE])];
  const seen = new Set(words);
  while (words.length < size) {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

/** Zipf sampling over ranks by a precomputed cumulative table. */
export function zipf(size: number, s = 1.07): (r: () => number) => number {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let k = 0; k < size; k++) cdf[k] = sum += 1 / Math.pow(k + 1, s);
  return (r) => {
    const x = r() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const FIRST = [
  'Judith',
  'Zhang',
  'Sharon',
  'Wei',
  'James',
  'Li',
  'Sarah',
  'Chen',
  'David',
  'Wang',
  'Emma',
  'Liu',
  'Tom',
  'Huang',
  'Anna',
  'Zhao',
  'Mark',
  'Yang',
  'Helen',
  'Wu',
];
const LAST = [
  'Blake',
  'Jianting',
  'Watson',
  'Ming',
  'Smith',
  'Hua',
  'Brown',
  'Jie',
  'Taylor',
  'Fang',
  'Wilson',
  'Lei',
  'Clarke',
  'Yan',
  'Hughes',
  'Bo',
  'Wright',
  'Xin',
  'Green',
  'Tao',
];
const ORGS = [
  'Leeds City Council',
  'Hangzhou People’s Government',
  'Phoenix Dance Theatre',
  'University of Leeds',
  'Zhejiang University',
  'Hisense',
  'Alibaba',
  'Dahua',
  'Leeds City Region Enterprise Partnership',
  'British Consulate',
  'Cyberport',
  'Hangzhou TV',
  'Yorkshire Post',
  'BBC Look North',
  'Leeds Library Service',
  'Hangzhou Library',
  'Opera North',
  'Leeds Beckett University',
  'China Britain Business Council',
  'Leeds Chamber of Commerce',
];
const PLACES: [string, string][] = [
  ['Leeds', '利兹'],
  ['Hangzhou', '杭州'],
  ['Qingdao', '青岛'],
  ['Hong Kong', '香港'],
  ['Bradford', ''],
  ['Kirklees', ''],
  ['Shanghai', '上海'],
  ['Beijing', '北京'],
  ['Wakefield', ''],
  ['York', '约克'],
];
const PARTNERSHIPS = ['Leeds–Hangzhou', 'Leeds–Dortmund', 'Leeds–Lille', 'Leeds–Brno', 'Leeds–Durban'];
const ZH = [
  '杭州',
  '利兹',
  '友好城市',
  '谅解备忘录',
  '合作',
  '文化',
  '经济',
  '代表团',
  '签署',
  '交流',
  '教育',
  '贸易',
  '投资',
  '大学',
  '学生',
  '艺术',
  '节日',
  '图书馆',
  '交通',
  '科技',
  '访问',
  '会议',
  '市政府',
  '伙伴关系',
  '周年',
  '庆祝',
];

export interface GenAuthority {
  key: string;
  kind: 'person' | 'organisation' | 'place' | 'partnership';
  name: string;
  altNames: { name: string; language: string }[];
}

export interface GenRecord {
  type: RecordType;
  title: string;
  date: string;
  description: string;
  referenceCode: string;
  languages: string[];
  tags: string[];
  links: { key: string; role: 'author' | 'signatory' | 'party' | 'mentioned' | 'subject' }[];
  /** Pages of document text, when the record has a document. */
  pages: string[];
}

export function authorities(): GenAuthority[] {
  const out: GenAuthority[] = [];
  for (const f of FIRST)
    for (const l of LAST.slice(0, 10))
      out.push({ key: `p:${f} ${l}`, kind: 'person', name: `${f} ${l}`, altNames: [] });
  for (const o of ORGS) out.push({ key: `o:${o}`, kind: 'organisation', name: o, altNames: [] });
  for (const [p, zh] of PLACES)
    out.push({ key: `l:${p}`, kind: 'place', name: p, altNames: zh ? [{ name: zh, language: 'zh-Hans' }] : [] });
  for (const p of PARTNERSHIPS) out.push({ key: `s:${p}`, kind: 'partnership', name: p, altNames: [] });
  return out;
}

export function* records(count: number, seed = 42): Generator<GenRecord> {
  const r = rng(seed);
  const vocab = vocabulary();
  const pick = zipf(vocab.length);
  const words = (n: number) => Array.from({ length: n }, () => vocab[pick(r)]!).join(' ');
  const zh = (n: number) => Array.from({ length: n }, () => ZH[Math.floor(r() * ZH.length)]!).join('');
  const auth = authorities();
  const people = auth.filter((a) => a.kind === 'person');
  const orgs = auth.filter((a) => a.kind === 'organisation');
  const places = auth.filter((a) => a.kind === 'place');
  const partnerships = auth.filter((a) => a.kind === 'partnership');
  const any = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const type = RECORD_TYPES[Math.floor(r() * RECORD_TYPES.length)]!;
    const year = 1985 + Math.floor(r() * 42);
    const precision = r();
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const date = precision < 0.3 ? `${year}` : precision < 0.6 ? `${year}-${month}` : `${year}-${month}-${day}`;
    const chinese = r() < 0.1;
    const title = chinese
      ? `${zh(3)} ${words(3)}`
      : `${words(3 + Math.floor(r() * 5))}`.replace(/^\w/, (c) => c.toUpperCase());
    const links: GenRecord['links'] = [
      { key: any(people).key, role: type === 'agreement' ? 'signatory' : 'mentioned' },
      { key: any(orgs).key, role: type === 'agreement' ? 'party' : 'subject' },
      { key: any(places).key, role: 'mentioned' },
    ];
    if (r() < 0.5) links.push({ key: any(partnerships).key, role: 'subject' });
    if (r() < 0.3) links.push({ key: any(people).key, role: 'author' });
    const unique = links.filter((l, k) => links.findIndex((m) => m.key === l.key && m.role === l.role) === k);
    const pages: string[] = [];
    if (r() < 1 / 3) {
      const n = 1 + Math.floor(r() * 20);
      // About 4 KB of text per record on average across the library.
      for (let p = 0; p < n; p++) pages.push(chinese ? `${zh(200)} ${words(60)}` : words(170 + Math.floor(r() * 60)));
    }
    yield {
      type,
      title,
      date,
      description: chinese ? `${zh(20)} ${words(20)}` : words(20 + Math.floor(r() * 40)),
      referenceCode: `GEN/${year}/${String(i + 1).padStart(6, '0')}`,
      languages: chinese ? ['zh-Hans', 'en'] : ['en'],
      tags: Array.from({ length: Math.floor(r() * 3) }, () => vocab[pick(r) % 200]!),
      links: unique,
      pages,
    };
  }
}

/** A generated record as the service takes it, linked to the authorities made from `authorities()` (key → id). */
export function recordInput(g: GenRecord, ids: ReadonlyMap<string, number>): RecordCreate {
  return RecordCreate.parse({
    type: g.type,
    title: g.title,
    date: g.date,
    description: g.description,
    referenceCode: g.referenceCode,
    languages: g.languages,
    tags: g.tags,
    links: g.links.map((l) => ({ authorityId: ids.get(l.key)!, role: l.role })),
  });
}
