import { GrantUse1796100000000 } from './1796100000000-GrantUse';
import { DisclosureChain1796100000001 } from './1796100000001-DisclosureChain';
import { AuditCheckpoints1796100000002 } from './1796100000002-AuditCheckpoints';
import { SetBasedDisclosureAppend1796100000003 } from './1796100000003-SetBasedDisclosureAppend';
import { ClaimWithDisclosure1796100000004 } from './1796100000004-ClaimWithDisclosure';
import { HeadReadByIndex1797100000000 } from './1797100000000-HeadReadByIndex';

export {
  AuditCheckpoints1796100000002, ClaimWithDisclosure1796100000004, DisclosureChain1796100000001, GrantUse1796100000000, HeadReadByIndex1797100000000,
  SetBasedDisclosureAppend1796100000003,
};

/**
 * The kit's own tables, the same in every agency's database: every adapter lists these after its
 * own migrations (`migrations: [...own, ...AGENCY_KIT_MIGRATIONS]`).
 */
export const AGENCY_KIT_MIGRATIONS: Function[] = [GrantUse1796100000000, DisclosureChain1796100000001, AuditCheckpoints1796100000002, SetBasedDisclosureAppend1796100000003, ClaimWithDisclosure1796100000004,
  HeadReadByIndex1797100000000];
