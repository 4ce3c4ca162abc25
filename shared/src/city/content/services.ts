import type * as z from 'zod';
import type { agencyServiceSchema } from '../../schemas/catalog';

type AgencyServiceInput = z.input<typeof agencyServiceSchema>;

const ID_CARD = { name: '本人居民身份证原件' };
const HUKOU = { name: '居民户口簿原件' };
const PHOTO = { name: '近期一寸免冠白底彩色照片', note: '2 张' };

/** 代办 services a grid worker can take in on a home visit, with what to have ready. */
export const DEMO_SERVICES: readonly AgencyServiceInput[] = [
  {
    code: 'S01', name: '身份证换领/补领', agency: '区公安分局户政科',
    description: '有效期满换领、损坏换领或遗失补领。网格员上门采集相片回执并代为提交，证件办好后送达。',
    materials: [HUKOU, { name: '原居民身份证', note: '遗失补领的无需提供', required: false }, { name: '数码相片回执', note: '照相馆拍摄，网格员可协助预约', required: true }],
    visitMinutes: 30,
    eligibility: '本区户籍，行动不便的老年人、残疾人优先上门',
  },
  {
    code: 'S02', name: '户口迁入', agency: '区公安分局户政科',
    description: '购房、投靠、人才引进等户口迁入的材料预审与代交。',
    materials: [ID_CARD, HUKOU, { name: '迁入地房产证明或租赁登记凭证' }, { name: '准予迁入证明', note: '跨市迁入需提供', required: false }, { name: '结婚证或出生医学证明', note: '投靠类需提供', required: false }],
    visitMinutes: 45,
  },
  {
    code: 'S03', name: '居住证办理', agency: '区来穗人员服务管理局',
    description: '来穗人员居住证申领及签注，网格员上门登记并代交。',
    materials: [ID_CARD, PHOTO, { name: '合法稳定住所证明', note: '租赁合同或房东证明' }, { name: '就业或就读证明', required: false }],
    visitMinutes: 30,
    eligibility: '在本区居住满 6 个月',
  },
  {
    code: 'S04', name: '社保卡申领/补换', agency: '区人力资源和社会保障局',
    description: '首次申领、损坏换卡、遗失补卡。',
    materials: [ID_CARD, { name: '数码相片回执', required: false, note: '首次申领需提供' }, { name: '原社保卡', note: '损坏换卡需交回', required: false }],
    visitMinutes: 20,
  },
  {
    code: 'S05', name: '老年人优待证', agency: '区民政局',
    description: '65 周岁以上老年人申领优待证，凭证享受公交、公园等优待。',
    materials: [ID_CARD, HUKOU, PHOTO],
    visitMinutes: 20,
    eligibility: '年满 65 周岁',
  },
  {
    code: 'S06', name: '残疾人证申领', agency: '区残疾人联合会',
    description: '残疾人证新办、换领，网格员协助预约评定医院并代交材料。',
    materials: [ID_CARD, HUKOU, PHOTO, { name: '残疾评定表', note: '由指定医院出具' }, { name: '监护人身份证', note: '由监护人代办时需提供', required: false }],
    visitMinutes: 40,
  },
  {
    code: 'S07', name: '城乡居民医保参保', agency: '区医疗保障局',
    description: '城乡居民基本医疗保险参保登记及缴费指引。',
    materials: [ID_CARD, HUKOU, { name: '出生医学证明', note: '新生儿参保需提供', required: false }],
    visitMinutes: 20,
  },
];
