// Prints one closing line for the whole suite from the JSON reports of Jest and Playwright:
// "Summary: N passed, N failed", and exits non-zero when a test or a step failed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, seconds, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const missing = [];
const read = (file) => (existsSync(path.join(dir, file)) ? JSON.parse(readFileSync(path.join(dir, file), 'utf8')) : null);

for (const file of ['unit.json', 'integration.json']) {
  const r = read(file);
  if (!r) {
    missing.push(file);
    continue;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  console.log(`${file.replace('.json', '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
const e2e = read('e2e.json');
if (!e2e) missing.push('e2e.json');
else {
  const expected = e2e.stats?.expected ?? 0;
  const bad = (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
  passed += expected;
  failed += bad;
  console.log(`browser: ${expected} passed, ${bad} failed`);
}
// A runner that wrote no report ran no test: that is a failure, not a pass.
if (missing.length > 0) console.log(`no report from: ${missing.join(', ')}`);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`(${seconds} s)`);
console.log(`Summary: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps.length > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
