import { SubjectReference, type ReferenceResolvers } from '@mash/shared';

/** The hub owns Subject; police only receive its key and the fields `police` requires. */
export const subjectReference: ReferenceResolvers = {
  Subject: {
    __resolveReference(representation: Partial<SubjectReference>): SubjectReference {
      return Object.assign(new SubjectReference(), representation);
    },
  },
};
