import { registerEnumType } from 'type-graphql';
import {
  DashRiskLevel, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceRole, WarningMarkerType,
} from '../entities/codes';

// Prefixed with Police: in the supergraph a bare `MissingRiskLevel` could collide with another agency's.
registerEnumType(WarningMarkerType, {
  name: 'PoliceWarningMarkerType',
  description: 'What a police warning marker cautions about: descriptive PNC-style markers (the exact PNC codes are force data)',
  valuesConfig: {
    VIOLENT: { description: 'Has been violent, or may be.' },
    WEAPONS: { description: 'Has carried or used weapons, or may.' },
    FIREARMS: { description: 'Has had access to or used firearms, or may.' },
    MENTAL_HEALTH: { description: 'Has a mental-health condition that officers should be aware of.' },
    SELF_HARM: { description: 'Has harmed themselves, or may.' },
    SUICIDAL: { description: 'Has attempted or threatened suicide.' },
    DRUGS: { description: 'Uses or supplies controlled drugs.' },
    ESCAPER: { description: 'Has escaped, or tried to escape, from lawful custody.' },
    CONTAGIOUS: { description: 'Carries a contagious disease or ailment; take precautions on contact.' },
    ALLEGES: { description: 'Known to make allegations against officers or others dealing with them.' },
    IMPERSONATION: { description: 'Has given false details or impersonated someone else.' },
  },
});
registerEnumType(MarkerSource, {
  name: 'PoliceMarkerSource',
  description: 'Where a warning marker is held',
  valuesConfig: {
    PNC: { description: 'On the Police National Computer, visible to every force.' },
    LOCAL: { description: "On the local force's own system only." },
  },
});
registerEnumType(OccurrenceRole, {
  name: 'PoliceOccurrenceRole',
  description: 'The part a person played in a police occurrence (incident)',
  valuesConfig: {
    VICTIM: { description: 'The person harmed, or alleged to have been harmed.' },
    SUSPECT: { description: 'Suspected of an offence in the occurrence.' },
    OFFENDER: { description: 'Recorded by police as the offender.' },
    WITNESS: { description: 'Saw or heard what happened.' },
    INVOLVED: { description: 'Otherwise involved or present.' },
    REPORTER: { description: 'Reported the occurrence to police.' },
  },
});
registerEnumType(DashRiskLevel, {
  name: 'PoliceDashRiskLevel',
  description: 'Risk level from a DASH (Domestic Abuse, Stalking, Harassment and Honour-based violence) risk assessment, ACPO DASH 2009',
  valuesConfig: {
    STANDARD: { description: 'No current evidence of likely serious harm. Shared only with consent, for an early-help reason, under the information-sharing agreement.' },
    MEDIUM: { description: 'Identifiable indicators of risk of serious harm, but unlikely to cause serious harm unless circumstances change.' },
    HIGH: { description: 'Identifiable indicators of risk of serious harm that could happen at any time, with serious impact. Usually referred to MARAC.' },
  },
});
registerEnumType(MissingRiskLevel, {
  name: 'PoliceMissingRiskLevel',
  description: 'Risk level police gave a missing-person report (College of Policing APP)',
  valuesConfig: {
    VERY_LOW: { description: 'Very low risk of harm to the person or the public.' },
    LOW: { description: 'Low risk of harm to the person or the public.' },
    MEDIUM: { description: 'The person is likely to be at risk of harm, or a danger to others.' },
    HIGH: { description: 'Immediate risk: substantial grounds to believe the person is in danger or may be the victim of serious crime, or that the public is in danger.' },
  },
});
registerEnumType(ExploitationType, {
  name: 'PoliceExploitationType',
  description: 'The kind of exploitation police recorded a concern about',
  valuesConfig: {
    CSE: { description: 'Child sexual exploitation (CIN assessment factor 11A).' },
    CCE: { description: 'Child criminal exploitation (CIN assessment factor 24A).' },
    COUNTY_LINES: { description: 'County lines: drug dealing across areas using children or vulnerable adults.' },
    TRAFFICKING: { description: 'Human trafficking or modern slavery (CIN assessment factor 12A).' },
    RADICALISATION: { description: 'Radicalisation towards terrorism (Prevent).' },
  },
});
registerEnumType(ExploitationStatus, {
  name: 'PoliceExploitationStatus',
  description: 'Where an exploitation concern stands',
  valuesConfig: {
    SUSPECTED: { description: 'Suspected, not yet confirmed; still open.' },
    CONFIRMED: { description: 'Confirmed by police; still open.' },
    CLOSED: { description: 'No longer open; kept as history and raises no finding.' },
  },
});

export {
  DashRiskLevel, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceRole, WarningMarkerType,
};
