/** Possible-duplicate hints for names: a table of what should and should not be taken for the same person or body. */
import { describe, expect, it } from 'vitest';
import { nameSimilarity, possibleMatches } from '../../../src/shared/names/similar';

const same: [typed: string, existing: string][] = [
  ['Cllr J. Blake', 'Judith Blake'],
  ['Councillor Judith Blake', 'Judith Blake'],
  ['The Rt Hon Judith Blake CBE', 'Judith Blake'],
  ['Rt. Hon. J Blake', 'Judith Blake'],
  ['Judith Blake', 'Cllr J. Blake'],
  ['Blake', 'Judith Blake'],
  ['Dr Sharon Watson', 'Sharon Watson'],
  ['Mrs S Watson', 'Sharon Watson'],
  ['Sharon Wattson', 'Sharon Watson'],
  ['杭州市外事办公室', '杭州市外事办公厅'],
  ['Judtih Blake', 'Judith Blake'],
  ['Prof. Chris Smith', 'Christopher Smith'],
  ['Sir Tom Riordan', 'Tom Riordan'],
  ['Lord Mayor of Leeds', 'Lord Mayor of Leeds'],
  ['Xu Liping', 'Liping Xu'],
  ['BLAKE, Judith', 'Judith Blake'],
  ['Zoë Müller', 'Zoe Muller'],
  ['Ｊｕｄｉｔｈ Ｂｌａｋｅ', 'Judith Blake'],
  ['Leeds Council', 'Leeds City Council'],
  ['王市长', '王小明'],
  ['王先生', '王小明'],
  ['徐立平女士', '徐立平'],
  ['徐立平', '徐立平教授'],
  ['杭州市外事办公室', '杭州市外事办'],
  ['楊文', '杨文'],
  ['尊敬的徐立平副市长', '徐立平'],
];

const different: [typed: string, existing: string][] = [
  ['Cllr J. Blake', 'John Smith'],
  ['J. Smith', 'Judith Blake'],
  ['Judith', 'Judith Blake'],
  ['Mr J', 'Judith Blake'],
  ['Dr', 'Judith Blake'],
  ['Leeds City Council', 'Hangzhou City Council'],
  ['Blake', 'Black'],
  ['王', '李小明'],
  ['王小明', '王小红'],
  ['Hangzhou', '杭州'],
  ['', 'Judith Blake'],
];

describe('nameSimilarity', () => {
  it.each(same)('“%s” may be “%s”', (typed, existing) => {
    expect(nameSimilarity(typed, existing)).toBeGreaterThan(0);
  });
  it.each(different)('“%s” is not “%s”', (typed, existing) => {
    expect(nameSimilarity(typed, existing)).toBe(0);
  });
  it('is sure of the same name, less sure of an initial or a title-only family name', () => {
    expect(nameSimilarity('Cllr Judith Blake', 'Judith Blake')).toBe(1);
    expect(nameSimilarity('J. Blake', 'Judith Blake')).toBeLessThan(1);
    expect(nameSimilarity('王先生', '王小明')).toBeLessThan(nameSimilarity('王小明先生', '王小明'));
  });
});

describe('possibleMatches', () => {
  const authorities = [
    { id: 1, names: ['Leeds City Council', '利兹市议会'] },
    { id: 2, names: ['Judith Blake', '朱迪思·布莱克'] },
    { id: 3, names: ['Jude Blackwood'] },
    { id: 4, names: ['Hangzhou Municipal People’s Government', '杭州市人民政府'] },
    { id: 5, names: ['J. Blake'] },
  ];
  it('finds a person by any of their names, in any script, best first', () => {
    expect(possibleMatches('Cllr Judith Blake', authorities).map((m) => [m.id, m.matched])).toEqual([
      [2, 'Judith Blake'],
      [5, 'J. Blake'],
    ]);
    expect(possibleMatches('布莱克女士', authorities).map((m) => m.id)).toEqual([2]);
    expect(possibleMatches('朱迪思·布莱克女士', authorities).map((m) => m.id)).toEqual([2]);
    expect(possibleMatches('杭州市人民政府', authorities).map((m) => [m.id, m.matched])).toEqual([
      [4, '杭州市人民政府'],
    ]);
    expect(possibleMatches('利兹市议会', authorities).map((m) => m.id)).toEqual([1]);
  });
  it('offers nothing for a title alone, and keeps to the limit', () => {
    expect(possibleMatches('Cllr', authorities)).toEqual([]);
    expect(possibleMatches('先生', authorities)).toEqual([]);
    expect(possibleMatches('Blake', authorities, 1)).toHaveLength(1);
  });
});
