#!/usr/bin/env node
// The npm registry mirror this project is developed against does not serve
// rollup's platform packages for other systems, so `npm install` writes a lock
// without them, and `npm ci` then rejects the lock as out of sync. This adds
// the entries a lock made against the full registry has (version, os, cpu,
// libc, optional): npm skips them on non-matching platforms, as it always does.
// Run it after any `npm install` that rewrites package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const platform = (name) => {
  const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(name);
  if (!m) return null;
  const [, os0, cpu0, abi] = m;
  const cpu = { arm: 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' }[cpu0];
  const os = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', openbsd: 'openbsd', openharmony: 'openharmony', win32: 'win32' }[os0];
  if (!cpu || !os) return null;
  const entry = { os: [os], cpu: [cpu] };
  if (os === 'linux') entry.libc = [abi && abi.startsWith('musl') ? 'musl' : 'glibc'];
  return entry;
};
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pkgs[key]) continue;
    const p = platform(dep);
    if (!p) {
      console.error(`complete-lock: ${path} needs ${dep}@${version}, which this script does not know how to describe`);
      process.exitCode = 1;
      continue;
    }
    pkgs[key] = { version, ...p, dev: meta.dev ?? undefined, license: 'MIT', optional: true, engines: meta.engines ? undefined : undefined };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: added ${added} platform entries`);
