/**
 * Code lists the health tables hold. The initial migration repeats them as CHECK constraints
 * (migrations are frozen SQL, so they do not import these).
 */

/** PDS NHS number verification status (UK Core code system, DOMAIN.md 0.1). */
export const VERIFICATION_STATUSES = ['01', '02', '03', '04', '05', '06', '07', '08'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** PDS administrative gender. */
export const PATIENT_GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export type PatientGender = (typeof PATIENT_GENDERS)[number];

export const GP_REGISTRATION_STATUSES = ['REGISTERED', 'DEDUCTED', 'ENDED'] as const;
export type GpRegistrationStatusCode = (typeof GP_REGISTRATION_STATUSES)[number];

/** RCGP safeguarding read codes as SNOMED CT concepts (DOMAIN.md 3.1). */
export const SAFEGUARDING_CONCEPTS = {
  '836881000000105': 'Child is cause for safeguarding concern',
  '1064961000000107': 'Child in family is safeguarding concern',
  '878111000000109': 'Unborn child is cause for safeguarding concern',
  '342191000000101': 'Subject to child protection plan',
  '375041000000100': 'Family member subject of child protection plan',
  '417430008': 'Vulnerable adult',
} as const;
export type SafeguardingConceptId = keyof typeof SAFEGUARDING_CONCEPTS;

export const MENTAL_HEALTH_SERVICES = ['CAMHS', 'AMHS', 'CRISIS', 'PERINATAL', 'EIP'] as const;
export type MentalHealthServiceCode = (typeof MENTAL_HEALTH_SERVICES)[number];

/** Mental Health Act 1983 sections a detention is recorded under. */
export const MHA_SECTIONS = ['2', '3', '4', '5(2)', '5(4)', '135', '136', '37'] as const;
export type MhaSection = (typeof MHA_SECTIONS)[number];

/** NDTMS substance categories. */
export const SUBSTANCE_CATEGORIES = ['ALCOHOL', 'OPIATES', 'NON_OPIATES'] as const;
export type SubstanceCategory = (typeof SUBSTANCE_CATEGORIES)[number];

/** Routine enquiries at maternity booking. */
export const BOOKING_CONCERNS = ['DOMESTIC_ABUSE', 'SUBSTANCE_USE', 'MENTAL_HEALTH'] as const;
export type BookingConcern = (typeof BOOKING_CONCERNS)[number];

export const APPOINTMENT_TYPES = ['GP', 'HEALTH_VISITING', 'OUTPATIENT', 'DENTAL', 'SCHOOL_NURSING', 'CAMHS'] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

/** CP-IS plan types: child protection plan, looked after, unborn child protection plan. */
export const CPIS_PLAN_TYPES = ['CPP', 'CLA', 'UNBORN_CPP'] as const;
export type CpisPlanTypeCode = (typeof CPIS_PLAN_TYPES)[number];

/**
 * Why an ED / MIU attendance matters for safeguarding, from ECDS injury intent (assault,
 * self-harm) and its safeguarding concerns (domestic abuse), or an overdose presentation.
 */
export const ATTENDANCE_PRESENTATIONS = ['ASSAULT', 'DOMESTIC_ABUSE', 'SELF_HARM', 'OVERDOSE'] as const;
export type AttendancePresentation = (typeof ATTENDANCE_PRESENTATIONS)[number];

/**
 * FGM on a patient's record: the FGM-IS risk indicator on a girl under 18 with a family history of
 * FGM, or FGM identified in the woman or girl herself (FGM Enhanced Dataset, GP or maternity record).
 */
export const FGM_RECORD_KINDS = ['FGM_IS_INDICATOR', 'FGM_IDENTIFIED'] as const;
export type FgmRecordKind = (typeof FGM_RECORD_KINDS)[number];
