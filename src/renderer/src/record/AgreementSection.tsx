import type { RecordView } from '../../../shared/model';
import { AGREEMENT_KIND_LABELS, COMMITMENT_STATUS_LABELS } from '../common/labels';
import { FieldList } from './FieldList';

/** Kind, signing and commitments of an agreement (MoU, memorandum, contract, letter of intent). */
export function AgreementSection({ record }: { record: RecordView }) {
  if (record.type !== 'agreement') return null;
  return (
    <section className="record-section" aria-labelledby="agreement-heading">
      <h3 id="agreement-heading">Agreement</h3>
      <FieldList
        fields={[
          ['Kind', record.agreementKind ? AGREEMENT_KIND_LABELS[record.agreementKind] : null],
          ['Date signed', record.dateSigned],
          ['Place signed', record.placeSigned],
        ]}
      />
      {record.commitments.length > 0 ? (
        <>
          <h4>Commitments</h4>
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
