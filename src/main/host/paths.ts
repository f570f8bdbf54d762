/**
 * Paths at the browser-host door. A few channels take absolute paths on this machine (import files
 * or a bag, write a bag or a backup, open another library). Through the host they come from a web
 * page, and a page holding the token must not read or write anywhere the OS user can: importing
 * ~/.ssh/id_rsa and then fetching it from /files/<hash> would be a file read, a backup written into
 * a startup folder a file write. So at this door every such path must lie inside an allowed folder:
 * the library open now, the one the host started with, or a folder given with `--allow-dir`.
 *
 * The rule is carried with each request (service.serve) down to where files are opened: the paths
 * given are checked first (service/door.ts), then every folder walked, bag entry and file opened
 * (files/path-rule.ts), after resolving symbolic links, so a link inside an allowed folder that
 * points out of it does not open a way out.
 */
import { pathRuleWithin, type PathRule } from '../documents/path-rule';

export { PATH_INPUTS } from '../service/door';

/** The browser host's path rule: the library open now and the allowed folders. */
export function hostPathRule(libraryRoot: string | undefined, allowDirs: readonly string[]): PathRule {
  return pathRuleWithin(
    [...(libraryRoot === undefined ? [] : [libraryRoot]), ...allowDirs],
    'the browser host',
    'in the browser, paths must lie inside the library folder or a folder the host was started with --allow-dir DIR',
  );
}
