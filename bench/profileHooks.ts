// Optional CPU profiling for the bench scripts: `npx tsx --import ./bench/profileHooks.ts bench/editProfile.ts 2000 3`
// with PROF_OUT=edit.cpuprofile. Scripts call the globals below around the part worth profiling
// (only that part, unlike node --cpu-prof); open the file in Chrome DevTools or VS Code.
import fs from 'node:fs';
import inspector from 'node:inspector';

const session = new inspector.Session();
session.connect();
const g = globalThis as Record<string, unknown>;
g.__profStart = () => new Promise<void>((resolve) => session.post('Profiler.enable', () => session.post('Profiler.start', () => resolve())));
g.__profStop = (file: string) =>
  new Promise<void>((resolve) =>
    session.post('Profiler.stop', (_err, result) => {
      fs.writeFileSync(file, JSON.stringify(result.profile));
      resolve();
    }),
  );
