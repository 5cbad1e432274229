import { requestedFields } from '../requested-fields';

describe('requestedFields', () => {
  it('reads the planner\'s _entities fetch', () => {
    expect(requestedFields('query($r: [_Any!]!) { _entities(representations: $r) { ... on Subject { police { status matches { record { pncId } } __typename } } } }'))
      .toEqual(['police.matches.record.pncId', 'police.status']);
  });

  it('follows named fragments, nested and reused, however the query was written', () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ...S } }
      fragment S on Subject { health { ...View flags { ...Flag } } }
      fragment View on HealthView { status matches { confidence } }
      fragment Flag on Flag { code severity }`;
    expect(requestedFields(query)).toEqual(['health.flags.code', 'health.flags.severity', 'health.matches.confidence', 'health.status']);
  });

  it('survives a fragment cycle and an unknown fragment', () => {
    expect(requestedFields('{ _entities(representations: []) { ...A ...Missing } } fragment A on Subject { police { status } ...A }')).toEqual(['police.status']);
  });

  it('names the fields of a disclosure-log read', () => {
    expect(requestedFields('{ policeDisclosures(limit: 5) { grantId caseId } }')).toEqual(['policeDisclosures.caseId', 'policeDisclosures.grantId']);
  });
});
