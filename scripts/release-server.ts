// The release's server.js (`node server.js` in dist/release/): scripts/release.ts bundles this file with
// the launcher, scripts/launch.ts, into one file of plain JavaScript. The release directory is the
// server's working directory wherever it is started from: Next's build, the migrations and PGlite's
// thread are found there (and .env, if there is one), as `npm start` finds them in the repository.
process.chdir(import.meta.dirname);
// The launcher reads its mode from its first argument: a release runs in production.
process.argv.splice(2, Infinity, "start");
await import("./launch");
