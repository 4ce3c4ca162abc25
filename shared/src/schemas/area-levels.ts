// No zod here: the mini-program imports these rules, and its main package must not carry zod.

/** The area hierarchy below a city, largest first. */
export const AREA_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/**
 * An area code names its level by its length, and begins with the codes of every area above
 * it: grid 440106001001 001 → community 440106001001 → street 440106001 → district 440106.
 */
const CODE_LENGTH: Record<AreaLevel, number> = { district: 6, street: 9, community: 12, grid: 15 };

export function areaLevelOf(code: string): AreaLevel | null {
  return AREA_LEVELS.find((level) => CODE_LENGTH[level] === code.length) ?? null;
}

/** The area at `level` that contains `code` (the code itself at its own level). */
export function areaAt(code: string, level: AreaLevel): string {
  return code.slice(0, CODE_LENGTH[level]);
}

/** A grid's own code and the codes of its community, street and district. */
export function ancestors(gridCode: string): Record<AreaLevel, string> {
  return { grid: gridCode, community: areaAt(gridCode, 'community'), street: areaAt(gridCode, 'street'), district: areaAt(gridCode, 'district') };
}

/** A grid's code, then its community's, street's and district's: the most specific first. */
export function areaChain(gridCode: string): string[] {
  const up = ancestors(gridCode);
  return [up.grid, up.community, up.street, up.district];
}
