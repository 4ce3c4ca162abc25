/**
 * Deterministic fake people for demo and benchmark data: a seeded PRNG (never
 * Math.random) so the committed demo city is reproducible byte for byte.
 */
import { mulberry32 } from '../geo/random';

export function pick<T>(rand: () => number, list: readonly T[]): T {
  const value = list[Math.floor(rand() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

// Common surnames, weighted roughly as in Guangdong (陈, 李, 黄, 张, 梁... lead there).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 12], ['李', 9], ['黄', 8], ['张', 7], ['梁', 6], ['林', 6], ['刘', 6], ['王', 6],
  ['吴', 4], ['何', 4], ['罗', 4], ['郑', 3], ['杨', 3], ['周', 3], ['谢', 3], ['冯', 3],
  ['邓', 3], ['钟', 3], ['曾', 3], ['叶', 2], ['蔡', 2], ['许', 2], ['赖', 2], ['潘', 2],
  ['卢', 2], ['余', 2], ['苏', 2], ['朱', 2], ['徐', 2], ['胡', 2], ['麦', 1], ['欧阳', 1],
  ['区', 1], ['温', 1], ['江', 1], ['邱', 1], ['姚', 1], ['彭', 1], ['谭', 1], ['莫', 1],
];
const SURNAME_POOL: readonly string[] = SURNAMES.flatMap(([s, w]) => Array.from({ length: w }, () => s));

const GIVEN_FIRST = [
  '志', '建', '国', '伟', '晓', '丽', '海', '金', '振', '家', '文', '俊', '慧', '美', '永', '嘉',
  '思', '子', '雅', '冠', '少', '润', '柏', '锦', '秀', '婉', '绍', '敏', '颖', '卓', '德', '泽',
];
const GIVEN_SECOND = [
  '强', '华', '明', '平', '红', '峰', '军', '玲', '芳', '辉', '杰', '婷', '鹏', '荣', '霞', '勇',
  '斌', '琳', '欣', '涛', '宁', '洁', '彬', '瑜', '锋', '莹', '琪', '雄', '珊', '龙', '坤', '燕',
];

/**
 * A name generator. With `unique` it never repeats itself (40 surnames × ~1000 given
 * names is plenty for a district); a benchmark city allows repeats, as real cities do.
 */
export function nameGenerator(seed: number, options: { unique: boolean } = { unique: true }): () => string {
  const rand = mulberry32(seed);
  const used = new Set<string>();
  return () => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const surname = pick(rand, SURNAME_POOL);
      // About one in five given names is a single character, as in real rosters.
      const given = rand() < 0.2 ? pick(rand, GIVEN_SECOND) : pick(rand, GIVEN_FIRST) + pick(rand, GIVEN_SECOND);
      const name = surname + given;
      if (!options.unique) return name;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error('name space exhausted');
  };
}
