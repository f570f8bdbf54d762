/**
 * Which title a new record gets from its file. A document's own metadata title is used only when it
 * looks like a title: office programs and converters fill it with the path of the file they read
 * ("C:\Users\…\report.doc"), their own default ("PowerPoint 演示文稿", "Microsoft Word - x.doc",
 * "Untitled", "Document1") or a scanner's counter ("Scan0001"). Otherwise the file name, tidied.
 */

/** A file name's extension: a dot and 1–8 letters or digits at its end. */
const EXTENSION = /\.[A-Za-z0-9]{1,8}$/;

/** Extensions of documents whose names converters copy into the title they write. */
const DOCUMENT_FILE =
  /\.(docx?|dotx?|pptx?|ppsx?|xlsx?|rtf|odt|odp|ods|wpd|wps|pages|key|numbers|pdf|txt|html?|xml|tex|dvi|ps|eps|ai|indd|qxd|pub|vsd|psd|jpe?g|png|tiff?|bmp|gif)$/i;

/** Programs' names for a document nobody named (English and Chinese versions). */
const GENERATOR_DEFAULTS = [
  /^untitled(\s*(document|presentation|spreadsheet|drawing))?(\s*[-_(]?\s*\d+\)?)?$/i,
  /^(document|presentation|book|sheet|drawing|slide|doc|new document|title)\s*\d*$/i,
  /^microsoft\s+(word|powerpoint|excel)(\s+(document|presentation|worksheet))?$/i,
  /^(新建\s*)?(microsoft\s*)?(powerpoint|word|excel|wps)\s*(演示文稿|文档|工作表|文字|表格)\s*\d*$/i,
  /^powerpoint\s+presentation$/i,
  /^(无标题|未命名|無標題|未命名文件|新建文档|文档|演示文稿|幻灯片)\s*\d*$/,
  // Scanners and cameras number what they make.
  /^(scan|scanned|img|image|dsc|dscn|dcim|pict?|photo|page|doc|pdf|file)[\s_-]*\d+$/i,
  // Hashes and identifiers a program made up.
  /^[0-9a-f]{8}(-?[0-9a-f]{4}){3}-?[0-9a-f]{12}$/i,
  /^[0-9a-f]{16,}$/i,
];

/** A path or URL of a file rather than the name of a document. */
function isPath(title: string): boolean {
  return (
    /^[A-Za-z]:[\\/]/.test(title) || // C:\… or C:/…
    /^\\\\/.test(title) || // \\server\share
    /^(\/|~\/|\.\.?\/)/.test(title) || // /home/…, ~/…, ./…
    /^file:/i.test(title) ||
    // Folders and a file at the end, whichever the separator.
    (/[\\/]/.test(title) && EXTENSION.test(title) && !/\s[\\/]\s/.test(title))
  );
}

/** The metadata title when it looks like a document's title, tidied; null when it does not. */
export function titleFromMetadata(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let title = raw
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "Microsoft Word - Annual report.doc": the program's prefix goes, what follows is judged on its own.
  title = title.replace(/^microsoft\s+(word|powerpoint|excel|office\s+\w+)\s+-\s+/i, '').trim();
  if (!title) return null;
  // No letter (in any script): "2018", "---", "1.2.3" name nothing.
  if (!/\p{L}/u.test(title)) return null;
  if (isPath(title) || DOCUMENT_FILE.test(title)) return null;
  if (GENERATOR_DEFAULTS.some((re) => re.test(title))) return null;
  return title.slice(0, 2_000);
}

/**
 * A title from a file name: the extension dropped, underscores and dashes read as spaces (a dash
 * between digits stays: 2018-09-14 is a date).
 */
export function titleFromName(name: string): string {
  const base = name
    .replace(EXTENSION, '')
    .replace(/_+/g, ' ')
    .replace(/(?<!\d)-+|-+(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (base || name).slice(0, 300);
}

/** Whether a record's title is still the one its file's name gave it (now, or by the rule before dashes were read). */
export function isNameTitle(title: string, name: string): boolean {
  if (title === titleFromName(name)) return true;
  const before = name.replace(EXTENSION, '').replace(/[_]+/g, ' ').trim();
  return title === (before || name).slice(0, 300);
}
