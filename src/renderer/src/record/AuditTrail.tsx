import { useState } from 'react';
import type { AuditEntry } from '../../../shared/contract';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { formatTimestamp } from '../common/format';
import { useResult } from '../common/useResult';
import { fieldLabel, valueText } from './field-text';
import { useT } from '../i18n/i18n';

/** Long values (body text, commitments) are cut in the trail: it says what changed, not the whole text. */
function short(field: string, value: string | null, empty: string): string {
  if (value === null) return empty;
  value = valueText(field, value, empty);
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

function byRevision(entries: AuditEntry[]): AuditEntry[][] {
  const groups = new Map<number, AuditEntry[]>();
  for (const e of entries) groups.set(e.revision, [...(groups.get(e.revision) ?? []), e]);
  return [...groups.values()].reverse();
}

/** Who changed what and when, field by field; loaded only when opened. */
export function AuditTrail({ recordId, revision }: { recordId: number; revision: number }) {
  const { t } = useT('record');
  const [open, setOpen] = useState(false);
  const action = { create: t('history.created'), update: t('history.update'), delete: t('history.deleted') } as const;
  const trail = useResult(
    () => (open ? archive.auditTrail({ entity: 'record', id: recordId }) : null),
    [open, recordId, revision],
  );
  return (
    <details className="audit" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('history.title')}</summary>
      <ErrorText error={trail.error} prefix={t('history.failed')} />
      {open && trail.value ? (
        <ol className="audit-list">
          {byRevision(trail.value).map((group) => {
            const first = group[0]!;
            return (
              <li key={first.revision}>
                <p className="audit-head">
                  <strong>{action[first.action]}</strong>{' '}
                  {t('history.by', { when: formatTimestamp(first.at), who: first.actor })}{' '}
                  <span className="muted">{t('history.revision', { revision: first.revision })}</span>
                </p>
                {first.action === 'update' ? (
                  <ul>
                    {group.map((e) => (
                      <li key={e.field}>
                        <span className="audit-field" title={e.field}>
                          {fieldLabel(e.field)}
                        </span>
                        : <del>{short(e.field, e.oldValue, t('history.empty'))}</del> →{' '}
                        <ins>{short(e.field, e.newValue, t('history.empty'))}</ins>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </details>
  );
}
