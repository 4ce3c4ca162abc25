import { groupCaseNumber } from '@gridtong/shared/case/case-number';
import { formatMonthDay, formatMonthDayTime } from '@gridtong/shared/deadlines/beijing-format';
import { T } from '../texts';

const readable = (iso: string | null | undefined): iso is string => !!iso && Number.isFinite(Date.parse(iso));

/** "11月22日 14:05" in Beijing time; "" for a missing or broken instant. */
export function formatTime(iso: string | null | undefined): string {
  return readable(iso) ? formatMonthDayTime(iso) : '';
}

/** "11月22日" in Beijing time. */
export function formatDate(iso: string | null | undefined): string {
  return readable(iso) ? formatMonthDay(iso) : '';
}

/** Metres as a resident says them: "约 80 米", "约 1.2 公里". */
export function roundMetres(m: number): number {
  return m < 100 ? Math.max(1, Math.round(m)) : Math.round(m / 10) * 10;
}

/** "受理编号 TH 261208 0001", grouped for reading out; undefined for a case filed before numbering. */
export function caseNumberLine(caseNumber: string | undefined): string | undefined {
  return caseNumber ? `${T.caseNumber} ${groupCaseNumber(caseNumber)}` : undefined;
}
