import { entitiesRequest } from '../queries';
import { badSubjects, person, withIdentifiers } from '../subjects';
import type { CheckResult } from '../types';
import { answered, describeErrors, fail, runCheck, type CheckContext } from './context';

/** Words a message may name each field by: its GraphQL name or its name in plain words. */
const FIELD_WORDS: Record<string, string[]> = {
  nhsNumber: ['nhsnumber', 'nhs number'],
  upn: ['upn'],
  pncId: ['pncid', 'pnc id'],
  dateOfBirth: ['dateofbirth', 'date of birth'],
  familyName: ['familyname', 'family name'],
};

/**
 * Check 3: identifiers are checked on input (Modulus 11, UPN check letter, PNC check character, a
 * real date, a family name), one BAD_USER_INPUT per bad subject, so a mistyped number neither
 * matches someone else nor sinks the rest of the batch.
 */
export async function identifierChecks(context: CheckContext): Promise<CheckResult[]> {
  const valid = withIdentifiers(person('C02'));
  const bad = badSubjects(person('C01'));
  const sent = [valid, ...bad.map((subject) => subject.representation)];
  const grant = await context.grants.triage(sent);
  let body: { data?: any; errors?: any[] } | undefined;
  const errorsAt = (index: number) => (body?.errors ?? []).filter((error) => JSON.stringify(error?.path) === JSON.stringify(['_entities', index, context.field]));
  const results = [
    await runCheck('identifiers', 'a valid subject in the same batch is answered', async () => {
      body = answered(await context.client.post(entitiesRequest(context.agency, sent), grant.token));
      const views = (body.data?._entities ?? []).map((entity: any) => entity?.[context.field]);
      context.answered.push({
        label: 'identifiers', grant: grant.claims,
        subjects: [{ label: 'valid subject', subjectId: valid.id, status: views[0]?.status ?? null }, ...bad.map((subject) => ({ label: subject.field, subjectId: subject.representation.id, status: null }))],
      });
      if (!views[0]?.status) fail(`the valid subject got no answer: ${describeErrors(errorsAt(0)) || JSON.stringify(views[0])}`);
      if (errorsAt(0).length > 0) fail(`the valid subject also got an error: ${describeErrors(errorsAt(0))}`);
      const count = body.errors?.length ?? 0;
      if (count !== bad.length) fail(`${count} errors for ${bad.length} bad subjects: ${describeErrors(body.errors)}`);
      return `answered ${views[0].status}, beside ${bad.length} refused subjects`;
    }),
  ];
  for (const [i, subject] of bad.entries()) {
    const index = i + 1;
    results.push(await runCheck('identifiers', `${subject.field}: ${subject.problem}`, async () => {
      if (!body) fail('no answer to look at (see the first identifier check)');
      const [error, ...more] = errorsAt(index);
      if (!error) fail(`no error at ${JSON.stringify(['_entities', index, context.field])}; ${describeErrors(body.errors) || 'no errors at all'}`);
      if (more.length > 0) fail(`${more.length + 1} errors for one subject`);
      if (error.extensions?.code !== 'BAD_USER_INPUT') fail(`code ${error.extensions?.code ?? 'none'}, expected BAD_USER_INPUT`);
      const message = String(error.message).toLowerCase();
      if (!FIELD_WORDS[subject.field].some((word) => message.includes(word))) fail(`the message does not name ${subject.field}: "${error.message}"`);
      if (body.data?._entities?.[index]?.[context.field] !== null) fail('the refused subject still got an answer');
      return `BAD_USER_INPUT at _entities.${index}.${context.field}: "${error.message}"`;
    }));
  }
  return results;
}
