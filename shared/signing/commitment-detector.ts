/**
 * Flags words that make a person's sentence sound like a promise the developer could be held to
 * (最高人民法院商品房买卖合同解释 art. 3). A flag is a prompt for review, not a verdict, so the list
 * errs towards recall.
 */
const PROMISE_TERMS = [
  '保证',
  '承诺',
  '担保',
  '一定',
  '肯定',
  '绝对',
  '百分百',
  '包你',
  '包括送',
  '赠送',
  '白送',
  '送',
  '免费',
  '返现',
  '返还',
  '减免',
  '优惠',
  '打折',
  '折扣',
  '学区',
  '学位',
  '入学',
  '保值',
  '升值',
  '涨价',
  '稳赚',
  '回购',
  '包租',
  '地铁',
  '交房',
  '精装',
  '不会有',
  '没有影响',
] as const;

export function detectPromiseTerms(text: string): string[] {
  const found = PROMISE_TERMS.filter((term) => text.includes(term));
  // '送' is reported only when no longer gift word already covers it.
  return found.filter((t) => t !== '送' || !found.some((o) => o !== '送' && o.includes('送')));
}
