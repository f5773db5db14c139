import type { DeclineReason } from '#shared/understanding/matcher-types.ts';

/**
 * Everything the bot says that is not an approved script answer. Declines never promise anything:
 * they say a person will follow up.
 */
const FOLLOW_UP = '稍后会由置业顾问或相关负责人为您跟进答复。';

export const declineTexts: Record<DeclineReason, string> = {
  'no-match': `这个问题目前没有经过审核的标准答复，为避免给您不准确的信息，${FOLLOW_UP}`,
  haggling: `价格、折扣和付款方面的特殊优惠不在我可以答复的范围内，以公司正式政策和书面合同为准，${FOLLOW_UP}`,
  guarantee: `我不能作出销售口径之外的承诺，也不能增加合同条款；所有约定以书面合同及其附件为准，${FOLLOW_UP}`,
  competitor: `我只能介绍本项目经过审核的信息，不评价其他开发商或项目，${FOLLOW_UP}`,
  'case-decision': `涉及您个人情况的审批或决定需要由专人依据材料办理，我无法替您作出判断，${FOLLOW_UP}`,
  'personal-lookup': '为保护个人信息，我不能查询或提供他人及工作人员的个人信息。',
  prediction: `我不能对房价走势、投资收益等作出预测或评价，${FOLLOW_UP}`,
  abuse: '理解您的心情。我们希望好好为您服务，如有不满意之处，工作人员会认真听取并尽快处理。',
  'off-topic': '我是本项目的签约助手，只能解答与本项目购房、签约相关的问题。',
  uncertain: `这个问题我不能确定经过审核的答复是否适用，为避免给您不准确的信息，${FOLLOW_UP}`,
  injection: '我只能依据经过审核的销售口径答复与本项目购房、签约相关的问题。',
  empty: '没有看清您的问题，请换个说法再问一次。',
};

export const secondaryQuestionNote = '您提到的另一个问题，我们会接着为您解答，或由工作人员跟进答复。';

export function sealText(projectName: string): string {
  return (
    `恭喜您完成签约，欢迎成为${projectName}的业主！` +
    '签约后的服务渠道：本系统“业主服务”中可随时查看工程进展、咨询问题和报修；' +
    '售后服务专员会与您保持联系，投诉与报修30分钟内响应。稍后我们会进行签约回访，感谢您的信任。'
  );
}
