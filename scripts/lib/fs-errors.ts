/**
 * File-system failures said so that a publisher can act on them: a bare `EIO` or `ENOENT`
 * names neither the folder nor the fix. {@link describeFsError} turns Node's errno errors into
 * a {@link HintedError} naming the path and what to do; {@link assertWritable} checks a folder
 * before anything is built, so a folder the build cannot write stops it at once instead of
 * after the whole build.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts): node built-ins only.
 */
import { mkdirSync, mkdtempSync, rmdirSync } from 'node:fs'
import { join } from 'node:path'
import { HintedError } from '../../src/content/content-error.ts'

/** The statement and the fix for each errno code a build's writes can meet. */
const FS_CODES: Record<string, (path: string) => { message: string; hint: string }> = {
  ENOSPC: (path) => ({
    message: `The disk is full: no space left to write ${path}.`,
    hint: `Free space on the disk that holds ${path} (df -h shows it), or build on another disk with --out.`,
  }),
  EDQUOT: (path) => ({
    message: `The disk quota is used up: ${path} could not be written.`,
    hint: 'Free space within your quota, or build on another disk with --out.',
  }),
  EIO: (path) => ({
    message: `The disk reported an input/output error (EIO) while writing ${path}.`,
    hint: `A full, failing or disconnected disk (or a network file system that dropped) says this: check free space (df -h) and the system log (dmesg), then build again.`,
  }),
  EROFS: (path) => ({
    message: `${path} is on a read-only file system.`,
    hint: 'Build into a writable folder with --out <dir>, or remount that file system read-write.',
  }),
  EACCES: (path) => ({
    message: `No permission to write ${path}.`,
    hint: `Make it writable for the user running the build (ls -ld ${path}), or build into another folder with --out <dir>.`,
  }),
  EPERM: (path) => ({
    message: `The system does not permit writing ${path}.`,
    hint: `Check its permissions and attributes (ls -ld ${path}; lsattr for an immutable folder), or build into another folder with --out <dir>.`,
  }),
  ENOENT: (path) => ({
    message: `${path} does not exist (it or a folder above it was removed, or is not writable so it could not be made).`,
    hint: 'Check that the folders above it exist and are writable, that nothing else removes them during the build, then build again.',
  }),
  ENOTDIR: (path) => ({
    message: `A part of ${path} is a file where a folder is needed.`,
    hint: 'Remove or rename that file, or choose another --out.',
  }),
}

/** True for a Node file-system error (an errno code, and usually the path it concerns). */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return error instanceof Error && typeof code === 'string' && code in FS_CODES
}

/**
 * A file-system error as a {@link HintedError} naming the path (the error's own, else
 * `path`) and the fix; `undefined` for anything that is not one of the codes above.
 */
export function describeFsError(error: unknown, path?: string): HintedError | undefined {
  if (!isFsError(error)) return undefined
  const code = error.code!
  const where = error.path ?? path ?? '(unknown path)'
  const { message, hint } = FS_CODES[code]!(where)
  return new HintedError(message, hint, `build.fs-${code.toLowerCase()}`)
}

/**
 * Checks that the build can create entries in `dir` (made if missing) by making and removing
 * an empty folder there: the only test that sees read-only mounts, full disks and
 * permissions alike. `role` says what the folder is for, in the message.
 */
export function assertWritable(dir: string, role: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    rmdirSync(mkdtempSync(join(dir, '.write-check-')))
  } catch (error) {
    if (!isFsError(error)) throw error
    // Named by the folder, not by the probe inside it.
    const { message, hint } = FS_CODES[error.code!]!(dir)
    throw new HintedError(`Cannot write ${role} ${dir}: ${message}`, hint, 'build.not-writable')
  }
}
