/**
 * Which organisation a signatory signed for: one of the organisations the record already links
 * (its parties, usually), or nobody. Shown as "Judith Blake, on behalf of Leeds City Council".
 */
import { useT } from '../i18n/i18n';
import { fieldId } from './Field';
import type { LinkDraft } from './form';

interface Props {
  index: number;
  links: LinkDraft[];
  onChange: (links: LinkDraft[]) => void;
}

export function OnBehalfOf({ index, links, onChange }: Props) {
  const { t } = useT('editor');
  const link = links[index]!;
  const id = fieldId(`links.${index}.onBehalfOf`);
  const orgs = links.filter(
    (l, i, all): l is LinkDraft & { authorityId: number } =>
      l.kind === 'organisation' &&
      l.authorityId !== null &&
      all.findIndex((o) => o.authorityId === l.authorityId) === i,
  );
  if (orgs.length === 0 && !link.onBehalfOf) return null;
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('links.onBehalfOfLabel', { name: link.name })}
      </label>
      <select
        id={id}
        value={link.onBehalfOf ?? ''}
        onChange={(e) =>
          onChange(
            links.map((l, i) =>
              i === index ? { ...l, onBehalfOf: e.target.value ? Number(e.target.value) : null } : l,
            ),
          )
        }
      >
        <option value="">{t('links.onBehalfOfNobody')}</option>
        {orgs.map((o) => (
          <option key={o.authorityId} value={o.authorityId}>
            {t('links.onBehalfOfOption', { name: o.name })}
          </option>
        ))}
      </select>
    </>
  );
}
