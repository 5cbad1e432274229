import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import { DEFAULT_POLICY } from '../policy';
import { countedFindings, recordCaseFindings } from '../report/case-findings';
import { answerOf, flagsOf, SEVERITY_ORDER, type SubjectFacts } from './answers';
import { findingsOf, membersOf } from './findings';
import { DEFAULT_RISK_MATRIX, riskMatrixOf } from './risk-matrix';
import { AGENCY_FIELDS, PICTURE_SDL, type AgencyField } from './sdl';

interface CaseRepresentation {
  id: string;
  subjects?: SubjectFacts[] | null;
}

interface SubjectRepresentation {
  id: string;
  [agency: string]: unknown;
}

export interface PictureOptions {
  /** The day ages are counted on (YYYY-MM-DD); default today (UTC). */
  referenceDate?: () => string;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The picture subgraph, in the gateway process. What it returns is computed from the
 * representations the planner sends it, which carry the agencies' answers to THIS request
 * (fetched through the enforcement point), and from the request's record of which agency fetches
 * were denied or failed: there is no other way to agency data from here.
 */
export function buildPictureSchema(options: PictureOptions = {}): GraphQLSchema {
  const referenceDate = options.referenceDate ?? today;
  const members = (representation: CaseRepresentation, context: GatewayContext) =>
    membersOf((representation.subjects ?? []).filter((subject): subject is SubjectFacts => Boolean(subject?.id)), context, referenceDate());
  return buildSubgraphSchema({
    typeDefs: parse(PICTURE_SDL),
    resolvers: {
      Case: {
        __resolveReference: (representation: CaseRepresentation) => representation,
        async picture(representation: CaseRepresentation, _args: unknown, context: GatewayContext) {
          const household = members(representation, context);
          const findings = findingsOf(household);
          // The hub's report counts what triage found (codes and ids only): report/case-findings.ts.
          if (context.hub) await recordCaseFindings(context.hub, representation.id, countedFindings(household, findings));
          return {
            subjects: household.map(({ subject, answers }) => ({
              subjectId: subject.id,
              householdRole: subject.householdRole,
              agencies: AGENCY_FIELDS.map((agency) => {
                const { state, ambiguity, recordId, postcode, reason } = answers[agency];
                return { agency, state, ambiguity, recordId, postcode, reason };
              }),
            })),
            flags: household
              .flatMap(({ subject, answers }) => AGENCY_FIELDS.flatMap((agency) => flagsOf(answers[agency]).map((flag) => ({ ...flag, date: flag.date ?? null, subjectId: subject.id, agency }))))
              .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (b.date ?? '').localeCompare(a.date ?? '')),
            findings,
          };
        },
        async riskMatrix(representation: CaseRepresentation, _args: unknown, context: GatewayContext) {
          const policy = await context.policies.active();
          const rules = policy?.riskMatrix ?? DEFAULT_POLICY.riskMatrix ?? DEFAULT_RISK_MATRIX;
          return { policyVersion: policy?.riskMatrix ? policy.version : `${DEFAULT_POLICY.version} (built-in rules)`, rows: riskMatrixOf(rules, members(representation, context)) };
        },
      },
      Subject: {
        __resolveReference: (representation: SubjectRepresentation) => representation,
        associates(representation: SubjectRepresentation, _args: unknown, context: GatewayContext) {
          const subject = representation as unknown as SubjectFacts & Record<AgencyField, { associates?: unknown[] | null } | null>;
          const answers = AGENCY_FIELDS.map((agency) => answerOf(subject, agency, context));
          // Nothing answered because nothing was allowed: the same refusal as every agency field.
          if (answers.every((answer) => answer.state === 'DENIED')) {
            throw new GraphQLError('The sharing agreement does not allow agency data on this case, associates included.', { extensions: { code: 'ISA_DENIED' } });
          }
          return AGENCY_FIELDS.flatMap((agency) => {
            const view = subject[agency] as { associates?: object[] | null } | null | undefined;
            return (view?.associates ?? []).map((associate) => ({ ...associate, agency }));
          });
        },
      },
    } as never,
  });
}
