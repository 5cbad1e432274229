import type { SubjectReference } from '@mash/shared';

/**
 * `Subject.__resolveReference`: education owns nothing on Subject but its field, so the
 * representation the router sends (key plus required fields) is the whole subject.
 */
export const subjectReference = {
  Subject: {
    __resolveReference(representation: SubjectReference): SubjectReference {
      return representation;
    },
  },
};
