import { DOMAIN_CONCEPTS } from './housing-concepts.ts';

/**
 * What a pack covers, read from its own text: subjects it never mentions are gaps for the next
 * version (a question about them is declined, not guessed), and items it says come with the flat
 * make `送X吗` a question rather than a request for a concession.
 */

/**
 * Subjects sales scripts rarely cover. When the pack does not mention one, a question about it is
 * declined as a gap even if its other words resemble an entry (`小区能养大型犬吗`).
 */
const OUT_OF_SCOPE_WORDS = [
  '宠物',
  '狗',
  '犬',
  '猫',
  '养鱼',
  '学费',
  '教练',
  '养鸡',
  '养鸭',
  '家禽',
  'wifi',
  '无线网',
  '网速',
  '宽带',
  '抽烟',
  '吸烟',
  '太阳能',
  '热水器',
  '别墅',
  '外卖',
  '快递',
  '装修公司',
  '家具',
  '搬家',
  '保姆',
  '钢琴',
  '广场舞',
  '烧烤',
  '晾衣',
  '洗衣机',
];

/**
 * Facilities and institutions a buyer may ask about by name. A group is out of scope unless the
 * pack's own text names one of its words: sharing a broader concept is not enough (a pool is not a
 * gym, a hospital is not a university, a kindergarten is not a basketball court).
 */
const FACILITY_GROUPS: readonly (readonly string[])[] = [
  ['篮球'],
  ['网球'],
  ['羽毛球'],
  ['乒乓'],
  ['足球场'],
  ['高尔夫'],
  ['健身'],
  ['瑜伽'],
  ['大学', '高校', '大专'],
  ['高中'],
  ['图书馆', '书店', '阅览'],
  ['商铺', '铺面', '店铺', '门面', '铺位', '写字楼', '办公楼'],
  ['底商'],
  ['游乐场', '游乐区', '儿童乐园', '滑梯', '游乐设施', '儿童游乐'],
  ['养老院', '敬老院', '养老机构'],
  ['菜市场', '农贸市场'],
  ['驾校'],
  ['教堂'],
  ['酒窖'],
  ['食堂'],
  ['小卖部'],
  ['停机坪', '直升机'],
  ['温泉'],
  ['酒吧', '夜店', 'ktv', '网吧'],
  ['银行网点', 'atm'],
  ['加油站'],
  ['电影院'],
  ['游泳池', '泳池', '游泳馆'],
  ['净水器', '净水机', '软水机'],
  ['报警器', '燃气报警'],
  ['新风系统', '新风机'],
  ['垃圾处理器'],
  ['空调外机', '外机', '空调位'],
  ['烟道', '排烟道', '排风道'],
  ['车位尺寸', '车位大小', '车位多宽', '车位宽', 'suv'],
  ['装修贷'],
  ['发票'],
  ['人才补贴', '购房补贴', '人才'],
  ['军人', '军官证', '现役', '士兵证'],
];

/**
 * Details sales scripts rarely state, found again and again in questions independent writers
 * expected declined (payment apps, tariffs, facade materials, lift breakdowns …). The same rule as
 * for facilities: a group is a gap unless the pack's own text names one of its words.
 */
const DETAIL_GROUPS: readonly (readonly string[])[] = [
  ['支付宝', '微信支付', '信用卡', '花呗', '云闪付'],
  ['峰谷电', '峰谷', '阶梯电价', '阶梯水价'],
  ['水费', '电费', '水价', '电价', '一吨', '居民用电', '民用电', '商业用电'],
  ['补办', '挂失', '弄丢'],
  ['燃气卡', '电卡', '水卡'],
  ['民宿', '短租', '日租'],
  ['托管', '代租', '代管', '租出去', '帮忙出租', '帮我出租'],
  ['商转公', '转成公积金', '转公积金'],
  ['补缴', '断缴'],
  ['外国人', '外籍', '美国', '英国', '日本', '韩国', '加拿大', '澳大利亚', '新加坡', '护照'],
  ['直饮水', '净水'],
  ['抗震', '设防烈度', '地震'],
  ['钓鱼', '垂钓'],
  ['提取', '提出来', '公积金账户里的钱'],
  ['loft', '夹层'],
  ['防水'],
  ['物业电话', '客服电话', '联系电话', '热线'],
  [
    '限售',
    '转手',
    '马上卖',
    '多久可以卖',
    '多久能卖',
    '几年以后可以卖',
    '几年后可以卖',
    '几年能卖',
    '几年可以卖',
    '几年才能卖',
    '多久才能卖',
    '上市交易',
  ],
  ['商住两用', '注册公司'],
  ['出入口', '几个大门', '大门有几个'],
  ['家政'],
  ['升学率', '重点率', '一本率'],
  ['甲醛检测', '检测报告'],
  ['垃圾分类'],
  ['注册资本', '注册资金'],
  ['楼板多厚', '楼板厚', '楼板厚度'],
  ['利率', '利息', 'lpr'],
  ['招生', '入学材料', '报名材料', '招多少'],
  ['干湿分离'],
  ['国际学校'],
  ['移民', '入籍'],
  ['强积金', 'mpf'],
  ['坟', '墓地', '公墓', '以前是干'],
  ['中介费'],
  ['医务室', '卫生站'],
  ['外立面', '外墙', '真石漆', '石材', '干挂'],
  ['门口停车', '门口能停车', '门口能不能停车', '门口停车要钱'],
  ['外小区', '小区外的人'],
  ['电梯坏', '困电梯', '被困'],
  ['施工时间', '几点到几点可以施工', '装修时间限制'],
  ['搭个小仓库', '搭仓库', '改成仓库', '改成小仓库', '改成储藏'],
  ['鞋柜', '堆放'],
  ['医保'],
  ['供气公司', '燃气公司', '哪家公司供'],
  ['动用'],
  ['抵个税', '抵税', '抵扣个税'],
  ['楼书'],
  ['设计院', '设计单位'],
  ['广告费', '广告收益'],
  ['改水电'],
  ['甲醛'],
  ['个税政策'],
  ['积分落户'],
  ['辐射', '致癌'],
  ['提前还款', '提前还贷', '提前还吗', '可以提前还'],
  ['果岭'],
  ['水压'],
  ['型材'],
  ['机场大巴'],
  ['光伏'],
  ['早教', '托育'],
  ['燃气费', '气价'],
  ['票价', '月票'],
  ['共享单车'],
  ['专家号', '挂号'],
  ['改成住人'],
  ['宠物医院'],
  ['停房车', '房车停'],
  ['私家电梯', '加装电梯'],
  ['贴息'],
  ['门票', '免费开放', '免费进'],
  ['用公积金交', '公积金来交', '公积金抵扣', '公积金抵'],
  ['摆摊'],
  ['卖掉要交', '转卖要交', '卖房要交'],
  ['战时'],
  ['包场', '婚礼', '办酒'],
  ['钢筋', '牌号'],
  ['车位按揭', '车位贷款', '车位能贷', '车位能办按揭'],
];

/** Other names a pack may give an item that comes with the flat (送院子 ↔ 赠送私家庭院). */
const GIFT_ITEM_NAMES: Readonly<Record<string, readonly string[]>> = {
  院子: ['庭院', '花园', '院落', '小院'],
  花园: ['庭院', '院子', '院落'],
  空调: ['冷气'],
  冷气: ['空调'],
  车库: ['车位'],
  地下室: ['储藏室', '负一层', '地下空间'],
  露台: ['平台', '阳台'],
  阁楼: ['夹层', '斜顶'],
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface PackScope {
  /** Whether the text names a subject the pack never mentions. */
  mentionsOutOfScope(text: string): boolean;
  /** Whether the pack says the flat comes with `item` (赠送空调, 配置空调, 车位不赠送). */
  gives(item: string, vocabulary: { applyVocabulary(text: string): string }): boolean;
}

/** `packText`: every normalised text of the pack, each also with the vocabulary applied. */
export function createPackScope(packText: string): PackScope {
  // Out of scope only if the pack covers neither the word nor its concept (猫 is covered by 宠物).
  const conceptCovered = (word: string) =>
    Object.values(DOMAIN_CONCEPTS).some(
      (words) => words.includes(word) && words.some((w) => !w.includes('+') && packText.includes(w)),
    );
  const outOfScope = [
    ...OUT_OF_SCOPE_WORDS.filter((word) => !packText.includes(word) && !conceptCovered(word)),
    ...[...FACILITY_GROUPS, ...DETAIL_GROUPS]
      .filter((group) => !group.some((word) => packText.includes(word)))
      .flat(),
  ];
  // One alternation: the check runs on every typo target at load and on every question.
  const outOfScopePattern = outOfScope.length > 0 ? new RegExp(outOfScope.map(escapeRegExp).join('|')) : null;
  return {
    mentionsOutOfScope: (text) => outOfScopePattern?.test(text) ?? false,
    gives(item, vocabulary) {
      const names = [item, vocabulary.applyVocabulary(item), ...(GIFT_ITEM_NAMES[item] ?? [])];
      const words = names.map(escapeRegExp).join('|');
      return new RegExp(
        `(配置|配备|附送|附带|赠送|不含|不包含|不包括|不属于|不作为|随房|不随|[送赠含])[^。；;\\n]{0,8}(${words})|(${words})[^。；;\\n]{0,8}([送赠]|自购|自行|另购|不配|未配|不提供)`,
      ).test(packText);
    },
  };
}
