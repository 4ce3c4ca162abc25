// Asia/Shanghai is UTC+8 all year: shift and read the UTC fields (no Intl needed on the phone).
const OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "11月22日 14:05" in Beijing time; "" for a missing or broken instant. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "11月22日" in Beijing time. */
export function formatDate(iso: string | null | undefined): string {
  return formatTime(iso).split(' ')[0] ?? '';
}

/** Metres as a resident says them: "约 80 米", "约 1.2 公里". */
export function roundMetres(m: number): number {
  return m < 100 ? Math.max(1, Math.round(m)) : Math.round(m / 10) * 10;
}
