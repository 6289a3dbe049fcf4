/**
 * One build at a time per output folder. Two builds publishing into the same folder would
 * race, and the last to finish would win even with older content; so a build takes
 * `<out>.lock` (created with O_EXCL, holding its pid) before it starts, and a second build is
 * refused with the pid and the fix. A lock whose pid no longer runs (a build killed by
 * SIGKILL, a machine that rebooted) is taken over.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts): node built-ins only.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { HintedError } from '../../src/content/content-error.ts'

/** Whether a process with this pid runs (a zombie counts: its parent has not reaped it yet). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid a lock file holds, or undefined when it is missing or unreadable. */
function lockOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10)
    return Number.isInteger(pid) ? pid : undefined
  } catch {
    return undefined
  }
}

/** Creates the lock file holding our pid; false when it exists already. */
function tryCreate(file: string): boolean {
  let fd: number
  try {
    fd = openSync(file, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, `${process.pid}\n`)
  } finally {
    closeSync(fd)
  }
  return true
}

export interface OutputLock {
  readonly file: string
  /** Throws unless the lock still holds this process's pid (checked right before publishing). */
  assertHeld(): void
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void
}

/**
 * Takes `<out>.lock` for this process. A live owner refuses the build (message with its pid
 * and the fix); a dead owner's lock is moved aside under a name of our own (rename is atomic,
 * so of two builds taking over the same stale lock only one moves it) and the create retried.
 */
export function acquireOutputLock(out: string, shownOut: string): OutputLock {
  const file = `${out}.lock`
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file)) return heldLock(file)
    const owner = lockOwner(file)
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      throw new HintedError(
        `Another build (pid ${owner}) is writing ${shownOut}: only one build may write an output folder at a time.`,
        `Wait for it to finish, or stop it (kill ${owner}); if pid ${owner} is not a build, delete ${file}. To build at the same time, use another --out.`,
        'build.locked',
      )
    }
    // Dead owner (or an empty file left by a build killed while writing it): move it aside.
    const aside = `${file}.stale-${process.pid}`
    try {
      renameSync(file, aside)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      continue // someone else moved it first: try again
    }
    const moved = lockOwner(aside)
    if (moved !== undefined && moved !== owner && isAlive(moved)) {
      // Between our read and the rename another build took the lock over: give it back.
      renameSync(aside, file)
      continue
    }
    rmSync(aside, { force: true })
  }
  throw new HintedError(`Could not take the lock ${file}: other builds keep taking it.`, `Let the other builds of ${shownOut} finish, then build again.`, 'build.locked')
}

function heldLock(file: string): OutputLock {
  let released = false
  return {
    file,
    assertHeld() {
      const owner = lockOwner(file)
      if (owner !== process.pid) {
        throw new HintedError(
          `This build lost its lock ${file} (it now names ${owner === undefined ? 'no build' : `pid ${owner}`}): another build may be publishing the same folder.`,
          'Build again once no other build writes this output folder; never delete the lock of a build that runs.',
          'build.locked',
        )
      }
    },
    release() {
      if (released) return
      released = true
      if (lockOwner(file) === process.pid) rmSync(file, { force: true })
    },
  }
}
