/**
 * Writing a file the user named on the command line: a missing folder, a folder or a read-only
 * path is the user's to fix, so it becomes an ArgumentError (exit 2) that says which.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ArgumentError } from '../core/errors.js';

/**
 * Write `data` to `path` for option `flag` (e.g. '-o', '--save').
 *
 * @example
 * writeUserFile('--save', `${process.env.TMPDIR ?? '/tmp'}/nabla-model.json`, mlpModel([2, 4, 1]).save());
 */
export function writeUserFile(flag: string, path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOENT with the folder present: a folder such as /proc where no file can be created.
    const missing = code === 'ENOENT' && !existsSync(dirname(resolve(path)));
    const why = missing ? 'its folder does not exist' : code === 'ENOENT' ? 'files cannot be created in its folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new ArgumentError(`${flag}: cannot write '${path}': ${why}`);
  }
}
