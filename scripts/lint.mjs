// Structural lint: the rules the design depends on, checked without running anything.
// - the core never imports 'vscode' (it backs the CLI and runs in plain Node);
// - every contributed command has category "Corroborate" (the integration suite checks each is registered);
// - every setting is named corroborate.* and has a description.
import fs from 'node:fs';
import path from 'node:path';

const problems = [];
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const sources = walk('src').filter((f) => f.endsWith('.ts'));

for (const f of sources.filter((f) => f.startsWith(path.join('src', 'core')) || f === path.join('src', 'cli.ts'))) {
  const text = fs.readFileSync(f, 'utf8');
  if (/from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(text)) problems.push(`${f}: the core must not import 'vscode'`);
}
for (const f of sources.filter((f) => f.startsWith(path.join('src', 'extension')))) {
  const text = fs.readFileSync(f, 'utf8');
  if (/from\s+['"](compromise|chrono-node)['"]/.test(text)) problems.push(`${f}: analysis libraries belong in src/core`);
}

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
for (const c of pkg.contributes.commands) {
  if (c.category !== 'Corroborate') problems.push(`command ${c.command}: category must be "Corroborate"`);
}
for (const [name, s] of Object.entries(pkg.contributes.configuration.properties)) {
  if (!name.startsWith('corroborate.')) problems.push(`setting ${name}: must be named corroborate.*`);
  if (!s.description && !s.markdownDescription) problems.push(`setting ${name}: has no description`);
}

if (problems.length) {
  for (const p of problems) console.error(`lint: ${p}`);
  process.exit(1);
}
console.log(`lint: ${sources.length} source files, ${pkg.contributes.commands.length} commands, ${Object.keys(pkg.contributes.configuration.properties).length} settings: ok`);
