import type * as z from 'zod';
import type { catalogItemSchema } from '../../schemas/catalog';
import { CITY_HOTLINE, OTHER_ITEM_CODE, type Hotline } from '../../report/hotlines';

type CatalogItemInput = z.input<typeof catalogItemSchema>;
type TimeLimits = CatalogItemInput['timeLimits'];
type Unit = 'calendarHours' | 'workingHours' | 'workingDays' | 'calendarDays';
type Duration = { amount: number; unit: Unit };

const h = (amount: number): Duration => ({ amount, unit: 'calendarHours' });
const wh = (amount: number): Duration => ({ amount, unit: 'workingHours' });
const wd = (amount: number): Duration => ({ amount, unit: 'workingDays' });
const d = (amount: number): Duration => ({ amount, unit: 'calendarDays' });

// Shenzhen 分流 rule: sort out who handles it within 24 h; emergencies within the hour.
const DISPATCH_DEFAULT = h(24);
const DISPATCH_EMERGENCY = h(1);

const limits = (dispatch: Duration, urgent: Duration, important: Duration, normal: Duration): TimeLimits => ({
  dispatch,
  handling: { urgent, important, normal },
});

/** 12345 (Beijing norms): 2 h emergencies, 24 h water/power/gas, 7 days general. */
const EMERGENCY = limits(DISPATCH_EMERGENCY, h(2), h(2), h(24));
const UTILITY = limits(DISPATCH_EMERGENCY, h(2), h(24), h(24));
const GENERAL = limits(DISPATCH_DEFAULT, h(24), wd(3), d(7));

const yesNo = (code: string, label: string, required = false) => ({ code, label, type: 'boolean' as const, required });
const choice = (code: string, label: string, options: readonly string[], required = true, multi = false) => ({
  code,
  label,
  type: multi ? ('multiChoice' as const) : ('singleChoice' as const),
  required,
  options: options.map((o, i) => ({ value: `o${i + 1}`, label: o })),
});

// Emergency numbers: the fire brigade, the police, the utilities' repair lines (广州).
const FIRE: Hotline = { name: '119 火警', number: '119' };
const POLICE: Hotline = { name: '110 报警', number: '110' };
const AMBULANCE: Hotline = { name: '120 急救', number: '120' };
const GAS_REPAIR: Hotline = { name: '燃气抢修', number: '96833' };
const POWER_REPAIR: Hotline = { name: '供电抢修', number: '95598' };
const WATER_REPAIR: Hotline = { name: '供水抢修', number: '96968' };

const TIME_OF_DAY = ['早上（6–9 点）', '白天（9–18 点）', '傍晚（18–22 点）', '夜间（22 点后）'];

/**
 * The 入格事项 menu residents order from. Codes: GB/T 30428 class + sequence; 部件 are
 * numeric ("0401" 园林绿化/行道树), 事件 carry an E prefix so the two never collide.
 * Handling limits follow the local 数字城管 figures where one exists (暴露垃圾 4 working
 * hours, 道路不洁 5, 违法搭建 15 working days).
 */
export const DEMO_ITEMS: readonly CatalogItemInput[] = [
  // 部件 · 公用设施
  {
    code: '0101', name: '井盖缺失', kind: 'component', category: '公用设施', icon: '🕳️',
    description: '井盖丢失、井口敞开，行人车辆有坠落危险。',
    defaultUrgency: 'urgent', timeLimits: EMERGENCY,
    questions: [choice('location', '井口位置', ['机动车道', '非机动车道', '人行道', '小区内']), yesNo('marked', '现场是否已有警示物')],
    safetyNotice: '请勿靠近井口，可在周围放置醒目物品提醒行人车辆绕行；有人坠落请立即拨打 120 和 110。',
    hotlines: [POLICE, AMBULANCE],
  },
  {
    code: '0102', name: '井盖破损', kind: 'component', category: '公用设施', icon: '⭕',
    description: '井盖破裂、松动、下沉或异响。',
    defaultUrgency: 'important', timeLimits: limits(DISPATCH_DEFAULT, h(2), h(24), wd(3)),
    questions: [choice('location', '井口位置', ['机动车道', '非机动车道', '人行道', '小区内']), choice('damage', '破损情况', ['破裂', '松动异响', '下沉或凸起'], true, true)],
  },
  {
    code: '0103', name: '路灯不亮', kind: 'component', category: '公用设施', icon: '💡',
    description: '路灯夜间不亮、闪烁或白天常亮。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(2), wd(3)),
    questions: [
      { code: 'poleNumber', label: '灯杆编号', type: 'text', hint: '灯杆上喷印或贴着的编号，例如 TH-0123' },
      { code: 'count', label: '不亮的盏数', type: 'number', required: true, integer: true, min: 1, max: 200 },
    ],
    minPhotos: 0,
  },
  {
    code: '0104', name: '消防栓损坏', kind: 'component', category: '公用设施', icon: '🧯',
    description: '市政消火栓漏水、被撞、缺盖或被圈占。',
    defaultUrgency: 'important', timeLimits: limits(DISPATCH_DEFAULT, h(2), h(24), wd(3)),
    questions: [yesNo('leaking', '是否正在漏水')],
  },
  {
    code: '0105', name: '电力设施损坏', kind: 'component', category: '公用设施', icon: '⚡',
    description: '电线杆倾斜、电缆垂落、配电箱门敞开等。',
    defaultUrgency: 'important', timeLimits: UTILITY,
    questions: [yesNo('sparking', '是否有冒火花或异响', true)],
    allowAnonymous: true,
    safetyNotice: '请与垂落电线、倾斜电杆保持 10 米以上距离，不要触碰或用物品挑动，提醒他人绕行。有人触电时切勿直接拉拽，先拨打 120。',
    hotlines: [POWER_REPAIR, AMBULANCE],
  },
  {
    code: '0106', name: '供水设施漏水', kind: 'component', category: '公用设施', icon: '💧',
    description: '供水管道、水表井、阀门漏水。',
    defaultUrgency: 'important', timeLimits: UTILITY,
    questions: [choice('flow', '漏水情况', ['渗水', '小股流水', '大量冒水'])],
    safetyNotice: '大量冒水时请远离水流冲刷的路面和坑洞，可拨打供水抢修电话。',
    hotlines: [WATER_REPAIR],
  },
  // 部件 · 道路交通
  {
    code: '0201', name: '道路破损', kind: 'component', category: '道路交通', icon: '🛣️',
    description: '路面坑槽、沉陷、裂缝，人行道砖松动缺失。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(3), wd(5)),
    questions: [choice('surface', '破损位置', ['机动车道', '人行道', '盲道']), { code: 'size', label: '破损面积约（平方米）', type: 'number', min: 0, max: 10000 }],
  },
  {
    code: '0202', name: '护栏损坏', kind: 'component', category: '道路交通', icon: '🚧',
    description: '道路隔离护栏、人行道护栏倒伏或缺失。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(3), wd(5)),
  },
  {
    code: '0203', name: '交通标志损坏', kind: 'component', category: '道路交通', icon: '🚸',
    description: '交通标志牌、信号灯损坏或被遮挡。',
    defaultUrgency: 'important', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(1), wd(3)),
    questions: [yesNo('signal', '是否为红绿灯故障', true)],
  },
  // 部件 · 市容环境
  {
    code: '0301', name: '垃圾桶破损', kind: 'component', category: '市容环境', icon: '🗑️',
    description: '分类垃圾桶破损、缺盖、满溢无人清运。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(4), wd(1), wd(2)),
  },
  {
    code: '0302', name: '公厕设施损坏', kind: 'component', category: '市容环境', icon: '🚻',
    description: '公共厕所设施损坏、无水、无照明或未按时开放。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(4), wd(1), wd(2)),
  },
  // 部件 · 园林绿化
  {
    code: '0401', name: '行道树倒伏', kind: 'component', category: '园林绿化', icon: '🌳',
    description: '树木倒伏、断枝悬挂，压住道路、车辆或电线。',
    defaultUrgency: 'urgent', timeLimits: EMERGENCY,
    questions: [yesNo('blocking', '是否阻断道路', true), yesNo('hitSomething', '是否压到车辆、行人或电线', true)],
  },
  {
    code: '0402', name: '绿地破坏', kind: 'component', category: '园林绿化', icon: '🌱',
    description: '绿地被踩踏、占用、毁绿种菜或堆放杂物。',
    defaultUrgency: 'normal', timeLimits: GENERAL,
  },
  {
    code: '0403', name: '树木枝叶遮挡', kind: 'component', category: '园林绿化', icon: '🌿',
    description: '枝叶遮挡路灯、交通标志或伸入住户窗户。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(3), wd(10)),
    questions: [choice('blocks', '遮挡了什么', ['路灯', '交通标志', '住户门窗', '其他'])],
  },
  // 部件 · 房屋土地
  {
    code: '0501', name: '房屋安全隐患', kind: 'component', category: '房屋土地', icon: '🏚️',
    description: '外墙瓷砖脱落、墙体开裂、阳台构件松动等。',
    defaultUrgency: 'important', timeLimits: limits(DISPATCH_DEFAULT, h(2), h(24), wd(5)),
    questions: [yesNo('falling', '是否有物体坠落', true)],
    safetyNotice: '墙体大面积开裂、明显倾斜或有构件坠落时，请立即撤离并远离建筑物下方，提醒他人不要靠近。有人被困请拨打 119。',
    hotlines: [FIRE],
  },
  // 部件 · 其他设施
  {
    code: '0601', name: '健身器材损坏', kind: 'component', category: '其他设施', icon: '🏋️',
    description: '社区、公园健身器材松动、断裂或缺件。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(3), wd(5)),
  },
  {
    code: '0602', name: '充电设施损坏', kind: 'component', category: '其他设施', icon: '🔌',
    description: '电动自行车充电桩损坏、漏电或被圈占。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(3), wd(5)),
  },
  // 事件 · 市容环境
  {
    code: 'E0101', name: '暴露垃圾', kind: 'event', category: '市容环境', icon: '🚮',
    description: '路边、绿地、楼道内的垃圾未装袋或未及时清运。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(2), wh(4), wh(4)),
  },
  {
    code: 'E0102', name: '道路不洁', kind: 'event', category: '市容环境', icon: '🧹',
    description: '路面油污、泥沙、废弃物未清扫。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(2), wh(5), wh(5)),
  },
  {
    code: 'E0103', name: '积存渣土', kind: 'event', category: '市容环境', icon: '🪨',
    description: '建筑垃圾、装修垃圾、渣土乱堆乱倒。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(4), wd(1), wd(2)),
  },
  {
    code: 'E0104', name: '油烟扰民', kind: 'event', category: '市容环境', icon: '🍳',
    description: '餐饮店油烟直排、无净化设施影响居民。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(5), wd(10)),
    questions: [{ code: 'shopName', label: '店铺名称', type: 'text' }, choice('period', '通常在什么时候', TIME_OF_DAY, false, true)],
    publicReports: false, allowAnonymous: true,
  },
  // 事件 · 宣传广告
  {
    code: 'E0201', name: '乱张贴', kind: 'event', category: '宣传广告', icon: '📄',
    description: '小广告乱张贴、乱涂写、乱喷涂。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(4), wd(1), wd(2)),
  },
  {
    code: 'E0202', name: '违规广告牌', kind: 'event', category: '宣传广告', icon: '🪧',
    description: '未经审批或破损有坠落风险的户外广告、招牌。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(2), wd(3), wd(10)),
    questions: [yesNo('falling', '是否有坠落风险', true)],
  },
  // 事件 · 施工管理
  {
    code: 'E0301', name: '施工扰民', kind: 'event', category: '施工管理', icon: '🔊',
    description: '工地夜间施工、噪声或振动影响休息。',
    defaultUrgency: 'important', timeLimits: limits(DISPATCH_DEFAULT, h(2), h(24), wd(3)),
    questions: [choice('period', '发生时段', TIME_OF_DAY), { code: 'site', label: '工地名称（围挡上的名称）', type: 'text' }],
    minPhotos: 0, allowAnonymous: true,
  },
  {
    code: 'E0302', name: '工地扬尘', kind: 'event', category: '施工管理', icon: '🌫️',
    description: '工地未覆盖裸土、未洒水降尘、车辆带泥上路。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(24), wd(2), wd(3)),
  },
  {
    code: 'E0303', name: '违法搭建', kind: 'event', category: '施工管理', icon: '🏗️',
    description: '未经许可在天台、架空层、空地搭建建筑物或构筑物。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wd(1), wd(5), wd(15)),
    questions: [yesNo('ongoing', '是否正在施工', true), choice('place', '搭建位置', ['天台', '首层或架空层', '空地或绿地', '外墙或阳台'])],
    publicReports: false, allowAnonymous: true,
  },
  // 事件 · 街面秩序
  {
    code: 'E0401', name: '占道经营', kind: 'event', category: '街面秩序', icon: '🛒',
    description: '流动摊贩、店铺超门窗占用人行道经营。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(2), wh(4), wd(1)),
    questions: [choice('period', '通常在什么时候', TIME_OF_DAY, false, true)],
  },
  {
    code: 'E0402', name: '共享单车乱停', kind: 'event', category: '街面秩序', icon: '🚲',
    description: '共享单车堆积、占用盲道或出入口。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, wh(2), wh(4), wd(1)),
    questions: [{ code: 'count', label: '大约多少辆', type: 'number', integer: true, min: 1, max: 1000 }],
  },
  {
    code: 'E0403', name: '机动车乱停放', kind: 'event', category: '街面秩序', icon: '🚗',
    description: '机动车占用人行道、路口或出入口停放。',
    defaultUrgency: 'normal', timeLimits: limits(DISPATCH_DEFAULT, h(2), wh(4), wd(1)),
    questions: [{ code: 'plate', label: '车牌号（选填）', type: 'text' }],
    publicReports: false,
  },
  {
    code: 'E0404', name: '消防通道堵塞', kind: 'event', category: '街面秩序', icon: '🚒',
    description: '消防通道、楼梯间被车辆或杂物占用。',
    defaultUrgency: 'urgent', timeLimits: limits(DISPATCH_EMERGENCY, h(2), h(4), h(24)),
    questions: [choice('blockedBy', '被什么占用', ['机动车', '电动车', '杂物', '其他'], true, true)],
    safetyNotice: '如已起火、冒烟或有人被困，请立即拨打 119，不要等待上报处理。',
    hotlines: [FIRE],
  },
  // 事件 · 突发事件
  {
    code: 'E0501', name: '道路积水', kind: 'event', category: '突发事件', icon: '🌊',
    description: '暴雨后路面、隧道、地下通道积水。',
    defaultUrgency: 'urgent', timeLimits: EMERGENCY,
    questions: [choice('depth', '积水深度', ['没过脚踝', '没过小腿', '没过膝盖或更深']), yesNo('carsStuck', '是否有车辆被困')],
    safetyNotice: '请勿涉水或驾车通过积水路段、隧道和下穿通道，远离路灯杆、配电箱等带电设施。有人或车辆被困请立即拨打 119。',
    hotlines: [FIRE],
  },
  {
    code: 'E0502', name: '燃气泄漏', kind: 'event', category: '突发事件', icon: '🔥',
    description: '闻到燃气味、燃气管道或表具损坏。',
    defaultUrgency: 'urgent', timeLimits: EMERGENCY,
    questions: [choice('where', '气味在哪里', ['室内', '楼道', '室外管道'])],
    // Nobody should stand next to a leak taking photos.
    minPhotos: 0, publicReports: false, allowAnonymous: true,
    safetyNotice: '请立即远离现场，勿开关电器，勿使用明火，不要在现场打电话；到户外安全处拨打燃气抢修电话。',
    hotlines: [GAS_REPAIR, FIRE],
  },
  {
    code: 'E0503', name: '路面塌陷', kind: 'event', category: '突发事件', icon: '⚠️',
    description: '路面突然下陷、出现空洞。',
    defaultUrgency: 'urgent', timeLimits: EMERGENCY,
    questions: [{ code: 'size', label: '塌陷直径约（米）', type: 'number', min: 0, max: 1000 }],
    safetyNotice: '请远离塌陷区域，提醒行人车辆绕行。有人或车辆掉落请立即拨打 119 和 120。',
    hotlines: [FIRE, AMBULANCE, POLICE],
  },
  {
    code: 'E0504', name: '停电', kind: 'event', category: '突发事件', icon: '🔦',
    description: '片区或整栋楼停电（非计划停电）。',
    defaultUrgency: 'important', timeLimits: UTILITY,
    questions: [choice('scope', '停电范围', ['单户', '整栋楼', '整片区域'])],
    minPhotos: 0,
    safetyNotice: '请关闭家中大功率电器，等待恢复供电；可拨打供电服务电话了解停电原因。',
    hotlines: [POWER_REPAIR],
  },
  {
    code: 'E0505', name: '火灾', kind: 'event', category: '突发事件', icon: '🧯',
    description: '起火、冒浓烟或闻到焦糊味。',
    defaultUrgency: 'urgent', timeLimits: EMERGENCY,
    // A fire must never wait in a queue: the notice and 119, no report.
    safetyNotice: '请立即拨打 119，说清楚地址和起火情况。用湿毛巾捂住口鼻，沿安全通道向下撤离，不要乘坐电梯，不要返回取物。',
    hotlines: [FIRE, AMBULANCE],
    hotlineOnly: true, minPhotos: 0,
  },
  // 事件 · 其他
  {
    code: OTHER_ITEM_CODE, name: '其他问题', kind: 'event', category: '其他事件', icon: '❓',
    description: '菜单里找不到的问题，请描述清楚，指挥中心会转给负责的部门。',
    defaultUrgency: 'normal', timeLimits: GENERAL,
    hotlines: [CITY_HOTLINE],
    minPhotos: 0, descriptionRequired: true,
  },
];
