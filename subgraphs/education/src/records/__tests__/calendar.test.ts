import { academicYearLabel, academicYearStart, isCompulsorySchoolAge, yearGroup } from '../calendar';

describe('calendar', () => {
  it('counts school years', () => {
    expect(academicYearStart('2026-08-31')).toBe(2025);
    expect(academicYearLabel(academicYearStart('2026-09-01'))).toBe('2026/27');
    expect(yearGroup('2021-09-27', '2026-11-01')).toBe(0);
    expect(yearGroup('2021-08-31', '2026-11-01')).toBe(1);
    expect(yearGroup('2010-10-15', '2026-11-01')).toBe(11);
  });

  describe('compulsory school age (Education Act 1996 s8)', () => {
    it('starts on the prescribed day after the fifth birthday', () => {
      expect(isCompulsorySchoolAge('2021-09-27', '2026-11-01')).toBe(false);
      expect(isCompulsorySchoolAge('2021-09-27', '2026-12-31')).toBe(true);
      expect(isCompulsorySchoolAge('2021-08-31', '2026-08-31')).toBe(true);
    });

    it('ends on the last Friday in June of the school year the child turns 16', () => {
      expect(isCompulsorySchoolAge('2010-10-15', '2026-11-01')).toBe(true);
      expect(isCompulsorySchoolAge('2010-06-01', '2026-11-01')).toBe(false);
      expect(isCompulsorySchoolAge('2010-08-31', '2026-06-26')).toBe(true);
      expect(isCompulsorySchoolAge('2010-08-31', '2026-06-27')).toBe(false);
    });
  });
});
