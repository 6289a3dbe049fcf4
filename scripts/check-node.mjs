// Fails early, with the fix, when a script runs on a Node older than the toolchain needs.
// npm puts node_modules/.bin first on PATH, so `npm run …` uses the pinned Node 22 from the
// `node` devDependency; this catches a direct call with the system Node (e.g. Node 20).
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This project needs Node >= 22.12 (Astro 7, Sanity 6, Vitest 5); this is Node ${process.versions.node}.\n` +
      'Hint: run it through npm (`npm run build`, `npm test`): `npm ci` installs Node 22 as a devDependency\n' +
      'and npm scripts use it. Or install Node 22 LTS (or newer) yourself.',
  )
  process.exit(1)
}
