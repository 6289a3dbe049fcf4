/**
 * Named, timed phases of a script, and the one-line summary printed at the end of every
 * build, e.g. `content 0.4s · validate 0.2s · views 0.0s · pages 3.1s · files 0.2s · search 0.5s · swap 0.0s · total 4.3s`.
 * Phases are listed in the order the script names them, whatever order they end in (the
 * build runs pages beside the content phases and the files); `total` is the wall time since
 * the process started (module loading included).
 */
export class Phases {
  /** The phase names in the order they are listed. */
  private readonly order: readonly string[]

  constructor(order: readonly string[] = []) {
    this.order = order
  }

  /** Seconds per finished (or failed) phase. */
  readonly seconds: Record<string, number> = {}
  /** The phase that failed, if one did. */
  failed: string | undefined

  /**
   * Runs one phase; records its time even when it throws, and which phase failed. `start`
   * (a `performance.now()` time) is when the phase's work really began, for work started
   * before its outcome was wanted (Astro, started while the content is checked).
   */
  async run<T>(name: string, work: () => T | Promise<T>, start = performance.now()): Promise<T> {
    try {
      return await work()
    } catch (error) {
      this.failed ??= name
      throw error
    } finally {
      this.seconds[name] = (performance.now() - start) / 1000
    }
  }

  /** The phase line; names the failed phase when there is one. */
  line(): string {
    const parts = this.entries().map(([name, seconds]) => `${name} ${seconds.toFixed(1)}s`)
    parts.push(`total ${(performance.now() / 1000).toFixed(1)}s`)
    return parts.join(' · ') + (this.failed ? ` (failed in ${this.failed})` : '')
  }

  /** Phase times rounded to milliseconds, with the total, for the build report. */
  toJSON(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const [name, seconds] of this.entries()) out[name] = Math.round(seconds * 1000) / 1000
    out.total = Math.round(performance.now()) / 1000
    return out
  }

  /** Finished phases in the script's order; a phase it does not name comes last. */
  private entries(): [string, number][] {
    const rank = (name: string) => (this.order.includes(name) ? this.order.indexOf(name) : this.order.length)
    return Object.entries(this.seconds).sort(([a], [b]) => rank(a) - rank(b))
  }
}
