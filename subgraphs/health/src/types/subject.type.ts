import { createSubjectType } from '@mash/shared';

/** Health's own stub of the hub-owned `Subject`: the key and the fields `health` requires. */
export const Subject = createSubjectType();
