/**
 * Chinese numerals, percentages, discounts and area units in a buyer's question, rewritten to one
 * form so that `三成`, `3成` and `30%` (or `九五折` and `95折`, `30坪` and `99平米`) look alike.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const NUMERAL = '[零〇一二两三四五六七八九十百千]';

/** Value of a Chinese numeral up to the thousands (`三十五` → 35, `两千` → 2000, `九五` → 95). */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  // Digit-by-digit form, used for discounts and years: 九五 → 95, 二〇二八 → 2028.
  if (/^[零〇一二两三四五六七八九]+$/.test(text) && text.length > 1) {
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const ch of text) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      current = digit;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (!unit) return null;
    total += (current || 1) * unit;
    current = 0;
  }
  return total + current;
}

const SQUARE_METRES_PER_PING = 3.3058;
const SQUARE_METRES_PER_SQUARE_FOOT = 0.0929;

const numeralBefore = (units: string) => new RegExp(`(${NUMERAL}+)(?=${units})`, 'g');
const MEASURE_UNITS =
  '年|万|千|平|米|层|楼|号|栋|幢|座|套|户|岁|元|块|公里|分钟|个月|个小时|天|成|折|梯|房|室|厅|倍|坪|呎|期|部';

export function normalizeNumbers(text: string): string {
  return (
    text
      // 百分之三十 → 30%
      .replace(new RegExp(`百分之(${NUMERAL}+|\\d+(?:\\.\\d+)?)`, 'g'), (_, n: string) => {
        const value = /\d/.test(n) ? Number(n) : parseChineseNumber(n);
        return value === null ? _ : `${value}%`;
      })
      // Chinese numerals before a measure word → Arabic digits.
      .replace(numeralBefore(MEASURE_UNITS), (n: string) => {
        const value = parseChineseNumber(n);
        return value === null ? n : String(value);
      })
      // 3成 → 30% (but not 成本, 成交, 成都 …)
      .replace(
        /(\d+(?:\.\d+)?)成(?![本交都功立熟为品年家])/g,
        (_, n: string) => `${Math.round(Number(n) * 10)}%`,
      )
      // Areas: 30坪 → 99平米, 800呎 → 74平米, 89平方/89㎡/89m2 → 89平米. One unit is a rate
      // (几钱一呎, 一坪多少), read like 一平米.
      .replace(/(\d+(?:\.\d+)?)\s*坪/g, (_, n: string) => `${areaOf(n, SQUARE_METRES_PER_PING)}平米`)
      .replace(
        /(\d+(?:\.\d+)?)\s*(?:平方)?[呎尺](?!寸)/g,
        (_, n: string) => `${areaOf(n, SQUARE_METRES_PER_SQUARE_FOOT)}平米`,
      )
      .replace(/(\d+(?:\.\d+)?)\s*个?(?:平方米|平米|平方|㎡|m²|m2|平(?![方米安台时常稳]))/g, '$1平米')
  );
}

function areaOf(n: string, squareMetresPerUnit: number): number {
  return Number(n) === 1 ? 1 : Math.round(Number(n) * squareMetresPerUnit);
}
