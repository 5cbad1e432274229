import { SubjectReference, type ReferenceResolvers } from '@mash/shared';

/** The gateway's representation carries the `@requires` fields; it is the subject as far as we need. */
export const subjectReferenceResolvers: ReferenceResolvers = {
  Subject: {
    __resolveReference(representation: Partial<SubjectReference>) {
      return Object.assign(new SubjectReference(), representation);
    },
  },
};
