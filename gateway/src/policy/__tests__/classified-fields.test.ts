import { buildSchema } from 'graphql';
import { classifiedFields, fieldLevel, isReleased } from '../classified-fields';

const SDL = `
directive @sensitivity(level: SensitivityLevel!) on FIELD_DEFINITION
enum SensitivityLevel { BASIC_IDENTITY SAFEGUARDING_STATUS POLICE_INTELLIGENCE RESTRICTED }
type Query { subject: Subject }
type Subject { id: ID! police: PoliceView @sensitivity(level: BASIC_IDENTITY) }
type PoliceView {
  status: String! @sensitivity(level: BASIC_IDENTITY)
  associates: [Associate!] @sensitivity(level: BASIC_IDENTITY)
  record: Record @sensitivity(level: BASIC_IDENTITY)
}
type Record {
  nominalId: String! @sensitivity(level: BASIC_IDENTITY)
  markers: [Marker!] @sensitivity(level: POLICE_INTELLIGENCE)
  unmarked: String
}
type Marker { type: String! @sensitivity(level: POLICE_INTELLIGENCE) again: Record @sensitivity(level: POLICE_INTELLIGENCE) }
type Associate { recordId: String! @sensitivity(level: BASIC_IDENTITY) view: PoliceView @sensitivity(level: "RESTRICTED") }
`;

describe('classified fields', () => {
  const schema = buildSchema(SDL, { assumeValidSDL: true });

  it('reads a field\'s level from its directive; null when it has none', () => {
    expect(fieldLevel(schema, 'Record', 'markers')).toBe('POLICE_INTELLIGENCE');
    expect(fieldLevel(schema, 'Associate', 'view')).toBe('RESTRICTED');
    expect(fieldLevel(schema, 'Record', 'unmarked')).toBeNull();
    expect(fieldLevel(schema, 'Subject', 'id')).toBeNull();
    expect(fieldLevel(schema, 'Nowhere', 'id')).toBeNull();
  });

  it('enumerates every path from Subject with its ancestors, entering a type once per path', () => {
    const paths = classifiedFields(schema).map(({ path, level, ancestors }) => `${path}:${level}:${ancestors.join('/')}`);
    expect(paths).toEqual([
      'police:BASIC_IDENTITY:',
      'police.status:BASIC_IDENTITY:BASIC_IDENTITY',
      'police.associates:BASIC_IDENTITY:BASIC_IDENTITY',
      'police.associates.recordId:BASIC_IDENTITY:BASIC_IDENTITY/BASIC_IDENTITY',
      // PoliceView is already on the path: listed, not entered again.
      'police.associates.view:RESTRICTED:BASIC_IDENTITY/BASIC_IDENTITY',
      'police.record:BASIC_IDENTITY:BASIC_IDENTITY',
      'police.record.nominalId:BASIC_IDENTITY:BASIC_IDENTITY/BASIC_IDENTITY',
      'police.record.markers:POLICE_INTELLIGENCE:BASIC_IDENTITY/BASIC_IDENTITY',
      'police.record.markers.type:POLICE_INTELLIGENCE:BASIC_IDENTITY/BASIC_IDENTITY/POLICE_INTELLIGENCE',
      'police.record.markers.again:POLICE_INTELLIGENCE:BASIC_IDENTITY/BASIC_IDENTITY/POLICE_INTELLIGENCE',
    ]);
    expect(classifiedFields(schema).every((field) => field.agency === 'police')).toBe(true);
  });

  it('releases a field only when its level and every ancestor\'s are released', () => {
    expect(isReleased(['BASIC_IDENTITY', 'POLICE_INTELLIGENCE'], 'BASIC_IDENTITY', ['BASIC_IDENTITY', 'POLICE_INTELLIGENCE'])).toBe(true);
    expect(isReleased(['BASIC_IDENTITY'], 'BASIC_IDENTITY', ['BASIC_IDENTITY', 'POLICE_INTELLIGENCE'])).toBe(false);
    expect(isReleased(['BASIC_IDENTITY'], 'POLICE_INTELLIGENCE')).toBe(false);
  });
});
