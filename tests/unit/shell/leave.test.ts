/** The desktop window's "leave without saving?" question: both languages, Stay as the safe default. */
import { describe, expect, it } from 'vitest';
import { leaveLanguage, leavePrompt, leaves } from '../../../src/main/shell/leave';

describe('the leave question', () => {
  it('follows the interface language, English when it is unknown', () => {
    expect(leaveLanguage('zh-Hans')).toBe('zh-Hans');
    expect(leaveLanguage('zh-CN')).toBe('zh-Hans');
    expect(leaveLanguage('zh-Hans-CN')).toBe('zh-Hans');
    expect(leaveLanguage('zh-TW')).toBe('en');
    expect(leaveLanguage('en-GB')).toBe('en');
    expect(leaveLanguage(null)).toBe('en');
    expect(leavePrompt('en').buttons).toEqual(['Leave', 'Stay']);
    expect(leavePrompt('zh-Hans').buttons).toEqual(['离开', '留下']);
    expect(leavePrompt('zh-Hans').message).not.toBe(leavePrompt('en').message);
  });

  it('stays unless Leave is pressed: Enter and Escape keep the work', () => {
    const p = leavePrompt('en');
    expect(leaves(p.defaultId)).toBe(false);
    expect(leaves(p.cancelId)).toBe(false);
    expect(leaves(p.buttons.indexOf('Leave'))).toBe(true);
  });
});
