import { FEMALE_NAMES, MALE_NAMES } from '../../synthetic/given-names';
import { ALL_SURNAMES } from '../../synthetic/surnames';
import { swapDayMonth } from '../dates';
import type { PersonFacts } from '../types';
import { caseFor, findDraft, referralOf, renameFamily, single, targetAges, twoSiblings, withFirstName } from './case-people';
import type { CaseContext, CaseDraft, CasePerson } from './case-people';
import { canTypo, shiftDate, typo } from './edits';
import { COMMUNITY_SURNAMES, FIRST_LETTER_VARIANTS, NICKNAME_PAIRS, SPELLING_PAIRS } from './name-lists';
import { identifierCorrect, identifierInvalid, identifierSibling, identifierStranger, temporaryUpn } from './variations-identifiers';
import { lookAlikeTwins, nonMatch, sameNameSameYear } from './variations-people';
import { surnameFor } from './world';

export const MATCHING_VARIATIONS = [
  'exact', 'surname-typo', 'surname-one-part', 'dob-day-month-swap', 'dob-one-day', 'dob-one-year',
  'moved', 'missing-postcode', 'missing-sex', 'temporary-upn', 'identifier-correct', 'identifier-invalid',
  'identifier-sibling', 'identifier-stranger', 'given-name-typo', 'nickname', 'transliteration', 'middle-name',
  'surname-change-and-move', 'first-letter-variant', 'twin', 'sibling', 'same-name-same-year', 'non-match',
] as const;

export type MatchingVariation = (typeof MATCHING_VARIATIONS)[number];
export type { CaseDraft };

type Build = (ctx: CaseContext) => CaseDraft;

const today = (ctx: CaseContext) => ctx.world.referenceDate;

/** A date whose day and month can be swapped (both 12 or less and unequal), in the same month where possible. */
function swappable(ctx: CaseContext, at: CasePerson): void {
  const dob = at.person.dateOfBirth;
  if (swapDayMonth(dob) !== null) return;
  const month = Number(dob.slice(5, 7));
  const days = ctx.rng.shuffle([...Array(12).keys()].map((d) => d + 1).filter((d) => d !== month));
  const options = days.map((d) => `${dob.slice(0, 8)}${String(d).padStart(2, '0')}`).filter((d) => d <= today(ctx));
  ctx.world.setDateOfBirth(at.person, options[0] ?? `${Number(dob.slice(0, 4)) - 1}-${dob.slice(5, 7)}-${String(days[0]).padStart(2, '0')}`);
}

const SECOND_DIFFERENCES = ['moved', 'dob-one-day', 'dob-day-month-swap', 'dob-one-year', 'surname-typo'] as const;

/** The referral's one other difference from the record, beside a first-letter given-name change. */
function secondDifference(ctx: CaseContext, at: CasePerson, kind: (typeof SECOND_DIFFERENCES)[number]): Partial<PersonFacts> {
  const { person, household } = at;
  if (kind === 'moved') {
    person.steady.add('postcode');
    return { postcode: ctx.world.newPostcode(household) };
  }
  if (kind === 'surname-typo') {
    person.steady.add('familyName');
    return { familyName: typo(ctx.rng, person.familyName).value };
  }
  person.steady.add('dateOfBirth');
  if (kind === 'dob-day-month-swap') {
    swappable(ctx, at);
    return { dateOfBirth: swapDayMonth(person.dateOfBirth)! };
  }
  if (kind === 'dob-one-year' && person.dateOfBirth.endsWith('02-29')) ctx.world.setDateOfBirth(person, person.dateOfBirth.replace(/29$/, '28'));
  return { dateOfBirth: shiftDate(ctx.rng, person.dateOfBirth, today(ctx), kind === 'dob-one-day' ? 'day' : 'year') };
}

const sexOf = (female: boolean) => (m: { female: boolean }) => m.female === female;

const BUILDERS: Record<MatchingVariation, Build> = {
  exact: (ctx) => caseFor(ctx, single(ctx), {}),

  'surname-typo': (ctx) => {
    const at = single(ctx, { fits: (m) => canTypo(m.familyName) });
    at.person.steady.add('familyName');
    const { value, kind } = typo(ctx.rng, at.person.familyName);
    return caseFor(ctx, at, { familyName: value }, kind);
  },

  'surname-one-part': (ctx) => {
    const at = single(ctx, {
      prepare: (member, family) => {
        if (/[- ]/.test(member.familyName)) return;
        let other = ctx.rng.pick(ALL_SURNAMES);
        while (member.familyName.startsWith(other)) other = ctx.rng.pick(ALL_SURNAMES);
        const joined = `${member.familyName}${ctx.rng.chance(0.75) ? '-' : ' '}${other}`;
        for (const m of family.members) if (m !== member && m.role === 'CHILD' && m.familyName === member.familyName) m.familyName = joined;
        member.familyName = joined;
      },
    });
    at.person.steady.add('familyName');
    const parts = at.person.familyName.split(/[- ]/);
    const first = ctx.rng.chance(0.6);
    return caseFor(ctx, at, { familyName: first ? parts[0] : parts[parts.length - 1] }, first ? 'first part' : 'last part');
  },

  'dob-day-month-swap': (ctx) => {
    const at = single(ctx, { fits: (m) => m.age >= 1 });
    at.person.steady.add('dateOfBirth');
    swappable(ctx, at);
    return caseFor(ctx, at, { dateOfBirth: swapDayMonth(at.person.dateOfBirth)! });
  },

  'dob-one-day': (ctx) => {
    const at = single(ctx);
    at.person.steady.add('dateOfBirth');
    return caseFor(ctx, at, { dateOfBirth: shiftDate(ctx.rng, at.person.dateOfBirth, today(ctx), 'day') });
  },

  'dob-one-year': (ctx) => {
    const at = single(ctx, { fits: (m) => m.age >= 1 });
    at.person.steady.add('dateOfBirth');
    return caseFor(ctx, at, secondDifference(ctx, at, 'dob-one-year'));
  },

  moved: (ctx) => {
    const at = single(ctx);
    const change = secondDifference(ctx, at, 'moved');
    const sameTown = change.postcode!.split(' ')[0] === at.household.postcode.split(' ')[0];
    return caseFor(ctx, at, change, sameTown ? 'same town' : 'another town');
  },

  'missing-postcode': (ctx) => {
    const [postcode, detail] = ctx.rng.pick([[null, 'none'], [null, 'none'], ['ZZ99 3VZ', 'no fixed abode'], ['ZZ99 3WZ', 'not known']] as const);
    return caseFor(ctx, single(ctx), { postcode }, detail);
  },

  'missing-sex': (ctx) => {
    const gender = ctx.rng.chance(0.75) ? null : 'UNKNOWN';
    return caseFor(ctx, single(ctx), { gender }, gender ?? 'none');
  },

  'temporary-upn': temporaryUpn,
  'identifier-correct': identifierCorrect,
  'identifier-invalid': identifierInvalid,
  'identifier-sibling': identifierSibling,
  'identifier-stranger': identifierStranger,

  'given-name-typo': (ctx) => {
    const at = single(ctx, { fits: (m) => canTypo(m.givenName) });
    at.person.steady.add('givenName');
    const subject = referralOf(ctx.rng, at);
    const { value, kind } = typo(ctx.rng, at.person.givenName);
    return { person: at.person, subject: { ...subject, givenName: withFirstName(subject.givenName, value) }, detail: kind };
  },

  nickname: (ctx) => {
    const { entry, short } = NICKNAME_PAIRS[ctx.ordinal % NICKNAME_PAIRS.length];
    const at = single(ctx, {
      fits: sexOf(entry.female),
      prepare: (member, family) => {
        member.givenName = entry.name;
        if (!entry.community) return;
        const surname = ctx.rng.pick(COMMUNITY_SURNAMES[entry.community]);
        renameFamily(family, surname);
        return surname;
      },
    });
    at.person.steady.add('givenName');
    if (ctx.rng.chance(0.7)) return caseFor(ctx, at, { givenName: short }, `referral ${short}, record ${entry.name}`);
    at.person.recorded.givenName = short;
    return caseFor(ctx, at, { givenName: entry.name }, `referral ${entry.name}, record ${short}`);
  },

  transliteration: (ctx) => {
    const { entry, forms } = SPELLING_PAIRS[ctx.ordinal % SPELLING_PAIRS.length];
    const [recorded, referred] = ctx.rng.shuffle(forms);
    const at = single(ctx, {
      fits: sexOf(entry.female),
      prepare: (member, family) => {
        member.givenName = recorded;
        if (!entry.community) return;
        const surname = ctx.rng.pick(COMMUNITY_SURNAMES[entry.community]);
        renameFamily(family, surname);
        return surname;
      },
    });
    at.person.steady.add('givenName');
    return caseFor(ctx, at, { givenName: referred }, `referral ${referred}, record ${recorded}`);
  },

  'middle-name': (ctx) => {
    const at = single(ctx);
    const { person } = at;
    let middle = person.middleName ?? ctx.rng.pick(person.gender === 'FEMALE' ? FEMALE_NAMES : MALE_NAMES);
    while (middle === person.givenName) middle = ctx.rng.pick(person.gender === 'FEMALE' ? FEMALE_NAMES : MALE_NAMES);
    person.middleName = middle;
    person.steady.add('givenName');
    const full = `${person.givenName} ${middle}`;
    if (ctx.rng.chance(0.65)) {
      person.recorded.givenName = full;
      return caseFor(ctx, at, { givenName: middle }, `referral ${middle}, record ${full}`);
    }
    person.recorded.givenName = middle;
    return caseFor(ctx, at, { givenName: full }, `referral ${full}, record ${middle}`);
  },

  'surname-change-and-move': (ctx) => {
    const at = single(ctx);
    const female = at.person.gender === 'FEMALE';
    let surname = surnameFor(ctx.rng.pick(ALL_SURNAMES), female);
    while (surname === at.person.familyName) surname = surnameFor(ctx.rng.pick(ALL_SURNAMES), female);
    at.person.steady.add('familyName');
    const change = { familyName: surname, ...secondDifference(ctx, at, 'moved') };
    const sameTown = change.postcode!.split(' ')[0] === at.household.postcode.split(' ')[0];
    return caseFor(ctx, at, change, sameTown ? 'moved within the town' : 'moved to another town');
  },

  'first-letter-variant': (ctx) => {
    const [a, b, female] = FIRST_LETTER_VARIANTS[ctx.ordinal % FIRST_LETTER_VARIANTS.length];
    const [recorded, referred] = ctx.rng.shuffle([a, b]);
    const second = SECOND_DIFFERENCES[Math.floor(ctx.ordinal / FIRST_LETTER_VARIANTS.length) % SECOND_DIFFERENCES.length];
    const at = single(ctx, {
      fits: (m) => m.female === female && m.age >= 1 && canTypo(m.familyName),
      prepare: (member) => void (member.givenName = recorded),
    });
    at.person.steady.add('givenName');
    const change = secondDifference(ctx, at, second);
    return caseFor(ctx, at, { givenName: referred, ...change }, `referral ${referred}, record ${recorded}; ${second}`);
  },

  twin: lookAlikeTwins,

  sibling: (ctx) => {
    const { draft: drafted, picks } = findDraft(ctx.rng, twoSiblings(ctx.rng, targetAges(ctx)));
    const household = ctx.world.add(drafted, ctx.rng);
    const [person, sibling] = picks.map((i) => household.members[i]);
    for (const one of [person, sibling]) ctx.world.hold(one, ctx.target);
    const onlySibling = ctx.rng.chance(0.25);
    if (onlySibling) ctx.world.release(person, ctx.target);
    return { ...caseFor(ctx, { person, household }, {}, onlySibling ? 'only the sibling held' : 'both held'), sibling };
  },

  'same-name-same-year': sameNameSameYear,

  'non-match': nonMatch,
};

export function buildCase(variation: MatchingVariation, ctx: CaseContext): CaseDraft {
  return BUILDERS[variation](ctx);
}
