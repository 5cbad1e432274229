import { temporaryUpnFor } from '../../identifiers/upn';
import { ageOn, isSchoolAge } from '../../synthetic/dates';
import type { MemberDraft } from '../../synthetic/household-shape';
import { caseFor, findDraft, identifierKind, single, targetAges, twoSiblings } from './case-people';
import type { CaseContext, CaseDraft, CasePerson, IdentifierField } from './case-people';
import { corruptIdentifier } from './edits';
import type { WorldPerson } from './world';

// The variations about identifiers: a temporary UPN, the person's own identifier (valid or
// mistyped), and someone else's.

/** The same person's own identifier of the kind the target agency keys on, held by that agency. */
function ownIdentifier(ctx: CaseContext, at: CasePerson): [IdentifierField, string] {
  const kind = identifierKind(ctx, at.person);
  ctx.world.hold(at.person, ctx.target, { [kind]: true });
  return [kind, at.person[kind]!];
}

export function temporaryUpn(ctx: CaseContext): CaseDraft {
  const holdsUpn = ctx.target === 'education' || ctx.target === 'social-care';
  const ages = (m: MemberDraft) => isSchoolAge(m.age) && (ctx.target !== 'police' || m.age >= 12);
  const at = single(ctx, { ages, ids: { upn: holdsUpn } });
  const permanent = ctx.world.ensureIdentifier(at.person, 'upn');
  const temporary = temporaryUpnFor(permanent)!;
  at.person.steady.add('upn');
  if (ctx.rng.chance(0.5)) return caseFor(ctx, at, { upn: temporary }, 'referral temporary, record permanent');
  at.person.recorded.upn = temporary;
  return caseFor(ctx, at, { upn: permanent }, 'referral permanent, record temporary');
}

export function identifierCorrect(ctx: CaseContext): CaseDraft {
  const at = single(ctx);
  const [kind, value] = ownIdentifier(ctx, at);
  return caseFor(ctx, at, { [kind]: value }, kind);
}

export function identifierInvalid(ctx: CaseContext): CaseDraft {
  const at = single(ctx);
  const [kind, value] = ownIdentifier(ctx, at);
  return { ...caseFor(ctx, at, { [kind]: corruptIdentifier(ctx.rng, kind, value) }, kind), invalidField: kind };
}

export function identifierSibling(ctx: CaseContext): CaseDraft {
  const ages = targetAges(ctx);
  const { draft: drafted, picks } = findDraft(ctx.rng, twoSiblings(ctx.rng, ages));
  const household = ctx.world.add(drafted, ctx.rng);
  const [person, owner] = picks.map((i) => household.members[i]);
  ctx.world.hold(person, ctx.target);
  const kind = identifierKind(ctx, owner);
  ctx.world.hold(owner, ctx.target, { [kind]: true });
  return { ...caseFor(ctx, { person, household }, { [kind]: owner[kind] }, kind), sibling: owner, identifierOwner: owner };
}

export function identifierStranger(ctx: CaseContext): CaseDraft {
  const at = single(ctx);
  const ages = targetAges(ctx);
  let owner: WorldPerson | undefined;
  while (!owner) {
    const household = ctx.rng.pick(ctx.world.households);
    const member = ctx.rng.pick(household.members);
    const age = ageOn(member.dateOfBirth, ctx.world.referenceDate);
    const draftLike = { role: member.role, age, female: member.gender === 'FEMALE', givenName: member.givenName, familyName: member.familyName };
    if (!member.unknown && household !== at.household && ages(draftLike)) owner = member;
  }
  const kind = identifierKind(ctx, owner);
  ctx.world.hold(owner, ctx.target, { [kind]: true });
  return { ...caseFor(ctx, at, { [kind]: owner[kind] }, kind), identifierOwner: owner };
}
