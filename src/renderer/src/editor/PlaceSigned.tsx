import { FieldError } from '../common/FormField';
import { useT } from '../i18n/i18n';
import { AuthorityCombobox } from './AuthorityCombobox';
import { errorAt } from './errors';
import { fieldId } from './Field';
import { withDraft } from './NewBadge';
import { fieldHint, labelFor, type PartProps } from './fieldLabels';

/**
 * Where an agreement was signed: text, or a place chosen from the authorities — which is then
 * linked too, so its page lists the agreements signed there. The combobox carries its own label;
 * the hint and error are tied to it as on every other form row.
 */
export function PlaceSigned({ form, errors, onChange }: PartProps) {
  const { t } = useT('editor');
  const id = fieldId('placeSigned');
  const error = errorAt(errors, 'placeSigned');
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <AuthorityCombobox
        inputId={id}
        label={labelFor(form.type, 'placeSigned')}
        kinds={['place']}
        text={{ value: form.placeSigned, onChange: (placeSigned) => onChange({ placeSigned }) }}
        describedBy={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        invalid={Boolean(error)}
        onPick={(place) => {
          const linked = form.links.some((l) => l.authorityId === place.id);
          onChange({
            placeSigned: place.name,
            ...(linked
              ? {}
              : {
                  links: [
                    ...form.links,
                    {
                      authorityId: place.id,
                      name: place.name,
                      kind: place.kind,
                      role: 'mentioned',
                      note: t('placeSignedNote'),
                    },
                  ],
                }),
          });
        }}
        onCreateLater={(place) =>
          onChange({
            placeSigned: place.name,
            links: withDraft(form.links, {
              authorityId: null,
              ...place,
              role: 'mentioned',
              note: t('placeSignedNote'),
            }),
          })
        }
      />
      <p className="hint" id={`${id}-hint`}>
        {fieldHint('placeSigned')}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
