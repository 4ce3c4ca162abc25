import {
  CASE_NUMBER_MAX_LENGTH,
  caseNumberPrefix,
  districtShortCode,
  formatCaseNumber,
  groupCaseNumber,
  normalizeCaseNumber,
  parseCaseNumber,
} from '../../src/case/case-number';
import { caseNumberSchema } from '../../src/schemas/case';
import { loadDemoCity } from '../../src/city/demo';

describe('受理编号 (case number)', () => {
  it('reads district, Beijing date and sequence: TH2612080001', () => {
    // 2026-12-07T16:30Z is 00:30 on 8 December in Beijing.
    const prefix = caseNumberPrefix('TH', new Date('2026-12-07T16:30:00Z'));
    expect(prefix).toBe('TH261208');
    expect(formatCaseNumber(prefix, 1)).toBe('TH2612080001');
    expect(formatCaseNumber(prefix, 9999)).toBe('TH2612089999');
    expect(caseNumberPrefix('TH', new Date('2026-12-07T15:59:59Z'))).toBe('TH261207');
  });

  it('takes a fifth digit past 9999 and stays within 14 characters', () => {
    expect(formatCaseNumber('TH261208', 10000)).toBe('TH26120810000');
    expect(formatCaseNumber('TH261208', 999999)).toHaveLength(CASE_NUMBER_MAX_LENGTH);
    expect(() => formatCaseNumber('TH261208', 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseNumber('TH261208', 0)).toThrow(RangeError);
    expect(() => formatCaseNumber('TH261208', 1.5)).toThrow(RangeError);
    expect(caseNumberSchema.safeParse('TH26120810000').success).toBe(true);
  });

  it("uses the district's own short code, else a stable one from its code", () => {
    expect(districtShortCode({ code: '440106', shortCode: 'TH' })).toBe('TH');
    expect(districtShortCode({ code: '440106' })).toBe('AG');
    expect(districtShortCode({ code: '440106' })).toBe(districtShortCode({ code: '440106' }));
    expect(districtShortCode({ code: '440113' })).toBe('BD');
    expect(districtShortCode({ code: '440106', shortCode: 'th' })).toBe('AG');
    expect(() => caseNumberPrefix('T1', new Date())).toThrow(RangeError);
  });

  it('gives the demo district 天河 the code TH', () => {
    expect(districtShortCode(loadDemoCity().districts[0]!)).toBe('TH');
  });

  it('reads a number as a person types it', () => {
    expect(normalizeCaseNumber('th 261208-0001')).toBe('TH2612080001');
    expect(normalizeCaseNumber(' TH2612080001 ')).toBe('TH2612080001');
    expect(normalizeCaseNumber('C01HZXTESTCASE0001')).toBeNull();
    expect(normalizeCaseNumber('TH261208001')).toBeNull();
    expect(parseCaseNumber('TH26120810000')).toEqual({ shortCode: 'TH', date: '261208', sequence: 10000 });
    expect(parseCaseNumber('not a number')).toBeNull();
  });

  it('groups a number for reading out', () => {
    expect(groupCaseNumber('TH2612080001')).toBe('TH 261208 0001');
    expect(groupCaseNumber('C01HZ')).toBe('C01HZ');
  });
});
