import { SubjectReference } from '@mash/shared';

/** The hub owns `Subject`; health only reads the representation's required fields. */
export const subjectReference = {
  Subject: {
    __resolveReference(representation: Partial<SubjectReference>): SubjectReference {
      return Object.assign(new SubjectReference(), representation);
    },
  },
};
