/**
 * Keeps secrets out of everything a script prints or writes: the values of environment
 * variables that look like credentials are replaced wherever they occur.
 */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|AUTH/i

/** The secret values in an environment (at least 8 characters, so short flags are not mangled). */
export function secretValues(env: Record<string, string | undefined> = process.env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.trim().length >= 8)
    .map(([, value]) => value!.trim())
    .sort((a, b) => b.length - a.length)
}

/** `text` with every secret value replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = secretValues()): string {
  let out = text
  for (const secret of secrets) out = out.split(secret).join('[redacted]')
  return out
}
