import type { RecordView } from '../../../shared/model';
import { formatPartialDate } from '../common/format';
import { AGREEMENT_KIND_LABELS, COMMITMENT_STATUS_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { FieldList } from './FieldList';

/** Kind, signing and commitments of an agreement (MoU, memorandum, contract, letter of intent). */
export function AgreementSection({ record }: { record: RecordView }) {
  const { t } = useT('record');
  if (record.type !== 'agreement') return null;
  return (
    <section className="record-section" aria-labelledby="agreement-heading">
      <h3 id="agreement-heading">{t('sections.agreement')}</h3>
      <FieldList
        fields={[
          [t('fields.kind'), record.agreementKind ? AGREEMENT_KIND_LABELS[record.agreementKind] : null],
          [t('fields.dateSigned'), record.dateSigned ? formatPartialDate(record.dateSigned) : null],
          [t('fields.placeSigned'), record.placeSigned],
        ]}
      />
      {record.commitments.length > 0 ? (
        <>
          <h4>{t('sections.commitments')}</h4>
          <ol className="commitments">
            {record.commitments.map((c, i) => (
              <li key={i}>
                <span className={`status status-${c.status}`}>{COMMITMENT_STATUS_LABELS[c.status]}</span> {c.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
