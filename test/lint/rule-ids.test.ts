// Tests that prove a procedure rule name its id in their title (PROCEDURE.md: `grep -r "P§19" test/`
// shows what proves a rule). Checked here for the tests of the queue workspace and the deletion guard,
// and every id a title cites must be one the procedure's digest defines.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RULE_TESTS = ['test/main/queue-queries.test.ts', 'test/e2e/queue-workspace.test.ts', 'test/shared/deletion-guard.test.ts'];
const DIGEST = '../shared/PROCEDURE.md';

/** The titles of a file's tests: `it('…'` with single, double or back quotes. */
function titles(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/\bit\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]!);
}

describe('procedure rule ids in test titles', () => {
  it('P§24.2 P§28 every test of the queue workspace and the deletion guard names the rule it proves', () => {
    for (const file of RULE_TESTS) {
      const list = titles(file);
      expect(list.length, file).toBeGreaterThan(0);
      for (const title of list) expect(title, `${file}: "${title}"`).toMatch(/\b[PI]§\d+(\.\d+)*/);
    }
  });

  it.skipIf(!existsSync(DIGEST))('P§24.2 the ids those titles cite are rules of the procedure digest (or parts of one)', () => {
    const digest = readFileSync(DIGEST, 'utf8');
    const defined = new Set([...digest.matchAll(/[PI]§\d+(?:\.\d+)*/g)].map((m) => m[0]));
    for (const file of RULE_TESTS) {
      for (const title of titles(file)) {
        for (const [id] of title.matchAll(/[PI]§\d+(?:\.\d+)*/g)) {
          // P§24.2.2 is a point of P§24.2: an id counts when it or a parent is in the digest.
          const parents = id.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
          expect(
            parents.some((p) => defined.has(p)),
            `${file}: ${id}`,
          ).toBe(true);
        }
      }
    }
  });
});
