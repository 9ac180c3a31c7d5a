// Runs Electronegativity over the sources and the build, and fails on any finding of MEDIUM
// severity or higher. The tool always exits 0, so the gate reads its CSV output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const blockingSeverities = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const scratch = mkdtempSync(join(tmpdir(), 'seatdesk-electronegativity-'));
const report = join(scratch, 'findings.csv');

/** Splits one CSV line, honouring quoted fields. */
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (quoted && character === '"' && line[index + 1] === '"') {
      field += '"';
      index += 1;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (character === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else {
      field += character;
    }
  }
  fields.push(field.trim());
  return fields;
}

/** Every `eng-disable` annotation in the sources, so a suppression is never silent. */
function listSuppressions(folders) {
  const found = [];
  const walk = (path) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (/\.(ts|tsx|html)$/.test(path)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (line.includes('eng-disable')) found.push(`${path}:${index + 1} ${line.trim()}`);
        });
    }
  };
  for (const folder of folders) if (existsSync(folder)) walk(folder);
  return found;
}

try {
  const run = spawnSync(
    'node_modules/.bin/electronegativity',
    ['-i', '.', '-o', report, '-r', '-v', 'false', '-e', electronVersion],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  if (run.error !== undefined || !existsSync(report)) {
    console.error(run.stdout, run.stderr);
    console.error('electronegativity: no report was written; the gate cannot pass.');
    process.exit(1);
  }
  const rows = readFileSync(report, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '').slice(1).map(parseCsvLine);
  const findings = rows.map(([issue, severity, confidence, file, location]) => ({ issue, severity, confidence, file, location }));
  const blocking = findings.filter((finding) => blockingSeverities.has(finding.severity));
  for (const finding of findings) {
    const mark = blockingSeverities.has(finding.severity) ? 'BLOCKING' : 'note';
    console.log(`${mark}: ${finding.issue} ${finding.severity}/${finding.confidence} ${finding.file}:${finding.location}`);
  }
  for (const suppression of listSuppressions(['main', 'preload', 'renderer', 'common'])) console.log(`suppressed: ${suppression}`);
  console.log(`electronegativity: ${findings.length} findings, ${blocking.length} of medium severity or higher`);
  process.exit(blocking.length === 0 ? 0 : 1);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
