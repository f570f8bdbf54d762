/** The sidebar's way to the authority records: people, organisations, places, events and partnerships, with how many. */
import { AUTHORITY_KINDS } from '../../../shared/model';
import { routeHref, useRoute } from '../app/route';
import { formatNumber } from '../common/format';
import { AUTHORITY_GROUP_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';

export function AuthoritiesNav({ counts }: { counts: Record<string, number> }) {
  const { t } = useT('authorities');
  const route = useRoute();
  return (
    <nav className="authorities-nav" aria-labelledby="authorities-nav-heading">
      <h2 id="authorities-nav-heading" className="sidebar-heading">
        {t('nav.title')}
      </h2>
      <ul>
        {AUTHORITY_KINDS.map((kind) => (
          <li key={kind}>
            <a
              href={routeHref({ view: 'authorities', kind })}
              aria-current={route.view === 'authorities' && route.kind === kind ? 'page' : undefined}
            >
              {AUTHORITY_GROUP_LABELS[kind]} <span className="count">{formatNumber(counts[kind] ?? 0)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
