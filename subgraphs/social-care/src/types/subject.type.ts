import { createSubjectType } from '@mash/shared';

/** This agency's own `Subject` stub class (see `createSubjectType` for why not a shared one). */
export const Subject = createSubjectType();
