import { registerEnumType } from 'type-graphql';
import {
  DashRiskLevel, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceRole, WarningMarkerType,
} from '../entities/codes';

// Prefixed with Police: in the supergraph a bare `MissingRiskLevel` could collide with another agency's.
registerEnumType(WarningMarkerType, { name: 'PoliceWarningMarkerType' });
registerEnumType(MarkerSource, { name: 'PoliceMarkerSource', description: 'PNC (national) or LOCAL (force system)' });
registerEnumType(OccurrenceRole, { name: 'PoliceOccurrenceRole' });
registerEnumType(DashRiskLevel, { name: 'PoliceDashRiskLevel', description: 'DASH risk level (ACPO DASH 2009)' });
registerEnumType(MissingRiskLevel, { name: 'PoliceMissingRiskLevel', description: 'College of Policing APP risk level' });
registerEnumType(ExploitationType, { name: 'PoliceExploitationType' });
registerEnumType(ExploitationStatus, { name: 'PoliceExploitationStatus' });

export {
  DashRiskLevel, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceRole, WarningMarkerType,
};
