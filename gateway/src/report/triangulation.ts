import { tableExists, type Queryable } from './queryable';
import type { ReportPeriod } from './period';
import type { Triangulation } from './report.type';

const COUNTED = [
  { code: 'CHILD_MISSING_EDUCATION', label: 'Children missing education (school age, on no roll or unknown to education, not home-educated)' },
  { code: 'CHILD_NOT_KNOWN_TO_HEALTH', label: 'Children not registered with a GP or not known to health' },
  { code: 'CHILD_HOME_EDUCATED', label: 'Children home-educated (education\'s elective home education flag)' },
];

export const TRIANGULATION_METHOD =
  'Counted from case_finding, which the case picture writes when it is viewed (Case.picture): per child, the first time a finding was FOUND from the agencies\' answers to that request ' +
  '(CHILD_MISSING_EDUCATION and CHILD_NOT_KNOWN_TO_HEALTH as the picture states them; home education from education\'s ELECTIVE_HOME_EDUCATION flags), counted when that first sighting falls in the period. ' +
  'Only pictures someone viewed are counted: children in cases whose picture was never viewed, or whose agencies were denied or did not answer, are not in these figures. ' +
  'A child named in two cases counts once per case. Codes and the hub\'s ids only are kept; agency data is not.';

export async function triangulation(hub: Queryable, period: ReportPeriod): Promise<Triangulation> {
  const rows: { code: string; count: number }[] = !(await tableExists(hub, 'case_finding')) ? [] : await hub.query(
    `SELECT f.code, count(*)::int AS count FROM case_finding f WHERE f.recorded_at >= $1 AND f.recorded_at < $2 GROUP BY 1`,
    [period.start, period.end],
  );
  const count = (code: string) => rows.find((row) => row.code === code)?.count ?? 0;
  return {
    picturesViewed: count('PICTURE_VIEWED'),
    rows: COUNTED.map(({ code, label }) => ({ code, label, children: count(code) })),
    method: TRIANGULATION_METHOD,
  };
}
