import { GrantUse1796100000000 } from './1796100000000-GrantUse';

export { GrantUse1796100000000 };

/**
 * The kit's own tables, the same in every agency's database: every adapter lists these after its
 * own migrations (`migrations: [...own, ...AGENCY_KIT_MIGRATIONS]`).
 */
export const AGENCY_KIT_MIGRATIONS: Function[] = [GrantUse1796100000000];
