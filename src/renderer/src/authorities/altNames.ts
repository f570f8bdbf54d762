/** Other names as the form writes them: one per line, a language after a bar ("杭州 | zh-Hans"). */
import type { AuthorityView } from '../../../shared/model';

export function altNamesText(names: AuthorityView['altNames']): string {
  return names.map((n) => (n.language ? `${n.name} | ${n.language}` : n.name)).join('\n');
}

export function parseAltNames(text: string): { name: string; language: string | null }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|');
      if (bar < 0) return { name: line, language: null };
      const language = line.slice(bar + 1).trim();
      return { name: line.slice(0, bar).trim(), language: language || null };
    });
}
