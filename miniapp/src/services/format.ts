import { formatMonthDay, formatMonthDayTime } from '@gridtong/shared/deadlines/beijing-format';

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
