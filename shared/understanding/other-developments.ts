import { FUNCTION_CHARS } from './text-features.ts';

/**
 * Another development named by the buyer (`金沙湾的车位`, `隔壁天悦湾现在卖什么价`, `海信的盘`): a
 * name the pack never writes, in a position where only a development's name fits.
 */

/**
 * A development named by the buyer: two to four characters ending in a usual development suffix.
 * It names another project when the pack never writes it and an in-scope subject follows it
 * (`金沙湾的车位`, `龙腾苑物业费`, `对面的东湖里车位`).
 */
const NAMED_DEVELOPMENT =
  /(?:^|[，,。？?！!\s]|的|隔壁|对面|旁边|附近|城[东南西北]|[东南西北]边|江[东南西北]|河[东南西北])(?:的)?([\p{Script=Han}]{2,4}?(?:华府|华庭|花园|公馆|名邸|府|苑|湾|城|里|庭|园|居|邸|墅|阁|轩|湾区|半岛|壹号|一号))(?:那边|那里|那个盘|那个小区|小区|项目|楼盘|的|那个|也|都)?(?=车位|物业|交房|均价|单价|房价|价格|绿化|学区|公摊|装修|户型|首付|定金|开盘|得房率|容积率|层高|品牌|开发商|学校|地铁|规划|几栋|多少钱|什么时候|啥时候|怎么样|卖多少)/u;
/** A development named right after a neighbour word is another project whatever follows: `隔壁天悦湾现在卖什么价`. */
const NEIGHBOUR_DEVELOPMENT =
  /(?:隔壁|对面|旁边|附近)(?:的|那个|那边的?)?([\p{Script=Han}]{2,4}?(?:华府|华庭|花园|公馆|名邸|府|苑|湾|城|里|庭|园|居|邸|墅|阁|轩|半岛|壹号|一号|天地|名城|家园|豪庭))/u;
/** A developer or place named as the owner of a development: `海信的盘`, `万象那个楼盘`, `正商家的房子`. */
const NAMED_OWNER_PROJECT =
  /(?:^|[，,。？?！!\s])([\p{Script=Han}]{2,4}?)(?:(?:的|家的|家|那个|那边的?)(?:盘|楼盘|项目|新盘|小区)|(?:家的|家|那边的?)房子)/u;
/** Words ending in a development suffix that are not names (幼儿园, 哪里, 城里 …). */
const NOT_A_NAME =
  /^(靠|临|近|挨|朝|对着|往)|幼儿园|公园|乐园|校园|家园里|菜园|花园里|这里|那里|哪里|家里|城里|屋里|小区里|区里|心里|公里|里里|楼里|院里|县城|城市|省城|新城区|老城|古城|商城|港湾|海湾|台湾|小区|项目|售楼|样板|本项目/;

/**
 * `packText`: every normalised text of the pack; `ownNames`: the project's own name as written
 * and normalised. Returns whether a (normalised) text names another development.
 */
export function createOtherDevelopmentCheck(
  packText: string,
  ownNames: readonly string[],
): (text: string) => boolean {
  return (text) => {
    const hit =
      NAMED_DEVELOPMENT.exec(text) ?? NEIGHBOUR_DEVELOPMENT.exec(text) ?? NAMED_OWNER_PROJECT.exec(text);
    if (!hit) return false;
    const name = hit[1]!;
    if (NOT_A_NAME.test(name) || [...name].some((c) => FUNCTION_CHARS.has(c))) return false;
    return !packText.includes(name) && !ownNames.some((own) => own.includes(name) || name.includes(own));
  };
}
