import { recordBlockingKeys, type PersonFacts, type PersonTable } from '@mash/shared';
import type { NominalCandidate } from './candidates';

/** What identifies a nominal: the recorded name and facts, and any aliases. */
export type NominalIdentity = Pick<NominalCandidate, 'givenName' | 'familyName' | 'dateOfBirth' | 'gender' | 'postcode' | 'nhsNumber' | 'pncId'> & {
  aliases?: readonly NominalCandidate['aliases'][number][];
};

/** The nominal as recorded, then once per alias (an alias without its own date of birth keeps the nominal's). */
export function nominalIdentities(nominal: NominalIdentity): PersonFacts[] {
  const primary: PersonFacts = {
    givenName: nominal.givenName,
    familyName: nominal.familyName,
    dateOfBirth: nominal.dateOfBirth,
    gender: nominal.gender,
    postcode: nominal.postcode,
    nhsNumber: nominal.nhsNumber,
    pncId: nominal.pncId,
  };
  const aliases = (nominal.aliases ?? []).map((alias) => ({
    ...primary,
    givenName: alias.givenName,
    familyName: alias.familyName,
    dateOfBirth: alias.dateOfBirth ?? nominal.dateOfBirth,
  }));
  return [primary, ...aliases];
}

/** The `blocking_keys` of a nominal: under its recorded name and every alias. */
export function nominalBlockingKeys(nominal: NominalIdentity): string[] {
  return recordBlockingKeys(nominalIdentities(nominal));
}

/** The person table as the blocking-key migrations read it: the facts `nominalBlockingKeys` needs, a page at a time. */
export const NOMINALS_TABLE: PersonTable<NominalIdentity & { id: string }> = {
  table: 'police_nominal',
  id: 'id',
  idType: 'uuid',
  factsPage: `
SELECT n.id, n.given_name AS "givenName", n.family_name AS "familyName",
  to_char(n.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", n.gender, n.postcode, n.nhs_number AS "nhsNumber", n.pnc_id AS "pncId",
  COALESCE((SELECT json_agg(json_build_object(
      'givenName', a.given_name, 'familyName', a.family_name, 'dateOfBirth', to_char(a.date_of_birth, 'YYYY-MM-DD')))
    FROM nominal_alias a WHERE a.nominal_id = n.id), '[]'::json) AS aliases
FROM police_nominal n
WHERE $1::uuid IS NULL OR n.id > $1::uuid
ORDER BY n.id
LIMIT $2`,
  keys: nominalBlockingKeys,
};
