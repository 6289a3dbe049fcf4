/** Files of the project, found from this file's place in it: never from the working folder. */
import { fileURLToPath } from 'node:url'

/** The project root, with a trailing slash. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The absolute path of a file given relative to the project root, e.g. `content/dataset.ndjson`. */
export function projectFile(relative: string): string {
  return fileURLToPath(new URL(relative, new URL('../../', import.meta.url)))
}
