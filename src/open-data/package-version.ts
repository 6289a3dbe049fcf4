/**
 * The installed version of an npm package, for the keys of cached files: a cached PNG or ZIP is
 * reused only while the packages that made its bytes are the same.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** `pkg@version` of the package as installed. */
export const packageVersion = (pkg: string): string => `${pkg}@${(JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version}`
