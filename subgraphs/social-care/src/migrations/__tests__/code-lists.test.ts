import fs from 'node:fs';
import path from 'node:path';
import * as codeLists from '../../entities/code-lists';

// The migrations spell the code lists out (they must not change when the lists do); this keeps the two in step.
const dir = path.join(__dirname, '..');
const sql = fs.readdirSync(dir).filter((file) => file.endsWith('.ts')).map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('\n');

const lists = Object.fromEntries(
  Object.entries(codeLists).filter(([name, value]) => name.endsWith('_CODES') && Array.isArray(value)),
) as Record<string, readonly (string | number)[]>;

describe('migration CHECK constraints', () => {
  it.each(Object.keys(lists))('allow every code of %s', (name) => {
    for (const code of lists[name]!) {
      expect(sql).toContain(typeof code === 'number' ? String(code) : `'${code}'`);
    }
  });
});
