import fs from 'node:fs';
import path from 'node:path';
import * as codeLists from '../../entities/code-lists';

// The migration spells the code lists out (it must not change when they do); this keeps the two in step.
const sql = fs.readFileSync(path.join(__dirname, '..', '1795687661625-InitialSocialCare.ts'), 'utf8');

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
