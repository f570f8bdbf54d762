import { describe, expect, it } from 'vitest';
import { externalLink } from '../../../src/main/external-link';

describe('links leaving the app (shell.openExternal)', () => {
  it('lets https, http and mailto through, normalised', () => {
    expect(externalLink('https://www.leeds.gov.uk/news')).toBe('https://www.leeds.gov.uk/news');
    expect(externalLink('HTTP://example.org')).toBe('http://example.org/');
    expect(externalLink('mailto:archives@leeds.gov.uk')).toBe('mailto:archives@leeds.gov.uk');
  });

  it('drops every other scheme, malformed links and disguised hosts', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'data:text/html,<script>alert(1)</script>',
      'civic-file://files/abc',
      'not a url',
      '',
      'https://user:pass@evil.example/',
      'https://trusted.example@evil.example/',
    ]) {
      expect(externalLink(bad), bad).toBeNull();
    }
  });
});
