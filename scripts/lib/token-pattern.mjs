/**
 * What a secret scanner takes for a Sanity token: an `sk` key of 40+ letters and digits, or
 * a token assigned in an env file. Shared by tests/unit/no-secrets.test.ts and
 * scripts/lockfile-integrity.mjs.
 */
export const TOKEN_LOOKALIKE = /(sk[A-Za-z0-9]{40,}|SANITY_(API_)?(READ_|WRITE_)?TOKEN *= *[A-Za-z0-9]{20,})/
