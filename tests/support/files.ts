import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Every file under `dir`, as paths relative to it, sorted (never in directory order). */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(relative(dir, full))
    }
  }
  walk(dir)
  return out.sort()
}
