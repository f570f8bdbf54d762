import type { ReactNode } from 'react';

export type FieldEntry = readonly [label: string, value: ReactNode | null | undefined];

/** Labelled values; empty ones are left out, so a sparse record reads as short as it is. */
export function FieldList({ fields }: { fields: readonly FieldEntry[] }) {
  const present = fields.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (present.length === 0) return null;
  return (
    <dl className="fields">
      {present.map(([label, value]) => (
        <div key={label} className="field">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
