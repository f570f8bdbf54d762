/**
 * CSL-JSON items for the oracle test: written for it by hand, to exercise every item type the app
 * cites, the name forms (1, 2, 3, 7, 8 and 25 authors; institutions; CJK, Cyrillic, particles and
 * suffixes), partial, missing, approximate and ranged dates, non-English titles, and the archival
 * location (archive, archive_location, archive-place). The expected output is never written here:
 * the official style files render it.
 */
import type { CslItem } from '../../../src/main/cite/csl-item';

const p = (family: string, given: string, extra: Record<string, string> = {}) => ({ family, given, ...extra });
const d = (...parts: number[][]) => ({ 'date-parts': parts });

const SEVEN = [
  p('Okafor', 'Chidi'),
  p('Lindqvist', 'Maja'),
  p('Haddad', 'Samir'),
  p('Moreau', 'Élise'),
  p('Tanaka', 'Hiro'),
  p('Kowalski', 'Piotr'),
  p('Fitzgerald', 'Aoife'),
];
const EIGHT = [...SEVEN, p('Ndlovu', 'Thabo')];
const TWENTY_FIVE = Array.from({ length: 25 }, (_, i) => p(`Author${String.fromCharCode(65 + i)}`, `Given${String.fromCharCode(65 + i)}`));

const ARCHIVE = { archive: 'West Yorkshire Archive Service', 'archive-place': 'Leeds' };

export const ORACLE_ITEMS: CslItem[] = [
  // Books
  { id: 'book-1', type: 'book', title: 'The rites of passage', author: [p('Gennep', 'Arnold', { 'non-dropping-particle': 'van' })], translator: [p('Vizedom', 'Monika B.'), p('Caffee', 'Gabrielle L.')], publisher: 'University of Chicago Press', 'publisher-place': 'Chicago', issued: d([1960]), 'original-date': d([1909]) },
  { id: 'book-2', type: 'book', title: 'Fables choisies, mises en vers', author: [p('Fontaine', 'Jean', { 'non-dropping-particle': 'de la' })], publisher: 'Denys Thierry', 'publisher-place': 'Paris', issued: d([1668]), language: 'fr' },
  { id: 'book-3', type: 'book', title: 'Civic records and the modern city: a guide for archivists', author: [p('Blake', 'Judith'), p('Okafor', 'Chidi')], edition: '3', publisher: 'Facet Publishing', 'publisher-place': 'London', issued: d([2019, 5, 2]), ISBN: '978-1-78330-123-4' },
  { id: 'book-3a', type: 'book', title: 'Twinning towns after the war', author: [p('Blake', 'Judith'), p('Okafor', 'Chidi'), p('Haddad', 'Samir')], publisher: 'Routledge', 'publisher-place': 'Abingdon', issued: d([2016]) },
  { id: 'book-7', type: 'book', title: 'Seven hands: a collaborative history of municipal diplomacy', author: SEVEN, publisher: 'Manchester University Press', 'publisher-place': 'Manchester', issued: d([2021]) },
  { id: 'book-8', type: 'book', title: 'Eight voices on the archive', author: EIGHT, publisher: 'Bloomsbury Academic', 'publisher-place': 'London', issued: d([2022]), DOI: '10.5040/9781350000000' },
  { id: 'book-ed', type: 'book', title: 'Records of the twin cities', editor: [p('Moreau', 'Élise'), p('Tanaka', 'Hiro')], publisher: 'Palgrave Macmillan', 'publisher-place': 'Cham', issued: d([2020]), 'collection-title': 'Studies in urban history', 'collection-number': '12', 'number-of-pages': '312' },
  { id: 'book-inst', type: 'book', title: 'Annual report of the international relations office', author: [{ literal: 'Leeds City Council' }], publisher: 'Leeds City Council', 'publisher-place': 'Leeds', issued: d([1999]) },
  { id: 'book-zh', type: 'book', title: '杭州城市史', author: [p('周', '峰')], publisher: '杭州出版社', 'publisher-place': '杭州', issued: d([2011]), language: 'zh-CN' },
  { id: 'book-ja', type: 'book', title: '都市の記録と記憶', author: [p('村上', '春樹'), p('田中', '裕子')], publisher: '岩波書店', 'publisher-place': '東京', issued: d([2005]), language: 'ja' },
  { id: 'book-ru', type: 'book', title: 'Война и мир', author: [p('Толстой', 'Лев Николаевич')], publisher: 'Художественная литература', 'publisher-place': 'Москва', issued: d([1978]), language: 'ru', volume: '1' },
  { id: 'book-suffix', type: 'book', title: 'Why we can’t wait', author: [p('King', 'Martin Luther', { suffix: 'Jr.' })], publisher: 'Harper & Row', 'publisher-place': 'New York', issued: d([1964]) },
  { id: 'book-nodate', type: 'book', title: 'A history of the Leeds twinning association', author: [p('Harrison', 'Ada')], publisher: 'Leeds Twinning Association', 'publisher-place': 'Leeds' },
  { id: 'book-circa', type: 'book', title: 'Directory of the borough of Leeds', author: [{ literal: 'Kelly’s Directories' }], publisher: 'Kelly & Co.', 'publisher-place': 'London', issued: { 'date-parts': [[1890]], circa: true } },
  { id: 'book-range', type: 'book', title: 'The collected papers of the Hangzhou partnership', editor: [p('Chen', 'Li')], publisher: 'Zhejiang University Press', 'publisher-place': 'Hangzhou', issued: d([1988], [1995]), 'number-of-volumes': '4' },
  { id: 'book-de', type: 'book', title: 'Die Städtepartnerschaft als politisches Instrument', author: [p('Müller', 'Hans-Peter'), p('Weiß', 'Anja')], publisher: 'Campus', 'publisher-place': 'Frankfurt am Main', issued: d([2003]), language: 'de' },
  { id: 'book-25', type: 'book', title: 'A very large collaboration on the archives of cities', author: TWENTY_FIVE, publisher: 'Open Book Publishers', 'publisher-place': 'Cambridge', issued: d([2023]) },
  // Chapters and entries
  { id: 'chapter-1', type: 'chapter', title: 'Sister cities in the Cold War', author: [p('Haddad', 'Samir')], editor: [p('Moreau', 'Élise'), p('Tanaka', 'Hiro')], 'container-title': 'Records of the twin cities', publisher: 'Palgrave Macmillan', 'publisher-place': 'Cham', issued: d([2020]), page: '45-67', DOI: '10.1007/978-3-030-00000-0_3' },
  { id: 'chapter-trans', type: 'chapter', title: 'On municipal friendship', author: [p('Lindqvist', 'Maja')], translator: [p('Fitzgerald', 'Aoife')], editor: [p('Chen', 'Li')], 'container-title': 'Cities in conversation', publisher: 'Polity', 'publisher-place': 'Cambridge', issued: d([2018]), page: '101–120', edition: '2' },
  { id: 'entry-enc', type: 'entry-encyclopedia', title: 'Town twinning', author: [p('Kowalski', 'Piotr')], 'container-title': 'Encyclopedia of urban studies', editor: [p('Hutchison', 'Ray')], publisher: 'SAGE', 'publisher-place': 'Thousand Oaks, CA', issued: d([2010]), volume: '2', page: '812-814' },
  { id: 'entry-dict', type: 'entry-dictionary', title: 'Alderman', 'container-title': 'Oxford English dictionary', publisher: 'Oxford University Press', issued: d([2023, 3]), URL: 'https://www.oed.com/dictionary/alderman_n', accessed: d([2024, 1, 15]) },
  // Journal articles
  { id: 'article-1', type: 'article-journal', title: 'The politics of town twinning in post-war Britain', author: [p('Clarke', 'Nick')], 'container-title': 'Urban History', volume: '38', issue: '2', page: '297-318', issued: d([2011, 8]), DOI: '10.1017/S0963926811000368' },
  { id: 'article-2', type: 'article-journal', title: 'Municipal internationalism and the archive', author: [p('Fitzgerald', 'Aoife'), p('Ndlovu', 'Thabo')], 'container-title': 'Archives and Records', 'container-title-short': 'Arch. Rec.', volume: '44', issue: '1', page: '1-19', issued: d([2023, 2, 14]), ISSN: '2325-7962' },
  { id: 'article-3', type: 'article-journal', title: 'Sister cities and trade: evidence from China', author: [p('Wang', 'Mei'), p('Smith', 'John'), p('Garcia', 'Lucía')], 'container-title': 'Journal of Urban Economics', volume: '121', page: '103299', issued: d([2021]), DOI: '10.1016/j.jue.2020.103299' },
  { id: 'article-7', type: 'article-journal', title: 'A multi-site study of civic archives', author: SEVEN, 'container-title': 'Archival Science', volume: '22', issue: '3', page: '411-439', issued: d([2022, 9]), DOI: '10.1007/s10502-022-09390-1' },
  { id: 'article-8', type: 'article-journal', title: 'Eight cities, one network', author: EIGHT, 'container-title': 'Global Networks', volume: '19', issue: '4', page: '505-527', issued: d([2019]) },
  { id: 'article-25', type: 'article-journal', title: 'Consortium report on digital preservation of municipal records', author: TWENTY_FIVE, 'container-title': 'Digital Preservation Quarterly', volume: '5', issue: '1', page: '1-40', issued: d([2024, 1]) },
  { id: 'article-inst', type: 'article-journal', title: 'Guidelines for the appraisal of local government records', author: [{ literal: 'International Council on Archives' }], 'container-title': 'Comma', volume: '2015', issue: '1', page: '7-22', issued: d([2015]) },
  { id: 'article-zh', type: 'article-journal', title: '友好城市与地方外交研究', author: [p('李', '明'), p('王', '芳')], 'container-title': '国际政治研究', volume: '40', issue: '3', page: '56-72', issued: d([2019]), language: 'zh-CN' },
  { id: 'article-ko', type: 'article-journal', title: '자매도시 교류의 역사', author: [p('김', '민수')], 'container-title': '도시연구', volume: '12', page: '33-58', issued: d([2017]), language: 'ko' },
  { id: 'article-fr', type: 'article-journal', title: 'Les jumelages de villes en Europe après 1945', author: [p('Defrance', 'Corine')], 'container-title': 'Relations internationales', volume: '134', issue: '2', page: '83-95', issued: d([2008]), language: 'fr' },
  { id: 'article-ahead', type: 'article-journal', title: 'Forthcoming work on civic memory', author: [p('Tanaka', 'Hiro')], 'container-title': 'Memory Studies', status: 'in press' },
  // Newspapers and magazines
  { id: 'news-1', type: 'article-newspaper', title: 'Leeds and Hangzhou sign friendship agreement', author: [p('Reporter', 'Staff')], 'container-title': 'Yorkshire Evening Post', 'publisher-place': 'Leeds', issued: d([1988, 9, 14]), page: '3', section: 'News' },
  { id: 'news-2', type: 'article-newspaper', title: 'Twin towns: does anyone still care?', 'container-title': 'The Guardian', issued: d([2014, 8, 21]), URL: 'https://www.theguardian.com/cities/2014/aug/21/twin-towns', accessed: d([2024, 3, 5]) },
  { id: 'news-archive', type: 'article-newspaper', title: 'Chinese delegation visits civic hall', 'container-title': 'Yorkshire Post', issued: d([1989, 4, 2]), ...ARCHIVE, archive_location: 'LC/IR/PRESS/1989/04' },
  { id: 'magazine-1', type: 'article-magazine', title: 'The quiet diplomacy of twin cities', author: [p('Nguyen', 'Bao')], 'container-title': 'The Economist', volume: '440', issue: '9251', page: '52-53', issued: d([2021, 6, 26]) },
  { id: 'magazine-2', type: 'article-magazine', title: 'Archives in the age of the cloud', author: [p('Patel', 'Ravi')], 'container-title': 'Wired', issued: d([2019, 11]), URL: 'https://www.wired.com/story/archives-cloud', accessed: d([2023, 12, 1]) },
  // Web
  { id: 'web-1', type: 'webpage', title: 'International partnerships', author: [{ literal: 'Leeds City Council' }], 'container-title': 'Leeds.gov.uk', issued: d([2023, 10, 4]), URL: 'https://www.leeds.gov.uk/international', accessed: d([2024, 2, 29]) },
  { id: 'web-nodate', type: 'webpage', title: 'About the archive', 'container-title': 'West Yorkshire Archive Service', URL: 'https://www.wyjs.org.uk/archive-service', accessed: d([2024, 5, 1]) },
  { id: 'blog-1', type: 'post-weblog', title: 'Cataloguing a twinning collection', author: [p('Harrison', 'Ada')], 'container-title': 'Archives Hub Blog', issued: d([2020, 7, 9]), URL: 'https://blog.archiveshub.jisc.ac.uk/twinning' },
  // Reports
  { id: 'report-1', type: 'report', title: 'The value of international partnerships to the city region', author: [{ literal: 'Leeds City Council' }], publisher: 'Leeds City Council', 'publisher-place': 'Leeds', number: 'IR/2019/4', genre: 'Scrutiny report', issued: d([2019, 3]), ...ARCHIVE, archive_location: 'LCC/IR/REP/2019/4' },
  { id: 'report-2', type: 'report', title: 'Digital preservation in local authorities', author: [p('Brown', 'Adrian'), p('Green', 'Olivia')], publisher: 'The National Archives', 'publisher-place': 'Kew', issued: d([2017, 11, 30]), URL: 'https://www.nationalarchives.gov.uk/report.pdf', 'collection-title': 'TNA research reports', number: '17' },
  { id: 'press-release', type: 'report', title: 'Celebration of a 30-year anniversary', genre: 'Press release', publisher: 'Leeds City Council', issued: d([2018, 9, 11]), ...ARCHIVE, archive_location: 'LCC/IR/PR/2018/03', 'call-number': 'Box 12' },
  { id: 'standard-1', type: 'standard', title: 'Information and documentation — Records management — Part 1: Concepts and principles', author: [{ literal: 'International Organization for Standardization' }], number: 'ISO 15489-1:2016', publisher: 'ISO', 'publisher-place': 'Geneva', issued: d([2016]) },
  // Theses
  { id: 'thesis-1', type: 'thesis', title: 'Town twinning and British local government, 1945–1990', author: [p('Wilson', 'Hannah')], genre: 'PhD thesis', publisher: 'University of Leeds', 'publisher-place': 'Leeds', issued: d([2012]), URL: 'https://etheses.whiterose.ac.uk/1234/' },
  { id: 'thesis-2', type: 'thesis', title: 'Die Archivierung kommunaler Akten', author: [p('Schmidt', 'Jonas')], genre: 'Masterarbeit', publisher: 'Universität Potsdam', 'publisher-place': 'Potsdam', issued: d([2020]), language: 'de' },
  // Conference
  { id: 'paper-1', type: 'paper-conference', title: 'Linking civic archives with authority records', author: [p('Ito', 'Kenji'), p('Olsen', 'Ingrid')], 'container-title': 'Proceedings of the International Conference on Archives', event: 'International Conference on Archives', 'event-place': 'Seoul', publisher: 'ICA', 'publisher-place': 'Paris', issued: d([2016, 9, 5]), page: '88-97' },
  { id: 'paper-2', type: 'paper-conference', title: 'Twin cities as actors in global governance', author: [p('Acuto', 'Michele')], event: 'Annual Convention of the International Studies Association', 'event-place': 'New Orleans, LA', issued: d([2015, 2, 18], [2015, 2, 21]) },
  { id: 'speech-1', type: 'speech', title: 'Thirty years of friendship', author: [p('Harrington', 'Peter')], genre: 'Speech', event: 'Leeds–Hangzhou anniversary reception', 'event-place': 'Leeds Civic Hall', issued: d([2018, 9, 12]), ...ARCHIVE, archive_location: 'LCC/IR/SP/2018/01' },
  // Broadcast, audiovisual
  { id: 'broadcast-tv', type: 'broadcast', title: 'Hangzhou TV coverage of the Leeds–Hangzhou 30th anniversary celebration', genre: 'Television broadcast', 'container-title': 'Evening news', publisher: 'Hangzhou TV', issued: d([2018, 9]), ...ARCHIVE, archive_location: 'LCC/IR/MC/2018/01' },
  { id: 'broadcast-radio', type: 'broadcast', title: 'Twinned: the story of Leeds and Dortmund', author: [p('Jones', 'Gareth')], genre: 'Radio broadcast', 'container-title': 'Archive on 4', publisher: 'BBC Radio 4', issued: d([2009, 10, 3]), URL: 'https://www.bbc.co.uk/programmes/b00n1b6r' },
  { id: 'film-1', type: 'motion_picture', title: 'City of friends', director: [p('Achebe', 'Ngozi')], publisher: 'Yorkshire Film Archive', 'publisher-place': 'York', issued: d([1962]), medium: '16 mm film', ...ARCHIVE, archive_location: 'YFA 1234' },
  { id: 'song-1', type: 'song', title: 'Leeds, my home town', author: [p('Lane', 'Jack')], 'container-title': 'Northern songs', publisher: 'Decca', issued: d([1971]), medium: 'LP' },
  // Interviews and personal communication
  { id: 'interview-1', type: 'interview', title: 'Oral history interview on the 1988 delegation', author: [p('Patel', 'Ravi')], interviewer: [p('Harrison', 'Ada')], medium: 'Audio recording', issued: d([2015, 6, 4]), ...ARCHIVE, archive_location: 'OH/2015/12' },
  { id: 'personal-1', type: 'personal_communication', title: 'Letter to the Mayor of Hangzhou', author: [p('Blake', 'Judith')], recipient: [p('Zhou', 'Feng')], genre: 'Letter', issued: d([1988, 10, 4]), ...ARCHIVE, archive_location: 'LCC/IR/CORR/1988/17' },
  { id: 'personal-2', type: 'personal_communication', title: 'Email about the exhibition loan', author: [p('Olsen', 'Ingrid')], genre: 'Email', issued: d([2022, 1, 20]) },
  // Manuscripts, documents, archival material
  { id: 'manuscript-1', type: 'manuscript', title: 'Minutes of the twinning sub-committee', author: [{ literal: 'Leeds City Council. International Relations Sub-Committee' }], issued: d([1987, 8, 3], [2003, 10, 23]), ...ARCHIVE, archive_location: 'LCC/IR/MIN/1-40', 'collection-title': 'International relations records' },
  { id: 'manuscript-2', type: 'manuscript', title: 'Diary of a visit to China', author: [p('Fairbairn', 'William', { suffix: 'III' })], issued: { 'date-parts': [[1905]], circa: true }, genre: 'Diary', archive: 'Brotherton Library, University of Leeds', 'archive-place': 'Leeds', archive_location: 'MS 1234/5' },
  { id: 'manuscript-nodate', type: 'manuscript', title: 'Undated notes on the twinning ceremony', archive: 'West Yorkshire Archive Service', archive_location: 'WYL1000/3/1' },
  { id: 'document-1', type: 'document', title: 'Memorandum of understanding between Leeds and Hangzhou', author: [{ literal: 'Leeds' }, { literal: 'Hangzhou' }], genre: 'Memorandum of understanding', 'event-place': 'Hangzhou', issued: d([2018, 9]), ...ARCHIVE, archive_location: 'LCC/IR/AG/2018/01' },
  { id: 'pamphlet-1', type: 'pamphlet', title: 'Programme of the friendship week', genre: 'Event programme', publisher: 'Leeds Chinese Community Association', 'publisher-place': 'Leeds', issued: d([1989, 5, 20], [1989, 5, 27]), ...ARCHIVE, archive_location: 'LCC/IR/EP/1989/02' },
  { id: 'graphic-1', type: 'graphic', title: 'Delegation on the steps of Leeds Civic Hall', author: [p('Ellis', 'Tom')], medium: 'Photograph', issued: { 'date-parts': [[1988]], circa: true }, ...ARCHIVE, archive_location: 'LCC/IR/PH/1988/07' },
  { id: 'map-1', type: 'map', title: 'Plan of the city of Hangzhou', author: [{ literal: 'Ordnance Survey' }], publisher: 'Ordnance Survey', 'publisher-place': 'Southampton', issued: d([1932]), scale: '1:10,000' },
  { id: 'dataset-1', type: 'dataset', title: 'Twin-city partnerships in Europe, 1945–2020', author: [p('Kowalski', 'Piotr'), p('Lindqvist', 'Maja')], publisher: 'Zenodo', issued: d([2021, 4, 1]), version: '2.1', DOI: '10.5281/zenodo.1234567' },
  { id: 'software-1', type: 'software', title: 'Civic Archive', author: [{ literal: 'Civic Archive contributors' }], version: '0.1.0', issued: d([2026]), URL: 'https://example.org/civic-archive' },
  // Legal
  { id: 'legal-case', type: 'legal_case', title: 'R (on the application of Miller) v Secretary of State for Exiting the European Union', authority: 'UK Supreme Court', 'container-title': 'UKSC', volume: '2017', page: '5', issued: d([2017, 1, 24]) },
  { id: 'legislation-1', type: 'legislation', title: 'Local Government Act 1972', 'container-title': 'c. 70', issued: d([1972]) },
  { id: 'treaty-1', type: 'treaty', title: 'Agreement on friendly city relations between Leeds and Hangzhou', author: [{ literal: 'Leeds City Council' }, { literal: 'Hangzhou Municipal People’s Government' }], issued: d([1988, 9, 14]), ...ARCHIVE, archive_location: 'LCC/IR/AG/1988/01' },
  { id: 'bill-1', type: 'bill', title: 'Local Government (Twinning) Bill', number: 'HC Bill 42', authority: 'House of Commons', issued: d([1985]) },
  // Reviews, seasons, odd dates
  { id: 'review-1', type: 'review-book', title: 'Friendship at a distance', author: [p('Green', 'Olivia')], 'reviewed-title': 'Twinning towns after the war', 'reviewed-author': [p('Blake', 'Judith')], 'container-title': 'Local Historian', volume: '47', issue: '3', page: '250-251', issued: d([2017, 7]) },
  { id: 'season-1', type: 'article-magazine', title: 'Winter at the archive', author: [p('Harrison', 'Ada')], 'container-title': 'Archives Monthly', issued: { 'date-parts': [[1999]], season: 4 } },
  { id: 'month-range', type: 'article-journal', title: 'A season of exchanges', author: [p('Defrance', 'Corine')], 'container-title': 'European Review of History', volume: '15', issue: '4', page: '400-415', issued: d([2008, 6], [2008, 8]) },
  { id: 'year-range-archive', type: 'collection', title: 'Papers of the Leeds–Hangzhou friendship association', author: [{ literal: 'Leeds–Hangzhou Friendship Association' }], issued: d([1988], [2018]), ...ARCHIVE, archive_location: 'WYL2345' },
];
