import type { DataSource } from 'typeorm';
import { badArgument } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE = /^MASH-\d{4}-\d{6,}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The case id a `case` argument names: a case id (any UUID: the log also keys domestic abuse
 * notifications by theirs) or a hub reference, which must exist. BAD_USER_INPUT naming the argument otherwise.
 */
export async function caseIdOf(hub: DataSource, value: string, argument = 'case'): Promise<string> {
  const text = value.trim();
  if (isUuid(text)) return text.toLowerCase();
  if (!REFERENCE.test(text)) throw badArgument(argument, 'is neither a case id (a UUID) nor a case reference (MASH-YYYY-NNNNNN)');
  const rows = (await hub.query('SELECT id::text AS id FROM mash_case WHERE reference = $1', [text.toUpperCase()])) as { id: string }[];
  if (rows.length === 0) throw badArgument(argument, `no case has the reference ${text.toUpperCase()}; check it against the case list`);
  return rows[0].id;
}

/** Each case id's hub reference, for the ids that are hub cases (others are left out). */
export async function referencesOf(hub: DataSource, caseIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(caseIds.filter((id): id is string => id !== null && isUuid(id)))];
  if (ids.length === 0) return new Map();
  const rows = (await hub.query('SELECT id::text AS id, reference FROM mash_case WHERE id = ANY($1::uuid[])', [ids])) as { id: string; reference: string }[];
  return new Map(rows.map((row) => [row.id, row.reference]));
}
