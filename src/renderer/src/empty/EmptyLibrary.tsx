import { useState } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';

interface Props {
  libraryPath: string;
  onLoaded: () => void;
  onCreate: () => void;
}

/** What a new library shows: what the app is for, and two ways to begin. */
export function EmptyLibrary({ libraryPath, onLoaded, onCreate }: Props) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ArchiveError | null>(null);

  const loadSample = async () => {
    setLoading(true);
    setError(null);
    const result = await archive.loadSample({});
    setLoading(false);
    if (result.ok) onLoaded();
    else setError(result.error);
  };

  return (
    <section className="empty-library" aria-labelledby="empty-heading">
      <h2 id="empty-heading">This library is empty</h2>
      <p>
        Civic Archive keeps the records of a city’s international partnerships — press releases, signed memoranda and
        agreements, media coverage, photographs, letters and reports — each described with its date, reference code and the
        people, organisations, places and events it involves.
      </p>
      <p>
        To look around first, load the sample catalogue: records of the Leeds City Region delegation to Hangzhou in 2018,
        built from a Leeds City Council press release. Or start describing your own records.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={loading} onClick={() => void loadSample()}>
          {loading ? 'Loading the sample…' : 'Load the sample catalogue'}
        </button>
        <button type="button" onClick={onCreate}>
          Create a record
        </button>
      </div>
      <ErrorText error={error} prefix="The sample could not be loaded" />
      <p className="muted library-path">Library: {libraryPath}</p>
    </section>
  );
}
