/** What a new, empty library shows. */
export const empty = {
  heading: 'This library is empty',
  about:
    'Civic Archive keeps the records of a city’s international partnerships — press releases, signed memoranda and agreements, media coverage, photographs, letters and reports — each described with its date, reference code and the people, organisations, places and events it involves.',
  sample:
    'To look around first, load the sample catalogue: records of the Leeds City Region delegation to Hangzhou in 2018, built from a Leeds City Council press release. Or start describing your own records.',
  loading: 'Loading the sample…',
  load: 'Load the sample catalogue',
  create: 'Create a record',
  failed: 'The sample could not be loaded',
  library: 'Library: {{path}}',
};
