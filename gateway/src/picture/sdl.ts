/**
 * The picture subgraph's schema. It owns no data: every field `@requires` the agencies' answers,
 * so the query planner fetches them through the enforcement point (decided, granted, audited)
 * before this subgraph sees them, and merges them with the triage query's own agency fetches.
 */

const AGENCY_FIELDS = ['police', 'socialCare', 'health', 'education'] as const;
export type AgencyField = (typeof AGENCY_FIELDS)[number];
export { AGENCY_FIELDS };

const VIEW_FACTS = 'status ambiguity flags { code severity summary date } matches { candidate { recordId postcode } }';
const SUBJECT_FACTS = `id householdRole dateOfBirth nhsNumber postcode ${AGENCY_FIELDS.map((field) => `${field} { ${VIEW_FACTS} }`).join(' ')}`;
/** What the case picture and the risk matrix are computed from: the case's subjects and what each agency answered. */
export const CASE_REQUIRES = `subjects { ${SUBJECT_FACTS} }`;
const ASSOCIATE_FIELDS = 'recordId relationship role givenName familyName dateOfBirth';
export const ASSOCIATES_REQUIRES = AGENCY_FIELDS.map((field) => `${field} { status associates { ${ASSOCIATE_FIELDS} } }`).join(' ');

const viewStub = (field: AgencyField): string => {
  const prefix = field[0].toUpperCase() + field.slice(1);
  return `
type ${prefix}View {
  status: MatchStatus! @external
  ambiguity: Ambiguity @external
  flags: [Flag!] @external
  matches: [${prefix}Match!]! @external
  associates: [Associate!] @external
}
type ${prefix}Match {
  candidate: MatchCandidate! @external
}`;
};

export const PICTURE_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])

type Case @key(fields: "id") {
  id: ID!
  subjects: [Subject!] @external
  """
  The whole case at a glance, from what the agencies answered under the sharing agreement (never another way round it): for every subject and agency whether the agency knows them, does not know them, could not tell who they are, was not allowed to say, or did not answer; every agency flag, most severe first; and the findings that only show when the agencies are put side by side. Asking for it fetches the agencies exactly as asking for subjects' agency fields does: decided, granted and audited.
  """
  picture: CasePicture @requires(fields: "${CASE_REQUIRES}")
  """
  The integrated risk matrix: one row per area of harm (Prevent, missing, exploitation, trafficking, hate crime, domestic abuse, FGM and honour-based abuse), with a level and the agency facts behind it. The rules mapping agency flags to areas are part of the sharing agreement's policy version (riskMatrix), shown to governance.
  """
  riskMatrix: RiskMatrix @requires(fields: "${CASE_REQUIRES}")
}

type Subject @key(fields: "id") {
  id: ID!
  householdRole: HouseholdRole! @external
  dateOfBirth: String @external
  nhsNumber: String @external
  postcode: String @external
  police: PoliceView @external
  socialCare: SocialCareView @external
  health: HealthView @external
  education: EducationView @external
  """
  The other people the agencies link to this subject (same address, same incident, family, contacts), each with the agency that reported them, how they are linked and the minimal identity needed to decide whether to add them to the case (addSubject). Fetched from the agencies under the sharing agreement like every other agency field: denied for a case the agreement does not open (ISA_DENIED).
  """
  associates: [SubjectAssociate!] @requires(fields: "${ASSOCIATES_REQUIRES}")
}
${AGENCY_FIELDS.map(viewStub).join('\n')}

"""A triangulation finding an agency computed from its own records"""
type Flag @shareable {
  code: String!
  severity: FlagSeverity!
  summary: String!
  date: String
}

"""Who a candidate record is, and no more: enough to tell candidates apart and to confirm or reject one"""
type MatchCandidate @shareable {
  recordId: String!
  postcode: String
}

"""Another person the agency links to the subject (same address, same incident, family or contact)"""
type Associate @shareable {
  recordId: String!
  relationship: AssociateRelationship!
  role: String
  givenName: String
  familyName: String
  dateOfBirth: String
}

enum MatchStatus { MATCHED AMBIGUOUS NOT_KNOWN }
enum Ambiguity { IDENTIFIER_CONFLICT SEVERAL_CANDIDATES BELOW_MATCH_THRESHOLD }
enum FlagSeverity { RED AMBER GREEN }
enum AssociateRelationship { SAME_ADDRESS SAME_INCIDENT PARENT MOTHER CHILD SIBLING PARTNER FAMILY_MEMBER CONTACT }
enum HouseholdRole { CHILD SIBLING PARENT CARER PARTNER ADULT_AT_RISK ALLEGED_PERPETRATOR OTHER_ADULT UNBORN }

"""An agency of the MASH federation"""
enum Agency {
  """The police force"""
  police
  """The local authority's children's and adults' social care"""
  socialCare
  """The NHS: GP registration, hospitals, community and mental health services"""
  health
  """Schools and the local authority education service"""
  education
}

"""The case at a glance, assembled from the agencies' answers to this request"""
type CasePicture {
  """Per subject, what each agency said about them"""
  subjects: [SubjectPicture!]!
  """Every agency flag on every subject, most severe first, newest first within a severity"""
  flags: [PictureFlag!]!
  """What only shows when the agencies are put side by side, most severe first; a finding that could not be assessed says so (status NOT_ASSESSED)"""
  findings: [Finding!]!
}

"""What each agency said about one subject"""
type SubjectPicture {
  """The subject (Subject.id)"""
  subjectId: ID!
  """Their place in the household, as the case records it"""
  householdRole: HouseholdRole!
  """Police, social care, health and education, in that order"""
  agencies: [AgencyState!]!
}

"""One agency's answer for one subject, as one state"""
type AgencyState {
  """The agency"""
  agency: Agency!
  """What its answer amounts to"""
  state: PictureState!
  """Why the agency could not say who the subject is (state AMBIGUOUS)"""
  ambiguity: Ambiguity
  """The agency's record id of the match (state KNOWN)"""
  recordId: String
  """The postcode the agency holds for the subject (state KNOWN)"""
  postcode: String
  """Why there is no answer (states DENIED and UNAVAILABLE): the error code (ISA_DENIED, AGENCY_UNAVAILABLE, BAD_USER_INPUT)"""
  reason: String
}

"""
  What one agency's answer about one subject amounts to: "not known" is never confused with "did not answer" or "not allowed"
  """
enum PictureState {
  """The agency holds a record of this person and shared what the agreement allows"""
  KNOWN
  """The agency searched and holds no record of this person: a finding in itself"""
  NOT_KNOWN
  """Several records could be this person: a triage officer must confirm one (confirmMatch) before relying on them"""
  AMBIGUOUS
  """The sharing agreement did not allow this agency to be asked (e.g. a GREEN case): nothing was fetched"""
  DENIED
  """The agency did not answer (down, too slow, or the subject's details could not be searched): ask again or phone them"""
  UNAVAILABLE
}

"""An agency flag on one subject"""
type PictureFlag {
  """The subject the flag is about"""
  subjectId: ID!
  """The agency that raised it"""
  agency: Agency!
  """The agency's flag code, e.g. DA_CHILDREN_PRESENT_12M"""
  code: String!
  """The agency's suggested weight"""
  severity: FlagSeverity!
  """The agency's plain-words summary"""
  summary: String!
  """ISO date of the latest event behind it, when there is one"""
  date: String
}

"""A cross-agency finding: something no single agency sees"""
type Finding {
  """Stable code, e.g. CHILD_MISSING_EDUCATION, TOXIC_TRIO"""
  code: String!
  """FOUND, or NOT_ASSESSED when an agency it needs gave no answer"""
  status: FindingStatus!
  """Suggested weight (the rating stays with the MASH)"""
  severity: FlagSeverity!
  """Plain words for the triage screen"""
  summary: String!
  """The subjects the finding is about"""
  subjectIds: [ID!]!
  """The agencies whose answers it rests on (FOUND), or whose missing answers stopped it being assessed (NOT_ASSESSED)"""
  agencies: [Agency!]!
}

"""Whether a cross-agency finding holds or could not be checked"""
enum FindingStatus {
  """The agencies' answers show it"""
  FOUND
  """An agency it depends on was denied, did not answer or could not tell who the subject is: it may hold, and nobody can tell yet"""
  NOT_ASSESSED
}

"""The integrated risk matrix of a case"""
type RiskMatrix {
  """The ISA policy version whose riskMatrix rules made it"""
  policyVersion: String!
  """One row per area of harm, in the policy's order"""
  rows: [RiskMatrixRow!]!
}

"""One area of harm: its level and the facts behind it"""
type RiskMatrixRow {
  """The area of harm"""
  area: RiskArea!
  """The area in plain words"""
  label: String!
  """The highest level among its facts; NONE_KNOWN when no agency that answered reports any"""
  level: RiskLevel!
  """The agency facts behind the level, highest first"""
  facts: [RiskFact!]!
  """Agencies that feed this area but gave no answer for a subject (denied, unavailable or ambiguous): the level may be understated"""
  notAssessed: [AgencyGap!]!
}

"""One agency fact behind a risk-matrix row"""
type RiskFact {
  """The agency the fact comes from"""
  agency: Agency!
  """The subject it is about"""
  subjectId: ID!
  """The agency flag code"""
  code: String!
  """Its level under the policy's rules (the flag's severity unless a rule sets one)"""
  level: RiskLevel!
  """The agency's plain-words summary"""
  summary: String!
  """ISO date of the latest event behind it, when there is one"""
  date: String
}

"""An agency that did not answer for a subject"""
type AgencyGap {
  """The agency that gave no answer"""
  agency: Agency!
  """For which subject"""
  subjectId: ID!
  """DENIED, UNAVAILABLE or AMBIGUOUS"""
  state: PictureState!
}

"""Areas of harm the hub's risk matrix covers"""
enum RiskArea {
  """Prevent: radicalisation and extremism"""
  PREVENT_RADICALISATION
  """Missing from home, school or care"""
  MISSING
  """Child sexual exploitation"""
  CHILD_SEXUAL_EXPLOITATION
  """Child criminal exploitation and county lines"""
  CRIMINAL_EXPLOITATION
  """Trafficking and modern slavery"""
  TRAFFICKING_MODERN_SLAVERY
  """Hate crime"""
  HATE_CRIME
  """Domestic abuse"""
  DOMESTIC_ABUSE
  """Female genital mutilation and honour-based abuse"""
  FGM_HONOUR_BASED_ABUSE
}

"""How much an area of harm weighs in this case, from the agencies' facts (a suggestion: the rating stays with the MASH)"""
enum RiskLevel {
  """A fact pointing to immediate or serious risk"""
  HIGH
  """A concern to weigh in triage"""
  MEDIUM
  """Context worth knowing"""
  LOW
  """No agency that answered reports anything in this area"""
  NONE_KNOWN
}

"""A person an agency links to a subject, with the agency that reported them"""
type SubjectAssociate {
  """The agency that reported them"""
  agency: Agency!
  """The agency's own id of the associate's record"""
  recordId: String!
  """How the agency links them to the subject"""
  relationship: AssociateRelationship!
  """Their part, where the agency records one (e.g. SUSPECT in a police occurrence, 'stepfather')"""
  role: String
  """Given name as the agency records it"""
  givenName: String
  """Family name as the agency records it"""
  familyName: String
  """ISO date, YYYY-MM-DD"""
  dateOfBirth: String
}
`;
