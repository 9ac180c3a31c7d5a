// `npm run check`: everything CI proves, in order. Each gate (typecheck, lint, build,
// Electronegativity) counts as one check; each unit and browser test counts as one. The last
// line is `check: N passed, N failed`, and the exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'seatdesk-check-'));
const environment = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
const failures = [];

function run(command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: environment });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function gate(name, command, args) {
  console.log(`\n=== ${name}`);
  const result = run(command, args);
  console.log(`=== ${name}: ${result.ok ? 'passed' : 'FAILED'} (${result.seconds} s)`);
  if (result.ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return result.ok;
}

/** Runs a vitest suite and counts its tests from the JSON report (a missing report is a failure). */
function tests(name, configFile) {
  console.log(`\n=== ${name}`);
  const report = join(scratch, `${name.replaceAll(' ', '-')}.json`);
  const result = run('npx', ['vitest', 'run', '--config', configFile, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    failed += 1;
    failures.push(`${name} (no report)`);
    console.log(`=== ${name}: FAILED, no report (${result.seconds} s)`);
    return;
  }
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  const suiteFailures = summary.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  passed += summary.numPassedTests;
  failed += summary.numFailedTests + suiteFailures;
  if (summary.numFailedTests + suiteFailures > 0 || !result.ok) failures.push(name);
  if (!result.ok && summary.numFailedTests + suiteFailures === 0) failed += 1;
  console.log(`=== ${name}: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${suiteFailures} files failed to load (${result.seconds} s)`);
  if (summary.numTotalTests === 0) {
    failed += 1;
    failures.push(`${name} ran no test`);
  }
}

try {
  gate('browser and fonts', 'bash', ['scripts/install-browser.sh']);
  gate('typecheck node', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  gate('typecheck web', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
  gate('typecheck preload', 'npx', ['tsc', '-p', 'tsconfig.preload.json', '--noEmit']);
  gate('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
  tests('unit tests', 'vitest.config.mts');
  const built = gate('build', 'npx', ['electron-vite', 'build']);
  gate('electronegativity', 'node', ['scripts/electronegativity-gate.mjs']);
  if (built) tests('browser tests', 'vitest.e2e.config.mts');
  else {
    failed += 1;
    failures.push('browser tests (skipped: build failed)');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\ncheck: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
