import * as z from 'zod';
import { idSchema } from '#shared/script/pack-schema.ts';
import { plainText } from '#shared/validation/plain-text.ts';

/** Chat text: 1..2000 characters after trimming, newlines allowed, no other control characters. */
export const chatTextSchema = plainText({ max: 2000, multiline: true, label: '消息' });

export const openSessionSchema = z.strictObject({
  projectId: idSchema,
  unitId: plainText({ max: 64, label: '房号' }),
  buyer: z.strictObject({
    name: plainText({ max: 50, label: '购房人姓名' }),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{5,22}$/, '手机号格式不正确'),
  }),
});
export type OpenSessionInput = z.infer<typeof openSessionSchema>;

export const postMessageSchema = z.strictObject({
  text: chatTextSchema,
  clientMessageId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'clientMessageId 只能包含字母、数字和 ._:-'),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

export const sessionIdParam = z.strictObject({
  id: z.string().regex(/^ses_[a-z0-9]{20,40}$/, '会话编号格式不正确'),
});
export const disclosureParam = z.strictObject({
  id: sessionIdParam.shape.id,
  disclosureId: idSchema,
});
